// Finds and reads revision files the way Alembic ≥ 1.10 does (`ScriptDirectory._load_revisions`,
// `Script._list_py_dir`): version locations in config order, missing ones skipped; in each
// directory its files sorted by code point, then (when recursive) its subdirectories in the
// same order; `__pycache__` files skipped; each real path loaded once, the first time.
// These rules are applied here, and only here, to whatever tree the files come from: the file
// system, or what git records (src/alembic/version-tree.ts); a file's bytes come from the work
// tree or, for files git says differ from it, from git in one batch.
// This runs in a fresh process per git hook over thousands of files, so per-file work is kept
// small: paths are concatenated rather than path.join-ed, and files read into one buffer. All
// file-system calls are synchronous: the process has nothing else to do meanwhile, and each
// asynchronous call costs a thread-pool round trip.
import path from 'node:path';
import { InputError } from '../errors.js';
import { ScanMessages } from '../messages/revision-file.js';
import { compareCodePoints } from '../core/code-point-order.js';
import { readCommonRevisionFile } from '../core/revision-file/fast-reader.js';
import type {
  RevisionFileInput,
  RevisionFileOptions,
} from '../core/revision-file/revision-file.js';
import type { ConstantValue, Revision } from '../core/revision.js';
import type { RevisionCache, RevisionCacheKey } from './revision-cache.js';
import { FileReader } from '../fs/file-reader.js';
import { fileSystemTree, type VersionTree } from './version-tree.js';

