// The build: tsc type-checks and writes the declarations (dist/**/*.d.ts); esbuild writes the
// JavaScript as a few bundled, code-split ES modules. Hooks and the merge driver start a fresh
// node process on every commit and merge, and loading ~100 small ES modules one by one cost
// more than the work itself (measured: `git-alembic heads` on 1,000 revisions, 360 -> 300 ms).
// Commands stay lazily imported: each is its own chunk, loaded only when chosen.
// `git-alembic hook …` is a second bundle, dist/hook.js, split only where a hook's slow path and
// its merge writing begin: shared with the commands, its code was spread over some fifty chunks,
// each a module to resolve, read and compile on every commit (measured: pre-commit on a
// 400-revision project loaded 49 files). heads, check and the merge driver are a third
// (dist/fast/), for the same reason: heads loaded 30 files, now 5 (about 15 ms less).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
// The installed tsc run with this node: argv only, no shell, no npx, the same on Windows.
const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { stdio: 'inherit' });

const common = {
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Dependencies are installed next to us; only our own code is bundled.
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
};

// bin.js imports the bundles of its own of `hook`, `heads`, `check` and `driver` by their built
// names instead of bundling them again.
const ownBundles = {
  name: 'own-bundles',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/cli\/hook-entry\.js$/ }, () => ({ path: './hook.js', external: true }));
    builder.onResolve({ filter: /^\.\/cli\/entries\/[a-z]+\.js$/ }, ({ path: entry }) => ({ path: `./fast/${path.basename(entry)}`, external: true }));
  },
};

await build({ ...common, entryPoints: { bin: 'src/bin.ts', index: 'src/index.ts' }, chunkNames: 'chunks/[name]-[hash]', plugins: [ownBundles] });
await build({ ...common, entryPoints: { hook: 'src/cli/hook-entry.ts' }, chunkNames: 'hook-chunks/[name]-[hash]' });
await build({
  ...common,
  outdir: 'dist/fast',
  splitting: false,
  entryPoints: { heads: 'src/cli/entries/heads.ts', check: 'src/cli/entries/check.ts', driver: 'src/cli/entries/driver.ts' },
});
// The prepare step every `npm install` runs (`import('git-alembic/prepare')`): one file, sharing
// no chunk with bin.js, whose own start would otherwise load that chunk too.
await build({ ...common, splitting: false, entryPoints: { prepare: 'src/prepare.ts' } });
