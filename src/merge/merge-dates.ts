// The git side of a deterministic create date: when each parent's file was added, by the author
// time of the commit that added it. Every clone has the same commits, so every clone gets the
// same times, whatever its clock or local zone.
import path from 'node:path';

import { GitCommandError } from '../errors.js';
import { GitProcess } from '../git/git-process.js';

/** A parent and the absolute path of its file. */
export interface ParentFile {
  readonly id: string;
  readonly file: string;
}

/**
 * Author times (Unix seconds) of the commits that added the parents' files, keyed by parent id.
 * Parents whose file no commit added are left out, and so is everything outside the work tree
 * or on a branch without commits (the docstring date is used then).
 */
export async function gitAuthorTimes(
  gitRoot: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  parents: readonly ParentFile[],
): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const inside = parents.filter((parent) => !isOutside(gitRoot, parent.file));
  if (gitRoot === undefined || inside.length === 0) return times;
  // Plain git processes: the hooks write merges, and loading simple-git costs them more than node's start.
  const git = new GitProcess(gitRoot, env);
  try {
    const found = await Promise.all(
      inside.map((parent) => authorTimeOfAddition(git, topLevelPath(gitRoot, parent.file))),
    );
    inside.forEach((parent, index) => {
      const time = found[index];
      if (time !== undefined) times.set(parent.id, time);
    });
  } catch (error) {
    // `git log` fails on a branch without commits: then no file has a commit time.
    if (!(error instanceof GitCommandError)) throw error;
    times.clear();
  }
  return times;
}

// A version location outside the work tree (an absolute path in the ini) has no git history here.
function isOutside(gitRoot: string | undefined, file: string): boolean {
  if (gitRoot === undefined) return true;
  const relative = path.relative(gitRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative);
}

/**
 * Author time (Unix seconds) of the newest commit that added `file` (relative to the top level,
 * forward slashes), or undefined when no commit did (an untracked file). Throws GitCommandError
 * on a branch without commits.
 */
async function authorTimeOfAddition(git: GitProcess, file: string): Promise<number | undefined> {
  // --diff-filter=A: only commits that add the file; -1: the newest of them; no signature lines
  // (log.showSignature) before the time. :(top,literal): relative to the top level, and no glob
  // characters in file names.
  const output = (
    await git.run([
      'log',
      '-1',
      '--no-show-signature',
      '--format=%at',
      '--diff-filter=A',
      '--',
      `:(top,literal)${file}`,
    ])
  ).trim();
  return /^\d+$/.test(output) ? Number(output) : undefined;
}

function topLevelPath(gitRoot: string, file: string): string {
  return path.relative(gitRoot, file).split(path.sep).join('/');
}
