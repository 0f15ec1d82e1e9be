// Small typed readers for the untyped value a config file holds. Each failure is a ConfigError
// naming the config file and the key path (`environments[1].config`).
import { closestName } from '../core/closest-name.js';
import { isDottedPythonName } from '../core/python-text.js';
import type { ConstantValue } from '../core/revision.js';
import { ConfigError } from '../errors.js';
import {
  BAD_CONSTANT_NAME,
  EXPECTED_ARRAY,
  EXPECTED_BOOLEAN,
  EXPECTED_CONSTANT,
  EXPECTED_NON_EMPTY,
  EXPECTED_OBJECT,
  EXPECTED_ONE_OF,
  EXPECTED_STRING,
  UNKNOWN_KEY,
} from '../messages/alembic-config.js';

/** The file being validated and the key path of the value at hand. */
export interface FieldPath {
  readonly file: string;
  readonly key: string;
}

/** The path of a child key (`a.b`, `a[0]`). */
export function child(at: FieldPath, key: string | number): FieldPath {
  if (typeof key === 'number') return { file: at.file, key: `${at.key}[${key}]` };
  return { file: at.file, key: at.key === '' ? key : `${at.key}.${key}` };
}

/** An error about the value at `at`. */
export function fieldError(at: FieldPath, message: string): ConfigError {
  return new ConfigError(at.file, at.key === '' ? undefined : at.key, message);
}

/** How a value's type is named in messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A plain object whose keys are all known; unknown keys fail with a suggestion. */
export function knownObject(
  value: unknown,
  at: FieldPath,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fieldError(at, EXPECTED_OBJECT(typeName(value)));
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.includes(key))
      throw fieldError(child(at, key), UNKNOWN_KEY(closestName(key, known)));
  }
  return record;
}

/** An optional boolean (absent or undefined gives the default). */
export function readBoolean(
  record: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
  fallback: boolean,
): boolean {
  const value = record[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw fieldError(child(at, key), EXPECTED_BOOLEAN(typeName(value)));
  return value;
}

/** An optional string; `nonEmpty` rejects ''. */
export function readString(
  record: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
  nonEmpty: boolean,
): string | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw fieldError(child(at, key), EXPECTED_STRING(typeName(value)));
  if (nonEmpty && value.trim() === '') throw fieldError(child(at, key), EXPECTED_NON_EMPTY);
  return value;
}

/** An optional string from a fixed set. */
export function readChoice<T extends string>(
  record: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
  choices: readonly T[],
  fallback: T,
): T {
  const value = record[key];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as T;
  throw fieldError(
    child(at, key),
    EXPECTED_ONE_OF(choices, typeof value === 'string' ? JSON.stringify(value) : typeName(value)),
  );
}

/** An optional array of non-empty strings (undefined when absent); an empty array is an error. */
export function readStringList(
  record: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
): string[] | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw fieldError(child(at, key), EXPECTED_ARRAY(typeName(value)));
  if (value.length === 0) throw fieldError(child(at, key), EXPECTED_NON_EMPTY);
  return value.map((entry: unknown, index) => {
    if (typeof entry !== 'string')
      throw fieldError(child(child(at, key), index), EXPECTED_STRING(typeName(entry)));
    if (entry.trim() === '') throw fieldError(child(child(at, key), index), EXPECTED_NON_EMPTY);
    return entry;
  });
}

/** `constants`: Python (dotted) names mapped to a string, an array of strings, or null. */
export function readConstants(
  record: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
): Map<string, ConstantValue> {
  const value = record[key];
  const constants = new Map<string, ConstantValue>();
  if (value === undefined) return constants;
  const where = child(at, key);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fieldError(where, EXPECTED_OBJECT(typeName(value)));
  for (const [name, constant] of Object.entries(value)) {
    const entry = { file: at.file, key: `${where.key}[${JSON.stringify(name)}]` };
    if (!isDottedPythonName(name)) throw fieldError(entry, BAD_CONSTANT_NAME);
    constants.set(name, readConstant(constant, entry));
  }
  return constants;
}

function readConstant(value: unknown, at: FieldPath): ConstantValue {
  if (value === null || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string'))
    return Object.freeze([...value]);
  throw fieldError(at, EXPECTED_CONSTANT(typeName(value)));
}
