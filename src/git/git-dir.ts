// Where a work tree's git directory is, and the directory its linked worktrees share, found with
// the file system alone: the hooks and the workspace need them on every run, and starting git
// to ask (`rev-parse --absolute-git-dir --git-common-dir`) would cost a process each time.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * git-alembic's own directory inside a git directory: caches and notes, kept where no merge
 * writes (hooks/post-commit.sh names it too).
 */
export function ownDirectory(gitDir: string): string {
  return path.join(gitDir, 'git-alembic');
}

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
  const pointer = gitFilePointer(readFileSync(dotGit, 'utf8'));
  return pointer === undefined ? undefined : path.resolve(topLevel, pointer);
}

/**
 * The path a `.git` file names, read as git reads it (read_gitfile_gently): the whole file less
 * its trailing newlines and carriage returns must be `gitdir: <path>`. A scan, not a pattern: a
 * lazy capture before trailing blanks was quadratic in a long run of them.
 */
export function gitFilePointer(text: string): string | undefined {
  const PREFIX = 'gitdir: ';
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (end <= PREFIX.length || !text.startsWith(PREFIX)) return undefined;
  return text.slice(PREFIX.length, end);
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
