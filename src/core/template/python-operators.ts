// Python's binary operators and comparisons on the value model, with Python's semantics
// (bool is an int, `%` formats strings, `in` searches substrings) and Python's TypeErrors.
import { PYTHON_ERROR, UNSUPPORTED_IDENTITY } from '../../messages/template.js';
import type { BinaryOperator, CompareOperator } from './python-ast.js';
import { hasKey } from './python-collections.js';
import { percentFormat } from './python-percent-format.js';
import { failAt, type SourceSite } from './template-site.js';
import { hasKind, isSequence, type PyValue, pyList, pyTuple, pyTypeName } from './python-values.js';

/** An int (or bool, which Python treats as an int) as a number; otherwise null. */
export function asInteger(value: PyValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

function checkedInteger(value: number, site: SourceSite): number {
  if (!Number.isSafeInteger(value))
    failAt(site, PYTHON_ERROR('OverflowError', 'integer too large for git-alembic'));
  return value;
}

function operandError(operator: string, left: PyValue, right: PyValue, site: SourceSite): never {
  const detail = `unsupported operand type(s) for ${operator}: '${pyTypeName(left)}' and '${pyTypeName(right)}'`;
  return failAt(site, PYTHON_ERROR('TypeError', detail));
}

/** Evaluates `left <operator> right`. */
export function binaryOperation(
  operator: BinaryOperator,
  left: PyValue,
  right: PyValue,
  site: SourceSite,
): PyValue {
  const a = asInteger(left);
  const b = asInteger(right);
  if (a !== null && b !== null) return integerOperation(operator, a, b, site);
  if (operator === '%' && typeof left === 'string') return percentFormat(left, right, site);
  if (operator === '+') return concatenate(left, right, site);
  if (operator === '*') return repeat(left, right, site);
  return operandError(operator, left, right, site);
}

function integerOperation(
  operator: BinaryOperator,
  a: number,
  b: number,
  site: SourceSite,
): number {
  switch (operator) {
    case '+':
      return checkedInteger(a + b, site);
    case '-':
      return checkedInteger(a - b, site);
    case '*':
      return checkedInteger(a * b, site);
    case '%':
      if (b === 0) failAt(site, PYTHON_ERROR('ZeroDivisionError', 'integer modulo by zero'));
      return ((a % b) + b) % b;
  }
}

function concatenate(left: PyValue, right: PyValue, site: SourceSite): PyValue {
  if (typeof left === 'string' && typeof right === 'string') return left + right;
  if (isSequence(left) && isSequence(right) && left.kind === right.kind) {
    const items = [...left.items, ...right.items];
    return left.kind === 'tuple' ? pyTuple(items) : pyList(items);
  }
  return operandError('+', left, right, site);
}

// str * int, int * str and the same for tuples and lists; a negative count gives an empty result.
function repeat(left: PyValue, right: PyValue, site: SourceSite): PyValue {
  const count = asInteger(right) ?? asInteger(left);
  const subject = asInteger(right) === null ? right : left;
  if (count === null) return operandError('*', left, right, site);
  const times = Math.max(0, count);
  if (typeof subject === 'string') {
    checkedLength(subject.length * times, site);
    return subject.repeat(times);
  }
  if (!isSequence(subject)) return operandError('*', left, right, site);
  checkedLength(subject.items.length * times, site);
  const items = Array.from({ length: times }, () => subject.items).flat();
  return subject.kind === 'tuple' ? pyTuple(items) : pyList(items);
}

function checkedLength(length: number, site: SourceSite): void {
  if (length > 1_000_000)
    failAt(site, PYTHON_ERROR('MemoryError', 'repetition too large for a template'));
}

/** Python `==`. */
export function pyEquals(left: PyValue, right: PyValue): boolean {
  const a = asInteger(left);
  const b = asInteger(right);
  if (a !== null || b !== null) return a === b;
  if (isSequence(left) && isSequence(right)) {
    const sameLength = left.kind === right.kind && left.items.length === right.items.length;
    return (
      sameLength && left.items.every((item, index) => pyEquals(item, right.items[index] ?? null))
    );
  }
  if (hasKind(left, 'datetime') && hasKind(right, 'datetime')) return left.text === right.text;
  if (hasKind(left, 'date') && hasKind(right, 'date'))
    return left.year === right.year && left.month === right.month && left.day === right.day;
  if (hasKind(left, 'dict') && hasKind(right, 'dict')) {
    return (
      left.entries.size === right.entries.size &&
      [...left.entries].every(([hash, [, value]]) => {
        const other = right.entries.get(hash);
        return other !== undefined && pyEquals(value, other[1]);
      })
    );
  }
  if (hasKind(left, 'set') && hasKind(right, 'set'))
    return (
      left.entries.size === right.entries.size &&
      [...left.entries.keys()].every((hash) => right.entries.has(hash))
    );
  return left === right;
}

/** Evaluates one comparison `left <operator> right`. */
export function compare(
  operator: CompareOperator,
  left: PyValue,
  right: PyValue,
  site: SourceSite,
): boolean {
  switch (operator) {
    case '==':
      return pyEquals(left, right);
    case '!=':
      return !pyEquals(left, right);
    case 'in':
      return contains(right, left, site);
    case 'not in':
      return !contains(right, left, site);
    case 'is':
      return isSame(left, right, site);
    case 'is not':
      return !isSame(left, right, site);
    default:
      return order(operator, left, right, site);
  }
}

function contains(container: PyValue, item: PyValue, site: SourceSite): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string')
      failAt(
        site,
        PYTHON_ERROR(
          'TypeError',
          `'in <string>' requires string as left operand, not ${pyTypeName(item)}`,
        ),
      );
    return container.includes(item);
  }
  if (isSequence(container)) return container.items.some((element) => pyEquals(element, item));
  if (hasKind(container, 'dict') || hasKind(container, 'set')) return hasKey(container, item, site);
  // A generator is consumed up to the first equal item, as in Python.
  if (hasKind(container, 'generator')) {
    for (let next = container.iterator.next(); !next.done; next = container.iterator.next())
      if (pyEquals(next.value, item)) return true;
    return false;
  }
  return failAt(
    site,
    PYTHON_ERROR('TypeError', `argument of type '${pyTypeName(container)}' is not iterable`),
  );
}

