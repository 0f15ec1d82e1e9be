// The Python builtins a template may call, and the names of all the others: a template
// that reaches for `open` or `globals` must be refused, not rendered as Mako's UNDEFINED.
import { PYTHON_ERROR } from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import { pyRepr, pyStr } from './python-repr.js';
import { failAt } from './template-site.js';
import { hasKind, isSequence, type PyFunction, pyFunction, pyTypeName } from './python-values.js';

/** The supported builtins: repr(), str() and len(). */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, PyFunction> = new Map([
  [
    'repr',
    pyFunction('repr', (args, site) =>
      pyRepr(bindArguments('repr', [{ name: 'obj' }], args, site)[0] ?? null, site),
    ),
  ],
  [
    'str',
    pyFunction('str', (args, site) =>
      pyStr(bindArguments('str', [{ name: 'object', default: '' }], args, site)[0] ?? null, site),
    ),
  ],
  [
    'len',
    pyFunction('len', (args, site) => {
      const [value = null] = bindArguments('len', [{ name: 'obj' }], args, site);
      if (typeof value === 'string') return Array.from(value).length;
      if (isSequence(value)) return value.items.length;
      if (hasKind(value, 'dict') || hasKind(value, 'set')) return value.entries.size;
      return failAt(
        site,
        PYTHON_ERROR('TypeError', `object of type '${pyTypeName(value)}' has no len()`),
      );
    }),
  ],
]);

/** Every name in Python's builtins module (3.8 to 3.13), the supported ones included. */
export const PYTHON_BUILTIN_NAMES: ReadonlySet<string> = new Set(
  (
    'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError ' +
    'BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ' +
    'ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning ' +
    'EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError ' +
    'FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError ' +
    'InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ' +
    'ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError ' +
    'OverflowError PendingDeprecationWarning PermissionError ProcessLookupError PythonFinalizationError ' +
    'RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration ' +
    'StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError ' +
    'UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError ' +
    'UnicodeWarning UserWarning ValueError Warning ZeroDivisionError _IncompleteInputError __build_class__ ' +
    '__debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__ abs aiter all anext any ascii ' +
    'bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits ' +
    'delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals ' +
    'hasattr hash help hex id input int isinstance issubclass iter len license list locals map max ' +
    'memoryview min next object oct open ord pow print property quit range repr reversed round set ' +
    'setattr slice sorted staticmethod str sum super tuple type vars zip'
  ).split(' '),
);
