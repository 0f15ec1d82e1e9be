// pre-commit's note to post-commit: the tree and parents of a commit it has checked and found
// nothing to warn about. post-commit's shell block compares it with the commit git made, in the
// one git call it makes anyway, and ends without starting node when they match: one node process
// per commit. The note names that exact tree and those parents, so it vouches for no other
// commit (an amend, a hook that staged more after ours, --only's temporary index all differ),
// and post-commit empties it once used.
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ownDirectory } from '../git/git-dir.js';
import type { HookRun } from './hook-run.js';

/** The note's file in `gitDir` (hooks/post-commit.sh reads it by this name). */
function checkedCommitFile(gitDir: string): string {
  return path.join(ownDirectory(gitDir), 'pre-commit-checked');
}

/** Forgets an earlier note (of a commit that was never made), before a new check. */
export function forgetCheckedCommit(run: HookRun): void {
  if (run.gitDir === undefined) return;
  try {
    // unlinkSync: rmSync loads a module of its own (about 3 ms) on first use.
    unlinkSync(checkedCommitFile(run.gitDir));
  } catch {
    // None there (the usual case), or an unwritable git directory: no note of ours either way.
  }
}

/**
 * Notes that the commit of the index being committed on `parents` needs no post-commit check.
 * Best effort: without the note, post-commit checks for itself.
 */
export async function recordCheckedCommit(run: HookRun, parents: readonly string[]): Promise<void> {
  if (run.gitDir === undefined) return;
  const tree = await run.git.attempt(['write-tree']);
  if (tree.status !== 0) return;
  try {
    mkdirSync(ownDirectory(run.gitDir), { recursive: true });
    // As `git diff-tree --format='%T %P'` prints the commit (a root commit's line ends in a space).
    writeFileSync(checkedCommitFile(run.gitDir), `${tree.stdout.trim()} ${parents.join(' ')}\n`);
  } catch {
    // Not written: post-commit checks for itself.
  }
}
