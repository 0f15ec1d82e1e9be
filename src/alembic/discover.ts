// Which Alembic environments a command works on, in this order: the file given with `-c`; the
// environments listed in the git-alembic config; below the top level, the Alembic configs of the
// working directory (as `alembic` run there reads them); at the top level, or when the working
// directory has none, every Alembic config of the repository (tracked, plus those in the working
// directory). Hooks run at the top level, so they see every environment.
import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';

import type { EnvironmentConfig, ResolvedConfig } from '../config/schema.js';
import { ConfigError, UserError } from '../errors.js';
import {
  iniSectionKey,
  NO_ENVIRONMENT_FOR_SECTION,
  NO_INI_WITH_SECTION,
  SECTION_MISSING,
} from '../messages/alembic-config.js';
import type { AlembicEnvironment } from './environment.js';
import {
  environmentCandidates,
  isConfigName,
  sortConfigFiles,
  type CandidateOptions,
} from './discover-files.js';
import { withoutOverlaps } from './environment-overlaps.js';
import { DEFAULT_INI_SECTION } from './load-sources.js';
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
  /** Repository-relative paths (forward slashes) of tracked files: at least those named `*.ini` or `pyproject.toml`. */
  readonly listTrackedFiles: () => Promise<readonly string[]>;
  /** Whether git records files under a directory the work tree lacks (a sparse checkout). */
  readonly recordedDirectory?: ((directory: string) => Promise<boolean>) | undefined;
  /**
   * When given (the hooks), a config or environment that cannot be read is reported here and
   * left out, so one broken file never stops the others; otherwise its error ends the command.
   */
  readonly onUnreadable?: ((error: UserError) => void) | undefined;
  /** Hears of a file discovery did not read, and why (an ini too large to be Alembic's). */
  readonly onSkipped?: ((file: string, reason: string) => void) | undefined;
}

/** The environments to work on, in a stable order; empty when the repository has none. */
export async function discoverEnvironments(input: DiscoverInput): Promise<AlembicEnvironment[]> {
  if (input.configFile !== undefined)
    return [await explicitEnvironment(input, path.resolve(input.cwd, input.configFile))];
  const configured = input.config.environments.length > 0;
  const environments = configured
    ? await configuredEnvironments(input)
    : await discoveredEnvironments(input);
  return withoutOverlaps(environments, {
    repoRoot: input.repoRoot,
    dropSameHistory: !configured,
    report: reporter(input),
  });
}

// `-c file`: a configured environment for the same file and section lends its name and overrides.
async function explicitEnvironment(
  input: DiscoverInput,
  configFile: string,
): Promise<AlembicEnvironment> {
  const section = input.section ?? DEFAULT_INI_SECTION;
  const index = input.config.environments.findIndex(
    (environment) =>
      environment.config !== undefined &&
      configuredPath(input.config, environment.config) === configFile &&
      (environment.section ?? DEFAULT_INI_SECTION) === section,
  );
  const configured = input.config.environments[index];
  if (configured !== undefined) return readConfigured(input, configured, index);
  return readDiscovered(input, configFile, section);
}

async function configuredEnvironments(input: DiscoverInput): Promise<AlembicEnvironment[]> {
  const selected = input.config.environments
    .map((environment, index) => ({ environment, index }))
    .filter(
      ({ environment }) =>
        input.section === undefined ||
        (environment.section ?? DEFAULT_INI_SECTION) === input.section,
    );
  if (selected.length === 0) {
    throw new ConfigError(
      input.config.file ?? input.repoRoot,
      'environments',
      NO_ENVIRONMENT_FOR_SECTION(input.section ?? DEFAULT_INI_SECTION),
    );
  }
  const environments: AlembicEnvironment[] = [];
  const attempt = attempter(input);
  for (const { environment, index } of selected)
    environments.push(
      ...(await attempt(async () => [await readConfigured(input, environment, index)], [])),
    );
  return environments;
}

