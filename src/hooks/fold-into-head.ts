// post-merge's "amend": put the staged merge revision and heads file into the merge commit git
// has just made. `git commit --amend` is refused while MERGE_HEAD exists, so the commit is
// remade with plumbing: the same parents, message, author and committer, the index as its tree,
// and HEAD moved only if it still points at the merge (compare-and-swap). No hook fires.
import { commitTree, readCommit, updateRef, writeTree } from '../git/commit-plumbing.js';
import { stagedPaths, verifyCommit } from '../git/plumbing.js';
import type { HookRun } from './hook-run.js';

/** Whether the files went into HEAD, or why not (they stay staged then). */
export type FoldOutcome = { readonly folded: true } | { readonly folded: false; readonly otherChanges: readonly string[] };

/** Remakes HEAD with the index, if the index differs from HEAD only in `files`. */
export async function foldIntoHead(run: HookRun, files: readonly string[], reason: string): Promise<FoldOutcome> {
  const ours = new Set(files);
  // Anything else staged would be slipped into the merge commit unseen; leave it to the user.
  const otherChanges = (await stagedPaths(run.git)).filter((file) => !ours.has(file));
  if (otherChanges.length > 0) return { folded: false, otherChanges };
  const head = await verifyCommit(run.git, 'HEAD');
  if (head === undefined) return { folded: false, otherChanges: [] };
  const commit = await readCommit(run.git, head);
  const tree = await writeTree(run.git);
  const remade = await commitTree(run.git, { tree, parents: commit.parents, message: commit.message, author: commit.author, committer: commit.committer });
  await updateRef(run.git, 'HEAD', remade, head, reason);
  return { folded: true };
}
