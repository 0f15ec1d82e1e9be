// Which Alembic environments a command works on, in this order: the file given with `-c`; the
// environments listed in the git-alembic config; alembic.ini / pyproject.toml in the working
// directory; every tracked alembic.ini and pyproject.toml with [tool.alembic] in the repository.
// Files of one directory (an ini beside a pyproject.toml) form one environment.
import path from 'node:path';

import type { EnvironmentConfig, ResolvedConfig } from '../config/schema.js';
import { compareCodePoints } from '../core/code-point-order.js';
import { ConfigError } from '../errors.js';
import { NO_ENVIRONMENT_FOR_SECTION } from '../messages/alembic-config.js';
import type { AlembicEnvironment } from './environment.js';
import { displayPath, readConfigText, readIniDocument } from './config-files.js';
import { DEFAULT_INI_SECTION, INI_NAME, PYPROJECT_NAME } from './load-sources.js';
import { readPyproject } from './read-pyproject.js';
import { readEnvironment } from './read-settings.js';

/** What discovery needs; git is the caller's business (`listTrackedFiles`). */
export interface DiscoverInput {
  readonly cwd: string;
  readonly repoRoot: string;
  readonly config: ResolvedConfig;
  /** `-c`: alembic.ini or pyproject.toml, relative to `cwd`. */
  readonly configFile?: string | undefined;
  /** `-n`: the ini section. */
  readonly section?: string | undefined;
  /** Repository-relative paths of tracked files, with forward slashes. */
  readonly listTrackedFiles: () => Promise<readonly string[]>;
}

/** The environments to work on, in a stable order; empty when the repository has none. */
export async function discoverEnvironments(input: DiscoverInput): Promise<AlembicEnvironment[]> {
  if (input.configFile !== undefined) return [await explicitEnvironment(input, path.resolve(input.cwd, input.configFile))];
  if (input.config.environments.length > 0) return configuredEnvironments(input);
  const inWorkingDirectory = await directoryEnvironments(input, input.cwd, false);
  if (inWorkingDirectory.length > 0) return inWorkingDirectory;
  return trackedEnvironments(input);
}

// `-c file`: a configured environment for the same file and section lends its name and overrides.
async function explicitEnvironment(input: DiscoverInput, configFile: string): Promise<AlembicEnvironment> {
  const section = input.section ?? DEFAULT_INI_SECTION;
  const index = input.config.environments.findIndex(
    (environment) =>
      environment.config !== undefined && configuredPath(input.config, environment.config) === configFile && (environment.section ?? DEFAULT_INI_SECTION) === section,
  );
  const configured = input.config.environments[index];
  if (configured !== undefined) return readConfigured(input, configured, index);
  return readDiscovered(input, configFile, section);
}

async function configuredEnvironments(input: DiscoverInput): Promise<AlembicEnvironment[]> {
  const selected = input.config.environments
    .map((environment, index) => ({ environment, index }))
    .filter(({ environment }) => input.section === undefined || (environment.section ?? DEFAULT_INI_SECTION) === input.section);
  if (selected.length === 0) {
    throw new ConfigError(input.config.file ?? input.repoRoot, 'environments', NO_ENVIRONMENT_FOR_SECTION(input.section ?? DEFAULT_INI_SECTION));
  }
  const environments: AlembicEnvironment[] = [];
  for (const { environment, index } of selected) environments.push(await readConfigured(input, environment, index));
  return environments;
}

function readConfigured(input: DiscoverInput, environment: EnvironmentConfig, index: number): Promise<AlembicEnvironment> {
  const resolve = (location: string): string => configuredPath(input.config, location);
  return readEnvironment({
    configFile: environment.config === undefined ? undefined : resolve(environment.config),
    section: environment.section ?? DEFAULT_INI_SECTION,
    name: environment.name,
    repoRoot: input.repoRoot,
    overrides: {
      scriptLocation: environment.scriptLocation === undefined ? undefined : resolve(environment.scriptLocation),
      versionLocations: environment.versionLocations?.map(resolve),
      headsFile: environment.headsFile === undefined ? undefined : resolve(environment.headsFile),
    },
    constants: environment.constants,
    overridesSource: { file: input.config.file ?? input.repoRoot, key: `environments[${index}]` },
  });
}

function configuredPath(config: ResolvedConfig, location: string): string {
  return path.resolve(config.baseDirectory, location);
}

// Every tracked alembic.ini and pyproject.toml, grouped by directory, in code-point order.
async function trackedEnvironments(input: DiscoverInput): Promise<AlembicEnvironment[]> {
  const directories = new Set<string>();
  for (const file of await input.listTrackedFiles()) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (name === INI_NAME || name === PYPROJECT_NAME) directories.add(file.slice(0, Math.max(file.lastIndexOf('/'), 0)));
  }
  const environments: AlembicEnvironment[] = [];
  for (const directory of [...directories].sort(compareCodePoints)) {
    const absolute = path.join(input.repoRoot, ...directory.split('/').filter((part) => part !== ''));
    environments.push(...(await directoryEnvironments(input, absolute, true)));
  }
  return environments;
}

// The environments of one directory: its alembic.ini (one per section) or, without an ini, its
// pyproject.toml when that has [tool.alembic].
async function directoryEnvironments(input: DiscoverInput, directory: string, repositoryWide: boolean): Promise<AlembicEnvironment[]> {
  const iniFile = path.join(directory, INI_NAME);
  const document = await readIniDocument(iniFile, displayPath(iniFile, input.repoRoot));
  // Repository-wide, -n picks the inis that have the section (TOML has none); in the working
  // directory its absence is an error.
  const skipForSection = repositoryWide && input.section !== undefined && !(document?.sections.has(input.section) ?? false);
  if (document === undefined) {
    const pyproject = path.join(directory, PYPROJECT_NAME);
    if (skipForSection || !(await hasAlembicTable(pyproject, input.repoRoot))) return [];
    return [await readDiscovered(input, pyproject, input.section ?? DEFAULT_INI_SECTION)];
  }
  if (skipForSection) return [];
  const environments: AlembicEnvironment[] = [];
  for (const section of sectionsOf(document.sections, input.section)) environments.push(await readDiscovered(input, iniFile, section));
  return environments;
}

function readDiscovered(input: DiscoverInput, configFile: string, section: string): Promise<AlembicEnvironment> {
  return readEnvironment({ configFile, section, repoRoot: input.repoRoot, constants: input.config.constants });
}

// Without -n: [alembic] if present, else every section with its own script_location (one ini
// holding several environments, such as [core] and [tenant]), else [alembic] (whose absence
// readEnvironment reports, unless pyproject.toml supplies the settings).
function sectionsOf(sections: ReadonlyMap<string, { readonly options: ReadonlyMap<string, unknown> }>, requested: string | undefined): string[] {
  if (requested !== undefined) return [requested];
  if (sections.has(DEFAULT_INI_SECTION)) return [DEFAULT_INI_SECTION];
  const withScripts = [...sections].filter(([, section]) => section.options.has('script_location')).map(([name]) => name);
  return withScripts.length > 0 ? withScripts : [DEFAULT_INI_SECTION];
}

// Cheap first: most pyproject.toml files never mention alembic and need no TOML parse.
async function hasAlembicTable(file: string, repoRoot: string): Promise<boolean> {
  const shownAs = displayPath(file, repoRoot);
  const text = await readConfigText(file, shownAs);
  if (text === undefined || !text.includes('alembic')) return false;
  return (await readPyproject(file, shownAs)).kind === 'alembic';
}
