// Writes files so that a reader (git, an editor, a concurrent hook) sees the old content or the
// new, never half of it: write a temporary file beside the target, then rename it over. Every
// target first passes the work-tree check (inside the repository, not through a link).
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { temporaryPathBeside } from './temporary-path.js';
import { checkedWritePath, type WriteTarget } from './write-target.js';

/**
 * Replaces (or creates) the target file with `text` atomically, keeping an existing file's mode.
 * @throws UserError when the target leads outside the work tree or is a symbolic link.
 */
export function writeFileAtomic(target: WriteTarget, text: string): void {
  const file = checkedWritePath(target);
  const directory = path.dirname(file);
  mkdirSync(directory, { recursive: true });
  const mode = statSync(file, { throwIfNoEntry: false })?.mode;
  const temporary = temporaryPathBeside(file);
  try {
    writeFileSync(temporary, text, {
      flag: 'wx',
      ...(mode === undefined ? {} : { mode: mode & 0o7777 }),
    });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The text of `file` (UTF-8; bad bytes become U+FFFD, which the heads-file reader rejects), or
 * undefined when it does not exist. Other read errors are thrown.
 */
export function readTextIfExists(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // ENOENT: no file is an answer, not an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
