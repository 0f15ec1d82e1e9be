// Name resolution while evaluating, and the limits of one rendering. A template is data from
// the repository: a loop over a million items or a function calling itself must end in a
// clear refusal, never a hang or a stack overflow.
import { PYTHON_ERROR, RECURSION_TOO_DEEP, TOO_MUCH_WORK } from '../../messages/template.js';
import { failAt, type SourceSite } from './template-site.js';
import type { PyValue } from './python-values.js';

/** Loop steps one rendering may take (real templates take a few dozen). */
const MAX_STEPS = 1_000_000;
/** Nested calls of template functions (Python's own limit is about 1000). */
const MAX_DEPTH = 100;

/** Counts the work of one rendering. */
export class RenderBudget {
  private steps = 0;
  private depth = 0;

  /** One loop iteration or comprehension item. */
  step(site: SourceSite): void {
    this.steps += 1;
    if (this.steps > MAX_STEPS) failAt(site, TOO_MUCH_WORK);
  }

  /** Runs a call one level deeper. */
  call<T>(site: SourceSite, run: () => T): T {
    if (this.depth >= MAX_DEPTH) failAt(site, RECURSION_TOO_DEEP);
    this.depth += 1;
    try {
      return run();
    } finally {
      this.depth -= 1;
    }
  }
}

/** Where names come from while evaluating. */
export interface Scope {
  /** The template file, for error messages. */
  readonly file: string;
  /** The limits of the rendering this scope belongs to. */
  readonly budget: RenderBudget;
  /** The value of a name (locals, module names, template variables, builtins, UNDEFINED). */
  lookup(name: string, site: SourceSite): PyValue;
}

/**
 * The scope of a comprehension or a function call: its own local names (all known before it
 * runs, as Python decides them at compile time), then the enclosing scope.
 */
export class LocalScope implements Scope {
  readonly locals = new Map<string, PyValue>();

  constructor(
    private readonly parent: Scope,
    private readonly localNames: ReadonlySet<string>,
  ) {}

  get file(): string {
    return this.parent.file;
  }

  get budget(): RenderBudget {
    return this.parent.budget;
  }

  lookup(name: string, site: SourceSite): PyValue {
    if (!this.localNames.has(name)) return this.parent.lookup(name, site);
    return readLocal(this.locals, name, site);
  }
}

/** The value of local `name`, or Python's UnboundLocalError when it is not assigned yet. */
export function readLocal(
  locals: ReadonlyMap<string, PyValue>,
  name: string,
  site: SourceSite,
): PyValue {
  const value = locals.get(name);
  if (value === undefined)
    failAt(
      site,
      PYTHON_ERROR('UnboundLocalError', `local variable '${name}' referenced before assignment`),
    );
  return value;
}
