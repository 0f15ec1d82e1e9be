// Where a work tree's git directory is, and the directory its linked worktrees share, found with
// the file system alone: the hooks and the workspace need them on every run, and starting git
// to ask (`rev-parse --absolute-git-dir --git-common-dir`) would cost a process each time.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The git directory of the work tree at `topLevel`: GIT_DIR when git set it, else `.git` (a
 * directory, or in linked worktrees and submodules a file saying `gitdir: <path>`).
 */
export function locateGitDir(
  topLevel: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const fromEnv = env['GIT_DIR'];
  if (fromEnv) return path.resolve(topLevel, fromEnv);
  const dotGit = path.join(topLevel, '.git');
  const stats = statSync(dotGit, { throwIfNoEntry: false });
  if (stats === undefined) return undefined;
  if (stats.isDirectory()) return dotGit;
  const pointer = /^gitdir: *(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
  return pointer?.[1] === undefined ? undefined : path.resolve(topLevel, pointer[1]);
}

/**
 * The directory a linked worktree shares with the main one (objects, refs, config): named in
 * its git directory's `commondir` file, relative to it; the git directory itself otherwise.
 */
export function commonGitDir(gitDir: string): string {
  const common = readStateFile(gitDir, 'commondir')?.trim();
  return common === undefined || common === '' ? gitDir : path.resolve(gitDir, common);
}

/** A file in the git directory, as text; undefined when it does not exist (no operation of that kind). */
export function readStateFile(gitDir: string | undefined, name: string): string | undefined {
  if (gitDir === undefined) return undefined;
  try {
    return readFileSync(path.join(gitDir, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
