// A version tree made of the files git records: the index being committed or a commit's tree
// (`exact`: the walk sees these files and nothing else, so an untracked file is nobody's
// revision), or the entries sparse checkout left out of the work tree (`overlay`: the file
// system, plus these files where it has none). A file whose bytes the work tree holds is read
// there; the others are read from git by blob id. Outside the repository the file system rules.
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';

import {
  type DirectoryListing,
  fileSystemTree,
  type LinkTarget,
  realPathOrLexical,
  type VersionTree,
} from './version-tree.js';

/** A file git records. */
export interface RecordedFile {
  /** Repository-relative, forward slashes. */
  readonly path: string;
  /** `100644`, `100755`, `120000` (a link), `160000` (a submodule). */
  readonly mode: string;
  readonly blob: string;
  /** The work tree holds exactly these bytes, so they are read there. */
  readonly inWorkTree: boolean;
}

/** What a recorded tree is made of. */
export interface RecordedTreeOptions {
  /** The real path of the work tree's top level. */
  readonly root: string;
  readonly files: readonly RecordedFile[];
  readonly mode: 'exact' | 'overlay';
  /** The target of each link among `files` that is not in the work tree, by repository path. */
  readonly linkTexts: ReadonlyMap<string, string>;
}

/** A version tree that can also say where one file's bytes are. */
export interface RecordedTree extends VersionTree {
  /** The blob to read the file at this absolute path from, or undefined to read the file system. */
  blobOf(file: string): string | undefined;
}

const LINK = '120000';
const SUBMODULE = '160000';

interface RecordedDirectory {
  readonly files: string[];
  readonly subdirectories: Set<string>;
}

/** Builds the tree. */
export function recordedTree(options: RecordedTreeOptions): RecordedTree {
  const { root, mode, linkTexts } = options;
  const below = root.endsWith(path.sep) ? root : root + path.sep;
  const inside = (file: string): boolean => file === root || file.startsWith(below);
  const { files, directories } = indexFiles(options);
  const onDisk = (file: string): boolean =>
    lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  return {
    // git records no directories: one exists where it holds files or where the work tree has it
    // (an empty versions directory is still one, as Alembic sees it).
    realDirectory(location) {
      const real = realPathOrLexical(location);
      if (!inside(real)) return fileSystemTree.realDirectory(location);
      return directories.has(real) || fileSystemTree.realDirectory(location) !== undefined
        ? real
        : undefined;
    },
    list(directory, realDirectory) {
      if (!inside(realDirectory)) return fileSystemTree.list(directory, realDirectory);
      const recorded = listRecorded(directories.get(realDirectory), files, realDirectory);
      if (mode === 'exact') return recorded;
      const disk =
        statSync(directory, { throwIfNoEntry: false })?.isDirectory() === true
          ? fileSystemTree.list(directory, realDirectory)
          : undefined;
      return disk === undefined ? recorded : overlay(disk, recorded);
    },
    linkTarget(link, realLink) {
      const file = files.get(realLink);
      if (file === undefined || file.inWorkTree || (mode === 'overlay' && onDisk(link)))
        return fileSystemTree.linkTarget(link, realLink);
      return recordedLinkTarget(realLink, linkTexts.get(file.path), files, directories, inside);
    },
    blobOf(file) {
      const recorded = files.get(file);
      if (recorded === undefined || recorded.inWorkTree) return undefined;
      return mode === 'overlay' && onDisk(file) ? undefined : recorded.blob;
    },
  };
}

