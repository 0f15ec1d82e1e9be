// Reads one Alembic environment from alembic.ini and/or pyproject.toml into an
// AlembicEnvironment with absolute paths. Deliberate difference from Alembic: relative paths
// resolve against the config file's directory, not the process's working directory, because git
// hooks run at the top of the work tree, not where the team runs `alembic`.
import path from 'node:path';

import {
  readAlembicSettings,
  type AlembicSettings,
} from '../core/config/alembic-settings/settings.js';
import { SectionView } from '../core/config/configparser.js';
import type { ConstantValue } from '../core/revision.js';
import { ConfigError } from '../errors.js';
import {
  iniKey,
  SCRIPT_DIRECTORY_MISSING,
  SCRIPT_LOCATION_EMPTY,
  SCRIPT_LOCATION_MISSING,
  SCRIPT_LOCATION_MISSING_HINT,
} from '../messages/alembic-config.js';
import { displayPath } from './config-files.js';
import type { AlembicEnvironment, ConfiguredEntry, OverriddenPath } from './environment.js';
import { DEFAULT_INI_SECTION, loadSources, type LoadedSources } from './load-sources.js';
import { isDirectory, resolveLocation, type ValueOrigin } from './package-resource.js';
import { resolveVersionLocations } from './resolve-versions.js';

/** Paths from the git-alembic config that replace what the Alembic config says. */
export interface EnvironmentOverrides {
  readonly scriptLocation?: string | undefined;
  /** Absolute paths or glob patterns (`…/versions/*`), expanded against the work tree. */
  readonly versionLocations?: readonly string[] | undefined;
  readonly headsFile?: string | undefined;
}

/** Which environment to read. Relative paths resolve against `repoRoot`. */
export interface EnvironmentSpec {
  /**
   * alembic.ini (any name) or pyproject.toml; undefined for an environment the git-alembic config
   * describes alone (`scriptLocation` without `config`), which gets Alembic's defaults.
   */
  readonly configFile: string | undefined;
  /** The ini section (`-n`); `alembic` by default in Alembic. */
  readonly section: string;
  readonly name?: string | undefined;
  readonly repoRoot: string;
  readonly overrides?: EnvironmentOverrides | undefined;
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /** Whether git records files under a directory the work tree lacks (see VersionLocationContext). */
  readonly recordedDirectory?: ((directory: string) => Promise<boolean>) | undefined;
  /** Where the overrides came from (`{ file: '.git-alembicrc', key: 'environments[0]' }`), named in errors. */
  readonly overridesSource?: { readonly file: string; readonly key: string } | undefined;
}

/** Reads and resolves one environment; every problem is a ConfigError naming the file and key. */
export async function readEnvironment(spec: EnvironmentSpec): Promise<AlembicEnvironment> {
  const loaded = await loadEnvironmentSources(spec);
  const settings = readAlembicSettings(loaded.sources, { osPathSeparator: path.delimiter });
  const roots = importRoots(settings, loaded, spec.repoRoot);
  const scriptLocation = await scriptLocationOf(settings, loaded, spec, roots);
  const versionLocations = await resolveVersionLocations(settings.versionLocations, {
    repoRoot: spec.repoRoot,
    roots,
    scriptLocation,
    // An override wins over script_location: then it is what a missing versions/ comes from.
    scriptOrigin:
      (spec.overrides?.scriptLocation === undefined ? settings.scriptLocation : undefined) ??
      overrideOrigin(spec, loaded, 'scriptLocation'),
    overrides: spec.overrides?.versionLocations?.map((location) =>
      path.resolve(spec.repoRoot, location),
    ),
    overrideOrigin: (index) => overrideOrigin(spec, loaded, `versionLocations[${index}]`),
    recordedDirectory: spec.recordedDirectory,
  });
  const headsFile = spec.overrides?.headsFile;
  return {
    name: spec.name ?? defaultName(spec, loaded, scriptLocation),
    configFile: loaded.configFile,
    pyprojectFile: loaded.pyprojectFile,
    section: spec.section,
    scriptLocation,
    versionLocations,
    recursiveVersionLocations: settings.recursiveVersionLocations,
    fileTemplate: settings.fileTemplate,
    truncateSlugLength: settings.truncateSlugLength,
    timezone: settings.timezone,
    outputEncoding: settings.outputEncoding,
    revisionEnvironment: settings.revisionEnvironment,
    postWriteHooks: settings.postWriteHooks,
    constants: spec.constants,
    mainOptions: new SectionView(loaded.sources.ini?.document, spec.section),
    headsFile:
      headsFile === undefined
        ? path.join(scriptLocation, 'heads.txt')
        : path.resolve(spec.repoRoot, headsFile),
    ...configuredEntryOf(spec),
  };
}

