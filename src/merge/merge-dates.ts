// The git side of a deterministic create date: when each parent's file was added, by the author
// time of the commit that added it. Every clone has the same commits, so every clone gets the
// same times, whatever its clock or local zone.
import path from 'node:path';

import { GitCommandError } from '../errors.js';

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
  const { Git } = await import('../git/simple-git-port.js');
  const git = await Git.open({ cwd: gitRoot, env });
  try {
    const found = await Promise.all(inside.map((parent) => git.authorTimeOfAddition(topLevelPath(gitRoot, parent.file))));
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

function topLevelPath(gitRoot: string, file: string): string {
  return path.relative(gitRoot, file).split(path.sep).join('/');
}
