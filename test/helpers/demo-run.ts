// Runs `git-alembic demo` as a user does: the built CLI (`npm test` builds dist first) in a
// directory of its own, with an environment free of git's location variables.
import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionContext } from 'ava';

import { BIN } from './temp-repo.js';

/** How one process ended. */
export interface DemoRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
];

/** The environment of these tests: the process's, without git location variables, plus `extra`. */
export function demoTestEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const name of LOCATION_VARIABLES) delete env[name];
  return env;
}

/** Runs a program and resolves with how it ended, whatever the status. */
export function runProgram(
  program: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      [...args],
      { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ status: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** `node dist/bin.cjs demo <args>` from an empty temporary directory (removed when the test ends). */
export async function runDemoCli(
  t: ExecutionContext,
  args: readonly string[],
  env: NodeJS.ProcessEnv = demoTestEnv(),
): Promise<DemoRun> {
  const cwd = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-demo-test-'));
  t.teardown(() => rm(cwd, { recursive: true, force: true, maxRetries: 5 }));
  return runProgram(process.execPath, [BIN, 'demo', ...args], cwd, env);
}
