// How Alembic turns `version_locations` and `prepend_sys_path` into lists (config.py ≥1.16:
// get_version_locations_list, get_prepend_sys_paths_list, _get_file_separator_char): the ini
// value split on `path_separator` (or the deprecated `version_path_separator`), else the legacy
// regex split, which does not strip its entries; an empty ini value falls back to the TOML list.
import { ConfigError } from '../../errors.js';
import {
  formatTomlString,
  iniHas,
  iniValue,
  lineOf,
  tomlError,
  tomlTypeName,
  tomlValue,
  type AlembicSources,
  type Sourced,
} from './alembic-settings/sources.js';
import {
  BAD_SEPARATOR,
  INLINE_COMMENT_HINT,
  TOML_EXPECTED_LIST,
} from '../../messages/alembic-config.js';
import { pythonStrip } from '../python-text.js';

/** The separator names Alembic accepts, and what they split on (`os` is supplied by the caller). */
const SEPARATORS: Readonly<Record<string, string | undefined>> = {
  space: ' ',
  newline: '\n',
  ':': ':',
  ';': ';',
};

/** The character a separator name stands for, or undefined when Alembic rejects the name. */
export function separatorCharacter(name: string, osPathSeparator: string): string | undefined {
  return name === 'os'
    ? osPathSeparator
    : Object.hasOwn(SEPARATORS, name)
      ? SEPARATORS[name]
      : undefined;
}

/** Split on a configured separator: Python `[x.strip() for x in value.split(sep) if x]` (whitespace-only entries become ''). */
export function splitOnSeparator(value: string, separator: string): string[] {
  return value
    .split(separator)
    .filter((entry) => entry !== '')
    .map(pythonStrip);
}

/** Legacy split of `version_locations` and post-write hook names: `re.split(r", *|(?: +)")`, entries not stripped. */
export function splitLegacy(value: string): string[] {
  return value.split(/, *| +/);
}

/** Legacy split of `prepend_sys_path`: `re.split(r", *|(?: +)|\:")`. */
export function splitLegacyWithColon(value: string): string[] {
  return value.split(/, *| +|:/);
}

/** Options for the list readers. */
export interface PathListOptions {
  /** `os.pathsep` of the running platform: `:` on POSIX, `;` on Windows. */
  readonly osPathSeparator: string;
}

/** `version_locations` as Alembic lists them (entries as written), or undefined for `<script_location>/versions`. */
export function versionLocationsOf(
  sources: AlembicSources,
  options: PathListOptions,
): Sourced<string[]> | undefined {
  return pathListOf(
    sources,
    'version_locations',
    ['path_separator', 'version_path_separator'],
    splitLegacy,
    options,
  );
}

/** `prepend_sys_path` as Alembic lists it (empty when unset); only `path_separator` applies to it. */
export function prependSysPathOf(
  sources: AlembicSources,
  options: PathListOptions,
): Sourced<string[]> | undefined {
  return pathListOf(sources, 'prepend_sys_path', ['path_separator'], splitLegacyWithColon, options);
}

function pathListOf(
  sources: AlembicSources,
  name: string,
  separatorKeys: readonly string[],
  legacySplit: (value: string) => string[],
  options: PathListOptions,
): Sourced<string[]> | undefined {
  const fromIni = iniValue(sources, name);
  if (fromIni !== undefined && fromIni.value !== '') {
    const separator = separatorOf(sources, separatorKeys, options);
    return {
      ...fromIni,
      value:
        separator === undefined
          ? legacySplit(fromIni.value)
          : splitOnSeparator(fromIni.value, separator),
    };
  }
  return tomlListOf(sources, name);
}

// The first separator key present in the main section wins; an unknown value is an error even
// when a later key would be valid (the inline-comment trap of 1.8.1's generated alembic.ini).
function separatorOf(
  sources: AlembicSources,
  keys: readonly string[],
  options: PathListOptions,
): string | undefined {
  const key = keys.find((candidate) => iniHas(sources, candidate));
  if (key === undefined) return undefined;
  const setting = iniValue(sources, key) as Sourced<string>;
  const separator = separatorCharacter(setting.value, options.osPathSeparator);
  if (separator !== undefined) return separator;
  const hint = /[#;]/.test(setting.value) ? INLINE_COMMENT_HINT : undefined;
  throw new ConfigError(setting.file, setting.key, BAD_SEPARATOR(setting.value), {
    ...lineOf(setting),
    ...(hint === undefined ? {} : { hint }),
  });
}

function tomlListOf(sources: AlembicSources, name: string): Sourced<string[]> | undefined {
  const fromToml = tomlValue(sources, name);
  if (fromToml === undefined || sources.toml === undefined) return undefined;
  const toml = sources.toml;
  const list = fromToml.value;
  if (!Array.isArray(list)) throw tomlError(fromToml, TOML_EXPECTED_LIST(tomlTypeName(list)));
  const value = list.map((entry: unknown, index) => {
    const key = `${fromToml.key}[${index}]`;
    if (typeof entry !== 'string')
      throw tomlError(
        { file: fromToml.file, key },
        TOML_EXPECTED_LIST(`${tomlTypeName(entry)} at index ${index}`),
      );
    return formatTomlString(toml, key, entry);
  });
  return { ...fromToml, value };
}
