// Finds the work tree's top level without starting git: a walk up to the nearest `.git`
// (a directory, or a file in worktrees and submodules). Spawning git and loading simple-git
// would cost more than reading a whole history, and `heads` must start fast. As git does, a
// directory that is itself a git directory (a bare repository) ends the walk: no work tree.
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** What the walk up from a directory found. */
type Found = { readonly kind: 'work-tree' | 'bare'; readonly directory: string } | undefined;

/** The top level of the work tree containing `cwd`, or undefined outside a repository. */
export function findRepositoryRoot(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const workTree = env['GIT_WORK_TREE'];
  if (workTree) return resolve(cwd, workTree);
  const found = walkUp(cwd);
  return found?.kind === 'work-tree' ? found.directory : undefined;
}

/** The bare repository `cwd` is in (without a work tree around it), or undefined. */
export function findBareRepository(cwd: string): string | undefined {
  const found = walkUp(cwd);
  return found?.kind === 'bare' ? found.directory : undefined;
}

function walkUp(cwd: string): Found {
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    if (statSync(join(directory, '.git'), { throwIfNoEntry: false }))
      return { kind: 'work-tree', directory };
    // Inside a work tree's own `.git`, the walk goes on to the work tree, as it always did.
    if (basename(directory) !== '.git' && isGitDirectory(directory))
      return { kind: 'bare', directory };
    if (dirname(directory) === directory) return undefined;
  }
}

// Git's own test for a git directory: HEAD, objects/ and refs/ (asked only where no `.git` is).
function isGitDirectory(directory: string): boolean {
  return (
    statSync(join(directory, 'HEAD'), { throwIfNoEntry: false })?.isFile() === true &&
    statSync(join(directory, 'objects'), { throwIfNoEntry: false })?.isDirectory() === true &&
    statSync(join(directory, 'refs'), { throwIfNoEntry: false })?.isDirectory() === true
  );
}
