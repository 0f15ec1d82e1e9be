// Finds and reads revision files the way Alembic ≥ 1.10 does (`ScriptDirectory._load_revisions`,
// `Script._list_py_dir`): version locations in config order, missing ones skipped; in each
// directory its files sorted by code point, then (when recursive) its subdirectories in the
// same order; `__pycache__` files skipped; each real path loaded once, the first time.
import { type Dirent, readFileSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { ScanMessages } from '../messages/revision-file.js';
import { compareCodePoints } from '../core/code-point-order.js';
import { readRevisionFile } from '../core/revision-file/revision-file.js';
import type { ConstantValue, Revision } from '../core/revision.js';

// Alembic's `_only_source_rev_file`, used with re.match (anchored at the start).
const REVISION_FILE_NAME = /^(?!\.#|__init__)[^\n]*\.py$/;

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
}

/** A file Alembic would load: the path as walked, and the real path whose name Alembic matches. */
interface ListedFile {
  readonly path: string;
  readonly realPath: string;
}

/** Absolute paths of the revision files Alembic would load, in its load order. */
export async function listRevisionFiles(versionLocations: readonly string[], recursive: boolean): Promise<string[]> {
  return (await listFiles(versionLocations, recursive)).map((file) => file.path);
}

/** Reads and parses every revision file of an environment, in Alembic's load order. */
export async function loadRevisions(options: LoadRevisionsOptions): Promise<Revision[]> {
  const files = await listFiles(options.versionLocations, options.recursive);
  return files.map((file) => {
    const displayPath = path.relative(options.displayRoot, file.path).split(path.sep).join('/');
    const bytes = readBytes(file.path, displayPath);
    return readRevisionFile({ fileName: path.basename(file.realPath), displayPath, bytes }, { constants: options.constants });
  });
}

// Synchronous reads measured faster than batched fs.promises reads for thousands of small
// files (see bench/scan-throughput.ts); the event loop has nothing else to do meanwhile.
function readBytes(file: string, displayPath: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    // Any failure to read one file is that file's problem: name it, keep the cause.
    throw new InputError({ file: displayPath }, ScanMessages.unreadable(errorDetail(error)), { cause: error });
  }
}

async function listFiles(versionLocations: readonly string[], recursive: boolean): Promise<ListedFile[]> {
  const listed: ListedFile[] = [];
  const seenRealPaths = new Set<string>();
  for (const location of versionLocations) {
    const realLocation = await existingDirectory(location);
    if (realLocation === undefined) continue;
    for (const file of await walk(location, realLocation, recursive)) {
      if (seenRealPaths.has(file.realPath)) continue;
      seenRealPaths.add(file.realPath);
      if (REVISION_FILE_NAME.test(path.basename(file.realPath))) listed.push(file);
    }
  }
  return listed;
}

// The real path of a location that is a directory; undefined when it is missing or not one.
async function existingDirectory(location: string): Promise<string | undefined> {
  try {
    const real = await realpath(location);
    return (await stat(real)).isDirectory() ? real : undefined;
  } catch (error) {
    // Alembic skips a location that does not exist (a dangling symlink included).
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ENOTDIR')) return undefined;
    throw error;
  }
}

// Top-down walk: a directory's files in code-point order, then each subdirectory. Files in a
// directory named `…__pycache__` are skipped, but (as in Alembic) its subdirectories are not.
async function walk(directory: string, realDirectory: string, recursive: boolean): Promise<ListedFile[]> {
  const entries = await listDirectory(directory);
  const files: ListedFile[] = [];
  const subdirectories: string[] = [];
  for (const entry of entries) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) subdirectories.push(entry.name);
    else if (!entry.isSymbolicLink()) files.push({ path: entryPath, realPath: path.join(realDirectory, entry.name) });
    else {
      const target = await symlinkTarget(entryPath);
      if (!target.isDirectory) files.push({ path: entryPath, realPath: target.realPath });
    }
  }
  const listed = path.basename(directory).endsWith('__pycache__') ? [] : files;
  if (!recursive) return listed;
  for (const name of subdirectories) listed.push(...(await walk(path.join(directory, name), path.join(realDirectory, name), true)));
  return listed;
}

async function listDirectory(directory: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries.sort((left, right) => compareCodePoints(left.name, right.name));
  } catch (error) {
    // Named with its path: an unreadable version directory would silently drop revisions.
    throw new InputError({ file: directory }, ScanMessages.unreadableDirectory(errorDetail(error)), { cause: error });
  }
}

// Links to directories are never followed (os.walk does not descend into them). A dangling
// link stays a file, which then fails to read, as Alembic fails to import it.
async function symlinkTarget(link: string): Promise<{ realPath: string; isDirectory: boolean }> {
  try {
    const realPath = await realpath(link);
    return { realPath, isDirectory: (await stat(realPath)).isDirectory() };
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ELOOP')) return { realPath: link, isDirectory: false };
    throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
