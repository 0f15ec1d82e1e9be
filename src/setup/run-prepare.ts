// `git-alembic setup --prepare`, the step setup chains into the `prepare` script, so that every
// clone is set up by `npm install`: the driver's config lives in .git/config, which is never
// cloned, and husky must point core.hooksPath at its runtime. It edits no tracked file, and it
// never fails an install: whatever happens, it says why in one line and exits 0.
import path from 'node:path';

import { shownPath } from '../fs/write-target.js';
import { PrepareMessages } from '../messages/git-integration.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import { registerDriver } from './driver-step.js';
import { activateHusky, planHusky } from './husky-step.js';
import { hiddenDirectories, hiddenHooks, runByBlock } from './hidden-hooks.js';
import { openProject, type Project, withoutGitLocation } from './project.js';

/** What prepare did, or why it did nothing; never an error. */
export type PrepareReport =
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'done'; readonly lines: readonly string[] };

/** Runs the prepare step in `directory` (npm runs it in the package's directory). */
export async function runPrepare(
  directory: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<PrepareReport> {
  const skip = reasonToSkip(directory, env);
  if (skip !== undefined) return { kind: 'skipped', reason: skip };
  try {
    const project = await openProject(directory, env, false);
    const driver = await registerDriver(project.git, project.packageRelative);
    const plan = await planHusky(project);
    const husky = await activateHusky(project, plan);
    return {
      kind: 'done',
      lines: [
        ...driver,
        ...husky.changed,
        ...husky.warnings,
        ...(await hiddenHooksNotRun(project, plan.huskyDirectory)),
      ],
    };
  } catch (error) {
    // Expected failures (git missing, a locked config) and bugs alike: report, never fail npm install.
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'skipped', reason: PrepareMessages.failed(detail) };
  }
}

// The hooks of this machine that husky hides and no block runs (a teammate's pre-push in
// .git/hooks, say): prepare edits no tracked file, so it says what would run them.
async function hiddenHooksNotRun(project: Project, huskyDirectory: string): Promise<string[]> {
  const directories = await hiddenDirectories(project.git, project.commonDir, project.topLevel);
  return hiddenHooks(directories, path.join(project.topLevel, ...huskyDirectory.split('/')))
    .filter(
      (hidden) => hidden.supported && !runByBlock(project.topLevel, huskyDirectory, hidden.hook),
    )
    .map((hidden) =>
      PrepareMessages.hiddenNotRun(
        shownPath(hidden.file, project.topLevel),
        `${huskyDirectory}/${hidden.hook}`,
      ),
    );
}

// GIT_ALEMBIC=0, CI, or no git work tree: nothing to set up, and no reason to fail.
function reasonToSkip(
  directory: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (env['GIT_ALEMBIC'] === '0') return PrepareMessages.DISABLED;
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false')
    return PrepareMessages.IN_CI;
  if (findRepositoryRoot(directory, withoutGitLocation(env)) === undefined)
    return PrepareMessages.NOT_A_REPOSITORY;
  return undefined;
}
