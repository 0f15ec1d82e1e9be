// Names for temporary files written beside their target (same directory, so a rename or link
// to the final name stays on one file system).
import { unlinkSync } from 'node:fs';
import path from 'node:path';

let sequence = 0;

/**
 * A hidden name beside `file` that no other writer uses: the process id plus a per-process
 * sequence and the time. Callers still create it with the `wx` flag, so a clash is an error,
 * never a shared file. (No random bytes: the hooks load no crypto module.)
 */
export function temporaryPathBeside(file: string): string {
  sequence += 1;
  // Short on purpose: a target name near the file system's limit must not break its temporary.
  return path.join(
    path.dirname(file),
    `.git-alembic-${process.pid}-${Date.now().toString(36)}${sequence}.tmp`,
  );
}

/**
 * Removes a temporary file if it is there (rmSync with `force`, without the module rmSync
 * loads on first use: about half a millisecond of every merge a hook writes).
 */
export function removeTemporary(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
