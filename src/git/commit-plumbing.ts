// Making commits with plumbing, for the hooks. The post-merge fold cannot amend (git refuses while
// MERGE_HEAD exists, which it still does in post-merge), so it reads the merge commit's object as
// bytes, writes the same bytes with another tree, and moves HEAD with a compare-and-swap; no hook
// fires. post-rewrite commits on top of a rebase without running the commit hooks again.
import { GitCommandError } from '../errors.js';
import type { GitProcess } from './git-process.js';
import { verifyCommit } from './plumbing.js';

/** A commit object's exact bytes (replace refs ignored: the object itself is what gets remade). */
export async function readCommitObject(git: GitProcess, commit: string): Promise<Buffer> {
  return git.runBytes(['--no-replace-objects', 'cat-file', 'commit', commit]);
}

/** Stores a commit object given as bytes (git checks its format first) and returns its id. */
export async function writeCommitObject(git: GitProcess, commit: Uint8Array): Promise<string> {
  return (
    await git.run(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: commit })
  ).trim();
}

/** Writes the index as a tree and returns its id. */
export async function writeTree(git: GitProcess): Promise<string> {
  return (await git.run(['write-tree'])).trim();
}

/**
 * Moves `ref` (HEAD: the branch it points to, with both reflogs) from `expected` to `target`.
 * Returns false, having changed nothing, when `ref` no longer points to `expected`.
 */
export async function compareAndSwapRef(
  git: GitProcess,
  ref: string,
  target: string,
  expected: string,
  reason: string,
): Promise<boolean> {
  const args = ['update-ref', '-m', reason, ref, target, expected];
  const result = await git.attempt(args);
  if (result.status === 0) return true;
  if ((await verifyCommit(git, ref)) !== expected) return false;
  throw new GitCommandError(
    args,
    result.stderr.trim().split('\n')[0] ?? `exit status ${result.status}`,
  );
}

/** Commits exactly `paths` (already staged) on top of HEAD without running the commit hooks. */
export async function commitPaths(
  git: GitProcess,
  message: string,
  paths: readonly string[],
): Promise<void> {
  // --no-verify: pre-commit and commit-msg would run git-alembic again; --only via the pathspecs
  // keeps anything else the user staged out of this commit.
  await git.run([
    'commit',
    '--no-verify',
    '-q',
    '-m',
    message,
    '--',
    ...paths.map((path) => `:(top,literal)${path}`),
  ]);
}
