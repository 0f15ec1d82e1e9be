// git as a plain child process, for the hooks. They run on every commit and merge, and
// importing simple-git alone costs more than starting node (about 85 ms against 80 ms measured
// here), so the hooks run git through node:child_process with argv arrays, as the port does.
// The environment passes through unchanged: inside a hook git has set GIT_DIR and
// GIT_INDEX_FILE for this very repository (GIT_INDEX_FILE is index.lock under `commit -a`).
// Each call is synchronous: a hook waits for every answer anyway, and spawnSync needs none of
// the streams and sockets of an asynchronous child (measured: the first asynchronous git call
// of a process cost about 10 ms, each later one 3.5 ms; spawnSync 4 ms, then 2.5 ms).
import type { SpawnSyncOptionsWithBufferEncoding, SpawnSyncReturns } from 'node:child_process';

import { GitCommandError } from '../errors.js';
import { lazySpawnSync } from './lazy-spawn-sync.js';

/** How a git process ended. */
export interface GitProcessResult<Output = string> {
  readonly status: number;
  readonly stdout: Output;
  readonly stderr: string;
}

/** Per-call options: environment changes and standard input. */
export interface GitCallOptions {
  /** Added to the environment; an undefined value removes the variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to git's stdin (hash-object reads a commit object there); stdin is closed otherwise. */
  readonly input?: string | Uint8Array;
}

// node:child_process is loaded on the first call (see lazy-spawn-sync.ts).
function spawnSync(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptionsWithBufferEncoding,
): SpawnSyncReturns<Buffer> {
  return lazySpawnSync()(command, args, options);
}

// Generous: ls-tree and diff output of a large repository can run to megabytes.
const MAX_BUFFER = 256 * 1024 * 1024;

/** git in one working directory with one environment. */
export class GitProcess {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;

  constructor(cwd: string, env: Readonly<Record<string, string | undefined>>) {
    this.cwd = cwd;
    this.env = env;
  }

  /** Runs git and returns how it ended, whatever the status. */
  attempt(args: readonly string[], options: GitCallOptions = {}): Promise<GitProcessResult> {
    return this.#spawn(args, options).then(({ status, stdout, stderr }) => ({
      status,
      stdout: stdout.toString('utf8'),
      stderr,
    }));
  }

  /** Runs git and returns stdout; any non-zero status throws GitCommandError with git's first line. */
  async run(args: readonly string[], options: GitCallOptions = {}): Promise<string> {
    return succeeded(args, await this.attempt(args, options));
  }

  /** Runs git and returns stdout as bytes (a commit object, exactly); non-zero status throws as `run` does. */
  async runBytes(args: readonly string[], options: GitCallOptions = {}): Promise<Buffer> {
    return succeeded(args, await this.#spawn(args, options));
  }

  #spawn(args: readonly string[], options: GitCallOptions): Promise<GitProcessResult<Buffer>> {
    const env = options.env === undefined ? this.env : { ...this.env, ...options.env };
    // encoding 'buffer': stdout stays bytes; text output is decoded by `attempt`. stdin is the
    // input (as bytes: spawnSync would encode a string with `encoding`), or empty. git may exit
    // before reading it; its status says what happened.
    const input =
      typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input;
    const result = spawnSync('git', [...args], {
      cwd: this.cwd,
      env,
      input,
      encoding: 'buffer',
      maxBuffer: MAX_BUFFER,
      windowsHide: true,
    });
    if (result.error !== undefined || result.status === null) {
      // No status at all: git could not be started (ENOENT), was killed, or said too much.
      const detail = result.error?.message ?? `killed by ${String(result.signal)}`;
      return Promise.reject(new GitCommandError(args, detail, result.error));
    }
    return Promise.resolve({
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr.toString('utf8'),
    });
  }
}

function succeeded<Output>(args: readonly string[], result: GitProcessResult<Output>): Output {
  if (result.status !== 0)
    throw new GitCommandError(args, firstLine(result.stderr) || `exit status ${result.status}`);
  return result.stdout;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
