// Reads one Alembic environment from alembic.ini and/or pyproject.toml into an
// AlembicEnvironment with absolute paths. Deliberate difference from Alembic: relative paths
// resolve against the config file's directory, not the process's working directory, because git
// hooks run at the top of the work tree, not where the team runs `alembic`.
import path from 'node:path';

import { readAlembicSettings, type AlembicSettings } from '../core/config/alembic-settings/settings.js';
import type { Sourced } from '../core/config/alembic-settings/sources.js';
import { SectionView } from '../core/config/configparser.js';
import type { ConstantValue } from '../core/revision.js';
import { ConfigError } from '../errors.js';
import { iniKey, SCRIPT_DIRECTORY_MISSING, SCRIPT_LOCATION_MISSING, SCRIPT_LOCATION_MISSING_HINT } from '../messages/alembic-config.js';
import { displayPath } from './config-files.js';
import type { AlembicEnvironment } from './environment.js';
import { DEFAULT_INI_SECTION, loadSources, type LoadedSources } from './load-sources.js';
import { isDirectory, isPackageResource, resolvePackageResource, type ValueOrigin } from './package-resource.js';

/** Paths from the git-alembic config that replace what the Alembic config says. */
export interface EnvironmentOverrides {
  readonly scriptLocation?: string | undefined;
  readonly versionLocations?: readonly string[] | undefined;
  readonly headsFile?: string | undefined;
}

/** Which environment to read. Relative paths resolve against `repoRoot`. */
export interface EnvironmentSpec {
  /** alembic.ini (any name) or pyproject.toml. */
  readonly configFile: string;
  /** The ini section (`-n`); `alembic` by default in Alembic. */
  readonly section: string;
  readonly name?: string | undefined;
  readonly repoRoot: string;
  readonly overrides?: EnvironmentOverrides | undefined;
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /** Where the overrides came from (`{ file: '.git-alembicrc', key: 'environments[0]' }`), named in errors. */
  readonly overridesSource?: { readonly file: string; readonly key: string } | undefined;
}

/** Reads and resolves one environment; every problem is a ConfigError naming the file and key. */
export async function readEnvironment(spec: EnvironmentSpec): Promise<AlembicEnvironment> {
  const configFile = path.resolve(spec.repoRoot, spec.configFile);
  const loaded = await loadSources(configFile, spec.section, spec.repoRoot);
  const settings = readAlembicSettings(loaded.sources, { osPathSeparator: path.delimiter });
  const roots = importRoots(settings, loaded, spec.repoRoot);
  const scriptLocation = await scriptLocationOf(settings, loaded, spec, roots);
  const versionLocations = await versionLocationsOf(settings, spec, roots, scriptLocation);
  const headsFile = spec.overrides?.headsFile;
  return {
    name: spec.name ?? environmentName(loaded.configFile, spec.section, spec.repoRoot),
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
    headsFile: headsFile === undefined ? path.join(scriptLocation, 'heads.txt') : path.resolve(spec.repoRoot, headsFile),
  };
}

/** `<config path relative to the repository>`, plus `[section]` when it is not `alembic`. */
export function environmentName(configFile: string, section: string, repoRoot: string): string {
  const shown = displayPath(configFile, repoRoot);
  return section === DEFAULT_INI_SECTION ? shown : `${shown}[${section}]`;
}

// Where Python could import a `pkg:dir` package from: sys.path order, then repository guesses.
function importRoots(settings: AlembicSettings, loaded: LoadedSources, repoRoot: string): string[] {
  const prepended = settings.prependSysPath;
  const fromSysPath = prepended === undefined ? [] : prepended.value.map((entry) => path.resolve(prepended.directory, entry));
  const roots = [...fromSysPath, path.dirname(loaded.configFile), repoRoot, path.join(repoRoot, 'src')];
  return [...new Set(roots)];
}

async function scriptLocationOf(settings: AlembicSettings, loaded: LoadedSources, spec: EnvironmentSpec, roots: readonly string[]): Promise<string> {
  const override = spec.overrides?.scriptLocation;
  if (override !== undefined) {
    const directory = path.resolve(spec.repoRoot, override);
    const source = spec.overridesSource;
    const origin = { file: source?.file ?? displayPath(loaded.configFile, spec.repoRoot), key: source === undefined ? 'scriptLocation' : `${source.key}.scriptLocation`, line: undefined };
    return requireDirectory(directory, origin, spec.repoRoot, undefined);
  }
  const written = settings.scriptLocation;
  if (written === undefined) {
    const key = loaded.sources.ini === undefined ? 'tool.alembic.script_location' : iniKey(spec.section, 'script_location');
    throw new ConfigError(displayPath(loaded.configFile, spec.repoRoot), key, SCRIPT_LOCATION_MISSING, { hint: SCRIPT_LOCATION_MISSING_HINT });
  }
  return requireDirectory(await resolveLocation(written.value, written, roots, spec.repoRoot), written, spec.repoRoot, SCRIPT_LOCATION_MISSING_HINT);
}

async function versionLocationsOf(settings: AlembicSettings, spec: EnvironmentSpec, roots: readonly string[], scriptLocation: string): Promise<string[]> {
  const override = spec.overrides?.versionLocations;
  if (override !== undefined) return override.map((location) => path.resolve(spec.repoRoot, location));
  const written = settings.versionLocations;
  if (written === undefined) return [path.join(scriptLocation, 'versions')];
  // Missing version locations are skipped by Alembic (and by the revision reader), not errors.
  return Promise.all(written.value.map((location) => resolveLocation(location, written, roots, spec.repoRoot)));
}

// A path as Alembic's coerce_resource_to_filename sees it: absolute, package resource, or relative.
async function resolveLocation(value: string, origin: Sourced<unknown>, roots: readonly string[], repoRoot: string): Promise<string> {
  if (path.isAbsolute(value)) return path.normalize(value);
  if (isPackageResource(value)) return resolvePackageResource(value, roots, origin, repoRoot);
  return path.resolve(origin.directory, value);
}

async function requireDirectory(directory: string, origin: ValueOrigin, repoRoot: string, hint: string | undefined): Promise<string> {
  if (await isDirectory(directory)) return directory;
  const extra = { ...(origin.line === undefined ? {} : { line: origin.line }), ...(hint === undefined ? {} : { hint }) };
  throw new ConfigError(origin.file, origin.key, SCRIPT_DIRECTORY_MISSING(displayPath(directory, repoRoot)), extra);
}
