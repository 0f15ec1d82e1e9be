// Rewriting a commit with plumbing, for the post-merge fold: `git commit --amend` is refused
// while MERGE_HEAD exists, which it still does in post-merge. write-tree, commit-tree and a
// compare-and-swap update-ref make the same commit with one more file, and fire no hooks.
import { GitCommandError } from '../errors.js';
import type { GitProcess } from './git-process.js';
import { type GitIdentity, parseRawCommit, type RawCommit } from './parse-output.js';

/** A commit object's tree, parents, identities and exact message. */
export async function readCommit(git: GitProcess, rev: string): Promise<RawCommit> {
  const args = ['cat-file', 'commit', rev];
  const commit = parseRawCommit(await git.run(args));
  if (commit === undefined) throw new GitCommandError(args, 'not a commit object git-alembic can read');
  return commit;
}

/** Writes the index as a tree and returns its id. */
export async function writeTree(git: GitProcess): Promise<string> {
  return (await git.run(['write-tree'])).trim();
}

/** What a new commit is made of. */
export interface CommitSpec {
  readonly tree: string;
  readonly parents: readonly string[];
  /** The message, byte for byte (commit-tree does no clean-up). */
  readonly message: string;
  readonly author: GitIdentity;
  readonly committer: GitIdentity;
}

/** Creates a commit object (no ref moves) and returns its id. */
export async function commitTree(git: GitProcess, spec: CommitSpec): Promise<string> {
  const parents = spec.parents.flatMap((parent) => ['-p', parent]);
  const env = {
    GIT_AUTHOR_NAME: spec.author.name,
    GIT_AUTHOR_EMAIL: spec.author.email,
    GIT_AUTHOR_DATE: spec.author.date,
    GIT_COMMITTER_NAME: spec.committer.name,
    GIT_COMMITTER_EMAIL: spec.committer.email,
    GIT_COMMITTER_DATE: spec.committer.date,
  };
  // The message goes through stdin: no temporary file, no -m clean-up.
  return (await git.run(['commit-tree', spec.tree, ...parents], { env, input: spec.message })).trim();
}

/**
 * Moves `ref` (HEAD: the branch it points to, with both reflogs) from `expected` to `target`;
 * fails without changing anything when `ref` no longer points to `expected`.
 */
export async function updateRef(git: GitProcess, ref: string, target: string, expected: string, reason: string): Promise<void> {
  await git.run(['update-ref', '-m', reason, ref, target, expected]);
}

/** Commits exactly `paths` (already staged) on top of HEAD without running the commit hooks. */
export async function commitPaths(git: GitProcess, message: string, paths: readonly string[]): Promise<void> {
  // --no-verify: pre-commit and commit-msg would run git-alembic again; --only via the pathspecs
  // keeps anything else the user staged out of this commit.
  await git.run(['commit', '--no-verify', '-q', '-m', message, '--', ...paths.map((path) => `:(top,literal)${path}`)]);
}