// Alembic's `_only_source_rev_file`, used with re.match (anchored at the start).
const REVISION_FILE_NAME = /^(?!\.#|__init__)[^\n]*\.py$/;
const SURROGATE = /[\ud800-\udfff]/;

/** Where the revision files are read from: the tree walked, and the bytes of files git holds. */
export interface RevisionFileSource {
  readonly tree: VersionTree;
  /** The contents of blobs the tree names, fetched in one batch. */
  readonly readBlobs: (ids: readonly string[]) => Promise<ReadonlyMap<string, Uint8Array>>;
  /** The parsed values of earlier runs for one environment (revision-cache.ts), when kept. */
  readonly openCache?: ((key: RevisionCacheKey) => RevisionCache | undefined) | undefined;
}

/** The file system alone, as Alembic reads it. */
export const FILE_SYSTEM_SOURCE: RevisionFileSource = {
  tree: fileSystemTree,
  readBlobs: async () => new Map(),
};

/** Settings for loading every revision of one Alembic environment. */
export interface LoadRevisionsOptions {
  /** Absolute version locations, in config order. */
  readonly versionLocations: readonly string[];
  /** `recursive_version_locations`. */
  readonly recursive: boolean;
  /** Values for non-literal expressions (the project config's `constants`). */
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /** Messages name files relative to this directory (usually the repository root). */
  readonly displayRoot: string;
  /** Where the files are read from; the file system when not given. */
  readonly source?: RevisionFileSource | undefined;
  /** Whether a file (absolute path) gets the complete Python syntax check (core/python-syntax). */
  readonly checkSyntax?: ((file: string) => boolean) | undefined;
  /** Hears how many of the files are read, every few hundred files (the CLI's progress line). */
  readonly onProgress?: ((read: number, total: number) => void) | undefined;
}

const PROGRESS_EVERY = 256;

/**
 * The files Alembic would load from one walked directory, in order: no object per file, as
 * thousands of them would only feed the garbage collector of a short-lived process.
 */
interface DirectoryFiles {
  /** The directory as walked. */
  readonly path: string;
  /** What path.join(path, name) and path.join(realPath, name) put before a name. */
  readonly prefix: string;
  readonly realPrefix: string;
  readonly names: string[];
  /** Real paths of the names that are symbolic links. */
  readonly linkTargets: Map<string, string> | undefined;
  /** Blob ids of the names whose bytes come from git. */
  readonly blobs: Map<string, string> | undefined;
  /** Blob ids of the names whose work-tree bytes git finds the same as its own. */
  readonly clean: ReadonlyMap<string, string> | undefined;
}

/** Absolute paths (as walked) of the revision files Alembic would load, in its load order. */
export async function listRevisionFiles(
  versionLocations: readonly string[],
  recursive: boolean,
  tree: VersionTree = fileSystemTree,
): Promise<string[]> {
  const paths: string[] = [];
  for (const directory of listFiles(tree, versionLocations, recursive)) {
    for (const name of directory.names) paths.push(directory.prefix + name);
  }
  return paths;
}

/**
 * Reads and parses every revision file of an environment, in Alembic's load order. Files of the
 * common shape are read by the fast reader; the precise reader, whose modules take tens of
 * milliseconds to load in a fresh process, is loaded only when a file needs it. With a cache,
 * files whose content it knows are neither read nor parsed (and their blobs never fetched).
 */
export async function loadRevisions(options: LoadRevisionsOptions): Promise<Revision[]> {
  const source = options.source ?? FILE_SYSTEM_SOURCE;
  const directories = listFiles(source.tree, options.versionLocations, options.recursive);
  const cache = source.openCache?.(options);
  const { revisions, pending } = fromCache(
    directories,
    options.displayRoot,
    cache,
    options.checkSyntax,
  );
  const fromGit = await source.readBlobs(
    pending.flatMap((file) => (file.blob === undefined ? [] : [file.blob])),
  );
  const reader = new FileReader();
  const readerOptions: RevisionFileOptions = { constants: options.constants };
  let read = revisions.length - pending.length;
  for (const { index, directory, name, displayPath, blob, contentId } of pending) {
    const bytes =
      blob === undefined
        ? reader.readSource(directory.prefix + name, displayPath)
        : blobBytes(fromGit, blob, displayPath);
    const input: RevisionFileInput = { fileName: realName(directory, name), displayPath, bytes };
    if (options.checkSyntax?.(directory.prefix + name) === true) (await syntaxChecker())(input);
    const revision =
      readCommonRevisionFile(input, readerOptions) ?? (await preciseReader())(input, readerOptions);
    revisions[index] = revision;
    if (contentId !== undefined) cache?.set(contentId, revision);
    read += 1;
    if (read % PROGRESS_EVERY === 0) options.onProgress?.(read, revisions.length);
  }
  cache?.save();
  return revisions as Revision[];
}

/** A revision file still to read: where it goes in the load order, and where its bytes are. */
interface PendingFile {
  readonly index: number;
  readonly directory: DirectoryFiles;
  readonly name: string;
  readonly displayPath: string;
  /** Set when the bytes come from git. */
  readonly blob: string | undefined;
  /** Set when git vouches for the bytes (the cache key). */
  readonly contentId: string | undefined;
}

// Every file in load order: the cached revisions in place, the others listed to be read. A file
// that gets the complete syntax check is read whatever the cache knows (it keeps values, not verdicts).
function fromCache(
  directories: readonly DirectoryFiles[],
  displayRoot: string,
  cache: RevisionCache | undefined,
  checkSyntax: ((file: string) => boolean) | undefined,
): { revisions: (Revision | undefined)[]; pending: PendingFile[] } {
  const revisions: (Revision | undefined)[] = [];
  const pending: PendingFile[] = [];
  for (const directory of directories) {
    const relative = path.relative(displayRoot, directory.path).split(path.sep).join('/');
    const displayPrefix = relative === '' ? '' : `${relative}/`;
    for (const name of directory.names) {
      const displayPath = displayPrefix + name;
      const blob = directory.blobs?.get(name);
      // Bytes read from git and bytes read from the work tree are told apart (filters may differ).
      const clean = blob === undefined ? directory.clean?.get(name) : undefined;
      const contentId =
        blob !== undefined ? `git ${blob}` : clean === undefined ? undefined : `work tree ${clean}`;
      const cached =
        contentId === undefined || checkSyntax?.(directory.prefix + name) === true
          ? undefined
          : cache?.get(contentId, displayPath);
      if (cached === undefined)
        pending.push({ index: revisions.length, directory, name, displayPath, blob, contentId });
      revisions.push(cached);
    }
  }
  return { revisions, pending };
}

// A blob git did not give back: the repository lost an object, or another process rewrote it meanwhile.
function blobBytes(
  fromGit: ReadonlyMap<string, Uint8Array>,
  blob: string,
  displayPath: string,
): Uint8Array {
  const bytes = fromGit.get(blob);
  if (bytes === undefined)
    throw new InputError(
      { file: displayPath },
      ScanMessages.unreadable(ScanMessages.missingBlob(blob)),
    );
  return bytes;
}

let loadedSyntaxChecker: ((input: RevisionFileInput) => void) | undefined;

// The complete check is loaded only for the files that get it (never on the hooks' fast path).
async function syntaxChecker(): Promise<(input: RevisionFileInput) => void> {
  loadedSyntaxChecker ??= (await import('../core/revision-file/complete-check.js'))
    .checkRevisionFileSyntax;
  return loadedSyntaxChecker;
}

let loadedPreciseReader:
  | ((input: RevisionFileInput, options: RevisionFileOptions) => Revision)
  | undefined;

// Nothing else touches the read buffer while this awaits: the reader belongs to one call.
async function preciseReader(): Promise<
  (input: RevisionFileInput, options: RevisionFileOptions) => Revision
> {
  loadedPreciseReader ??= (await import('../core/revision-file/revision-file.js'))
    .readRevisionFilePrecisely;
  return loadedPreciseReader;
}

// The base name Alembic matches: a link's target name.
function realName(directory: DirectoryFiles, name: string): string {
  const target = directory.linkTargets?.get(name);
  return target === undefined ? name : path.basename(target);
}

function listFiles(
  tree: VersionTree,
  versionLocations: readonly string[],
  recursive: boolean,
): DirectoryFiles[] {
  const listed: DirectoryFiles[] = [];
  const seenRealPaths = new Set<string>();
  for (const location of versionLocations) {
    const realLocation = tree.realDirectory(location);
    if (realLocation === undefined) continue;
    const walked: DirectoryFiles[] = [];
    walk(tree, location, realLocation, recursive, walked);
    // Only a link can repeat a real path within one location (linked directories are not
    // followed); across locations anything can. Without either, the set is not needed.
    const mayRepeat =
      versionLocations.length > 1 ||
      walked.some((directory) => directory.linkTargets !== undefined);
    for (const directory of walked) {
      const names = directory.names.filter((name) => {
        if (mayRepeat) {
          const realPath = directory.linkTargets?.get(name) ?? directory.realPrefix + name;
          if (seenRealPaths.has(realPath)) return false;
          seenRealPaths.add(realPath);
        }
        return REVISION_FILE_NAME.test(realName(directory, name));
      });
      listed.push({ ...directory, names });
    }
  }
  return listed;
}

// Top-down walk: a directory's files in code-point order, then each subdirectory. Files in a
// directory named `…__pycache__` are skipped, but (as in Alembic) its subdirectories are not.
function walk(
  tree: VersionTree,
  directory: string,
  realDirectory: string,
  recursive: boolean,
  walked: DirectoryFiles[],
): void {
  const {
    files,
    subdirectories,
    links,
    blobs: listedBlobs,
    clean,
  } = tree.list(directory, realDirectory);
  const prefix = childPrefix(directory);
  const realPrefix = childPrefix(realDirectory);
  const sorted = sortByCodePoint(files);
  let names = sorted;
  let linkTargets: Map<string, string> | undefined;
  let blobs =
    listedBlobs === undefined || listedBlobs.size === 0 ? undefined : new Map(listedBlobs);
  if (links !== undefined && links.size > 0) {
    names = [];
    for (const name of sorted) {
      if (links.has(name)) {
        const target = tree.linkTarget(prefix + name, realPrefix + name);
        if (target.isDirectory) continue;
        linkTargets ??= new Map();
        linkTargets.set(name, target.realPath);
        if (target.blob !== undefined) {
          blobs ??= new Map();
          blobs.set(name, target.blob);
        }
      }
      names.push(name);
    }
  }
  if (!path.basename(directory).endsWith('__pycache__'))
    walked.push({ path: directory, prefix, realPrefix, names, linkTargets, blobs, clean });
  if (!recursive) return;
  for (const name of sortByCodePoint(subdirectories))
    walk(tree, prefix + name, realPrefix + name, true, walked);
}

// What path.join(directory, name) puts before an entry name (which never holds a separator).
function childPrefix(directory: string): string {
  const normalized = path.join(directory);
  if (normalized === '.') return '';
  return normalized.endsWith(path.sep) ? normalized : normalized + path.sep;
}

// Without surrogates, code-point order is UTF-16 order, which the built-in sort gives without
// calling a JavaScript comparator thousands of times.
function sortByCodePoint(names: string[]): string[] {
  return SURROGATE.test(names.join('')) ? names.sort(compareCodePoints) : names.sort();
}
