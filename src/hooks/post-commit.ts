// post-commit: a warning, never an action, when the commit just made left two heads on one
// branch that its parents did not have: a cherry-pick, a commit that skipped pre-commit
// (`--no-verify`), a revision written on an old head. Commits replayed by a rebase are skipped;
// post-rewrite sees the rebase whole. A commit pre-commit has checked never gets here: the hook
// block ends on pre-commit's note (checked-commit.ts).
import { changedByCommit, parentsOf } from '../git/plumbing.js';
import { rebaseInProgress } from './git-state.js';
import type { HookRun } from './hook-run.js';
import { anyRevisionFile } from './relevance.js';

/** Runs post-commit. */
export async function postCommit(run: HookRun): Promise<void> {
  if (rebaseInProgress(run.gitDir)) return;
  const changed = await changedByCommit(run.git, 'HEAD');
  // Only a revision file can fork a history.
  if (changed === undefined || !anyRevisionFile(changed, run.topLevel)) return;
  const { loadTouchedProject, introducedForks, commitNames, headTexts, HookMessages } =
    await import('./project-stage.js');
  // The commit just made, whatever the index and the work tree hold besides.
  const project = await loadTouchedProject(run, changed, { kind: 'committed', rev: 'HEAD' });
  if (project === undefined || project.histories.length === 0) return;
  const parents = await parentsOf(run.git, 'HEAD');
  const forks = await introducedForks(run, project.histories, parents);
  if (forks.length === 0) return;
  const names = await commitNames(
    run,
    parents.map((sha, index) => ({ sha, current: index === 0 })),
  );
  const several = project.workspace.environments.length > 1;
  for (const { history, origin } of forks) {
    const heads = origin.divergence.heads.map((id, index) => ({
      id,
      source: origin.sources[index],
    }));
    run.out.warn(
      HookMessages.commitForked(
        headTexts(heads, names, HookMessages.NEW_IN_COMMIT),
        several ? history.environment.name : undefined,
      ),
    );
  }
}
