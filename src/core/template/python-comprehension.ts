// Dict and set displays and comprehensions, with Python's semantics: the first iterable is
// evaluated at once in the enclosing scope, everything else in the comprehension's own scope
// (its targets never leak out), and a generator expression runs lazily as it is consumed.
// The evaluator is passed in, so this module does not import it.
import { PYTHON_ERROR } from '../../messages/template.js';
import { type ComprehensionClause, type Expression, targetNames } from './python-ast.js';
import { pyDict, pySet } from './python-collections.js';
import { bindTarget, iterateValue } from './python-iteration.js';
import { LocalScope, type Scope } from './python-scope.js';
import { failAt, type SourceSite } from './template-site.js';
import { isTruthy, pyList, type PyValue } from './python-values.js';

/** The evaluator's entry point. */
export type Evaluate = (expression: Expression, scope: Scope) => PyValue;

type Collection = Extract<Expression, { kind: 'dict' | 'set' | 'comprehension' }>;
type Comprehension = Extract<Expression, { kind: 'comprehension' }>;

/** Evaluates `{…}` displays and comprehensions. */
export function evaluateCollection(
  expression: Collection,
  scope: Scope,
  evaluate: Evaluate,
): PyValue {
  const site = { file: scope.file, line: expression.line };
  switch (expression.kind) {
    case 'set':
      return pySet(
        expression.items.map((item) => evaluate(item, scope)),
        site,
      );
    case 'dict':
      return pyDict(
        expression.entries.map(
          ({ key, value }) => [evaluate(key, scope), evaluate(value, scope)] as const,
        ),
        site,
      );
    case 'comprehension':
      return evaluateComprehension(expression, scope, evaluate, site);
  }
}

function evaluateComprehension(
  expression: Comprehension,
  scope: Scope,
  evaluate: Evaluate,
  site: SourceSite,
): PyValue {
  const [first] = expression.clauses as [ComprehensionClause, ...ComprehensionClause[]];
  const outer = iterateValue(evaluate(first.iterable, scope), site);
  const local = new LocalScope(scope, clauseTargetNames(expression.clauses));
  const rows = (): Generator<void> =>
    clauseRows(expression.clauses, 0, outer, local, evaluate, site);
  const element = (): PyValue => evaluate(expression.element, local);
  switch (expression.form) {
    case 'generator':
      return { kind: 'generator', iterator: guardReentry(mapRows(rows(), element), site) };
    case 'list':
      return pyList(Array.from(mapRows(rows(), element)));
    case 'set':
      return pySet(mapRows(rows(), element), site);
    case 'dict': {
      const value = expression.value as Expression;
      return pyDict(
        mapRows(rows(), () => [element(), evaluate(value, local)] as const),
        site,
      );
    }
  }
}

// One empty yield per combination of items that passes every condition, targets bound.
function* clauseRows(
  clauses: readonly ComprehensionClause[],
  index: number,
  items: Iterable<PyValue>,
  local: LocalScope,
  evaluate: Evaluate,
  site: SourceSite,
): Generator<void> {
  const clause = clauses[index] as ComprehensionClause;
  const next = clauses[index + 1];
  for (const item of items) {
    local.budget.step(site);
    bindTarget(clause.target, item, local.locals, site);
    if (!clause.conditions.every((condition) => isTruthy(evaluate(condition, local)))) continue;
    if (next === undefined) yield;
    else
      yield* clauseRows(
        clauses,
        index + 1,
        iterateValue(evaluate(next.iterable, local), site),
        local,
        evaluate,
        site,
      );
  }
}

function* mapRows<T>(rows: Generator<void>, produce: () => T): Generator<T> {
  for (const _row of rows) yield produce();
}

// A generator that asks for its own next item while computing one fails as in Python.
function guardReentry(iterator: Iterator<PyValue>, site: SourceSite): Iterator<PyValue> {
  let running = false;
  return {
    next: () => {
      if (running) failAt(site, PYTHON_ERROR('ValueError', 'generator already executing'));
      running = true;
      try {
        return iterator.next();
      } finally {
        running = false;
      }
    },
  };
}

function clauseTargetNames(clauses: readonly ComprehensionClause[]): Set<string> {
  return new Set(clauses.flatMap(({ target }) => targetNames(target)));
}
