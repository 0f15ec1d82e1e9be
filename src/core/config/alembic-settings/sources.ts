// Alembic's option lookup across alembic.ini and pyproject.toml (config.py ≥1.16:
// get_alembic_option, get_alembic_boolean_option, _get_toml_config_value): a key of the ini's
// main section (DEFAULT included) wins, otherwise [tool.alembic], whose strings are
// %-formatted with {here}. Pure: the adapter parses the files and hands them in.
import { ConfigError } from '../../../errors.js';
import { getOption, getRawOption, type ConfigDocument } from '../configparser.js';
import { PercentFormatError, percentFormat } from '../../naming/percent-format.js';
import { parseAsBool, parsePythonInt } from '../../python-text.js';
import {
  iniKey,
  NOT_AN_INTEGER,
  NOT_ASBOOL,
  TOML_EXPECTED_BOOLEAN,
  TOML_EXPECTED_INTEGER,
  TOML_EXPECTED_STRING,
  TOML_PERCENT,
  TOML_PERCENT_HINT,
} from '../../../messages/alembic-config.js';

/** The parsed alembic.ini and the section Alembic reads (`-n`). */
export interface IniSource {
  readonly document: ConfigDocument;
  readonly section: string;
  /** Directory relative paths from this file resolve against (opaque to the core). */
  readonly directory: string;
}

/** The `[tool.alembic]` table of pyproject.toml (integers as bigint, floats as number). */
export interface TomlSource {
  /** The file name used in error messages. */
  readonly file: string;
  /** `%(here)s`: the file's directory with forward slashes. */
  readonly here: string;
  readonly directory: string;
  readonly table: Readonly<Record<string, unknown>>;
}

/** Both halves of one environment's configuration; either may be absent. */
export interface AlembicSources {
  readonly ini: IniSource | undefined;
  readonly toml: TomlSource | undefined;
}

/** A value plus where it came from, so later errors can name the file, key and line. */
export interface Sourced<T> {
  readonly value: T;
  readonly file: string;
  readonly key: string;
  readonly line: number | undefined;
  /** The directory relative paths in this value resolve against. */
  readonly directory: string;
}

/** The ini's main section holds the key (its own or DEFAULT's): Alembic then ignores TOML. */
export function iniHas(sources: AlembicSources, name: string): boolean {
  const { ini } = sources;
  if (ini === undefined) return false;
  return (
    ini.document.sections.has(ini.section) &&
    getRawOption(ini.document, ini.section, name) !== undefined
  );
}

/** An interpolated option of the ini's main section, with its origin. */
export function iniValue(sources: AlembicSources, name: string): Sourced<string> | undefined {
  const ini = sources.ini;
  if (ini === undefined || !iniHas(sources, name)) return undefined;
  const value = getOption(ini.document, ini.section, name) as string;
  const line = getRawOption(ini.document, ini.section, name)?.line;
  return {
    value,
    file: ini.document.fileName,
    key: iniKey(ini.section, name),
    line,
    directory: ini.directory,
  };
}

/** The raw TOML value of `[tool.alembic] name`, with its origin, or undefined. */
export function tomlValue(sources: AlembicSources, name: string): Sourced<unknown> | undefined {
  const toml = sources.toml;
  if (toml === undefined || !Object.hasOwn(toml.table, name)) return undefined;
  return {
    value: toml.table[name],
    file: toml.file,
    key: `tool.alembic.${name}`,
    line: undefined,
    directory: toml.directory,
  };
}

/** `get_alembic_option(name)` for a string setting. */
export function alembicString(sources: AlembicSources, name: string): Sourced<string> | undefined {
  const fromIni = iniValue(sources, name);
  if (fromIni !== undefined) return fromIni;
  const fromToml = tomlValue(sources, name);
  if (fromToml === undefined) return undefined;
  if (typeof fromToml.value !== 'string')
    throw tomlError(fromToml, TOML_EXPECTED_STRING(tomlTypeName(fromToml.value)));
  return {
    ...fromToml,
    value: formatTomlString(sources.toml as TomlSource, fromToml.key, fromToml.value),
  };
}

/** `get_alembic_boolean_option(name)`: ini exactly `true` (case-sensitive), TOML a real boolean, default false. */
export function alembicFlag(sources: AlembicSources, name: string): Sourced<boolean> | undefined {
  const fromIni = iniValue(sources, name);
  if (fromIni !== undefined) return { ...fromIni, value: fromIni.value === 'true' };
  const fromToml = tomlValue(sources, name);
  if (fromToml === undefined) return undefined;
  if (typeof fromToml.value !== 'boolean')
    throw tomlError(fromToml, TOML_EXPECTED_BOOLEAN(tomlTypeName(fromToml.value)));
  return { ...fromToml, value: fromToml.value };
}

/** `int(get_alembic_option(name))`: ini text as Python's int(), TOML an integer or such a string. */
export function alembicInteger(sources: AlembicSources, name: string): Sourced<number> | undefined {
  const fromToml = iniHas(sources, name) ? undefined : tomlValue(sources, name);
  if (fromToml !== undefined && typeof fromToml.value === 'bigint')
    return { ...fromToml, value: Number(fromToml.value) };
  if (fromToml !== undefined && typeof fromToml.value !== 'string')
    throw tomlError(fromToml, TOML_EXPECTED_INTEGER(tomlTypeName(fromToml.value)));
  const text = alembicString(sources, name);
  if (text === undefined) return undefined;
  const value = parsePythonInt(text.value);
  if (value === undefined)
    throw new ConfigError(text.file, text.key, NOT_AN_INTEGER(text.value), { ...lineOf(text) });
  return { ...text, value };
}

/** `util.asbool(get_alembic_option(name))` (revision_environment): yes/no words; TOML booleans and integers too. */
export function alembicAsBool(sources: AlembicSources, name: string): Sourced<boolean> | undefined {
  const fromToml = iniHas(sources, name) ? undefined : tomlValue(sources, name);
  if (fromToml !== undefined && typeof fromToml.value === 'boolean')
    return { ...fromToml, value: fromToml.value };
  if (fromToml !== undefined && typeof fromToml.value === 'bigint')
    return { ...fromToml, value: fromToml.value !== 0n };
  const text = alembicString(sources, name);
  if (text === undefined) return undefined;
  const value = parseAsBool(text.value);
  if (value === undefined)
    throw new ConfigError(text.file, text.key, NOT_ASBOOL(text.value), { ...lineOf(text) });
  return { ...text, value };
}

/** Python `value % {"here": ...}`, as Alembic applies it to every TOML string. */
export function formatTomlString(toml: TomlSource, key: string, value: string): string {
  try {
    return percentFormat(value, { here: toml.here });
  } catch (error) {
    // percentFormat raises what Python would (KeyError, TypeError, ValueError); anything else is a bug.
    if (!(error instanceof PercentFormatError)) throw error;
    throw new ConfigError(toml.file, key, TOML_PERCENT(`${error.pythonError}: ${error.message}`), {
      hint: TOML_PERCENT_HINT,
    });
  }
}

/** A ConfigError naming a TOML key. */
export function tomlError(
  where: { readonly file: string; readonly key: string },
  message: string,
): ConfigError {
  return new ConfigError(where.file, where.key, message);
}

/** How a TOML value's type is named in messages. */
export function tomlTypeName(value: unknown): string {
  if (typeof value === 'bigint') return 'an integer';
  if (typeof value === 'number') return 'a float';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  return 'a table';
}

/** `{ line }` when known, for ConfigError options. */
export function lineOf(where: { readonly line: number | undefined }): { line?: number } {
  return where.line === undefined ? {} : { line: where.line };
}
