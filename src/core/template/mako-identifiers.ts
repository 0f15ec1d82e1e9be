// Which names Mako's generated render function fetches from the context. Mako reads every
// name a `<% %>` block, a control line or a `${}` uses, and fetches those the template does
// not itself declare: names a `<%! %>` block binds, names a `<% %>` block or control line
// assigns, imports or binds as a comprehension target (a `${}` expression's own comprehension
// targets only stop that expression's fetch). Any other name is looked up as a Python global,
// so a name declared only as a comprehension target is a NameError outside it, even when the
// template variables have it (see mako-scope.ts).
import { RESERVED_NAME } from '../../messages/template.js';
import type { ControlClause } from './mako-control-line.js';
import { RESERVED_NAMES } from './mako-reserved-names.js';
import { type Expression, type ForTarget, type Statement, targetNames } from './python-ast.js';
import { failAt, type SourceSite } from './template-site.js';

/** The names a piece of code reads, and the names it binds. */
export interface NameUse {
  readonly reads: Set<string>;
  readonly binds: Set<string>;
}

/** An empty use, to collect into. */
export function nameUse(): NameUse {
  return { reads: new Set(), binds: new Set() };
}

/** Records a block's statements; function bodies are their own scope and are not entered. */
export function useStatements(statements: readonly Statement[], use: NameUse): void {
  for (const statement of statements) {
    if (statement.kind === 'assign') {
      useExpression(statement.value, use);
      for (const target of statement.targets) use.binds.add(target);
    } else if (statement.kind === 'import') {
      for (const binding of statement.bindings) use.binds.add(binding.alias);
    } else if (statement.kind === 'def') {
      use.binds.add(statement.name);
    }
  }
}

/** The names a control line's Python reads and binds. */
export function controlNames(clause: ControlClause): NameUse {
  const use = nameUse();
  if (clause.kind === 'if' || clause.kind === 'elif') useExpression(clause.test, use);
  if (clause.kind === 'for') {
    useExpression(clause.iterable, use);
    useTarget(clause.target, use);
  }
  return use;
}

// Records a loop target's names as bound.
function useTarget(target: ForTarget, use: NameUse): void {
  for (const id of targetNames(target)) use.binds.add(id);
}

// Records an expression: the names it reads, and its comprehension targets as bound.
function useExpression(expression: Expression, use: NameUse): void {
  for (const child of children(expression)) useExpression(child, use);
  if (expression.kind === 'name') use.reads.add(expression.id);
  if (expression.kind === 'comprehension')
    for (const clause of expression.clauses) useTarget(clause.target, use);
}

function children(expression: Expression): readonly Expression[] {
  switch (expression.kind) {
    case 'constant':
    case 'name':
      return [];
    case 'attribute':
      return [expression.object];
    case 'call':
      return [
        expression.callee,
        ...expression.args,
        ...expression.keywords.map((keyword) => keyword.value),
      ];
    case 'index':
      return [expression.object, expression.index];
    case 'slice':
      return [
        expression.object,
        ...[expression.lower, expression.upper].filter((bound) => bound !== null),
      ];
    case 'tuple':
    case 'list':
    case 'set':
      return expression.items;
    case 'dict':
      return expression.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'comprehension':
      return [
        expression.element,
        ...(expression.value === null ? [] : [expression.value]),
        ...expression.clauses.flatMap((clause) => [clause.iterable, ...clause.conditions]),
      ];
    case 'not':
    case 'negate':
    case 'plus':
      return [expression.operand];
    case 'and':
    case 'or':
    case 'binary':
      return [expression.left, expression.right];
    case 'compare':
      return [expression.first, ...expression.rest.map((part) => part.operand)];
    case 'conditional':
      return [expression.test, expression.body, expression.orElse];
  }
}

/** Collects, node by node, what decides the names the render function fetches from the context. */
export class ContextNames {
  private readonly moduleBinds = new Set<string>();
  private readonly body = nameUse();

  /** A `<%! %>` block: its names are module globals, never fetched. */
  addModuleCode(statements: readonly Statement[]): void {
    const use = nameUse();
    useStatements(statements, use);
    for (const name of use.binds) this.moduleBinds.add(name);
  }

  /** A `<% %>` block or a control line's Python; Mako refuses one that binds a reserved name. */
  addBodyCode(use: NameUse, site: SourceSite): void {
    for (const name of use.binds) if (RESERVED_NAMES.has(name)) failAt(site, RESERVED_NAME(name));
    for (const name of use.reads) this.body.reads.add(name);
    for (const name of use.binds) this.body.binds.add(name);
  }

  /** A `${}` expression and the names of its filters. */
  addExpression(expression: Expression, filterNames: readonly string[]): void {
    const use = nameUse();
    useExpression(expression, use);
    for (const name of [...use.reads, ...filterNames])
      if (!use.binds.has(name)) this.body.reads.add(name);
  }

  /** Names the render function fetches from the context (Mako's `to_write`). */
  fetched(): ReadonlySet<string> {
    const names = new Set(this.body.reads);
    for (const name of [...this.body.binds, ...this.moduleBinds, 'context', 'loop'])
      names.delete(name);
    return names;
  }
}