function readConfigured(
  input: DiscoverInput,
  environment: EnvironmentConfig,
  index: number,
): Promise<AlembicEnvironment> {
  const resolve = (location: string): string => configuredPath(input.config, location);
  return readEnvironment({
    configFile: environment.config === undefined ? undefined : resolve(environment.config),
    section: environment.section ?? DEFAULT_INI_SECTION,
    name: environment.name,
    repoRoot: input.repoRoot,
    overrides: {
      scriptLocation:
        environment.scriptLocation === undefined ? undefined : resolve(environment.scriptLocation),
      versionLocations: environment.versionLocations?.map(resolve),
      headsFile: environment.headsFile === undefined ? undefined : resolve(environment.headsFile),
    },
    constants: environment.constants,
    overridesSource: { file: input.config.file ?? input.repoRoot, key: `environments[${index}]` },
    recordedDirectory: input.recordedDirectory,
  });
}

function configuredPath(config: ResolvedConfig, location: string): string {
  return path.resolve(config.baseDirectory, location);
}

async function discoveredEnvironments(input: DiscoverInput): Promise<AlembicEnvironment[]> {
  const local = await localConfigFiles(input.cwd);
  const options: CandidateOptions = {
    repoRoot: input.repoRoot,
    section: input.section,
    attempt: attempter(input),
    onSkipped: input.onSkipped,
  };
  if (path.resolve(input.cwd) !== path.resolve(input.repoRoot)) {
    const here = await environmentCandidates(sortConfigFiles(local, input.repoRoot), options);
    if (here.candidates.length > 0) return readCandidates(input, here.candidates);
  }
  const tracked = (await input.listTrackedFiles())
    .filter((file) => isConfigName(file.slice(file.lastIndexOf('/') + 1)))
    .map((file) => path.join(input.repoRoot, ...file.split('/')));
  const everywhere = await environmentCandidates(
    sortConfigFiles([...local, ...tracked], input.repoRoot),
    options,
  );
  if (input.section !== undefined && everywhere.candidates.length === 0)
    throw sectionNowhere(input.section, everywhere.inisRead);
  return readCandidates(input, everywhere.candidates);
}

async function readCandidates(
  input: DiscoverInput,
  candidates: readonly { configFile: string; section: string }[],
): Promise<AlembicEnvironment[]> {
  const attempt = attempter(input);
  const environments: AlembicEnvironment[] = [];
  for (const { configFile, section } of candidates)
    environments.push(
      ...(await attempt(async () => [await readDiscovered(input, configFile, section)], [])),
    );
  return environments;
}

// `-n` that no ini has: the one ini's own error, or every ini read named.
function sectionNowhere(section: string, inisRead: readonly string[]): UserError {
  const [only] = inisRead;
  if (inisRead.length === 1 && only !== undefined)
    return new ConfigError(only, iniSectionKey(section), SECTION_MISSING(section));
  return new UserError(NO_INI_WITH_SECTION(section, inisRead));
}

// The working directory's *.ini and pyproject.toml, tracked or not (a project not yet committed).
async function localConfigFiles(cwd: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(cwd, { withFileTypes: true });
  } catch {
    // An unreadable working directory has no configs of its own.
    entries = [];
  }
  return entries
    .filter((entry) => !entry.isDirectory() && isConfigName(entry.name))
    .map((entry) => path.join(cwd, entry.name));
}

function readDiscovered(
  input: DiscoverInput,
  configFile: string,
  section: string,
): Promise<AlembicEnvironment> {
  return readEnvironment({
    configFile,
    section,
    repoRoot: input.repoRoot,
    constants: input.config.constants,
    recordedDirectory: input.recordedDirectory,
  });
}

// Hooks report and go on; commands let the error end them.
function attempter(input: DiscoverInput): <T>(read: () => Promise<T>, fallback: T) => Promise<T> {
  const report = reporter(input);
  return async (read, fallback) => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      report(error);
      return fallback;
    }
  };
}

function reporter(input: DiscoverInput): (error: UserError) => void {
  const { onUnreadable } = input;
  return (error) => {
    if (onUnreadable === undefined) throw error;
    onUnreadable(error);
  };
}
