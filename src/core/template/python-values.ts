// The small typed model of Python values a script.py.mako template can see. JavaScript
// primitives stand for None (null), bool, int (safe integers only) and str; everything
// else is a tagged object, so the evaluator never handles an untyped `unknown`.
import type { WallClock } from '../naming/create-date.js';
import type { SourceSite } from './template-site.js';

/** A Python tuple. */
export interface PyTuple {
  readonly kind: 'tuple';
  readonly items: readonly PyValue[];
}

/** A Python list. */
export interface PyList {
  readonly kind: 'list';
  readonly items: readonly PyValue[];
}

/** Mako's `UNDEFINED`: what an unknown name evaluates to; falsy, and an error once rendered. */
export interface PyUndefined {
  readonly kind: 'undefined';
}

/** The fields of a datetime, with its UTC offset and zone when it is aware. */
export interface DateTimeParts extends WallClock {
  /** UTC offset in seconds; null for a naive datetime. */
  readonly offsetSeconds: number | null;
  /** The zone key of an aware datetime (Alembic's `timezone`), when known. */
  readonly zone: string | null;
}

/**
 * Alembic's `create_date`: `text` is its `str()` as computed elsewhere; `parts` are its fields,
 * or null when the text is not in `str(datetime)` form (then only str() is known).
 */
export interface PyDateTime {
  readonly kind: 'datetime';
  readonly text: string;
  readonly parts: DateTimeParts | null;
}

/** A `datetime.date` (what `create_date.date()` returns). */
export interface PyDate {
  readonly kind: 'date';
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A dict: entries keyed by hashKey() of the Python key, in insertion order. */
export interface PyDict {
  readonly kind: 'dict';
  readonly entries: ReadonlyMap<string, readonly [PyValue, PyValue]>;
}

/** A set: items keyed by hashKey(). Python's iteration order of a set is not modelled. */
export interface PySet {
  readonly kind: 'set';
  readonly entries: ReadonlyMap<string, PyValue>;
}

/** A generator expression: lazy and consumed once, like Python's. */
export interface PyGenerator {
  readonly kind: 'generator';
  readonly iterator: Iterator<PyValue>;
}

/** A name imported from alembic or sqlalchemy: allowed as an import, refused once used. */
export interface PyImported {
  readonly kind: 'imported';
  /** The import as written, e.g. `from alembic import op`. */
  readonly source: string;
}

/** Positional and keyword arguments of one call. */
export interface CallArguments {
  readonly positional: readonly PyValue[];
  readonly keywords: ReadonlyMap<string, PyValue>;
}

/** A callable: a builtin, a bound method or a template variable such as `comma`. */
export interface PyFunction {
  readonly kind: 'function';
  /** The Python name, used in error messages (`re.split`, `str.strip`). */
  readonly name: string;
  readonly call: (args: CallArguments, site: SourceSite) => PyValue;
}

/** An object with a fixed set of attributes (Alembic's `Config`, Mako's context, `re`). */
export interface PyObject {
  readonly kind: 'object';
  /** The Python type name (`Config`, `module`), as Python's own errors spell it. */
  readonly typeName: string;
  /** How a template refers to it (`config`, `re`), for our messages. */
  readonly displayName: string;
  readonly attributes: ReadonlyMap<string, PyValue>;
}

/** The values that are tagged objects rather than JavaScript primitives. */
export type PyTagged =
  | PyTuple
  | PyList
  | PyUndefined
  | PyDateTime
  | PyDate
  | PyDict
  | PySet
  | PyGenerator
  | PyFunction
  | PyObject
  | PyImported;

/** Every value a template expression can produce. */
export type PyValue = null | boolean | number | string | PyTagged;

/** True when the value is the tagged object of that kind. */
export function hasKind<K extends PyTagged['kind']>(
  value: PyValue,
  kind: K,
): value is Extract<PyTagged, { kind: K }> {
  return typeof value === 'object' && value !== null && value.kind === kind;
}

/** Mako's single `UNDEFINED` value. */
export const UNDEFINED: PyUndefined = Object.freeze({ kind: 'undefined' });

/** Builds a tuple. */
export function pyTuple(items: readonly PyValue[]): PyTuple {
  return { kind: 'tuple', items };
}

/** Builds a list. */
export function pyList(items: readonly PyValue[]): PyList {
  return { kind: 'list', items };
}

/** Builds a callable value. */
export function pyFunction(name: string, call: PyFunction['call']): PyFunction {
  return { kind: 'function', name, call };
}

/** Builds an object with the given attributes. */
export function pyObject(
  typeName: string,
  displayName: string,
  attributes: Iterable<readonly [string, PyValue]>,
): PyObject {
  return { kind: 'object', typeName, displayName, attributes: new Map(attributes) };
}

/** The Python type name of a value, as Python's error messages spell it. */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'int';
    case 'string':
      return 'str';
    default:
      return objectTypeName(value);
  }
}

function objectTypeName(value: PyTagged): string {
  switch (value.kind) {
    case 'tuple':
    case 'list':
    case 'dict':
    case 'set':
    case 'generator':
    case 'function':
      return value.kind;
    case 'undefined':
      return 'Undefined';
    case 'datetime':
    case 'date':
      return `datetime.${value.kind}`;
    case 'object':
      return value.typeName;
    case 'imported':
      return 'module';
  }
}

/** Python truthiness (`bool(value)`); Mako's UNDEFINED is falsy. */
export function isTruthy(value: PyValue): boolean {
  if (value === null) return false;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return value !== 0;
    case 'string':
      return value.length > 0;
    default:
      if (value.kind === 'tuple' || value.kind === 'list') return value.items.length > 0;
      if (value.kind === 'dict' || value.kind === 'set') return value.entries.size > 0;
      return value.kind !== 'undefined';
  }
}

/** True for a tuple or a list. */
export function isSequence(value: PyValue): value is PyTuple | PyList {
  return hasKind(value, 'tuple') || hasKind(value, 'list');
}
