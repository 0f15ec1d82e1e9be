// post-merge [0|1]. After `git merge` or `git pull` made a merge commit ([0], MERGE_HEAD still
// present): write the merge revision of any divergence the merge introduced and fold it, with
// the heads file, into that commit (onMerge "amend"), or leave both staged ("stage"). After
// `--squash` ([1], HEAD unchanged): stage only; the squash commit takes them. A fast-forward
// ([0] without MERGE_HEAD) is left alone: HEAD may be someone else's merge commit.
import { changedBetween, parentsOf, stagedPaths, verifyCommit } from '../git/plumbing.js';
import { mergeHeads } from './git-state.js';
import type { HookRun } from './hook-run.js';
import { couldMatter } from './relevance.js';

const SHA = /^[0-9a-f]{40,64}$/;

/** Runs post-merge. */
export async function postMerge(run: HookRun): Promise<void> {
  if (run.args[0] === '1') return afterSquash(run);
  if (run.args[0] !== '0' || mergeHeads(run.gitDir).length === 0) return;
  // What the merge brought into the current branch.
  const changed = await changedBetween(run.git, 'HEAD^1', 'HEAD');
  if (changed === undefined || !(await couldMatter(changed, run.topLevel))) return;
  await afterMergeCommit(run, changed);
}

async function afterMergeCommit(run: HookRun, changed: readonly string[]): Promise<void> {
  const parents = await parentsOf(run.git, 'HEAD');
  if (parents.length < 2) return;
  const [{ announceMerges, createMergesFor }, { HookMessages }] = await Promise.all([import('./create-merges.js'), import('../messages/hooks.js')]);
  const operation = HookMessages.OPERATION_MERGE;
  const commits = parents.map((sha, index) => ({ sha, current: index === 0 }));
  const created = await createMergesFor(run, changed, { commits, operation, result: { kind: 'committed', rev: 'HEAD' } });
  if (created === undefined) return;
  if (created.project.config.onMerge === 'stage') return announceMerges(run, created, operation, HookMessages.staged);
  const { foldIntoHead } = await import('./fold-into-head.js');
  const ids = created.outcome.created.map((merge) => merge.id);
  const fold = await foldIntoHead(run, created.files, HookMessages.foldReflog(ids.join(', ')));
  announceMerges(run, created, operation, fold.folded ? HookMessages.folded : (files) => HookMessages.notFolded(files, fold.otherChanges));
}

async function afterSquash(run: HookRun): Promise<void> {
  const changed = await stagedPaths(run.git);
  if (!(await couldMatter(changed, run.topLevel))) return;
  const head = await verifyCommit(run.git, 'HEAD');
  // git names the squashed commits in GITHEAD_<sha> variables; HEAD does not move.
  const squashed = Object.keys(run.ctx.env).flatMap((key) => (key.startsWith('GITHEAD_') && SHA.test(key.slice(8)) ? [key.slice(8)] : []));
  const commits = [...(head === undefined ? [] : [{ sha: head, current: true }]), ...squashed.map((sha) => ({ sha }))];
  const [{ announceMerges, createMergesFor }, { HookMessages }] = await Promise.all([import('./create-merges.js'), import('../messages/hooks.js')]);
  // The squash is staged, not committed: its result is the index.
  const created = await createMergesFor(run, changed, { commits, operation: HookMessages.OPERATION_SQUASH, result: { kind: 'staged' } });
  if (created !== undefined) announceMerges(run, created, HookMessages.OPERATION_SQUASH, HookMessages.stagedForSquash);
}