// Every file by absolute path, and every directory (the top level included) with its entries.
// Paths from git are normalized already, so they are concatenated, not path.join-ed: thousands
// of entries run through here in every hook that reads a history.
function indexFiles({ root, files: recorded }: RecordedTreeOptions): {
  files: Map<string, RecordedFile>;
  directories: Map<string, RecordedDirectory>;
} {
  const files = new Map<string, RecordedFile>();
  const directories = new Map<string, RecordedDirectory>([
    [root, { files: [], subdirectories: new Set() }],
  ]);
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  // The directory holding `entry`, an absolute path below the top level.
  const parentOf = (entry: string): string => {
    const separator = entry.lastIndexOf(path.sep);
    return separator < prefix.length ? root : entry.slice(0, separator);
  };
  const directoryAt = (directory: string): RecordedDirectory => {
    let found = directories.get(directory);
    if (found === undefined) {
      found = { files: [], subdirectories: new Set() };
      directories.set(directory, found);
      const parent = parentOf(directory);
      directoryAt(parent).subdirectories.add(
        directory.slice(parent === root ? prefix.length : parent.length + 1),
      );
    }
    return found;
  };
  for (const file of recorded) {
    const absolute = prefix + (path.sep === '/' ? file.path : file.path.replaceAll('/', path.sep));
    // A submodule is a directory git does not look into here: walked, and empty.
    if (file.mode === SUBMODULE) directoryAt(absolute);
    else {
      files.set(absolute, file);
      const parent = parentOf(absolute);
      directoryAt(parent).files.push(
        absolute.slice(parent === root ? prefix.length : parent.length + 1),
      );
    }
  }
  return { files, directories };
}

function listRecorded(
  directory: RecordedDirectory | undefined,
  files: ReadonlyMap<string, RecordedFile>,
  realDirectory: string,
): DirectoryListing {
  if (directory === undefined) return { files: [], subdirectories: [], links: undefined };
  let links: Set<string> | undefined;
  let blobs: Map<string, string> | undefined;
  let clean: Map<string, string> | undefined;
  const prefix = realDirectory + path.sep;
  for (const name of directory.files) {
    const file = files.get(prefix + name);
    if (file?.mode === LINK) {
      links ??= new Set();
      links.add(name);
    } else if (file !== undefined && !file.inWorkTree) {
      blobs ??= new Map();
      blobs.set(name, file.blob);
    } else if (file !== undefined && file.blob !== '') {
      // A path still unmerged has no one blob (''): its bytes are the work tree's alone.
      clean ??= new Map();
      clean.set(name, file.blob);
    }
  }
  return {
    files: [...directory.files],
    subdirectories: [...directory.subdirectories],
    links,
    blobs,
    clean,
  };
}

// The file system's entries, and the recorded ones it lacks (read from git).
function overlay(disk: DirectoryListing, recorded: DirectoryListing): DirectoryListing {
  const present = new Set([...disk.files, ...disk.subdirectories]);
  const missing = (name: string): boolean => !present.has(name);
  const links = [...(disk.links ?? []), ...[...(recorded.links ?? [])].filter(missing)];
  return {
    files: [...disk.files, ...recorded.files.filter(missing)],
    subdirectories: [...disk.subdirectories, ...recorded.subdirectories.filter(missing)],
    links: links.length === 0 ? undefined : new Set(links),
    blobs: new Map([...(recorded.blobs ?? [])].filter(([name]) => missing(name))),
    // Clean means git found the work-tree file identical, so it is on the disk read here.
    clean: new Map(
      [...(recorded.clean ?? [])].filter(([name]) => !missing(name) && !disk.links?.has(name)),
    ),
  };
}

// A recorded link resolved within the recorded files: a directory is not followed, a file's
// bytes are its blob; a target outside the repository is the file system's; anything else dangles.
function recordedLinkTarget(
  realLink: string,
  text: string | undefined,
  files: ReadonlyMap<string, RecordedFile>,
  directories: ReadonlyMap<string, RecordedDirectory>,
  inside: (file: string) => boolean,
): LinkTarget {
  if (text === undefined) return { realPath: realLink, isDirectory: false };
  const target = path.resolve(path.dirname(realLink), text);
  if (directories.has(target)) return { realPath: target, isDirectory: true };
  const file = files.get(target);
  if (file !== undefined) return { realPath: target, isDirectory: false, blob: file.blob };
  return inside(target)
    ? { realPath: target, isDirectory: false }
    : fileSystemTree.linkTarget(target, target);
}
