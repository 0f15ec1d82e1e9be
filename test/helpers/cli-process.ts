// Runs the built CLI (`node dist/bin.cjs`) as users run it: a separate process, its output piped
// (so never a TTY), an environment without git's location variables or our own switches.
// Build first (`npm test` does).
import { execFile, type ExecFileException } from 'node:child_process';

import { BIN } from './temp-repo.js';

/** What the process printed and its exit status. */
export interface BinRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Variables that would change what the CLI does or where git looks.
const REMOVED = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALEMBIC',
  'GIT_ALEMBIC_DEBUG',
  'NO_COLOR',
  'FORCE_COLOR',
  'CI',
];

/** The environment runBin gives the CLI, with `extra` on top (undefined removes a variable). */
export function binEnvironment(
  extra: Readonly<Record<string, string | undefined>> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of REMOVED) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** `node dist/bin.cjs <args>` in `cwd`; resolves with any exit status. */
export function runBin(
  cwd: string,
  args: readonly string[],
  extra: Readonly<Record<string, string | undefined>> = {},
): Promise<BinRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: binEnvironment(extra), encoding: 'utf8' },
      (error: ExecFileException | null, stdout, stderr) => {
        resolve({
          status: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
    child.stdin?.end();
  });
}

/** A small Alembic project as a tempProject file table: `a1`, then `b1` and any `extra` revisions. */
export function alembicFiles(
  revisions: Readonly<Record<string, string | null>>,
): Record<string, string> {
  const files: Record<string, string> = {
    'alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n',
  };
  for (const [id, parent] of Object.entries(revisions)) {
    files[`migrations/versions/${id}_rev.py`] =
      `revision = ${JSON.stringify(id)}\ndown_revision = ${parent === null ? 'None' : JSON.stringify(parent)}\n`;
  }
  return files;
}
