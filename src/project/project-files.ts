// Where a run reads an environment's revision files and heads file from: the one answer to
// "whose bytes?". The CLI reads the work tree, as Alembic does, except the entries sparse
// checkout left out of it, which git's index holds (`checkout`). A hook reads the commit being
// made (`staged`: the index git named in GIT_INDEX_FILE) or just made (`committed`: HEAD): the
// files git records there, from the work tree where it holds the same bytes and from git where
// it does not (a file staged in part, edited since, or outside the sparse checkout). Untracked
// files are no part of a commit, nor are files only intended to be added (`git add -N`). Each
// view costs one `git ls-files` (and one `ls-tree` for a commit, run alongside), plus one
// `cat-file --batch` only when some bytes must come from git. The blob ids it learns key the
// revision cache (src/alembic/revision-cache.ts) when the caller names where it is kept.
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

import type { AlembicEnvironment } from '../alembic/environment.js';
import { type RecordedFile, type RecordedTree, recordedTree } from '../alembic/recorded-tree.js';
import { openRevisionCache, type RevisionCacheKey } from '../alembic/revision-cache.js';
import { FILE_SYSTEM_SOURCE, type RevisionFileSource } from '../alembic/scan-versions.js';
import { isErrorCode, realPathOrLexical } from '../alembic/version-tree.js';
import type { GitProcess } from '../git/git-process.js';
import type { IndexLister } from '../git/index-lister.js';
import type { GitFileEntry, IndexListing } from '../git/parse-output.js';
import { intentToAdd, listIndex, listTree, readBlobs } from '../git/tracked-files.js';

/** The revision files of a run, and any other project file (a heads file) read the same way. */
export interface ProjectFiles extends RevisionFileSource {
  /** The bytes of one file, or undefined when there is none. */
  read(file: string): Promise<Uint8Array | undefined>;
}

/** Which files a run reads: see the header. */
export type FilesView =
  | { readonly kind: 'checkout' }
  | { readonly kind: 'staged' }
  | { readonly kind: 'committed'; readonly rev: string };

/** The work tree alone (outside a repository). */
export const WORK_TREE_FILES: ProjectFiles = {
  ...FILE_SYSTEM_SOURCE,
  read: async (file) => readIfExists(file),
};

/**
 * The files of `view` under `paths` (absolute: version locations, heads files), in the work
 * tree whose top level is `topLevel`, with `git` running there; `cacheDirectory` keeps the
 * revision cache (none when undefined). `lister`: the index as discovery listed it already.
 */
export async function projectFiles(
  git: GitProcess,
  topLevel: string,
  view: FilesView,
  paths: readonly string[],
  cacheDirectory?: string,
  lister?: IndexLister,
): Promise<ProjectFiles> {
  const root = realpathSync.native(topLevel);
  const relative = [...new Set(paths.flatMap((file) => repositoryRelative(root, file)))];
  const listed = lister === undefined ? listIndex(git, relative) : lister.listIndex(relative);
  const [index, tree] = await Promise.all([
    listed,
    view.kind === 'committed' ? listTree(git, view.rev, relative) : undefined,
  ]);
  const files = recordedFiles(
    view,
    index,
    tree,
    view.kind === 'staged' ? await intentToAdd(git, index) : new Set(),
  );
  const blobs = blobReader(git);
  const links = files.filter((file) => file.mode === '120000' && !file.inWorkTree);
  const fetched = await blobs(links.map((file) => file.blob));
  const linkTexts = new Map(
    links.map((file) => [file.path, new TextDecoder().decode(fetched.get(file.blob))]),
  );
  const recorded = recordedTree({
    root,
    files,
    mode: view.kind === 'checkout' ? 'overlay' : 'exact',
    linkTexts,
  });
  const openCache =
    cacheDirectory === undefined
      ? undefined
      : (key: RevisionCacheKey) => openRevisionCache(cacheDirectory, cacheKey(root, key));
  return {
    tree: recorded,
    readBlobs: blobs,
    read: (file) => readRecorded(recorded, blobs, file),
    openCache,
  };
}

// Version locations relative to the top level: the same cache whatever the clone's path.
function cacheKey(root: string, key: RevisionCacheKey): RevisionCacheKey {
  return {
    ...key,
    versionLocations: key.versionLocations.map(
      (location) => repositoryRelative(root, location)[0] ?? location,
    ),
  };
}

/** The paths a run reads of each environment: its version locations and its heads file. */
export function environmentPaths(environments: readonly AlembicEnvironment[]): string[] {
  return environments.flatMap((environment) => [
    ...environment.versionLocations,
    environment.headsFile,
  ]);
}

// What the view records, and whether the work tree holds the same bytes. `intended`: entries
// only intended to be added, which a commit leaves out.
function recordedFiles(
  view: FilesView,
  index: IndexListing,
  tree: readonly GitFileEntry[] | undefined,
  intended: ReadonlySet<string>,
): RecordedFile[] {
  const clean = new Map<string, GitFileEntry>();
  const unmerged = new Set<string>();
  for (const entry of index.entries) {
    if (entry.stage !== 0) unmerged.add(entry.path);
    else if (!index.skipWorktree.has(entry.path) && !index.modified.has(entry.path))
      clean.set(entry.path, entry);
  }
  const inWorkTree = (entry: GitFileEntry): boolean => {
    const same = clean.get(entry.path);
    return same !== undefined && same.blob === entry.blob && same.mode === entry.mode;
  };
  // The work tree, and where it lacks them the files sparse checkout left out; the clean files
  // are listed too, with their blob ids, for the revision cache.
  if (view.kind === 'checkout') {
    return index.entries.flatMap((entry): RecordedFile[] => {
      if (index.skipWorktree.has(entry.path)) return [{ ...entry, inWorkTree: false }];
      return clean.get(entry.path) === entry ? [{ ...entry, inWorkTree: true }] : [];
    });
  }
  if (tree !== undefined) return tree.map((entry) => ({ ...entry, inWorkTree: inWorkTree(entry) }));
  // A path still unmerged cannot be committed; its work-tree file is all there is to read.
  const staged = index.entries
    .filter((entry) => entry.stage === 0 && !intended.has(entry.path))
    .map((entry) => ({ ...entry, inWorkTree: inWorkTree(entry) }));
  const conflicted = [...unmerged].map((file) => ({
    path: file,
    mode: '100644',
    blob: '',
    inWorkTree: true,
  }));
  return [...staged, ...conflicted];
}

// Blobs by id, each fetched at most once per run.
function blobReader(
  git: GitProcess,
): (ids: readonly string[]) => Promise<ReadonlyMap<string, Uint8Array>> {
  const known = new Map<string, Uint8Array>();
  return async (ids) => {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0)
      for (const [id, bytes] of await readBlobs(git, missing)) known.set(id, bytes);
    return known;
  };
}

async function readRecorded(
  tree: RecordedTree,
  blobs: (ids: readonly string[]) => Promise<ReadonlyMap<string, Uint8Array>>,
  file: string,
): Promise<Uint8Array | undefined> {
  const blob = tree.blobOf(realPathOrLexical(file));
  if (blob === undefined) return readIfExists(file);
  return (await blobs([blob])).get(blob);
}

// `file` relative to the top level with forward slashes; nothing when it lies outside.
function repositoryRelative(root: string, file: string): string[] {
  const relative = path.relative(root, realPathOrLexical(file));
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return [];
  return [relative.split(path.sep).join('/')];
}

function readIfExists(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ENOTDIR')) return undefined;
    throw error;
  }
}
