// Runs post-write hooks on a new revision file, one after another as Alembic does, always with an
// argv array (never a shell). A hook that fails or cannot start is an outcome, not an exception:
// the revision is already written and stays.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

import type { HookCommand } from '../core/merge/hook-commands.js';
import { MergeMessages } from '../messages/merge.js';

/** Where a hook runs and where its output goes. */
export interface HookEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory when the hook has no `cwd` option. */
  readonly cwd: string;
  /** A relative `cwd` option is resolved against this directory (the config file's). */
  readonly configDirectory: string;
  /** Where the hook's stdout and stderr go; undefined discards them. */
  readonly output: { readonly stdout: OutputSink; readonly stderr: OutputSink } | undefined;
}

/** A stream hook output is copied to. */
export interface OutputSink {
  write(text: string): unknown;
}

/** How a hook ended: ok, or a sentence saying what went wrong. */
export type HookOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** The argv of a hook: `exec` and `console_scripts` run a program, `module` runs `python -m`. */
export function hookArgv(command: HookCommand, env: Readonly<Record<string, string | undefined>>): string[] {
  const { program, args } = command;
  switch (program.kind) {
    case 'exec':
      return [program.executable, ...args];
    case 'console_scripts':
      // Alembic imports the entry point in its own interpreter; its console script is the same code.
      return [program.entrypoint, ...args];
    case 'module':
      return [env['GIT_ALEMBIC_PYTHON'] || 'python3', '-m', program.module, ...args];
  }
}

/** Runs one hook to completion. */
export function runHook(command: HookCommand, where: HookEnvironment): Promise<HookOutcome> {
  const [file, ...args] = hookArgv(command, where.env);
  const cwd = command.cwd === undefined ? where.cwd : path.resolve(where.configDirectory, command.cwd);
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
    return Promise.resolve({ ok: false, problem: MergeMessages.hookNotStarted(file as string, `its cwd ${cwd} is not a directory`) });
  }
  return new Promise((resolve) => {
    const child = spawn(file as string, args, { cwd, env: definedOnly(where.env), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => where.output?.stdout.write(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => where.output?.stderr.write(chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ ok: false, problem: MergeMessages.hookNotStarted(file as string, error.code === 'ENOENT' ? 'not found' : error.message) });
    });
    child.once('close', (code, signal) => {
      resolve(code === 0 ? { ok: true } : { ok: false, problem: MergeMessages.hookExit(code, signal) });
    });
  });
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
