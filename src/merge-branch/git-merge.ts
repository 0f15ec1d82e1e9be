// `git merge` itself, run as the user would run it: its output (and that of any hooks it runs)
// goes to our stdout and stderr as it comes, and we learn its exit status. Argv only.
import { spawn } from 'node:child_process';

import type { OutputStream } from '../cli/context.js';
import { GitCommandError } from '../errors.js';
import type { GitProcess } from '../git/git-process.js';
import { splitNul } from '../git/parse-output.js';

/** What to merge and how. */
export interface GitMergeRequest {
  /** `-c` options placed before `merge`. */
  readonly configArgs: readonly string[];
  readonly ref: string;
  readonly message: string | undefined;
  readonly noCommit: boolean;
}

/** Runs `git merge` in the repository of `git`; resolves with its exit status. */
export function runGitMerge(git: GitProcess, request: GitMergeRequest, streams: { stdout: OutputStream; stderr: OutputStream }): Promise<number> {
  // --no-edit: never an editor, whatever the terminal; git's own message unless -m is given.
  const args = [
    ...request.configArgs,
    'merge',
    '--no-edit',
    ...(request.message === undefined ? [] : ['-m', request.message]),
    ...(request.noCommit ? ['--no-commit'] : []),
    request.ref,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: git.cwd, env: git.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    // setEncoding: a character split between two chunks is decoded whole.
    child.stdout.setEncoding('utf8').on('data', (text: string) => streams.stdout.write(text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => streams.stderr.write(text));
    child.on('error', (error) => reject(new GitCommandError(['merge', request.ref], error.message, error)));
    child.on('close', (status, signal) => resolve(status ?? (signal === null ? 1 : 128)));
  });
}

/** The paths with conflicts left in the index, repository-relative. */
export async function unmergedPaths(git: GitProcess): Promise<string[]> {
  // --diff-filter=U: unmerged entries only; -z: any path, as it is.
  return [...new Set(splitNul(await git.run(['diff', '--name-only', '-z', '--diff-filter=U', '--'])))];
}
