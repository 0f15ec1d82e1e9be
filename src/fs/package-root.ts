// Where this package is installed, found by walking up from this module to the package.json
// named git-alembic. Code reads its own hooks/, package.json and dist/bin.js from there, which
// keeps working whether the module runs from dist/ as compiled or bundled, or from src/ in tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The absolute directory of the git-alembic package (the one holding its package.json). */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isOurManifest(path.join(directory, 'package.json'))) {
      cached = directory;
      return directory;
    }
    const parent = path.dirname(directory);
    if (parent === directory)
      throw new Error(
        `git-alembic: cannot find its own package.json above ${fileURLToPath(import.meta.url)}`,
      );
    directory = parent;
  }
}

/** A file of this package, by its path relative to the package root. */
export function packageFile(...segments: string[]): string {
  return path.join(packageRoot(), ...segments);
}

function isOurManifest(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'git-alembic';
  } catch {
    // Missing or unreadable package.json: keep walking up.
    return false;
  }
}
