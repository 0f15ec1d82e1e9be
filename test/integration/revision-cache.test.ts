// The revision cache in real repositories and real processes: with it warm, `heads` opens no
// revision file and says what it said before; it can never be stale, because entries are keyed
// by the blob ids git vouches for (a file changed in the same second with the same size is read
// afresh); a corrupt cache is rebuilt without a word; GIT_ALEMBIC_CACHE=0 keeps none.
import { readFileSync, statSync, utimesSync } from 'node:fs';
import test, { type ExecutionContext } from 'ava';

import { BIN, createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const revision = (id: string, down: string): string =>
  `"""step ${id}"""\nrevision = '${id}'\ndown_revision = ${down}\n`;
// Counts the revision files a process opens (node:fs is patched before any module imports it):
// with openSync, or with readFileSync, which opens in native code.
const COUNT_OPENS = `const fs = require('node:fs');
let count = 0;
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) { if (String(file).endsWith('.py')) count += 1; return original.call(this, file, ...rest); };
}
process.on('exit', () => process.stderr.write('opened ' + count + ' revision files\\n'));
`;

async function project(t: ExecutionContext): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await repo.write('alembic.ini', '[alembic]\nscript_location = %(here)s/migrations\n');
  await repo.write('migrations/versions/aaaa00000001_a.py', revision('aaaa00000001', 'None'));
  await repo.write(
    'migrations/versions/bbbb00000002_b.py',
    revision('bbbb00000002', "'aaaa00000001'"),
  );
  await repo.write(
    'migrations/versions/cccc00000003_c.py',
    revision('cccc00000003', "'bbbb00000002'"),
  );
  await repo.write('../count-opens.cjs', COUNT_OPENS);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  return repo;
}

async function heads(
  repo: TempRepo,
  env: Readonly<Record<string, string>> = {},
): Promise<{ stdout: string; stderr: string }> {
  const { stdout, stderr } = await repo.run(
    process.execPath,
    ['--require', repo.path('../count-opens.cjs'), BIN, 'heads'],
    { env },
  );
  return { stdout, stderr };
}

test('with the cache warm, heads opens no revision file and says the same', async (t) => {
  const repo = await project(t);
  const cold = await heads(repo);
  t.is(cold.stdout, 'cccc00000003 (head)\n');
  t.is(cold.stderr, 'opened 3 revision files\n');
  t.true(await repo.exists('.git/git-alembic'));
  const warm = await heads(repo);
  t.is(warm.stdout, cold.stdout);
  t.is(warm.stderr, 'opened 0 revision files\n');
});

test('a revision file changed in the same second, to the same size, is read afresh', async (t) => {
  const repo = await project(t);
  await heads(repo);
  const file = repo.path('migrations/versions/cccc00000003_c.py');
  const before = statSync(file);
  // The same length, another parent: cccc00000003 now forks from aaaa00000001.
  await repo.write(
    'migrations/versions/cccc00000003_c.py',
    revision('cccc00000003', "'aaaa00000001'"),
  );
  utimesSync(file, before.atime, before.mtime);
  t.is(statSync(file).size, before.size);
  t.is(
    Math.trunc(statSync(file).mtimeMs / 1000),
    Math.trunc(before.mtimeMs / 1000),
    'the same second',
  );
  const after = await heads(repo);
  t.is(after.stdout, 'bbbb00000002 (head)\ncccc00000003 (head)\n');
  t.is(after.stderr, 'opened 1 revision files\n', 'the other two come from the cache');
  // Staged, the change has a blob of its own; a hook reading the index sees it too.
  await repo.git(['add', '-A']);
  t.is((await heads(repo)).stdout, after.stdout);
});

test('a corrupt cache is rebuilt without a word; GIT_ALEMBIC_CACHE=0 keeps none', async (t) => {
  const repo = await project(t);
  await heads(repo);
  const name = (await repo.run('ls', ['.git/git-alembic'])).stdout
    .split('\n')
    .find((file) => file.startsWith('revisions-'));
  const cache = `.git/git-alembic/${name ?? ''}`;
  for (const corrupt of ['{"identity":', '\u0000garbage', '{"identity":"x","entries":{}}']) {
    await repo.write(cache, corrupt);
    const again = await heads(repo);
    t.deepEqual(
      again,
      { stdout: 'cccc00000003 (head)\n', stderr: 'opened 3 revision files\n' },
      corrupt,
    );
    t.notThrows(
      () => JSON.parse(readFileSync(repo.path(cache), 'utf8')) as unknown,
      'rewritten whole',
    );
    t.is((await heads(repo)).stderr, 'opened 0 revision files\n', 'rebuilt');
  }
  const fresh = await project(t);
  t.is((await heads(fresh, { GIT_ALEMBIC_CACHE: '0' })).stdout, 'cccc00000003 (head)\n');
  t.false(await fresh.exists('.git/git-alembic'));
});
