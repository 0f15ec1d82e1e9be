// Setup step 2: make husky active (`core.hooksPath` = <husky dir>/_, the `_` runtime in place)
// by running husky's own installer. When setup is what activates it, the earlier hooks path is
// remembered in the repository's own config, so uninstall can put it back.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import {
  readConfig,
  readScopedConfig,
  removeLocalSection,
  unsetLocalConfig,
  writeLocalConfig,
} from '../git/repository.js';
import type { ScopedValue } from '../git/parse-output.js';
import {
  HUSKY_DIRECTORY_NAME,
  huskyDirectoryOf,
  huskyHooksPath,
  huskyRuntimePresent,
  runHuskyInstaller,
} from '../husky/husky.js';
import { SetupMessages } from '../messages/git-integration.js';
import { openProject, type Project } from './project.js';

/** Keys of the repository's own config where setup remembers what it found. */
export const LOCAL_STATE = {
  section: 'git-alembic',
  /** `true` when setup pointed core.hooksPath at husky. */
  activated: 'git-alembic.huskyActivated',
  /** The repository's own core.hooksPath before that, when it had one. */
  previous: 'git-alembic.hooksPathBefore',
  /** `true` when husky's `_` runtime did not exist before setup ran husky. */
  runtimeCreated: 'git-alembic.huskyRuntimeCreated',
} as const;

/** husky as setup finds it. */
export interface HuskyPlan {
  /** The hooks directory, relative to the top level (`.husky`, or `<sub>/.husky`). */
  readonly huskyDirectory: string;
  /** `core.hooksPath` before setup, and where it was set. */
  readonly previous: ScopedValue | undefined;
  /** Whether core.hooksPath points at this husky directory already. */
  readonly alreadyActive: boolean;
  /** The repository's own core.hooksPath as written (`~/` unexpanded), to restore on uninstall. */
  readonly localValue: string | undefined;
}

/** Finds the husky directory: the one core.hooksPath points at, else `.husky` beside package.json. */
export async function planHusky(project: Project): Promise<HuskyPlan> {
  const previous = await readScopedConfig(project.git, 'core.hooksPath', { path: true });
  const current = huskyDirectoryOf(previous?.value, project.topLevel);
  const huskyDirectory =
    current ??
    (project.packageRelative === ''
      ? HUSKY_DIRECTORY_NAME
      : `${project.packageRelative}/${HUSKY_DIRECTORY_NAME}`);
  const localValue = await readConfig(project.git, 'core.hooksPath', { scope: 'local' });
  return { huskyDirectory, previous, alreadyActive: current !== undefined, localValue };
}

/**
 * Opens the project around `directory`; when no package.json is there or above it but husky is
 * active, the package beside husky's directory (`web/.husky` → `web/package.json`) is the one
 * setup ran in, so uninstall and doctor work from the top level too.
 */
export async function openSetUpProject(
  directory: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ project: Project; husky: HuskyPlan }> {
  const project = await openProject(directory, env, false);
  const husky = await planHusky(project);
  if (project.hasPackageJson || !husky.alreadyActive) return { project, husky };
  const beside = path.dirname(path.join(project.topLevel, ...husky.huskyDirectory.split('/')));
  if (!existsSync(path.join(beside, 'package.json'))) return { project, husky };
  const moved = await openProject(beside, env, false);
  return { project: moved, husky: await planHusky(moved) };
}

/** Runs husky's installer and records what it replaced; returns what changed and any warning. */
export async function activateHusky(
  project: Project,
  plan: HuskyPlan,
): Promise<{ changed: string[]; warnings: string[] }> {
  const hadRuntime = huskyRuntimePresent(project.topLevel, plan.huskyDirectory);
  const result = runHuskyInstaller(
    project.topLevel,
    plan.huskyDirectory,
    project.packageDirectory,
    project.env,
  );
  if (!result.installed)
    return { changed: [], warnings: [SetupMessages.huskyNotInstalled(result.reason)] };
  const hooksPath = huskyHooksPath(plan.huskyDirectory);
  if (plan.alreadyActive)
    return {
      changed: hadRuntime ? [] : [SetupMessages.huskyRuntimeRestored(hooksPath)],
      warnings: [],
    };
  if ((await readConfig(project.git, LOCAL_STATE.activated, { scope: 'local' })) === undefined) {
    await writeLocalConfig(project.git, LOCAL_STATE.activated, 'true');
    if (plan.localValue !== undefined)
      await writeLocalConfig(project.git, LOCAL_STATE.previous, plan.localValue);
    if (!hadRuntime) await writeLocalConfig(project.git, LOCAL_STATE.runtimeCreated, 'true');
  }
  return { changed: [SetupMessages.huskyActivated(hooksPath, plan.previous)], warnings: [] };
}

/** Whether `core.hooksPath` (as git reports it) is this husky directory's `_`. */
export function pointsAtHusky(
  hooksPath: string | undefined,
  huskyDirectory: string,
  topLevel: string,
): boolean {
  if (hooksPath === undefined) return false;
  return (
    path.resolve(topLevel, hooksPath) === path.resolve(topLevel, huskyHooksPath(huskyDirectory))
  );
}

/**
 * Undoes what setup did to husky on this machine: when setup activated it and core.hooksPath
 * still points at it, puts back the earlier value (or unsets it), and removes husky's `_`
 * runtime and the then-empty hooks directory when setup created them. Returns a line per change.
 */
export async function deactivateHusky(project: Project, huskyDirectory: string): Promise<string[]> {
  const activated =
    (await readConfig(project.git, LOCAL_STATE.activated, { scope: 'local' })) === 'true';
  const runtimeCreated =
    (await readConfig(project.git, LOCAL_STATE.runtimeCreated, { scope: 'local' })) === 'true';
  const before = await readConfig(project.git, LOCAL_STATE.previous, { scope: 'local' });
  const current = await readConfig(project.git, 'core.hooksPath', { scope: 'local' });
  const changed: string[] = [];
  if (activated && pointsAtHusky(current, huskyDirectory, project.topLevel)) {
    if (before === undefined) await unsetLocalConfig(project.git, 'core.hooksPath');
    else await writeLocalConfig(project.git, 'core.hooksPath', before);
    changed.push(SetupMessages.hooksPathRestored(before));
    if (runtimeCreated) changed.push(...removeHuskyRuntime(project.topLevel, huskyDirectory));
  }
  if (await removeLocalSection(project.git, LOCAL_STATE.section))
    changed.push(SetupMessages.LOCAL_STATE_REMOVED);
  return changed;
}

// husky's `_` (generated, gitignored), then the hooks directory if nothing else is left in it.
function removeHuskyRuntime(topLevel: string, huskyDirectory: string): string[] {
  const directory = path.join(topLevel, ...huskyDirectory.split('/'));
  rmSync(path.join(directory, '_'), { recursive: true, force: true, maxRetries: 3 });
  const removed = [SetupMessages.runtimeRemoved(huskyHooksPath(huskyDirectory))];
  if (existsSync(directory) && readdirSync(directory).length === 0) {
    rmdirSync(directory);
    removed.push(SetupMessages.directoryRemoved(huskyDirectory));
  }
  return removed;
}
