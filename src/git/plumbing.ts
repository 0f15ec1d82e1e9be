// The git queries the hooks need, as argv arrays over a GitProcess. Paths are repository-relative
// with forward slashes; the hooks run in the top level, and every path-taking command here but
// update-index (which takes plain paths from the cwd) is made independent of it anyway (--full-tree).
import type { GitProcess } from './git-process.js';
import { type CommitRecord, parseCommitRecord, splitNul } from './parse-output.js';

// ls-tree takes no pathspec magic; this flag makes its paths literal (a file may be `[draft].py`).
const LITERAL = '--literal-pathspecs';
// Both names of a rename count as changed (a renamed revision file leaves one place, enters another).
const NO_RENAMES = '--no-renames';

/** The sha of `rev` as a commit, or undefined when it does not exist. */
export async function verifyCommit(git: GitProcess, rev: string): Promise<string | undefined> {
  // -q --verify: exit 1 and no output for a missing rev, instead of an error.
  const result = await git.attempt(['rev-parse', '-q', '--verify', `${rev}^{commit}`]);
  const sha = result.stdout.trim();
  return result.status === 0 && sha !== '' ? sha : undefined;
}

/** The parents of a commit, in order. */
export async function parentsOf(git: GitProcess, commit: string): Promise<string[]> {
  // --parents -n 1 prints "<commit> <parent>…" on one line.
  const [, ...parents] = (await git.run(['rev-list', '--parents', '-n', '1', commit, '--']))
    .trim()
    .split(/\s+/);
  return parents;
}

/**
 * Paths that differ between two commits (either may be an expression such as `HEAD^1`), or
 * undefined when one of them does not exist (the parent of a root commit).
 */
export async function changedBetween(
  git: GitProcess,
  from: string,
  to: string,
): Promise<string[] | undefined> {
  const result = await git.attempt([
    'diff-tree',
    '-r',
    '--name-only',
    '-z',
    NO_RENAMES,
    from,
    to,
    '--',
  ]);
  return result.status === 0 ? splitNul(result.stdout) : undefined;
}

/**
 * Paths a commit changed against each of its parents (none for a root commit: --root compares
 * it with the empty tree), or undefined when the commit does not exist.
 */
export async function changedByCommit(
  git: GitProcess,
  commit: string,
): Promise<string[] | undefined> {
  // -m: a merge is compared with every parent, so what it brought from either side shows.
  const result = await git.attempt([
    'diff-tree',
    '-r',
    '-m',
    '--root',
    '--no-commit-id',
    '--name-only',
    '-z',
    NO_RENAMES,
    commit,
    '--',
  ]);
  return result.status === 0 ? [...new Set(splitNul(result.stdout))] : undefined;
}

/** Paths whose staged content differs from `commit` (default HEAD; all staged paths on an unborn branch). */
export async function stagedPaths(git: GitProcess, commit?: string): Promise<string[]> {
  // Reads GIT_INDEX_FILE when git set it: under `commit -a` that is the index being committed.
  return splitNul(
    await git.run([
      'diff',
      '--cached',
      '--name-only',
      '-z',
      NO_RENAMES,
      ...(commit === undefined ? [] : [commit]),
      '--',
    ]),
  );
}

/**
 * HEAD's commit now, with its parents and the paths it changed against its first parent, in one
 * process (the id is the one a hook may replace later, the paths are this commit's); undefined
 * on an unborn branch.
 */
export async function readHeadCommit(git: GitProcess): Promise<CommitRecord | undefined> {
  // The commit as stored (no replace refs), and nothing the user's log config adds to the output.
  const format = [
    '--no-show-signature',
    '--no-color',
    '--format=%H%x20%P',
    '--name-only',
    NO_RENAMES,
    '--diff-merges=first-parent',
  ];
  const result = await git.attempt([
    '--no-replace-objects',
    'log',
    '-1',
    '-z',
    ...format,
    'HEAD',
    '--',
  ]);
  return result.status === 0 ? parseCommitRecord(result.stdout) : undefined;
}

/**
 * Which of `paths` exist in each commit's tree, in the order of `commits`: one git process for
 * them all (`cat-file --batch-check`, a `<commit>:<path>` line each), where ls-tree took one per
 * commit. A file counts, a directory does not (ls-tree -r lists what is in it, not it).
 */
