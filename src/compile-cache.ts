// Where compiled code is kept between runs: Node ≥ 22.8's compile cache
// (module.enableCompileCache, for the CLI's ES modules) and the code cache of the bundles that
// start on every commit, merge and CI build (src/code-cache.ts, on any Node), one directory per
// version so an upgrade starts clean.
//
// V8 runs a code cache without comparing it with the source beyond its length, so a cache file
// is code: it must live where no git operation writes. A merge can bring in any tracked file,
// node_modules/.cache included, so for a package installed inside a work tree (the project's
// node_modules, a checkout of git-alembic) the caches go into that repository's git directory,
// `<git dir>/git-alembic/code-cache/<version>`, beside the revision cache; only outside any work
// tree (a global install, npx's cache) into the `.cache` of the node_modules holding the package.
// NODE_DISABLE_COMPILE_CACHE=1 turns both off (Node's own switch); a directory that cannot be
// written only costs the cache.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';

import { commonGitDir, locateGitDir, ownDirectory } from './git/git-dir.js';
import { findRepositoryRoot } from './project/find-repository.js';

/**
 * Where the caches of the package installed at `packageRoot` go; undefined (no cache) when it is
 * inside a work tree whose git directory cannot be found, or when that cannot be told.
 */
export function compileCacheDirectory(packageRoot: string, version: string): string | undefined {
  try {
    // The work tree around the package and its git directory, whatever GIT_WORK_TREE and
    // GIT_DIR a hook was given.
    const workTree = findRepositoryRoot(packageRoot, {});
    if (workTree === undefined) return nodeModulesCache(packageRoot, version);
    const gitDir = locateGitDir(workTree, {});
    return gitDir === undefined
      ? undefined
      : path.join(ownDirectory(commonGitDir(gitDir)), 'code-cache', version);
  } catch {
    // A directory above that cannot be searched, a `.git` file that cannot be read: whether a
    // merge writes there is unknown, so no cache.
    return undefined;
  }
}

// The `.cache` of the node_modules holding the package (scoped or not), else of its own.
function nodeModulesCache(packageRoot: string, version: string): string {
  const parent = path.dirname(packageRoot);
  const scope = path.basename(parent).startsWith('@') ? path.dirname(parent) : parent;
  const modules =
    path.basename(scope) === 'node_modules' ? scope : path.join(packageRoot, 'node_modules');
  return path.join(modules, '.cache', 'git-alembic', version);
}

/** Turns the compile cache on where Node has it; `packageRoot` holds package.json. Never fails. */
export function enableCompileCache(packageRoot: string): void {
  const enable = (module as { enableCompileCache?: (directory: string) => unknown })
    .enableCompileCache;
  if (enable === undefined) return;
  try {
    const { version } = JSON.parse(
      readFileSync(path.join(packageRoot, 'package.json'), 'utf8'),
    ) as { version?: unknown };
    const directory = compileCacheDirectory(
      packageRoot,
      typeof version === 'string' ? version : 'unknown',
    );
    if (directory !== undefined) enable(directory);
  } catch {
    // No cache: every run compiles, as on older Node.
  }
}
