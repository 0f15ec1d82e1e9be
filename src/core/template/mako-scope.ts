// Name resolution inside a rendering, as in the render function Mako generates: locals of the
// body; `context`; names Mako fetches from the context (the template variables, then Python
// builtins, then UNDEFINED); any other name is a global of the template module (`<%! %>`
// names, then builtins, else NameError).
import {
  PYTHON_ERROR,
  UNSUPPORTED_BUILTIN,
  UNSUPPORTED_MAKO_NAME,
} from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import { BUILTIN_FUNCTIONS, PYTHON_BUILTIN_NAMES } from './python-builtins.js';
import { RenderBudget, readLocal, type Scope } from './python-scope.js';
import { failAt, type SourceSite } from './template-site.js';
import {
  hasKind,
  type PyObject,
  pyFunction,
  pyObject,
  type PyValue,
  UNDEFINED,
} from './python-values.js';

// Names Mako keeps in the context data (and so also returns from context.get) that we do not model.
const MAKO_CONTEXT_NAMES = new Set(['capture', 'caller', 'self', 'local', 'parent', 'next']);
// Names of Mako's render function that we do not model, plus the context names.
const MAKO_NAMES = new Set([...MAKO_CONTEXT_NAMES, 'loop', 'pageargs', 'STOP_RENDERING']);
// Globals of the module Mako generates, besides UNDEFINED and STOP_RENDERING.
const MAKO_MODULE_NAMES = new Set([
  'runtime',
  'filters',
  'cache',
  '_exports',
  '_magic_number',
  '_modified_time',
  '_enable_loop',
  '_template_filename',
  '_template_uri',
  '_source_encoding',
]);

/** What a compiled template says about the names of its body. */
export interface BodyNames {
  /** Names the body assigns (Python locals of the render function). */
  readonly localNames: ReadonlySet<string>;
  /** Names the render function fetches from the context (see mako-identifiers.ts). */
  readonly fetchedNames: ReadonlySet<string>;
}

/** The scope of one rendering: the body's names, with the module scope behind them. */
export class RenderScope implements Scope {
  /** Values of the body's locals assigned so far. */
  readonly locals = new Map<string, PyValue>();
  /** The template module's globals, where `<%! %>` blocks bind names. */
  readonly module: ModuleScope;
  readonly budget = new RenderBudget();
  private readonly context: PyObject;

  constructor(
    readonly file: string,
    private readonly names: BodyNames,
    private readonly data: ReadonlyMap<string, PyValue>,
  ) {
    this.context = contextObject(data);
    this.module = new ModuleScope(file, this.budget);
  }

  lookup(name: string, site: SourceSite): PyValue {
    if (this.names.localNames.has(name)) return readLocal(this.locals, name, site);
    if (name === 'context') return this.context;
    if (!this.names.fetchedNames.has(name)) return this.module.lookup(name, site);
    if (MAKO_NAMES.has(name)) return failAt(site, UNSUPPORTED_MAKO_NAME(name));
    return this.data.has(name)
      ? (this.data.get(name) as PyValue)
      : builtinOr(name, UNDEFINED, site);
  }
}

/**
 * The template module's globals: what `<%! %>` blocks bind (they run before rendering), then
 * Mako's own module names, then builtins. Functions defined there look names up here.
 */
export class ModuleScope implements Scope {
  readonly names = new Map<string, PyValue>();

  constructor(
    readonly file: string,
    readonly budget: RenderBudget,
  ) {}

  lookup(name: string, site: SourceSite): PyValue {
    const value = this.names.get(name);
    if (value !== undefined) return value;
    if (name === 'UNDEFINED') return UNDEFINED;
    if (MAKO_NAMES.has(name) || MAKO_MODULE_NAMES.has(name))
      return failAt(site, UNSUPPORTED_MAKO_NAME(name));
    const builtin = builtinOr(name, undefined, site);
    return builtin ?? failAt(site, PYTHON_ERROR('NameError', `name '${name}' is not defined`));
  }
}

// Python falls back to builtins; the ones we do not model are refused, not mis-rendered.
function builtinOr<T extends PyValue | undefined>(
  name: string,
  fallback: T,
  site: SourceSite,
): PyValue | T {
  const builtin = BUILTIN_FUNCTIONS.get(name);
  if (builtin !== undefined) return builtin;
  if (PYTHON_BUILTIN_NAMES.has(name)) return failAt(site, UNSUPPORTED_BUILTIN(name));
  return fallback;
}

// Mako's Context.get(key, default=None): the template data, then builtins, then the default.
function contextObject(data: ReadonlyMap<string, PyValue>): PyObject {
  const get = pyFunction('context.get', (args, site) => {
    const parameters = [
      { name: 'key', keyword: true },
      { name: 'default', keyword: true, default: null },
    ];
    const [key = null, fallback = null] = bindArguments('get', parameters, args, site);
    if (hasKind(key, 'list'))
      return failAt(site, PYTHON_ERROR('TypeError', "unhashable type: 'list'"));
    if (typeof key !== 'string') return fallback;
    if (MAKO_CONTEXT_NAMES.has(key)) return failAt(site, UNSUPPORTED_MAKO_NAME(key));
    return data.has(key) ? (data.get(key) as PyValue) : builtinOr(key, fallback, site);
  });
  return pyObject('Context', 'context', [['get', get]]);
}
