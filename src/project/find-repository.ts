// Finds the work tree's top level without starting git: a walk up to the nearest `.git`
// (a directory, or a file in worktrees and submodules). Spawning git and loading simple-git
// would cost more than reading a whole history, and `heads` must start fast.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The top level of the work tree containing `cwd`, or undefined outside a repository. */
export function findRepositoryRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const workTree = env['GIT_WORK_TREE'];
  if (workTree) return resolve(cwd, workTree);
  let directory = resolve(cwd);
  for (;;) {
    if (statSync(join(directory, '.git'), { throwIfNoEntry: false })) return directory;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
