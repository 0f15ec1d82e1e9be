// Whether the index can hold skip-worktree entries, judged from its first bytes without starting
// git: the commands ask git for what sparse checkout left out of the work tree only when there
// may be something, so that `heads` in an ordinary clone costs no git process. git writes index
// version 2 unless an entry needs the extended flags (skip-worktree, intent-to-add), which make
// it version 3, or the config asks for version 4; a split index keeps entries in another file.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';

const SIGNATURE = 'DIRC';

/** False only when `indexFile` certainly holds no skip-worktree entry (version 2, not split, or no index at all). */
export function mayHoldSkipWorktree(indexFile: string, gitDir: string): boolean {
  const header = Buffer.alloc(8);
  let length: number;
  try {
    const descriptor = openSync(indexFile, 'r');
    try {
      length = readSync(descriptor, header, 0, header.length, 0);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    // No index yet: nothing is tracked, let alone skipped. Anything else: ask git.
    return !(error instanceof Error && 'code' in error && error.code === 'ENOENT');
  }
  if (
    length < header.length ||
    header.toString('latin1', 0, 4) !== SIGNATURE ||
    header.readUInt32BE(4) !== 2
  )
    return true;
  return splitIndex(gitDir);
}

// A split index's shared part (`sharedindex.<id>`) has a header of its own.
function splitIndex(gitDir: string): boolean {
  try {
    return readdirSync(gitDir).some((name) => name.startsWith('sharedindex.'));
  } catch {
    // An unreadable git directory: let git answer.
    return true;
  }
}

/** The index git uses: GIT_INDEX_FILE, else `index` in the git directory. */
export function indexFileOf(
  gitDir: string,
  topLevel: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const fromEnv = env['GIT_INDEX_FILE'];
  return fromEnv ? path.resolve(topLevel, fromEnv) : path.join(gitDir, 'index');
}