// The git-alembic config entry the overrides came from, and which paths it sets.
function configuredEntryOf(spec: EnvironmentSpec): { configuredEntry?: ConfiguredEntry } {
  const source = spec.overridesSource;
  if (source === undefined) return {};
  const overrides = spec.overrides ?? {};
  const keys: readonly OverriddenPath[] = ['scriptLocation', 'versionLocations', 'headsFile'];
  const sets = new Set(keys.filter((key) => overrides[key] !== undefined));
  return { configuredEntry: { file: source.file, key: source.key, sets } };
}

/** `<config path relative to the repository>`, plus `[section]` when it is not `alembic`. */
export function environmentName(configFile: string, section: string, repoRoot: string): string {
  const shown = displayPath(configFile, repoRoot);
  return section === DEFAULT_INI_SECTION ? shown : `${shown}[${section}]`;
}

// Without an Alembic config file the environment is named after its script directory.
function defaultName(spec: EnvironmentSpec, loaded: LoadedSources, scriptLocation: string): string {
  if (spec.configFile === undefined) return displayPath(scriptLocation, spec.repoRoot);
  return environmentName(loaded.configFile, spec.section, spec.repoRoot);
}

// An environment the git-alembic config describes alone reads no Alembic file: every setting
// takes Alembic's default, and the git-alembic config is the file it came from.
async function loadEnvironmentSources(spec: EnvironmentSpec): Promise<LoadedSources> {
  if (spec.configFile !== undefined)
    return loadSources(path.resolve(spec.repoRoot, spec.configFile), spec.section, spec.repoRoot);
  const configFile = path.resolve(spec.repoRoot, spec.overridesSource?.file ?? spec.repoRoot);
  return {
    sources: { ini: undefined, toml: undefined },
    configFile,
    iniFile: undefined,
    pyprojectFile: undefined,
  };
}

// Where Python could import a `pkg:dir` package from: sys.path order, then repository guesses.
function importRoots(settings: AlembicSettings, loaded: LoadedSources, repoRoot: string): string[] {
  const prepended = settings.prependSysPath;
  const fromSysPath =
    prepended === undefined
      ? []
      : prepended.value.map((entry) => path.resolve(prepended.directory, entry));
  const roots = [
    ...fromSysPath,
    path.dirname(loaded.configFile),
    repoRoot,
    path.join(repoRoot, 'src'),
  ];
  return [...new Set(roots)];
}

async function scriptLocationOf(
  settings: AlembicSettings,
  loaded: LoadedSources,
  spec: EnvironmentSpec,
  roots: readonly string[],
): Promise<string> {
  const override = spec.overrides?.scriptLocation;
  if (override !== undefined) {
    const directory = path.resolve(spec.repoRoot, override);
    return requireDirectory(
      directory,
      overrideOrigin(spec, loaded, 'scriptLocation'),
      spec.repoRoot,
      undefined,
    );
  }
  const written = settings.scriptLocation;
  if (written === undefined) {
    const key =
      loaded.sources.ini === undefined
        ? 'tool.alembic.script_location'
        : iniKey(spec.section, 'script_location');
    throw new ConfigError(
      displayPath(loaded.configFile, spec.repoRoot),
      key,
      SCRIPT_LOCATION_MISSING,
      { hint: SCRIPT_LOCATION_MISSING_HINT },
    );
  }
  // Alembic 1.19 reads an empty value as the working directory and finds nothing there, silently.
  if (written.value.trim() === '')
    throw new ConfigError(written.file, written.key, SCRIPT_LOCATION_EMPTY, lineOf(written));
  return requireDirectory(
    await resolveLocation(written.value, written, roots, spec.repoRoot),
    written,
    spec.repoRoot,
    SCRIPT_LOCATION_MISSING_HINT,
  );
}

// The file and key an override is named by in errors (`.git-alembicrc: environments[0].scriptLocation`).
function overrideOrigin(spec: EnvironmentSpec, loaded: LoadedSources, key: string): ValueOrigin {
  const source = spec.overridesSource;
  return {
    file: source?.file ?? displayPath(loaded.configFile, spec.repoRoot),
    key: source === undefined ? key : `${source.key}.${key}`,
    line: undefined,
  };
}

async function requireDirectory(
  directory: string,
  origin: ValueOrigin,
  repoRoot: string,
  hint: string | undefined,
): Promise<string> {
  if (await isDirectory(directory)) return directory;
  const extra = { ...lineOf(origin), ...(hint === undefined ? {} : { hint }) };
  throw new ConfigError(
    origin.file,
    origin.key,
    SCRIPT_DIRECTORY_MISSING(displayPath(directory, repoRoot)),
    extra,
  );
}

function lineOf(origin: { readonly line: number | undefined }): { line?: number } {
  return origin.line === undefined ? {} : { line: origin.line };
}
