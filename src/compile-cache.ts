// Node ≥ 22.8 can keep the code it compiles on disk (module.enableCompileCache), for the CLI's
// ES modules; the bundles that start on every commit, merge and CI build have a code cache of
// their own on any Node (src/code-cache.ts), in the same directory:
// node_modules/.cache/git-alembic/<version> beside the installed package (where tools keep their
// caches), one directory per version so an upgrade starts clean. Older Node runs the CLI as before;
// NODE_DISABLE_COMPILE_CACHE=1 turns both off (Node's own switch), and a directory that cannot be
// written only costs the cache.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';

/**
 * Where the cache of the package installed at `packageRoot` goes: the `.cache` of the
 * node_modules holding it, or of the package's own node_modules in a checkout of git-alembic.
 */
export function compileCacheDirectory(packageRoot: string, version: string): string {
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
    enable(compileCacheDirectory(packageRoot, typeof version === 'string' ? version : 'unknown'));
  } catch {
    // No cache: every run compiles, as on older Node.
  }
}
