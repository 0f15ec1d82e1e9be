// Where setup, uninstall and doctor work: the work tree's top level, the git dirs, and the
// directory holding package.json (the top level or a subdirectory, as in husky's
// "project not in git root" layout).
import { existsSync } from 'node:fs';
import path from 'node:path';

import { gitLocations } from '../git/repository.js';
import { GIT_LOCATION_VARIABLES, Git } from '../git/simple-git-port.js';
import type { GitLocations } from '../git/parse-output.js';

/** The repository and the package around a directory. */
export interface Project extends GitLocations {
  /** The git port, opened in the top level with GIT_DIR and friends scrubbed. */
  readonly git: Git;
  /** The environment setup's child processes get (git location variables removed). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Absolute directory of package.json (where it would be created when there is none). */
  readonly packageDirectory: string;
  /** The same, relative to the top level with forward slashes; '' for the top level. */
  readonly packageRelative: string;
  /** Whether package.json exists there. */
  readonly hasPackageJson: boolean;
}

/**
 * Opens the repository containing `directory` and finds the nearest package.json from there up
 * to the top level. Without one, package.json belongs in `directory` when the user named it
 * (`--cwd`), else in the top level.
 * @throws NotAGitRepositoryError outside a work tree.
 */
export async function openProject(
  directory: string,
  env: Readonly<Record<string, string | undefined>>,
  named: boolean,
): Promise<Project> {
  const scrubbed = withoutGitLocation(env);
  const git = await Git.open({
    cwd: directory,
    env: scrubbed,
    scrubLocation: true,
    allowHookConfig: true,
  });
  const raw = await gitLocations(git);
  // git prints C:/… on Windows; node's paths use the platform's separator.
  const locations = {
    ...raw,
    topLevel: path.resolve(raw.topLevel),
    gitDir: path.resolve(raw.gitDir),
    commonDir: path.resolve(raw.commonDir),
  };
  const found = nearestPackageDirectory(directory, locations.topLevel);
  const packageDirectory = found ?? (named ? path.resolve(directory) : locations.topLevel);
  const topGit = await Git.open({
    cwd: locations.topLevel,
    env: scrubbed,
    scrubLocation: true,
    allowHookConfig: true,
  });
  return {
    ...locations,
    git: topGit,
    env: scrubbed,
    packageDirectory,
    packageRelative: repositoryRelative(packageDirectory, locations.topLevel),
    hasPackageJson: found !== undefined,
  };
}

/** `file` relative to the top level with forward slashes ('' for the top level itself). */
export function repositoryRelative(file: string, topLevel: string): string {
  return path.relative(topLevel, file).split(path.sep).join('/');
}

/** The environment without the variables that point git at another repository. */
export function withoutGitLocation(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const scrubbed = { ...env };
  for (const name of GIT_LOCATION_VARIABLES) delete scrubbed[name];
  return scrubbed;
}

// From `directory` up to the top level, the first directory with a package.json.
function nearestPackageDirectory(directory: string, topLevel: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    if (existsSync(path.join(current, 'package.json'))) return current;
    if (current === topLevel || !current.startsWith(topLevel)) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
