// The build: tsc type-checks and writes the declarations (dist/**/*.d.ts); esbuild writes the
// JavaScript as a few bundled, code-split ES modules. Hooks and the merge driver start a fresh
// node process on every commit and merge, and loading ~100 small ES modules one by one cost
// more than the work itself (measured: `git-alembic heads` on 1,000 revisions, 360 -> 300 ms).
// Commands stay lazily imported: each is its own chunk, loaded only when chosen.
// `git-alembic hook …`, heads, check and the merge driver are bundles of their own, one file each
// (dist/fast/*.cjs): shared with the commands, a hook's code was spread over some fifty chunks,
// each a module to resolve, read and compile on every commit (measured: pre-commit on a
// 400-revision project loaded 49 files; heads 30). They are CommonJS scripts so that bin.cjs can
// load them through V8's code cache (src/code-cache.ts: heads on 1,000 revisions 110 -> 93 ms).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
// The installed tsc run with this node: argv only, no shell, no npx, the same on Windows.
const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  stdio: 'inherit',
});

// @noble/hashes ships ES modules only: required from a CommonJS bundle, it would start Node's ES
// module loader in every hook that writes a merge revision, so its few hundred lines are bundled.
const bundleNoble = {
  name: 'bundle-noble',
  setup(builder) {
    builder.onResolve({ filter: /^@noble\/hashes\// }, ({ path: request, resolveDir }) => ({
      path: createRequire(path.join(resolveDir, 'x.js')).resolve(request),
    }));
  },
};
const common = {
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Dependencies are installed next to us; only our own code is bundled, and @noble/hashes
  // (bundleNoble above), with its licence comment kept at the end of the file.
  packages: 'external',
  legalComments: 'eof',
  plugins: [bundleNoble],
  logLevel: 'warning',
};

// The bundles that start on every commit, merge and CI build: the hooks (src/cli/hook-entry.ts),
// heads, check and the merge driver, each one CommonJS file in dist/fast/, which bin.js runs
// through V8's code cache (src/code-cache.ts: Node 20 has one for scripts, not for ES modules).
// Their dynamic imports become plain requires, so each is one script; import.meta.url is this
// file's, made when first read (a URL costs half a millisecond of a start that may never need it).
const HOT_ENTRIES = {
  hook: 'src/cli/hook-entry.ts',
  heads: 'src/cli/entries/heads.ts',
  check: 'src/cli/entries/check.ts',
  driver: 'src/cli/entries/driver.ts',
};
await build({
  ...common,
  outdir: 'dist/fast',
  splitting: false,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  entryPoints: HOT_ENTRIES,
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': 'import_meta.url' },
  banner: {
    js: 'var import_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
  },
});
// bin.js knows each by the hash of its text, which names its code cache.
const bundles = Object.fromEntries(
  Object.keys(HOT_ENTRIES).map((name) => [
    name,
    createHash('sha256')
      .update(readFileSync(`dist/fast/${name}.cjs`))
      .digest('hex')
      .slice(0, 16),
  ]),
);
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// bin.ts imports the bundles' entries as modules only when run from src/; built, it runs the bundles above.
const ownEntriesExternal = {
  name: 'own-entries-external',
  setup(builder) {
    builder.onResolve(
      { filter: /^\.\/cli\/(hook-entry|entries\/[a-z]+)\.js$/ },
      ({ path: entry }) => ({
        path: `./fast/${path.basename(entry, '.js').replace('-entry', '')}.cjs`,
        external: true,
      }),
    );
  },
};
const define = { GIT_ALEMBIC_BUILD: JSON.stringify(JSON.stringify({ version, bundles })) };
await build({
  ...common,
  entryPoints: { bin: 'src/bin.ts', index: 'src/index.ts' },
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [bundleNoble, ownEntriesExternal],
  define,
});
// The executable npm links: CommonJS (src/bin-cjs.ts says why), importing bin.js for the CLI.
await build({
  ...common,
  splitting: false,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  entryPoints: { bin: 'src/bin-cjs.ts' },
  define,
  banner: { js: '#!/usr/bin/env node' },
  plugins: [
    bundleNoble,
    {
      name: 'cli-external',
      setup: (builder) =>
        builder.onResolve({ filter: /^\.\/bin\.js$/ }, () => ({
          path: './bin.js',
          external: true,
        })),
    },
  ],
});
chmodSync('dist/bin.cjs', 0o755);
// The prepare step every `npm install` runs (`import('git-alembic/prepare')`): one file, sharing
// no chunk with bin.js, whose own start would otherwise load that chunk too.
await build({ ...common, splitting: false, entryPoints: { prepare: 'src/prepare.ts' } });
