// Runs post-write hooks on a new revision file, one after another as Alembic does, always with an
// argv array (never a shell), each with the program it was resolved to before writing. A hook
// that fails or cannot start is an outcome, not an exception: the revision stays as written.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';

import type { HookCommand } from '../core/merge/hook-commands.js';
import type { HookLaunch } from './hook-programs.js';
import { MergeMessages } from '../messages/merge.js';
import type { StreamName } from '../runtime/output.js';

/** The hook's environment and where its output goes. */
export interface HookEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Passes on what the hook writes to its stdout and stderr; undefined discards it. */
  readonly relay: ((stream: StreamName, text: string) => void) | undefined;
}

/** How a hook ended: ok, or a sentence saying what went wrong. */
export type HookOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Runs one hook to completion: the program it was resolved to (hook-programs.ts), then its arguments. */
export function runHook(
  command: HookCommand,
  launch: HookLaunch,
  where: HookEnvironment,
): Promise<HookOutcome> {
  const [file, ...prefix] = launch.argv as [string, ...string[]];
  if (!statSync(launch.cwd, { throwIfNoEntry: false })?.isDirectory()) {
    return Promise.resolve({
      ok: false,
      problem: MergeMessages.hookNotStarted(file, `its cwd ${launch.cwd} is not a directory`),
    });
  }
  return new Promise((resolve) => {
    const child = spawn(file, [...prefix, ...command.args], {
      cwd: launch.cwd,
      env: definedOnly(where.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => where.relay?.('stdout', chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => where.relay?.('stderr', chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      resolve({
        ok: false,
        problem: MergeMessages.hookNotStarted(
          file,
          error.code === 'ENOENT' ? 'not found' : error.message,
        ),
      });
    });
    child.once('close', (code, signal) => {
      resolve(
        code === 0 ? { ok: true } : { ok: false, problem: MergeMessages.hookExit(code, signal) },
      );
    });
  });
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
