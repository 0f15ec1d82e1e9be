// What Alembic's walk of the version locations sees, apart from the rules it applies: which
// directories exist, what each one holds, where links lead, and where each file's bytes are.
// The file system is one such tree (Alembic's own); a tree recorded by git (the index being
// committed, a commit, or the entries sparse checkout left out of the work tree) is another.
// The load order, file selection and de-duplication rules are applied to either in one place,
// src/alembic/scan-versions.ts.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { InputError } from '../errors.js';
import { ScanMessages } from '../messages/revision-file.js';

/** A directory's entries, unsorted: non-directories, subdirectories, and which entries are links. */
export interface DirectoryListing {
  readonly files: string[];
  readonly subdirectories: string[];
  readonly links: ReadonlySet<string> | undefined;
  /** Files whose bytes come from git, not from the file system: name → blob id. */
  readonly blobs?: ReadonlyMap<string, string> | undefined;
  /** Regular files the work tree holds as git records them (git compared them): name → blob id. */
  readonly clean?: ReadonlyMap<string, string> | undefined;
}

/** Where a link leads. */
export interface LinkTarget {
  readonly realPath: string;
  readonly isDirectory: boolean;
  /** The blob holding the target's bytes, when they come from git. */
  readonly blob?: string | undefined;
}

/** The directories and files a walk of the version locations reads. Paths are absolute and native. */
export interface VersionTree {
  /** The real path of `location` when it is a directory; undefined when Alembic would skip it. */
  realDirectory(location: string): string | undefined;
  /** The entries of the directory walked as `directory`, whose real path is `realDirectory`. */
  list(directory: string, realDirectory: string): DirectoryListing;
  /** Where the link walked as `link`, whose real path is `realLink`, leads. */
  linkTarget(link: string, realLink: string): LinkTarget;
}

/** The file system, as Alembic reads it. */
export const fileSystemTree: VersionTree = {
  realDirectory: existingDirectory,
  list: (directory) => listDirectory(directory),
  linkTarget: (link) => symlinkTarget(link),
};

// The real path of a location that is a directory; undefined when it is missing or not one.
function existingDirectory(location: string): string | undefined {
  try {
    const real = realpathSync.native(location);
    return statSync(real).isDirectory() ? real : undefined;
  } catch (error) {
    // Alembic skips a location that does not exist (a dangling symlink included).
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ENOTDIR')) return undefined;
    throw error;
  }
}

function listDirectory(directory: string): DirectoryListing {
  try {
    const files: string[] = [];
    const subdirectories: string[] = [];
    let links: Set<string> | undefined;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) subdirectories.push(entry.name);
      else files.push(entry.name);
      if (entry.isSymbolicLink()) {
        links ??= new Set();
        links.add(entry.name);
      }
    }
    return { files, subdirectories, links };
  } catch (error) {
    // Named with its path: an unreadable version directory would silently drop revisions.
    throw new InputError(
      { file: directory },
      ScanMessages.unreadableDirectory(errorDetail(error)),
      { cause: error },
    );
  }
}

// Links to directories are never followed (os.walk does not descend into them). A dangling
// link stays a file, which then fails to read, as Alembic fails to import it.
function symlinkTarget(link: string): LinkTarget {
  try {
    const realPath = realpathSync.native(link);
    return { realPath, isDirectory: statSync(realPath).isDirectory() };
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ELOOP'))
      return { realPath: link, isDirectory: false };
    throw error;
  }
}

/**
 * The real path of `file`, or of its nearest existing ancestor followed by the rest of it: a
 * file or directory sparse checkout left out does not exist on disk, but its parent may be a link.
 */
export function realPathOrLexical(file: string): string {
  try {
    return realpathSync.native(file);
  } catch (error) {
    // Missing, or a link loop (which reading then reports as the file's own problem).
    if (
      !isErrorCode(error, 'ENOENT') &&
      !isErrorCode(error, 'ENOTDIR') &&
      !isErrorCode(error, 'ELOOP')
    )
      throw error;
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPathOrLexical(parent), path.basename(file));
  }
}

/** Whether `error` is a Node.js system error with this code. */
export function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** The message of an error, for a one-line report. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
