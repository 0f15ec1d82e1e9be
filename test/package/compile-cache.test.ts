// Where compiled code is kept (src/compile-cache.ts): V8 runs a code cache without comparing it
// with the source beyond its length, so a cache file is code. Inside a work tree the caches go to
// the git directory, where no merge writes; only outside any work tree to node_modules/.cache.
// The last test plants a crafted cache where a merge could put one, and shows it never runs.
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { compileCacheDirectory } from '../../src/compile-cache.js';
import {
  createTempRepo,
  PACKAGE_ROOT,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

test('outside any work tree: the .cache of the node_modules that holds the package, per version', (t) => {
  t.is(
    compileCacheDirectory('/app/node_modules/git-alembic', '1.2.3'),
    path.join('/app/node_modules/.cache/git-alembic/1.2.3'),
  );
  t.is(
    compileCacheDirectory('/app/node_modules/@tools/git-alembic', '1.2.3'),
    path.join('/app/node_modules/.cache/git-alembic/1.2.3'),
  );
  t.is(
    compileCacheDirectory('/usr/lib/node_modules/git-alembic', '2.0.0'),
    path.join('/usr/lib/node_modules/.cache/git-alembic/2.0.0'),
  );
});

test('inside a work tree: its git directory, the common one for a linked worktree', async (t) => {
  const repo = await createTempRepo(t);
  const installed = repo.path('node_modules/git-alembic');
  mkdirSync(installed, { recursive: true });
  const expected = path.join(repo.root, '.git', 'git-alembic', 'code-cache', '1.2.3');
  t.is(compileCacheDirectory(installed, '1.2.3'), expected);
  t.is(compileCacheDirectory(repo.root, '1.2.3'), expected, 'a checkout of git-alembic');

  await repo.write('README.md', 'x\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'first']);
  const linked = path.join(path.dirname(repo.root), 'linked');
  await repo.git(['worktree', 'add', '-q', linked]);
  const inLinked = path.join(linked, 'node_modules', 'git-alembic');
  mkdirSync(inLinked, { recursive: true });
  t.is(compileCacheDirectory(inLinked, '1.2.3'), expected);
});

const hasCompileCache =
  typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

(hasCompileCache ? test : test.skip)(
  'on a Node with a compile cache, a CLI run fills it in the git directory of the project it is installed in (real process)',
  async (t) => {
    const repo = await createTempRepo(t);
    const bin = install(repo.root);
    await repo.run(process.execPath, [bin, '--version']);
    const cache = path.join(repo.root, '.git', 'git-alembic', 'code-cache', version);
    // Node keeps its compile cache in a directory of its own there; our V8 code caches
    // (src/code-cache.ts) are *.v8cache files beside it.
    t.true(
      readdirSync(cache, { withFileTypes: true }).some((entry) => entry.isDirectory()),
      "Node's compile cache is in the git directory",
    );
  },
);

// The built package copied into `root`/node_modules/git-alembic, with the runtime
// dependencies it loads linked beside it: an installed copy with a path of its own.
function install(root: string): string {
  const installed = path.join(root, 'node_modules', 'git-alembic');
  mkdirSync(installed, { recursive: true });
  cpSync(path.join(PACKAGE_ROOT, 'dist'), path.join(installed, 'dist'), { recursive: true });
  cpSync(path.join(PACKAGE_ROOT, 'package.json'), path.join(installed, 'package.json'));
  for (const dependency of ['yaml', 'smol-toml', 'simple-git', 'husky']) {
    symlinkSync(
      path.join(PACKAGE_ROOT, 'node_modules', dependency),
      path.join(root, 'node_modules', dependency),
    );
  }
  return path.join(installed, 'dist', 'bin.cjs');
}

async function project(t: ExecutionContext): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await writeRevision(repo, 'b1', 'a1');
  return repo;
}

test('a crafted cache a merge brings into node_modules/.cache never runs (real processes)', async (t) => {
  // The attacker: a copy of the package outside any work tree, its heads bundle changed to say
  // "(PWND)" where it says "(head)" (the same length, which is all V8 compares); one run leaves
  // a code cache holding that code, under the name the real package's cache has.
  const outside = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-attacker-'));
  t.teardown(() => rm(outside, { recursive: true, force: true }));
  const evilBin = install(outside);
  const bundle = path.join(path.dirname(evilBin), 'fast', 'heads.cjs');
  const real = readFileSync(bundle, 'utf8');
  t.true(real.includes('"(head)"'));
  writeFileSync(bundle, real.replace('"(head)"', '"(PWND)"'));
  const attacker = await project(t);
  t.is((await attacker.run(process.execPath, [evilBin, 'heads'])).stdout, 'b1 (PWND)\n');
  const evilCache = path.join(outside, 'node_modules', '.cache', 'git-alembic', version);
  const [crafted] = readdirSync(evilCache);
  t.regex(crafted ?? '', /^heads-[0-9a-f]{16}-all-/);

  // The victim: git-alembic installed in the project, and the crafted file committed where the
  // package's cache would be if it lived in node_modules, as a merge would bring it in.
  const victim = await project(t);
  const bin = install(victim.root);
  const planted = path.join('node_modules', '.cache', 'git-alembic', version, crafted ?? '');
  mkdirSync(path.dirname(victim.path(planted)), { recursive: true });
  cpSync(path.join(evilCache, crafted ?? ''), victim.path(planted));
  await victim.git(['add', '-f', planted]);
  await victim.git(['commit', '-q', '-m', 'a cache file from another branch']);
  for (const round of ['first run', 'second run']) {
    t.is((await victim.run(process.execPath, [bin, 'heads'])).stdout, 'b1 (head)\n', round);
  }
  const ownCache = path.join(victim.root, '.git', 'git-alembic', 'code-cache', version);
  t.true(
    readdirSync(ownCache).some((file) => file.startsWith('heads-')),
    'the real cache is made in the git directory',
  );
});