// Identity is only well defined for the singletons None, True, False and UNDEFINED.
function isSame(left: PyValue, right: PyValue, site: SourceSite): boolean {
  if (!isSingleton(left) && !isSingleton(right)) failAt(site, UNSUPPORTED_IDENTITY);
  return left === right;
}

function isSingleton(value: PyValue): boolean {
  return value === null || typeof value === 'boolean' || hasKind(value, 'undefined');
}

function order(
  operator: '<' | '<=' | '>' | '>=',
  left: PyValue,
  right: PyValue,
  site: SourceSite,
): boolean {
  const difference = orderDifference(operator, left, right, site);
  if (operator === '<') return difference < 0;
  if (operator === '<=') return difference <= 0;
  if (operator === '>') return difference > 0;
  return difference >= 0;
}

// Negative, zero or positive like a comparator; tuples and lists compare item by item.
function orderDifference(
  operator: string,
  left: PyValue,
  right: PyValue,
  site: SourceSite,
): number {
  const a = asInteger(left);
  const b = asInteger(right);
  if (a !== null && b !== null) return a - b;
  if (typeof left === 'string' && typeof right === 'string') return compareCodePoints(left, right);
  if (isSequence(left) && isSequence(right) && left.kind === right.kind) {
    const index = left.items.findIndex(
      (item, position) =>
        position >= right.items.length || !pyEquals(item, right.items[position] ?? null),
    );
    if (index === -1 || index >= right.items.length) return left.items.length - right.items.length;
    return orderDifference(operator, left.items[index] ?? null, right.items[index] ?? null, site);
  }
  const detail = `'${operator}' not supported between instances of '${pyTypeName(left)}' and '${pyTypeName(right)}'`;
  return failAt(site, PYTHON_ERROR('TypeError', detail));
}

// Python orders strings by code point; JavaScript's `<` compares UTF-16 units.
function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = (a[index]?.codePointAt(0) ?? 0) - (b[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
