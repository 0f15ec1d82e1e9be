// Writes a new revision file atomically and never over an existing file. The bytes go to a
// temporary file in the target directory first; a hard link then gives them their name, which
// fails with EEXIST instead of replacing a file (rename would replace it). Readers therefore see
// either no file or the whole file, and every failure removes what this module created.
import { constants, copyFileSync, linkSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { UserError } from '../errors.js';
import { removeTemporary, temporaryPathBeside } from '../fs/temporary-path.js';
import { checkedWritePath, type WriteTarget } from '../fs/write-target.js';
import { MergeMessages } from '../messages/merge.js';

/** The target exists already (git-alembic never overwrites). */
export class FileTakenError extends UserError {
  readonly path: string;

  constructor(target: string) {
    super(MergeMessages.fileTaken(target), { hint: MergeMessages.FILE_TAKEN_HINT });
    this.path = target;
  }
}

// Errors of file systems without hard links, where an exclusive copy is the fallback.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Creates the target file with `bytes`, and its missing parent directories. Throws UserError
 * when it leads outside the work tree, FileTakenError when it exists, and UserError for any other
 * failure, leaving nothing behind.
 */
export function writeNewFile(destination: WriteTarget, bytes: Uint8Array): void {
  const target = checkedWritePath(destination);
  const directory = path.dirname(target);
  const firstCreated = makeDirectories(target, directory);
  const temporary = temporaryPathBeside(target);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    linkWithoutOverwrite(temporary, target);
  } catch (error) {
    removeCreatedDirectories(directory, firstCreated, temporary);
    throw asUserError(error, target);
  }
  removeTemporary(temporary);
}

function makeDirectories(target: string, directory: string): string | undefined {
  try {
    return mkdirSync(directory, { recursive: true });
  } catch (error) {
    // EEXIST here means a file stands where a directory should: not the target being taken.
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(MergeMessages.writeFailed(target, detail), { cause: error });
  }
}

function linkWithoutOverwrite(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    if (errorCode(error) !== undefined && NO_HARD_LINKS.has(errorCode(error) as string)) {
      // COPYFILE_EXCL also refuses an existing target; only the atomicity is lost.
      copyFileSync(temporary, target, constants.COPYFILE_EXCL);
      return;
    }
    throw error;
  }
}

// Removes the temporary file, then the directories this write created, deepest first.
function removeCreatedDirectories(
  directory: string,
  firstCreated: string | undefined,
  temporary: string,
): void {
  removeTemporary(temporary);
  if (firstCreated === undefined) return;
  for (let current = directory; current.startsWith(firstCreated); current = path.dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      // Not empty any more (someone else wrote there): leave it.
      return;
    }
    if (current === firstCreated) return;
  }
}

function asUserError(error: unknown, target: string): UserError {
  if (error instanceof UserError) return error;
  if (errorCode(error) === 'EEXIST') return new FileTakenError(target);
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError(MergeMessages.writeFailed(target, detail), { cause: error });
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}
