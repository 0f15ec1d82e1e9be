// post-merge [0|1]. After `git merge` or `git pull` made a merge commit ([0], MERGE_HEAD still
// present): write the merge revision of any divergence the merge introduced and fold it, with
// the heads file, into that commit (onMerge "amend"), or leave both staged ("stage"). After
// `--squash` ([1], HEAD unchanged): stage only; the squash commit takes them. A fast-forward
// ([0] without MERGE_HEAD) is left alone: HEAD may be someone else's merge commit.
// `git-alembic merge-branch` calls completeHeadMerge after its own `git merge`, so a merge made
// without hooks ends exactly as one made with them.
import type { CommitRecord } from '../git/parse-output.js';
import { readHeadCommit, stagedPaths, verifyCommit } from '../git/plumbing.js';
import { mergeHeads, origHead } from './git-state.js';
import type { HookRun } from './hook-run.js';
import { couldMatter } from './relevance.js';

const SHA = /^[0-9a-f]{40,64}$/;

/** Runs post-merge. */
export async function postMerge(run: HookRun): Promise<void> {
  if (run.args[0] === '1') return afterSquash(run);
  const merging = run.args[0] === '0' ? mergeHeads(run.gitDir) : [];
  if (merging.length === 0) return;
  const merge = await headMergeThatMatters(run);
  if (merge === undefined || !(await madeByThisMerge(run, merge, merging))) return;
  const { completeMergeCommit } = await import('./merge-stage.js');
  await completeMergeCommit(run, merge);
}

/**
 * HEAD is a merge commit just made (the caller checked): write the merge revisions of the
 * divergences the merge introduced and fold them (with the heads files) into it, or stage them.
 */
export async function completeHeadMerge(run: HookRun): Promise<void> {
  const merge = await headMergeThatMatters(run);
  if (merge === undefined) return;
  const { completeMergeCommit } = await import('./merge-stage.js');
  await completeMergeCommit(run, merge);
}

// HEAD, recorded before any slow work (the fold replaces this very commit or nothing), when
// what it changed against its first parent could touch a migration history.
async function headMergeThatMatters(run: HookRun): Promise<CommitRecord | undefined> {
  const merge = await readHeadCommit(run.git);
  return merge !== undefined && (await couldMatter(merge.changed, run.topLevel))
    ? merge
    : undefined;
}

// The commit git has just made for this merge: the old HEAD, then every commit in MERGE_HEAD
// (which holds the tag, not its commit, when a tag was merged).
async function madeByThisMerge(
  run: HookRun,
  merge: CommitRecord,
  merging: readonly string[],
): Promise<boolean> {
  const [first, ...others] = merge.parents;
  const before = origHead(run.gitDir);
  if (others.length !== merging.length || (before !== undefined && first !== before)) return false;
  if (others.every((sha, index) => sha === merging[index])) return true;
  const peeled = await Promise.all(
    merging.map((sha, index) => (sha === others[index] ? sha : verifyCommit(run.git, sha))),
  );
  return others.every((sha, index) => sha === peeled[index]);
}

async function afterSquash(run: HookRun): Promise<void> {
  const changed = await stagedPaths(run.git);
  if (!(await couldMatter(changed, run.topLevel))) return;
  const head = await verifyCommit(run.git, 'HEAD');
  // git names the squashed commits in GITHEAD_<sha> variables; HEAD does not move.
  const squashed = Object.keys(run.ctx.env).flatMap((key) =>
    key.startsWith('GITHEAD_') && SHA.test(key.slice(8)) ? [key.slice(8)] : [],
  );
  const commits = [
    ...(head === undefined ? [] : [{ sha: head, current: true }]),
    ...squashed.map((sha) => ({ sha })),
  ];
  const { announceMerges, createMergesFor, HookMessages } = await import('./merge-stage.js');
  // The squash is staged, not committed: its result is the index.
  const created = await createMergesFor(run, changed, {
    commits,
    operation: HookMessages.OPERATION_SQUASH,
    result: { kind: 'staged' },
  });
  if (created !== undefined)
    announceMerges(run, created, HookMessages.OPERATION_SQUASH, HookMessages.stagedForSquash);
}
