// Where Node's compile cache goes (Node ≥ 22.8 only; older Node runs without one): under the
// node_modules that holds the package, one directory per version.
import module from 'node:module';
import path from 'node:path';
import test from 'ava';

import { compileCacheDirectory } from '../../src/compile-cache.js';
import { BIN, createTempRepo, PACKAGE_ROOT } from '../helpers/temp-repo.js';

test('the cache sits in the .cache of the node_modules that holds the package, per version', (t) => {
  t.is(compileCacheDirectory('/app/node_modules/git-alembic', '1.2.3'), path.join('/app/node_modules/.cache/git-alembic/1.2.3'));
  t.is(compileCacheDirectory('/app/node_modules/@tools/git-alembic', '1.2.3'), path.join('/app/node_modules/.cache/git-alembic/1.2.3'));
  t.is(compileCacheDirectory('/usr/lib/node_modules/git-alembic', '2.0.0'), path.join('/usr/lib/node_modules/.cache/git-alembic/2.0.0'));
  t.is(compileCacheDirectory('/src/git-alembic', '1.2.3'), path.join('/src/git-alembic/node_modules/.cache/git-alembic/1.2.3'), 'a checkout');
});

const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

(hasCompileCache ? test : test.skip)('on a Node with a compile cache, a run fills it (real process)', async (t) => {
  const repo = await createTempRepo(t);
  const cache = path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'git-alembic');
  await repo.run(process.execPath, [BIN, '--version']);
  t.true((await repo.run('ls', [cache])).stdout.trim() !== '');
});