export async function presentInTrees(
  git: GitProcess,
  commits: readonly string[],
  paths: readonly string[],
): Promise<Set<string>[]> {
  // A batch line cannot hold a newline: such a path is asked of ls-tree.
  const batched = paths.filter((file) => !file.includes('\n'));
  const present = commits.map(() => new Set<string>());
  if (batched.length > 0) {
    const queries = commits.flatMap((commit, index) =>
      batched.map((file) => ({ index, file, line: `${commit}:${file}` })),
    );
    // Only the type: `blob` (or `commit`, a submodule), `tree`, or `<line> missing` for a path the tree lacks.
    const output = await git.run(['cat-file', '--batch-check=%(objecttype)'], {
      input: queries.map((query) => `${query.line}\n`).join(''),
    });
    output.split('\n').forEach((type, position) => {
      const query = queries[position];
      if (query !== undefined && (type === 'blob' || type === 'commit'))
        present[query.index]?.add(query.file);
    });
  }
  const unbatched = paths.filter((file) => file.includes('\n'));
  if (unbatched.length > 0) {
    for (const [index, commit] of commits.entries()) {
      // --full-tree: paths from the top level whatever the cwd.
      for (const file of splitNul(
        await git.run([
          LITERAL,
          'ls-tree',
          '-r',
          '--full-tree',
          '--name-only',
          '-z',
          commit,
          '--',
          ...unbatched,
        ]),
      ))
        present[index]?.add(file);
    }
  }
  return present;
}

/**
 * Stages files (their current content, or their removal) in the index git named, and in each
 * of `alsoInto` (index files). update-index, unlike `git add` without --sparse (an option
 * older gits lack), also stages paths outside a sparse checkout. It takes paths from the top
 * level (the hooks' cwd), never pathspecs, so no character in a name is special.
 */
export async function stagePaths(
  git: GitProcess,
  paths: readonly string[],
  alsoInto: readonly string[] = [],
): Promise<void> {
  if (paths.length === 0) return;
  const args = ['update-index', '--add', '--remove', '--', ...paths];
  await git.run(args);
  for (const index of alsoInto) await git.run(args, { env: { GIT_INDEX_FILE: index } });
}

/**
 * Whether the index records any file under `directory` (repository-relative): asked only for a
 * directory the work tree lacks, which a sparse checkout leaves out although git has its files.
 */
export async function recordsFilesUnder(git: GitProcess, directory: string): Promise<boolean> {
  if (directory === '' || directory === '..' || directory.startsWith('../')) return false;
  return (
    (await git.run(['ls-files', '-z', '--full-name', '--', `:(top,literal)${directory}/`])) !== ''
  );
}

/** The short name of the current branch, or undefined on a detached HEAD. */
export async function currentBranch(git: GitProcess): Promise<string | undefined> {
  const result = await git.attempt(['symbolic-ref', '-q', '--short', 'HEAD']);
  const name = result.stdout.trim();
  return result.status === 0 && name !== '' ? name : undefined;
}

/** A readable name for a commit (`dev`, `origin/main~2`), or its short sha. */
export async function nameOf(git: GitProcess, commit: string): Promise<string> {
  // Tags are left out: "the branch it came from" is what the hooks report. So is a remote's HEAD
  // (`origin/HEAD`), which names no branch.
  const result = await git.attempt([
    'name-rev',
    '--name-only',
    '--no-undefined',
    '--exclude=tags/*',
    '--exclude=HEAD',
    commit,
  ]);
  const name = result.stdout.trim().replace(/^remotes\//, '');
  return result.status === 0 && name !== '' ? name : commit.slice(0, 12);
}

/** The remote-tracking branches called `branch` (`origin/main` for `main`) that point at `commit`. */
export async function remoteTrackingAt(
  git: GitProcess,
  branch: string,
  commit: string,
): Promise<string[]> {
  // Branch names cannot hold glob characters, so the pattern matches `branch` literally.
  const output = await git.run([
    'for-each-ref',
    `--points-at=${commit}`,
    '--format=%(refname:lstrip=2)',
    `refs/remotes/*/${branch}`,
  ]);
  return output.split('\n').filter((name) => name !== '');
}
