// pre-commit. While a merge is being concluded (MERGE_HEAD exists: a conflicted merge finished
// with `git commit` or `git merge --continue`, or `git merge --no-commit` then `git commit`),
// write the merge revision of any divergence the merge introduced and stage it, so the merge
// commit itself contains it. In every commit that stages a revision or heads file, keep the
// touched environments' heads files current and staged. `git-alembic merge-branch --no-commit`
// runs it right after its `git merge --no-commit`, so the merge revision is staged even without hooks.
// Outside a merge it also runs post-commit's check on the commit being made and, when there is
// nothing to warn of, leaves post-commit a note so that it does not start node again.
import { splitQuotedLines } from '../git/parse-output.js';
import { stagedPaths, verifyCommit } from '../git/plumbing.js';
import { forgetCheckedCommit, recordCheckedCommit } from './checked-commit.js';
import type { CreatedMerges } from './create-merges.js';
import { headCommit, mergeHeads } from './git-state.js';
import type { HookProject } from './hook-histories.js';
import type { HookRun } from './hook-run.js';
import type * as ProjectStageModule from './project-stage.js';
import { anyRevisionFile, couldMatter } from './relevance.js';

type ProjectStage = typeof ProjectStageModule;

// The commit being made: the index git named (under `--only`, a temporary one).
const STAGED = { kind: 'staged' } as const;

/** Runs pre-commit; `completion` ends the line about a merge revision (default: it is in this merge commit). */
export async function preCommit(
  run: HookRun,
  completion?: (files: readonly string[]) => string,
): Promise<void> {
  forgetCheckedCommit(run);
  const staged = stagedByShell(run) ?? (await stagedPaths(run.git));
  const head = headCommit(run.gitDir) ?? (await verifyCommit(run.git, 'HEAD'));
  const merging = mergeHeads(run.gitDir);
  // The parents of a commit made now (an amend's are others: its note will not match).
  const parents = head === undefined ? [] : [head];
  const checked =
    merging.length === 0 ? () => recordCheckedCommit(run, parents) : async () => undefined;
  if (!(await couldMatter(staged, run.topLevel))) return checked();
  const stage = await import('./project-stage.js');
  const project = await stage.loadTouchedProject(run, staged, STAGED);
  if (project === undefined || project.histories.length === 0)
    return project?.leftOut ? undefined : checked();
  const created =
    merging.length === 0 ? undefined : await concludeMerge(run, project, head, merging, completion);
  await keepHeadsFilesCurrent(run, project, created, stage);
  if (merging.length > 0 || project.leftOut > 0) return;
  // What post-commit would warn of; a commit that forks leaves the warning to it.
  if (
    anyRevisionFile(staged, run.topLevel) &&
    (await stage.introducedForks(run, project.histories, parents)).length > 0
  )
    return;
  await checked();
}

// The hook's shell block has listed the staged Python and heads files already (hooks/pre-commit.sh):
// the only ones the checks below look at. Undefined when it did not (an older block, the
// pre-commit framework, merge-branch, a list too long for the environment): git is asked.
function stagedByShell(run: HookRun): string[] | undefined {
  const listed = run.ctx.env['GIT_ALEMBIC_STAGED'];
  return listed === undefined || listed === '' ? undefined : splitQuotedLines(listed);
}

async function concludeMerge(
  run: HookRun,
  project: HookProject,
  head: string | undefined,
  merging: readonly string[],
  completion: ((files: readonly string[]) => string) | undefined,
): Promise<CreatedMerges | undefined> {
  const { announceMerges, createMerges, HookMessages } = await import('./merge-stage.js');
  const commits = [
    ...(head === undefined ? [] : [{ sha: head, current: true }]),
    ...merging.map((sha) => ({ sha })),
  ];
  const created = await createMerges(run, project, {
    commits,
    operation: HookMessages.OPERATION_MERGE,
    result: STAGED,
  });
  if (created !== undefined)
    announceMerges(
      run,
      created,
      HookMessages.OPERATION_MERGE,
      completion ?? HookMessages.inMergeCommit,
    );
  return created;
}

// The environments without a new merge revision (those with one had their heads file rewritten).
async function keepHeadsFilesCurrent(
  run: HookRun,
  project: HookProject,
  created: CreatedMerges | undefined,
  stage: ProjectStage,
): Promise<void> {
  const { rewriteHeadsFiles, stageForCommit, HookMessages } = stage;
  const merged = created?.outcome.merged ?? [];
  const histories = project.histories.filter((history) => !merged.includes(history));
  const rewritten = rewriteHeadsFiles(
    histories,
    project.workspace.repoRoot,
    project.config,
    (history) => history.graph.heads,
  );
  await stageForCommit(
    run,
    rewritten.map((file) => file.relative),
  );
  for (const file of rewritten)
    run.out.info(HookMessages.headsFileUpdated(file.relative, file.heads));
}
