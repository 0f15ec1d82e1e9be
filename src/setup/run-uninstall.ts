// `git-alembic uninstall`: reverses exactly what setup added, and nothing else. package.json's
// record says what setup added there and which files it created; blocks and attribute lines are
// ours by their markers and shape; the driver and husky state are in the repository's config.
// A pre-commit framework set-up is undone first (pre-commit-uninstall.ts), from its own record.
import { existsSync, rmSync } from 'node:fs';

import { ownDirectory } from '../git/git-dir.js';
import { SetupMessages } from '../messages/git-integration.js';
import { unregisterDriver } from './driver-step.js';
import { applyFileEdits, describeEdit, type FileEdit, readForEdit } from './file-edits.js';
import { ATTRIBUTES_FILE } from './heads-step.js';
import { deactivateHusky, type HuskyPlan, openSetUpProject, planHusky } from './husky-step.js';
import { EMPTY_SETUP_RECORD } from '../core/edits/setup-record.js';
import { recordIn } from './package-step.js';
import { openProject, type Project } from './project.js';
import { packageJsonPath } from './run-setup.js';
import { IGNORE_FILE } from './ignore-step.js';
import {
  planAttributesRemoval,
  planCreatedFileRemoval,
  planHookFileRemoval,
  planIgnoreRemoval,
  planPackageJsonRemoval,
} from './uninstall-files.js';
import { findPreCommitSetup, runPreCommitUninstall } from './pre-commit-uninstall.js';

/** What uninstall did. */
export interface UninstallReport {
  readonly topLevel: string;
  readonly changes: readonly string[];
}

/** Runs uninstall in the project around `directory`. */
export async function runUninstall(
  directory: string,
  named: boolean,
  env: Readonly<Record<string, string | undefined>>,
): Promise<UninstallReport> {
  const { project, husky } = named
    ? await openNamed(directory, env)
    : await openSetUpProject(directory, env);
  const { huskyDirectory } = husky;
  const packageRelative = packageJsonPath(project);
  const packageText = readForEdit(project.topLevel, packageRelative).before;
  const record =
    packageText === undefined ? EMPTY_SETUP_RECORD : recordIn(packageText, packageRelative);
  // Files only husky's set-up touches are read and checked before anything changes.
  const huskyEdits = [
    ...planPackageJsonRemoval(project.topLevel, packageRelative, record),
    ...planHookFileRemoval(project.topLevel, huskyDirectory, record),
  ];
  // A repository set up for both (setup warned) loses both: pre-commit's first, from its own record.
  const preCommit = findPreCommitSetup(project.topLevel);
  const preCommitChanges =
    preCommit === undefined ? [] : await runPreCommitUninstall(project, preCommit);
  const handled = record.files.filter(
    (file) =>
      file.startsWith(`${huskyDirectory}/`) ||
      [ATTRIBUTES_FILE, IGNORE_FILE, packageRelative].includes(file),
  );
  const edits: FileEdit[] = [
    ...huskyEdits,
    ...planAttributesRemoval(project.topLevel, record),
    ...planIgnoreRemoval(project.topLevel, record),
    ...planCreatedFileRemoval(project.topLevel, record, handled),
  ];
  applyFileEdits(edits);
  const driverRemoved = await unregisterDriver(project.git);
  const huskyChanges = await deactivateHusky(project, huskyDirectory);
  const cachesRemoved = removeCaches(project);
  return {
    topLevel: project.topLevel,
    changes: [
      ...preCommitChanges,
      ...edits.map(describeEdit),
      ...(driverRemoved ? [SetupMessages.DRIVER_REMOVED] : []),
      ...huskyChanges,
      ...(cachesRemoved ? [SetupMessages.CACHES_REMOVED] : []),
    ],
  };
}

// The directory the hooks and commands keep in the git directory (the common one, and this
// worktree's own for pre-commit's note): only caches, remade on demand, so it goes whole.
function removeCaches(project: Project): boolean {
  const directories = [...new Set([project.commonDir, project.gitDir])].map(ownDirectory);
  const present = directories.filter((directory) => existsSync(directory));
  for (const directory of present) rmSync(directory, { recursive: true, force: true });
  return present.length > 0;
}

// `--cwd DIR`: that directory's package, as setup --cwd DIR used it.
async function openNamed(
  directory: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ project: Project; husky: HuskyPlan }> {
  const project = await openProject(directory, env, true);
  return { project, husky: await planHusky(project) };
}
