// What git holds for a few paths, in as few processes as possible: the index (one `ls-files`,
// which also says what differs in the work tree and what sparse checkout left out), a commit's
// tree (one `ls-tree`), and the bytes of many blobs at once (one `cat-file --batch`).
import type { GitProcess } from './git-process.js';
import {
  type GitFileEntry,
  type IndexListing,
  parseBatchOutput,
  parseIndexListing,
  parseTreeListing,
  splitNul,
} from './parse-output.js';

/**
 * The index entries under `paths` (repository-relative directories or files; '' is the top
 * level). Inside a hook this is the index being committed: git sets GIT_INDEX_FILE.
 */
export async function listIndex(git: GitProcess, paths: readonly string[]): Promise<IndexListing> {
  if (paths.length === 0) return { entries: [], skipWorktree: new Set(), modified: new Set() };
  return listIndexMatching(
    git,
    paths.includes('') ? [] : paths.map((file) => `:(top,literal)${file}`),
  );
}

/** The index entries `pathspecs` match (none given: every entry), as listIndex lists them. */
export async function listIndexMatching(
  git: GitProcess,
  pathspecs: readonly string[],
): Promise<IndexListing> {
  // -v tags skip-worktree entries (S) and, in lower case, assume-unchanged ones; -m adds a C line
  // for each entry the work tree differs from (git compares the content where stat data cannot
  // tell); --full-name keeps paths top-level ones wherever git runs.
  return parseIndexListing(
    await git.run(['ls-files', '-s', '-v', '-c', '-m', '-z', '--full-name', '--', ...pathspecs]),
  );
}

// The empty blob, SHA-1 and SHA-256: what `git add -N` records for a file it only intends to add.
const EMPTY_BLOBS = new Set([
  'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391',
  '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813',
]);

/**
 * The entries of `listing` only intended to be added (`git add -N`), which a commit leaves out.
 * ls-files cannot tell them from a staged empty file; they hold the empty blob and differ from
 * the work tree, so only such entries (usually none) are asked about, with one diff-files.
 */
export async function intentToAdd(git: GitProcess, listing: IndexListing): Promise<Set<string>> {
  const candidates = listing.entries.filter(
    (entry) => entry.stage === 0 && EMPTY_BLOBS.has(entry.blob) && listing.modified.has(entry.path),
  );
  if (candidates.length === 0) return new Set();
  // --name-status -z: `<status>\0<path>\0` per path; an intended addition shows as added (A).
  const fields = splitNul(
    await git.run([
      'diff-files',
      '--name-status',
      '-z',
      '--',
      ...candidates.map((entry) => `:(top,literal)${entry.path}`),
    ]),
  );
  const added = new Set<string>();
  for (let index = 0; index + 1 < fields.length; index += 2)
    if (fields[index] === 'A') added.add(fields[index + 1] ?? '');
  return added;
}

/** The entries of `rev`'s tree under `paths`, as listIndex takes them. */
export async function listTree(
  git: GitProcess,
  rev: string,
  paths: readonly string[],
): Promise<GitFileEntry[]> {
  if (paths.length === 0) return [];
  // ls-tree takes no pathspec magic: --literal-pathspecs keeps `[draft].py` literal; --full-tree makes paths top-level ones.
  const pathspecs = paths.includes('') ? [] : paths;
  return parseTreeListing(
    await git.run([
      '--literal-pathspecs',
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      rev,
      '--',
      ...pathspecs,
    ]),
  );
}

/** The content of each blob, keyed by id, read by one git process; ids git lacks are left out. */
export async function readBlobs(
  git: GitProcess,
  ids: Iterable<string>,
): Promise<Map<string, Uint8Array>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return parseBatchOutput(
    await git.runBytes(['cat-file', '--batch'], { input: `${unique.join('\n')}\n` }),
  );
}
