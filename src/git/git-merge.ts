// `git merge` itself, run as the user would run it (merge-branch): its output (and that of any
// hooks it runs) is handed on as it comes, and we learn its exit status. Argv only.
import { spawn } from 'node:child_process';

import { GitCommandError } from '../errors.js';
import type { GitProcess } from './git-process.js';
import { splitNul } from './parse-output.js';

/** What to merge and how. */
export interface GitMergeRequest {
  /** `-c` options placed before `merge`. */
  readonly configArgs: readonly string[];
  readonly ref: string;
  readonly message: string | undefined;
  readonly noCommit: boolean;
}

/** Receives what git writes, chunk by chunk, to its stdout or its stderr. */
export type GitOutputRelay = (stream: 'stdout' | 'stderr', text: string) => void;

/** Runs `git merge` in the repository of `git`; resolves with its exit status. */
export function runGitMerge(
  git: GitProcess,
  request: GitMergeRequest,
  relay: GitOutputRelay,
): Promise<number> {
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
    const child = spawn('git', args, {
      cwd: git.cwd,
      env: git.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    // setEncoding: a character split between two chunks is decoded whole.
    child.stdout.setEncoding('utf8').on('data', (text: string) => relay('stdout', text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => relay('stderr', text));
    child.on('error', (error) =>
      reject(new GitCommandError(['merge', request.ref], error.message, error)),
    );
    child.on('close', (status, signal) => resolve(status ?? (signal === null ? 1 : 128)));
  });
}

/** The paths with conflicts left in the index, repository-relative. */
export async function unmergedPaths(git: GitProcess): Promise<string[]> {
  // --diff-filter=U: unmerged entries only; -z: any path, as it is.
  return [
    ...new Set(splitNul(await git.run(['diff', '--name-only', '-z', '--diff-filter=U', '--']))),
  ];
}
