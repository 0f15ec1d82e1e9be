// The merge driver command setup registers in `.git/config` (`merge.git-alembic.driver`).
// Git runs it with /bin/sh in the work tree's top level; there is no npx on the way (it adds
// about half a second per file, and GUI clients often lack it), only the project's own binary.
import { shellQuote } from './shell-quote.js';

/** `merge.git-alembic.name`: what git shows for the driver. */
export const DRIVER_DESCRIPTION = 'git-alembic: three-way set merge of Alembic heads files';

/** The placeholders, in the order the driver reads them. `%P` is bare: git quotes it itself. */
export const DRIVER_PLACEHOLDERS = '%O %A %B %L %P';

/**
 * The project's git-alembic binary, relative to the top level with forward slashes.
 * `packageDirectory` is where package.json is ('' at the top level).
 */
export function localBinary(packageDirectory: string): string {
  return packageDirectory === ''
    ? 'node_modules/.bin/git-alembic'
    : `${packageDirectory}/node_modules/.bin/git-alembic`;
}

/**
 * The driver command: our binary (quoted when needed, `%` doubled so git does not expand it),
 * then a guard for when it cannot run at all (no node on a GUI client's PATH, no node_modules
 * in a fresh worktree): any status but 0 and 1 falls back to `git merge-file`, so the file
 * still gets conflict markers instead of silently keeping the current side.
 */
export function driverCommand(packageDirectory: string): string {
  return guardedDriverCommand(driverWord(localBinary(packageDirectory)));
}

/**
 * The same driver command around any way of starting git-alembic, given as sh words already
 * quoted (`merge-branch` passes its own node and bin.js for one `git merge`).
 */
export function driverCommandRunning(program: string): string {
  return guardedDriverCommand(program.replace(/%/g, '%%'));
}

/** `word` as one sh word in a driver command: quoted when needed, `%` doubled so git does not expand it. */
export function driverWord(word: string): string {
  return shellQuote(word).replace(/%/g, '%%');
}

/** `invocation driver <placeholders>`, with the fallback to `git merge-file` described above. */
export function guardedDriverCommand(invocation: string): string {
  const fallback = 'git merge-file -L current -L base -L incoming --marker-size=%L %A %O %B';
  return `${invocation} driver ${DRIVER_PLACEHOLDERS} || { [ $? = 1 ] || ${fallback}; exit 1; }`;
}
