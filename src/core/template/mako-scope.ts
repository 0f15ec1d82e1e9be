// Name resolution inside a rendering, in the order Mako's generated code resolves names:
// locals of the body, then `<%! %>` module names, then Mako's own names, then the template
// variables (context data), then Python builtins, and finally UNDEFINED.
import { PYTHON_ERROR, UNSUPPORTED_BUILTIN, UNSUPPORTED_MAKO_NAME } from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import { BUILTIN_FUNCTIONS, PYTHON_BUILTIN_NAMES } from './python-builtins.js';
import type { Scope } from './python-evaluator.js';
import { failAt, type SourceSite } from './template-site.js';
import { hasKind, type PyObject, pyFunction, pyObject, type PyValue, UNDEFINED } from './python-values.js';

// Names Mako keeps in the context data (and so also returns from context.get) that we do not model.
const MAKO_CONTEXT_NAMES = new Set(['capture', 'caller', 'self', 'local', 'parent', 'next']);
// Names of Mako's render function that we do not model, plus the context names.
const MAKO_NAMES = new Set([...MAKO_CONTEXT_NAMES, 'loop', 'pageargs', 'STOP_RENDERING']);

/** The scope of one rendering. */
export class RenderScope implements Scope {
  /** Values of the body's locals assigned so far. */
  readonly locals = new Map<string, PyValue>();
  /** Names bound by `<%! %>` blocks. */
  readonly moduleNames = new Map<string, PyValue>();
  private readonly context: PyObject;

  constructor(
    readonly file: string,
    private readonly localNames: ReadonlySet<string>,
    private readonly data: ReadonlyMap<string, PyValue>,
  ) {
    this.context = contextObject(data);
  }

  lookup(name: string, site: SourceSite): PyValue {
    if (this.localNames.has(name)) {
      const value = this.locals.get(name);
      if (value === undefined) failAt(site, PYTHON_ERROR('UnboundLocalError', `local variable '${name}' referenced before assignment`));
      return value;
    }
    const moduleValue = this.moduleNames.get(name);
    if (moduleValue !== undefined) return moduleValue;
    if (name === 'context') return this.context;
    if (name === 'UNDEFINED') return UNDEFINED;
    if (MAKO_NAMES.has(name)) return failAt(site, UNSUPPORTED_MAKO_NAME(name));
    return this.data.has(name) ? (this.data.get(name) as PyValue) : builtinOr(name, UNDEFINED, site);
  }
}

/** A scope for `<%! %>` blocks, which run before rendering and see only module names and builtins. */
export class ModuleScope implements Scope {
  constructor(
    readonly file: string,
    private readonly names: ReadonlyMap<string, PyValue>,
  ) {}

  lookup(name: string, site: SourceSite): PyValue {
    const value = this.names.has(name) ? this.names.get(name) : builtinOr(name, undefined, site);
    if (value === undefined) failAt(site, PYTHON_ERROR('NameError', `name '${name}' is not defined`));
    return value;
  }
}

// Python falls back to builtins; the ones we do not model are refused, not mis-rendered.
function builtinOr<T extends PyValue | undefined>(name: string, fallback: T, site: SourceSite): PyValue | T {
  const builtin = BUILTIN_FUNCTIONS.get(name);
  if (builtin !== undefined) return builtin;
  if (PYTHON_BUILTIN_NAMES.has(name)) return failAt(site, UNSUPPORTED_BUILTIN(name));
  return fallback;
}

// Mako's Context.get(key, default=None): the template data, then builtins, then the default.
function contextObject(data: ReadonlyMap<string, PyValue>): PyObject {
  const get = pyFunction('context.get', (args, site) => {
    const parameters = [{ name: 'key', keyword: true }, { name: 'default', keyword: true, default: null }];
    const [key = null, fallback = null] = bindArguments('get', parameters, args, site);
    if (hasKind(key, 'list')) return failAt(site, PYTHON_ERROR('TypeError', "unhashable type: 'list'"));
    if (typeof key !== 'string') return fallback;
    if (MAKO_CONTEXT_NAMES.has(key)) return failAt(site, UNSUPPORTED_MAKO_NAME(key));
    return data.has(key) ? (data.get(key) as PyValue) : builtinOr(key, fallback, site);
  });
  return pyObject('Context', 'context', [['get', get]]);
}
