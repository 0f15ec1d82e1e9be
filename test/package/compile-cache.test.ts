// Where Node's compile cache goes (Node ≥ 22.8 only; older Node runs without one): under the
// node_modules that holds the package, one directory per version.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import test from 'ava';

import { compileCacheDirectory } from '../../src/compile-cache.js';
import { BIN, createTempRepo, PACKAGE_ROOT, writeAlembicProject } from '../helpers/temp-repo.js';

test('the cache sits in the .cache of the node_modules that holds the package, per version', (t) => {
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
  t.is(
    compileCacheDirectory('/src/git-alembic', '1.2.3'),
    path.join('/src/git-alembic/node_modules/.cache/git-alembic/1.2.3'),
    'a checkout',
  );
});

const hasCompileCache =
  typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

(hasCompileCache ? test : test.skip)(
  'on a Node with a compile cache, a run fills it (real process)',
  async (t) => {
    const repo = await createTempRepo(t);
    const cache = path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'git-alembic');
    await repo.run(process.execPath, [BIN, '--version']);
    t.true((await repo.run('ls', [cache])).stdout.trim() !== '');
  },
);

test('the executable npm links runs heads through its code cache: a run leaves one for the heads bundle (real process)', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  await repo.run(process.execPath, [BIN, 'heads']);
  const cache = path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'git-alembic', version);
  const files = (await repo.run('ls', [cache])).stdout.split('\n');
  t.true(
    files.some((file) =>
      /^heads-[0-9a-f]{16}-all-v\d+\.\d+\.\d+-[a-z0-9]+-[0-9a-f]{8}\.v8cache$/.test(file),
    ),
    files.join(', '),
  );
});
