// pre-commit. While a merge is being concluded (MERGE_HEAD exists: a conflicted merge finished
// with `git commit` or `git merge --continue`, or `git merge --no-commit` then `git commit`),
// write the merge revision of any divergence the merge introduced and stage it, so the merge
// commit itself contains it. In every commit that stages a revision or heads file, keep the
// touched environments' heads files current and staged. `git-alembic merge-branch --no-commit`
// runs it right after its `git merge --no-commit`, so the merge revision is staged even without hooks.
import { stagedPaths } from '../git/plumbing.js';
import type { CreatedMerges } from './create-merges.js';
import { mergeHeads } from './git-state.js';
import type { HookProject } from './hook-histories.js';
import type { HookRun } from './hook-run.js';
import { couldMatter } from './relevance.js';

// The commit being made: the index git named (under `--only`, a temporary one).
const STAGED = { kind: 'staged' } as const;

/** Runs pre-commit; `completion` ends the line about a merge revision (default: it is in this merge commit). */
export async function preCommit(run: HookRun, completion?: (files: readonly string[]) => string): Promise<void> {
  const staged = await stagedPaths(run.git);
  if (!(await couldMatter(staged, run.topLevel))) return;
  const { loadTouchedProject } = await import('./hook-histories.js');
  const project = await loadTouchedProject(run, staged, STAGED);
  if (project === undefined || project.histories.length === 0) return;
  const merging = mergeHeads(run.gitDir);
  const created = merging.length === 0 ? undefined : await concludeMerge(run, project, merging, completion);
  await keepHeadsFilesCurrent(run, project, created);
}

async function concludeMerge(
  run: HookRun,
  project: HookProject,
  merging: readonly string[],
  completion: ((files: readonly string[]) => string) | undefined,
): Promise<CreatedMerges | undefined> {
  const [{ announceMerges, createMerges }, { HookMessages }, { verifyCommit }] = await Promise.all([
    import('./create-merges.js'),
    import('../messages/hooks.js'),
    import('../git/plumbing.js'),
  ]);
  const head = await verifyCommit(run.git, 'HEAD');
  const commits = [...(head === undefined ? [] : [{ sha: head, current: true }]), ...merging.map((sha) => ({ sha }))];
  const created = await createMerges(run, project, { commits, operation: HookMessages.OPERATION_MERGE, result: STAGED });
  if (created !== undefined) announceMerges(run, created, HookMessages.OPERATION_MERGE, completion ?? HookMessages.inMergeCommit);
  return created;
}

// The environments without a new merge revision (those with one had their heads file rewritten).
async function keepHeadsFilesCurrent(run: HookRun, project: HookProject, created: CreatedMerges | undefined): Promise<void> {
  const [{ rewriteHeadsFiles }, { stageForCommit }, { HookMessages }] = await Promise.all([
    import('./heads-upkeep.js'),
    import('./commit-index.js'),
    import('../messages/hooks.js'),
  ]);
  const merged = created?.outcome.merged ?? [];
  const histories = project.histories.filter((history) => !merged.includes(history));
  const rewritten = rewriteHeadsFiles(histories, project.workspace.repoRoot, project.config, (history) => history.graph.heads);
  await stageForCommit(run, rewritten.map((file) => file.relative));
  for (const file of rewritten) run.out.info(HookMessages.headsFileUpdated(file.relative, file.heads));
}
