// Evaluates the expression tree with Python semantics: short-circuit `and`/`or` returning
// an operand, chained comparisons, code-point indexing, and calls of known functions only.
import {
  IMPORTED_NAME_USED,
  PYTHON_ERROR,
  UNDEFINED_ATTRIBUTE,
  UNKNOWN_FUNCTION,
  UNSUPPORTED_ATTRIBUTE,
} from '../../messages/template.js';
import type { Expression } from './python-ast.js';
import { dictAttribute, dictItem } from './python-collections.js';
import { evaluateCollection } from './python-comprehension.js';
import { dateAttribute } from './python-datetime.js';
import { asInteger, binaryOperation, compare } from './python-operators.js';
import type { Scope } from './python-scope.js';
import { stringMethod } from './python-str-methods.js';
import type { SourceSite } from './template-site.js';
import { failAt } from './template-site.js';
import {
  hasKind,
  isSequence,
  isTruthy,
  type PyValue,
  pyList,
  pyTuple,
  pyTypeName,
} from './python-values.js';

export type { Scope } from './python-scope.js';

/** Evaluates an expression in a scope. */
export function evaluate(expression: Expression, scope: Scope): PyValue {
  const site: SourceSite = { file: scope.file, line: expression.line };
  switch (expression.kind) {
    case 'constant':
      return expression.value;
    case 'name':
      return lookupName(expression.id, scope, site);
    case 'attribute':
      return evaluateAttribute(expression, scope, site);
    case 'call':
      return evaluateCall(expression, scope, site);
    case 'index':
      return index(evaluate(expression.object, scope), evaluate(expression.index, scope), site);
    case 'slice':
      return slice(
        evaluate(expression.object, scope),
        optional(expression.lower, scope),
        optional(expression.upper, scope),
        site,
      );
    case 'tuple':
      return pyTuple(expression.items.map((item) => evaluate(item, scope)));
    case 'list':
      return pyList(expression.items.map((item) => evaluate(item, scope)));
    case 'set':
    case 'dict':
    case 'comprehension':
      return evaluateCollection(expression, scope, evaluate);
    default:
      return evaluateOperator(expression, scope, site);
  }
}

// A name imported from alembic or sqlalchemy may be imported, never used.
function lookupName(name: string, scope: Scope, site: SourceSite): PyValue {
  const value = scope.lookup(name, site);
  if (hasKind(value, 'imported')) return failAt(site, IMPORTED_NAME_USED(name, value.source));
  return value;
}

function evaluateOperator(expression: Expression, scope: Scope, site: SourceSite): PyValue {
  switch (expression.kind) {
    case 'not':
      return !isTruthy(evaluate(expression.operand, scope));
    case 'negate':
    case 'plus':
      return unary(expression.kind, evaluate(expression.operand, scope), site);
    case 'and': {
      const left = evaluate(expression.left, scope);
      return isTruthy(left) ? evaluate(expression.right, scope) : left;
    }
    case 'or': {
      const left = evaluate(expression.left, scope);
      return isTruthy(left) ? left : evaluate(expression.right, scope);
    }
    case 'binary':
      return binaryOperation(
        expression.operator,
        evaluate(expression.left, scope),
        evaluate(expression.right, scope),
        site,
      );
    case 'compare':
      return evaluateComparison(expression, scope, site);
    case 'conditional':
      return evaluate(
        isTruthy(evaluate(expression.test, scope)) ? expression.body : expression.orElse,
        scope,
      );
    default:
      return failAt(site, PYTHON_ERROR('SyntaxError', `unexpected ${expression.kind}`));
  }
}

// `a < b < c` is `a < b and b < c`, each operand evaluated once, stopping at the first false.
function evaluateComparison(
  expression: Extract<Expression, { kind: 'compare' }>,
  scope: Scope,
  site: SourceSite,
): boolean {
  let left = evaluate(expression.first, scope);
  for (const { operator, operand } of expression.rest) {
    const right = evaluate(operand, scope);
    if (!compare(operator, left, right, site)) return false;
    left = right;
  }
  return true;
}

function unary(kind: 'negate' | 'plus', operand: PyValue, site: SourceSite): PyValue {
  const value = asInteger(operand);
  const symbol = kind === 'negate' ? '-' : '+';
  if (value === null)
    return failAt(
      site,
      PYTHON_ERROR('TypeError', `bad operand type for unary ${symbol}: '${pyTypeName(operand)}'`),
    );
  return kind === 'negate' ? 0 - value : value;
}

