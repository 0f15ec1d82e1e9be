// Runs a short Python program to completion: argv only (never a shell), UTF-8 text in and out,
// and a time limit, so a template or a module lookup that never ends cannot hang a git hook.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** How long a Python program may take. */
export const PYTHON_TIMEOUT_MS = 60_000;

/** Runs `python args…` with `input` on stdin; the result says how it ended (`error` when it could not start or timed out). */
export function spawnPython(
  python: string,
  args: readonly string[],
  options: {
    readonly input?: string;
    readonly cwd?: string;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): SpawnSyncReturns<string> {
  const env = Object.fromEntries(
    Object.entries(options.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return spawnSync(python, [...args], {
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: PYTHON_TIMEOUT_MS,
    windowsHide: true,
  });
}
