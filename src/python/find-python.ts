// Which Python git-alembic uses when it needs one (the Mako fallback, `module` post-write
// hooks): the one the user names in GIT_ALEMBIC_PYTHON, else the Python the project's Alembic
// most likely runs under: the active virtualenv, the top level's .venv or venv, then python3.
// Each is resolved to the file that would run, so the git hooks can check where it lives.
import { statSync } from 'node:fs';
import path from 'node:path';

import { findProgram } from '../fs/find-program.js';

/** The variable that names the Python; `0` turns the Mako fallback off for one command. */
export const PYTHON_VARIABLE = 'GIT_ALEMBIC_PYTHON';

/** Where to look, in order. */
export interface PythonCandidates {
  /** Interpreters to try, as absolute paths (a named one that cannot be found stays as named). */
  readonly candidates: readonly string[];
  /** GIT_ALEMBIC_PYTHON named it: only that one is tried, and its failures are reported. */
  readonly explicit: boolean;
}

/** GIT_ALEMBIC_PYTHON=0: no Mako fallback in this command. */
export function fallbackOptedOut(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[PYTHON_VARIABLE] === '0';
}

/** The Pythons that exist, in order; a relative path or bare name is found from the top level and on the PATH. */
export function pythonCandidates(
  env: Readonly<Record<string, string | undefined>>,
  topLevel: string,
): PythonCandidates {
  const named = env[PYTHON_VARIABLE];
  if (named !== undefined && named !== '' && named !== '0')
    return { candidates: [findProgram(named, topLevel, env) ?? named], explicit: true };
  const environments = [
    env['VIRTUAL_ENV'],
    path.join(topLevel, '.venv'),
    path.join(topLevel, 'venv'),
  ];
  const interpreters = environments.flatMap((directory) =>
    directory === undefined || directory === '' ? [] : [interpreterIn(directory)],
  );
  const existing = interpreters.filter(
    (file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true,
  );
  const onPath = findProgram(process.platform === 'win32' ? 'python' : 'python3', topLevel, env);
  return {
    candidates: [...new Set([...existing, ...(onPath === undefined ? [] : [onPath])])],
    explicit: false,
  };
}

function interpreterIn(virtualenv: string): string {
  return process.platform === 'win32'
    ? path.join(virtualenv, 'Scripts', 'python.exe')
    : path.join(virtualenv, 'bin', 'python');
}
