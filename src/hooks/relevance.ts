// The hooks' fast path: could any of the changed paths matter to an Alembic history? Only a
// revision file can change one, and only a heads file records heads; anything else lets the hook
// end before loading the configuration, the environments or a single revision.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The default heads file name (`<script_location>/heads.txt`). */
const DEFAULT_HEADS_NAME = 'heads.txt';
/** Setup gives every heads file this attribute in the top-level .gitattributes. */
const DRIVER_ATTRIBUTE = 'merge=git-alembic';
// Alembic fails on a revision file without `down_revision`, so every revision file contains it.
const REVISION_MARKER = Buffer.from('down_revision');
// Past this many changed Python files, reading them costs more than asking Alembic's settings.
const MAX_FILES_READ = 500;

/** Whether a path could be a revision file by its name. */
export function isPythonFile(file: string): boolean {
  return file.endsWith('.py');
}

/**
 * Whether a changed Python file could be a revision: it says `down_revision`, or it is gone
 * (a deleted revision file changes the heads as well). `paths` are relative to `topLevel`.
 */
export function anyRevisionFile(paths: readonly string[], topLevel: string): boolean {
  const python = paths.filter(isPythonFile);
  if (python.length > MAX_FILES_READ) return true;
  return python.some((file) => {
    try {
      return readFileSync(path.join(topLevel, file)).includes(REVISION_MARKER);
    } catch {
      // Deleted (or unreadable): it may have been a revision.
      return true;
    }
  });
}

/**
 * Whether any path is a revision file (as anyRevisionFile judges) or a heads file: named
 * heads.txt, or given our merge driver in the top-level .gitattributes (a renamed heads file).
 */
export async function couldMatter(paths: readonly string[], topLevel: string): Promise<boolean> {
  if (paths.some((file) => path.posix.basename(file) === DEFAULT_HEADS_NAME)) return true;
  if (anyRevisionFile(paths, topLevel)) return true;
  if (paths.length === 0) return false;
  const renamed = renamedHeadsFileLines(topLevel);
  if (renamed.size === 0) return false;
  // Loaded only where a heads file has another name and the change touched other files.
  const { attributeLineFor } = await import('../core/edits/gitattributes.js');
  return paths.some((file) => renamed.has(attributeLineFor(file)));
}

// Lines giving our driver to a heads file not called heads.txt (setup writes one per heads file).
function renamedHeadsFileLines(topLevel: string): Set<string> {
  const text = readAttributes(topLevel);
  if (text === undefined || !text.includes(DRIVER_ATTRIBUTE)) return new Set();
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  return new Set(
    lines.filter(
      (line) =>
        line.endsWith(` ${DRIVER_ATTRIBUTE}`) && !/heads\.txt"? merge=git-alembic$/.test(line),
    ),
  );
}

function readAttributes(topLevel: string): string | undefined {
  try {
    return readFileSync(path.join(topLevel, '.gitattributes'), 'utf8');
  } catch {
    // No (readable) .gitattributes: no heads file with a custom name.
    return undefined;
  }
}
