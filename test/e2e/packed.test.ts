// The package as users get it: the tarball `npm pack` makes, installed with npm, run through
// `npx --no-install` in a fresh repository: what ships (and what does not), --version and
// --help, setup, doctor, and a real merge that ends with one head. No Python needed.
// Build first (`npm test` does).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';

import { BENCH_TEMPLATE } from '../../bench/synthetic-history.js';
import {
  linkPackedModules,
  packedDevDependencies,
  packedPackage,
} from '../helpers/packed-package.js';
import {
  createTempRepo,
  type RunOptions,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

const run = promisify(execFile);
const PACKAGE_JSON = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

// What may be in the tarball: the runtime (dist, hooks, templates) and the documents.
const TOP_LEVEL = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  '.gitattributes.example',
];
const SHIPPED_DIRECTORIES = ['dist/', 'hooks/', 'templates/'];

async function tarballEntries(): Promise<string[]> {
  const { tarball } = await packedPackage();
  const listed = await run('tar', ['-tzf', tarball]);
  return listed.stdout
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''));
}

test('the tarball holds what runs and the documents, nothing else', async (t) => {
  const entries = await tarballEntries();
  for (const required of [
    ...TOP_LEVEL,
    'dist/bin.cjs',
    'dist/bin.js',
    'dist/index.js',
    'dist/index.d.ts',
    'hooks/pre-commit.sh',
    'hooks/post-merge.sh',
    'templates/github-check.yml',
    'templates/github-update-branch.yml',
    'templates/github-repair.yml',
  ]) {
    t.true(entries.includes(required), `ships ${required}`);
  }
  const stray = entries.filter(
    (entry) =>
      !TOP_LEVEL.includes(entry) &&
      !SHIPPED_DIRECTORIES.some((directory) => entry.startsWith(directory)),
  );
  t.deepEqual(stray, [], 'no source, tests, benchmarks, configs or lock files');
  t.deepEqual(
    entries.filter((entry) => entry.endsWith('.map') || entry.includes('.test.')),
    [],
    'no source maps or tests',
  );
});

test('the installed package: an executable bin with a shebang, exports and types that exist', async (t) => {
  const { modules } = await packedPackage();
  const installed = path.join(modules, 'git-alembic');
  const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    exports: Record<string, { types: string; default: string } | string>;
    types: string;
    engines: { node: string };
  };
  const bin = path.join(installed, manifest.bin['git-alembic'] ?? '');
  t.true((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n'));
  t.is(await realpath(path.join(modules, '.bin', 'git-alembic')), await realpath(bin));
  t.not((await stat(bin)).mode & 0o111, 0, 'executable');
  const root = manifest.exports['.'];
  t.true(typeof root === 'object');
  if (typeof root !== 'object') return;
  for (const file of [root.types, root.default, manifest.types])
    t.truthy(await stat(path.join(installed, file)).catch(() => undefined), `${file} exists`);
  t.regex(manifest.engines.node, /^>=\d+/);
  const api = (await import(path.join(installed, root.default))) as Record<string, unknown>;
  t.is(typeof api['buildRevisionGraph'], 'function');
  t.is(typeof api['loadHistories'], 'function');
});

// npm run by `npm test` exports npm_* settings meant for this package, not the scenario.
function npxEnvironment(repo: TempRepo): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(repo.env)
      .filter((key) => key.startsWith('npm_'))
      .map((key) => [key, undefined]),
  );
}

test.serial(
  'npx --no-install: --version, --help, setup, doctor, and a merge that leaves one head',
  async (t) => {
    const repo = await createTempRepo(t);
    const npx = (args: readonly string[], options: RunOptions = {}) =>
      repo.run('npx', ['--no-install', 'git-alembic', ...args], {
        ...options,
        env: { ...npxEnvironment(repo), ...options.env },
      });
    await writeAlembicProject(repo);
    await repo.write('migrations/script.py.mako', BENCH_TEMPLATE);
    await repo.write(
      'package.json',
      `${JSON.stringify({ name: 'app', private: true, devDependencies: await packedDevDependencies() }, null, 2)}\n`,
    );
    await repo.write('.gitignore', 'node_modules\n');
    await linkPackedModules(repo.root);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'project']);

    t.is((await npx(['--version'])).stdout, `${PACKAGE_JSON.version}\n`);
    t.is((await npx(['--help'])).stdout.split('\n')[0], 'Usage: git-alembic <command> [options]');

    const setup = await npx(['setup']);
    t.true(setup.stdout.includes('merge=git-alembic'), setup.stdout);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'set up git-alembic']);
    t.deepEqual(
      await npx(['setup', '-q']),
      { stdout: '', stderr: '', status: 0 },
      'set up already: nothing to say with -q',
    );
    const doctor = await npx(['doctor']);
    t.is(doctor.stdout, '', 'no findings');
    t.regex(doctor.stderr, /^git-alembic: /m);

    await repo.git(['checkout', '-q', '-b', 'dev']);
    await writeRevision(repo, 'b1', 'a1');
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'dev: b1']);
    await repo.git(['checkout', '-q', 'main']);
    await writeRevision(repo, 'c1', 'a1');
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'main: c1']);
    const merge = await repo.git(['merge', '--no-edit', 'dev']);
    t.regex(merge.stderr, /^git-alembic: created merge revision [0-9a-f]{12} of /m);

    const heads = await npx(['heads']);
    t.regex(heads.stdout, /^[0-9a-f]{12} \(head\)\n$/);
    t.is((await npx(['check'])).status, 0);
    const committed = (await repo.git(['show', '--name-only', '--format=', 'HEAD'])).stdout.split(
      '\n',
    );
    t.true(committed.includes('migrations/heads.txt'));
    t.true(
      committed.some((file) => /^migrations\/versions\/[0-9a-f]{12}_.*\.py$/.test(file)),
      committed.join(', '),
    );
    t.is((await repo.git(['status', '--porcelain'])).stdout, '', 'clean tree');
  },
);