function evaluateCall(
  expression: Extract<Expression, { kind: 'call' }>,
  scope: Scope,
  site: SourceSite,
): PyValue {
  const callee = evaluate(expression.callee, scope);
  const positional = expression.args.map((argument) => evaluate(argument, scope));
  const keywords = new Map<string, PyValue>();
  for (const keyword of expression.keywords) {
    if (keywords.has(keyword.name))
      failAt(site, PYTHON_ERROR('SyntaxError', `keyword argument repeated: ${keyword.name}`));
    keywords.set(keyword.name, evaluate(keyword.value, scope));
  }
  if (hasKind(callee, 'function')) return callee.call({ positional, keywords }, site);
  if (hasKind(callee, 'undefined'))
    return failAt(site, UNKNOWN_FUNCTION(calleeName(expression.callee)));
  return failAt(site, PYTHON_ERROR('TypeError', `'${pyTypeName(callee)}' object is not callable`));
}

function evaluateAttribute(
  expression: Extract<Expression, { kind: 'attribute' }>,
  scope: Scope,
  site: SourceSite,
): PyValue {
  const object = evaluate(expression.object, scope);
  if (hasKind(object, 'undefined')) {
    return failAt(site, UNDEFINED_ATTRIBUTE(calleeName(expression), calleeName(expression.object)));
  }
  return getAttribute(object, expression.name, site);
}

function calleeName(callee: Expression): string {
  if (callee.kind === 'name') return callee.id;
  if (callee.kind === 'attribute') return `${calleeName(callee.object)}.${callee.name}`;
  return 'expression';
}

/** `value.name`: str methods, datetime attributes, dict.get and the attributes of known objects. */
export function getAttribute(value: PyValue, name: string, site: SourceSite): PyValue {
  if (typeof value === 'string') return stringMethod(value, name, site);
  if (hasKind(value, 'datetime') || hasKind(value, 'date')) return dateAttribute(value, name, site);
  if (hasKind(value, 'dict')) return dictAttribute(value, name, site);
  if (hasKind(value, 'object')) {
    const attribute = value.attributes.get(name);
    return attribute === undefined
      ? failAt(site, UNSUPPORTED_ATTRIBUTE(value.displayName, name))
      : attribute;
  }
  return failAt(site, UNSUPPORTED_ATTRIBUTE(pyTypeName(value), name));
}

function optional(expression: Expression | null, scope: Scope): PyValue {
  return expression === null ? null : evaluate(expression, scope);
}

function itemsOf(value: PyValue): readonly PyValue[] | null {
  if (typeof value === 'string') return Array.from(value);
  return isSequence(value) ? value.items : null;
}

function index(object: PyValue, key: PyValue, site: SourceSite): PyValue {
  if (hasKind(object, 'dict')) return dictItem(object, key, site);
  const items = itemsOf(object);
  if (items === null)
    return failAt(
      site,
      PYTHON_ERROR('TypeError', `'${pyTypeName(object)}' object is not subscriptable`),
    );
  const position = asInteger(key);
  if (position === null)
    return failAt(
      site,
      PYTHON_ERROR(
        'TypeError',
        `${pyTypeName(object)} indices must be integers, not ${pyTypeName(key)}`,
      ),
    );
  const item = items[position < 0 ? position + items.length : position];
  if (item === undefined)
    return failAt(site, PYTHON_ERROR('IndexError', `${pyTypeName(object)} index out of range`));
  return item;
}

// Python slices clamp to the sequence and never fail on out-of-range bounds.
function slice(object: PyValue, lower: PyValue, upper: PyValue, site: SourceSite): PyValue {
  const items = itemsOf(object);
  if (items === null)
    return failAt(
      site,
      PYTHON_ERROR('TypeError', `'${pyTypeName(object)}' object is not subscriptable`),
    );
  const bound = (value: PyValue, fallback: number): number => {
    if (value === null) return fallback;
    const number = asInteger(value);
    if (number === null)
      return failAt(site, PYTHON_ERROR('TypeError', 'slice indices must be integers or None'));
    return Math.min(items.length, Math.max(0, number < 0 ? number + items.length : number));
  };
  const selected = items.slice(bound(lower, 0), bound(upper, items.length));
  if (typeof object === 'string') return selected.join('');
  return hasKind(object, 'tuple') ? pyTuple(selected) : pyList(selected);
}
