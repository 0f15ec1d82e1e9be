// Setup's last step: when it added devDependencies to a project that has a lock file, the
// project's own package manager brings the lock file in line with package.json, so a teammate's
// or CI's `npm ci` (`pnpm install --frozen-lockfile`, `yarn install --immutable`) still passes.
// The manager is the one `packageManager` names, else the one whose lock file is there, else npm.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { SetupMessages } from '../messages/git-integration.js';
import { repositoryRelative } from './project.js';

/** A package manager setup knows how to run. */
export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The project's package manager, and its lock file (repository-relative) when there is one. */
export interface PackageManager {
  readonly name: PackageManagerName;
  readonly lockFile: string | undefined;
}

/** What running `<manager> install` came to. */
export type InstallOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly detail: string };

// Lock file names, in the order they are looked for in each directory.
const LOCK_FILES: readonly (readonly [string, PackageManagerName])[] = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
];
const NAMES: readonly string[] = ['npm', 'pnpm', 'yarn', 'bun'];

/**
 * The manager for the package in `packageDirectory`: `packageManager` (`"pnpm@9.1.0"`), else the
 * lock file nearest to it up to the top level (workspaces keep theirs at the root), else npm.
 */
export function findPackageManager(
  packageDirectory: string,
  topLevel: string,
  packageManagerField: unknown,
): PackageManager {
  const lock = nearestLockFile(packageDirectory, topLevel);
  const named =
    typeof packageManagerField === 'string' ? (packageManagerField.split('@')[0] ?? '') : '';
  const name = NAMES.includes(named) ? (named as PackageManagerName) : (lock?.name ?? 'npm');
  return {
    name,
    lockFile: lock === undefined ? undefined : repositoryRelative(lock.file, topLevel),
  };
}

/** Runs `<manager> install` in the package's directory, its output kept back (shown only on failure). */
export function runInstall(
  manager: PackageManager,
  packageDirectory: string,
  env: Readonly<Record<string, string | undefined>>,
): InstallOutcome {
  // npm, pnpm and yarn are .cmd scripts on Windows, which only a shell can start: there the
  // fixed command line goes to the shell whole (node warns about arguments beside shell: true).
  const windows = process.platform === 'win32';
  const result = spawnSync(
    windows ? `${manager.name} install` : manager.name,
    windows ? [] : ['install'],
    {
      cwd: packageDirectory,
      env: installEnvironment(env),
      encoding: 'utf8',
      shell: windows,
      windowsHide: true,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    return { kind: 'missing' };
  if (result.error !== undefined) return { kind: 'failed', detail: result.error.message };
  if (result.status === 0) return { kind: 'done' };
  const said = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    kind: 'failed',
    detail: `exit ${result.status ?? result.signal}${said.length === 0 ? '' : `: ${said[0]}`}`,
  };
}

// `npx git-alembic setup` runs inside npm, which exports settings for its own run: the directory
// it ran in (npm_config_local_prefix), --yes, a global install when pre-commit's node support
// ran it. The install must see the user's settings only.
function installEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const own = ['npm_config_local_prefix', 'npm_config_global', 'npm_config_yes'];
  const ours = (key: string): boolean =>
    key.startsWith('npm_') && (!key.startsWith('npm_config_') || own.includes(key));
  return Object.fromEntries(Object.entries(env).filter(([key]) => !ours(key.toLowerCase())));
}

/** What the install step did: a change line, a warning, or a next step; `lockFile` when it changed. */
export interface InstallReport {
  readonly changes: readonly string[];
  readonly warnings: readonly string[];
  readonly nextSteps: readonly string[];
  readonly updated: readonly string[];
}

/**
 * Brings the lock file in line after setup added `added` to devDependencies: runs the manager
 * unless `run` is false (`--no-install`), then says what it ran, or what to run. Nothing to do
 * without added devDependencies or without a lock file.
 */
export function installStep(
  manager: PackageManager,
  added: readonly string[],
  run: boolean,
  where: {
    readonly directory: string;
    readonly relative: string;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): InstallReport {
  const { lockFile } = manager;
  const nothing: InstallReport = { changes: [], warnings: [], nextSteps: [], updated: [] };
  if (added.length === 0 || lockFile === undefined) return nothing;
  if (!run)
    return {
      ...nothing,
      nextSteps: [SetupMessages.lockNext(manager.name, where.relative, lockFile)],
    };
  const outcome = runInstall(manager, where.directory, where.env);
  if (outcome.kind === 'done')
    return {
      ...nothing,
      changes: [SetupMessages.lockUpdated(lockFile, manager.name)],
      updated: [lockFile],
    };
  const warning =
    outcome.kind === 'missing'
      ? SetupMessages.managerMissing(manager.name, lockFile)
      : SetupMessages.installFailed(manager.name, outcome.detail, lockFile);
  return {
    ...nothing,
    warnings: [warning],
    nextSteps: [SetupMessages.lockNext(manager.name, where.relative, lockFile)],
  };
}

function nearestLockFile(
  packageDirectory: string,
  topLevel: string,
): { file: string; name: PackageManagerName } | undefined {
  for (let directory = packageDirectory; ; directory = path.dirname(directory)) {
    for (const [file, name] of LOCK_FILES) {
      if (existsSync(path.join(directory, file))) return { file: path.join(directory, file), name };
    }
    if (
      directory === topLevel ||
      path.dirname(directory) === directory ||
      !directory.startsWith(topLevel)
    )
      return undefined;
  }
}
