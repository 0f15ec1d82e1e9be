// A throw-away project directory for adapter tests: files from a { path: content } table,
// directories for paths ending in `/`, removed when the test ends.
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionContext } from 'ava';

/** Creates the files (and `dir/` entries) under a fresh directory in the real temp dir. */
export async function tempProject(
  t: ExecutionContext,
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<string> {
  const root = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-config-'));
  t.teardown(() => rm(root, { recursive: true, force: true, maxRetries: 3 }));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, ...name.split('/'));
    if (name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}
