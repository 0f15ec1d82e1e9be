// Every setting git-alembic needs from one environment's alembic.ini / pyproject.toml, read in
// the order ScriptDirectory.from_config reads them, with Alembic's defaults. Paths are returned as
// written (with the directory they are relative to); the adapter resolves them on disk.
import { ConfigError } from '../../../errors.js';
import {
  prependSysPathOf,
  versionLocationsOf,
  type PathListOptions,
} from '../version-locations.js';
import { postWriteHooksOf, type HookConfig } from './hooks.js';
import {
  alembicAsBool,
  alembicFlag,
  alembicInteger,
  alembicString,
  lineOf,
  type AlembicSources,
  type Sourced,
} from './sources.js';
import {
  SOURCELESS_UNSUPPORTED,
  TIMEZONE_EMPTY,
  TIMEZONE_EMPTY_HINT,
} from '../../../messages/alembic-config.js';

/** Alembic's default `file_template`. */
export const DEFAULT_FILE_TEMPLATE = '%(rev)s_%(slug)s';
/** Alembic's default `truncate_slug_length`. */
export const DEFAULT_TRUNCATE_SLUG_LENGTH = 40;
/** Alembic's default `output_encoding`. */
export const DEFAULT_OUTPUT_ENCODING = 'utf-8';

/** The settings of one environment before any path is resolved. */
export interface AlembicSettings {
  /** `script_location` as written, or undefined when no file sets it. */
  readonly scriptLocation: Sourced<string> | undefined;
  /** Version locations as written, or undefined for `<script_location>/versions`. */
  readonly versionLocations: Sourced<readonly string[]> | undefined;
  /** `prepend_sys_path` entries (where Python would import a `pkg:dir` package from). */
  readonly prependSysPath: Sourced<readonly string[]> | undefined;
  readonly recursiveVersionLocations: boolean;
  /** `file_template` after interpolation (`%(rev)s_%(slug)s` by default). */
  readonly fileTemplate: string;
  /** `truncate_slug_length` (40 by default; 0 also means 40 when used). */
  readonly truncateSlugLength: number;
  /** `timezone`, verbatim, or undefined for naive local time. */
  readonly timezone: string | undefined;
  /** `output_encoding`, `utf-8` by default. */
  readonly outputEncoding: string;
  /** `revision_environment` (merge runs env.py since Alembic 1.12 when true). */
  readonly revisionEnvironment: boolean;
  /** The `[post_write_hooks]` entries (ini) or `[[tool.alembic.post_write_hooks]]` tables (TOML). */
  readonly postWriteHooks: readonly HookConfig[];
}

/** Reads every setting, throwing a ConfigError (file, key, line) where Alembic would fail. */
export function readAlembicSettings(
  sources: AlembicSources,
  options: PathListOptions,
): AlembicSettings {
  const scriptLocation = alembicString(sources, 'script_location');
  // ScriptDirectory keeps `truncate_slug_length or 40`: unset and 0 both mean 40.
  const truncateSlugLength =
    alembicInteger(sources, 'truncate_slug_length')?.value || DEFAULT_TRUNCATE_SLUG_LENGTH;
  const prependSysPath = prependSysPathOf(sources, options);
  const recursiveVersionLocations =
    alembicFlag(sources, 'recursive_version_locations')?.value ?? false;
  const fileTemplate = alembicString(sources, 'file_template')?.value ?? DEFAULT_FILE_TEMPLATE;
  rejectSourceless(sources);
  const outputEncoding =
    alembicString(sources, 'output_encoding')?.value ?? DEFAULT_OUTPUT_ENCODING;
  const versionLocations = versionLocationsOf(sources, options);
  const timezone = timezoneOf(sources);
  const postWriteHooks = postWriteHooksOf(sources);
  const revisionEnvironment = alembicAsBool(sources, 'revision_environment')?.value ?? false;
  return {
    scriptLocation,
    versionLocations,
    prependSysPath,
    recursiveVersionLocations,
    fileTemplate,
    truncateSlugLength,
    timezone,
    outputEncoding,
    revisionEnvironment,
    postWriteHooks,
  };
}

// Alembic would also load .pyc files without a source; a static reader cannot.
function rejectSourceless(sources: AlembicSources): void {
  const sourceless = alembicFlag(sources, 'sourceless');
  if (sourceless?.value === true)
    throw new ConfigError(
      sourceless.file,
      sourceless.key,
      SOURCELESS_UNSUPPORTED,
      lineOf(sourceless),
    );
}

// Kept verbatim (the naming code resolves it like zoneinfo); an empty value crashes Alembic.
function timezoneOf(sources: AlembicSources): string | undefined {
  const timezone = alembicString(sources, 'timezone');
  if (timezone === undefined) return undefined;
  if (timezone.value === '')
    throw new ConfigError(timezone.file, timezone.key, TIMEZONE_EMPTY, {
      ...lineOf(timezone),
      hint: TIMEZONE_EMPTY_HINT,
    });
  return timezone.value;
}
