// --quiet hides everything but results, warnings and errors; --verbose adds what was read
// (project config, environments, revision counts, timings). Through the real CLI.
import test from 'ava';

import { alembicFiles, runBin } from '../helpers/cli-process.js';
import { tempProject } from '../helpers/temp-project.js';

const ONE_HEAD = alembicFiles({ a1: null, b1: 'a1' });
const DIVERGED = alembicFiles({ a1: null, b1: 'a1', c1: 'a1' });
const CONFIG_LINE = 'git-alembic: project config: none (defaults)';
const ENVIRONMENT_LINE =
  'git-alembic: environment alembic.ini: config alembic.ini [alembic], version locations migrations/versions';
const READ_LINE = /^git-alembic: environment alembic\.ini: read 2 revision files in \d+ ms$/;
const OK_LINE = 'git-alembic: ok: the environment has one head per branch';

const stderrLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line !== '');

test('check: the ok line on stderr; -q: nothing at all', async (t) => {
  const root = await tempProject(t, ONE_HEAD);
  t.deepEqual(await runBin(root, ['check']), { status: 0, stdout: '', stderr: `${OK_LINE}\n` });
  t.deepEqual(await runBin(root, ['check', '-q']), { status: 0, stdout: '', stderr: '' });
  t.deepEqual(await runBin(root, ['check', '--quiet']), { status: 0, stdout: '', stderr: '' });
});

test('check -q still prints the findings and fails', async (t) => {
  const root = await tempProject(t, DIVERGED);
  const run = await runBin(root, ['check', '-q']);
  t.is(run.status, 1);
  t.is(run.stderr, '');
  t.true(
    run.stdout.startsWith(
      'GA101 alembic.ini: 2 heads on one branch: b1 (migrations/versions/b1_rev.py) and c1 (migrations/versions/c1_rev.py), forked from a1 (migrations/versions/a1_rev.py)\n',
    ),
  );
});

test('check -v: config, environment and the reading, then the result', async (t) => {
  const root = await tempProject(t, ONE_HEAD);
  const run = await runBin(root, ['check', '-v']);
  t.is(run.status, 0);
  const lines = stderrLines(run.stderr);
  t.deepEqual(lines.slice(0, 2), [CONFIG_LINE, ENVIRONMENT_LINE]);
  t.regex(lines[2] ?? '', READ_LINE);
  t.is(lines[3], OK_LINE);
  t.is(lines.length, 4);
});

test('heads: results only on stdout, the same with -q; -v adds the reading on stderr', async (t) => {
  const root = await tempProject(t, DIVERGED);
  const plain = await runBin(root, ['heads']);
  t.deepEqual(plain, { status: 0, stdout: 'b1 (head)\nc1 (head)\n', stderr: '' });
  t.deepEqual(await runBin(root, ['heads', '-q']), plain);
  const verbose = await runBin(root, ['heads', '--verbose']);
  t.is(verbose.stdout, plain.stdout);
  const lines = stderrLines(verbose.stderr);
  t.deepEqual(lines.slice(0, 2), [CONFIG_LINE, ENVIRONMENT_LINE]);
  t.regex(
    lines[2] ?? '',
    /^git-alembic: environment alembic\.ini: read 3 revision files in \d+ ms$/,
  );
});

test('-v names the project config and every environment it lists', async (t) => {
  const root = await tempProject(t, {
    ...Object.fromEntries(
      Object.entries(ONE_HEAD).map(([file, text]) => [`billing/${file}`, text]),
    ),
    ...Object.fromEntries(Object.entries(ONE_HEAD).map(([file, text]) => [`users/${file}`, text])),
    '.git-alembicrc.json': JSON.stringify({
      environments: [
        { name: 'billing', config: 'billing/alembic.ini' },
        { name: 'users', config: 'users/alembic.ini' },
      ],
    }),
    '.git/': '',
  });
  const lines = stderrLines((await runBin(root, ['heads', '-v'])).stderr);
  t.deepEqual(
    lines.filter((line) => !line.includes(' read ')),
    [
      'git-alembic: project config: .git-alembicrc.json',
      'git-alembic: environment billing: config billing/alembic.ini [alembic], version locations billing/migrations/versions',
      'git-alembic: environment users: config users/alembic.ini [alembic], version locations users/migrations/versions',
    ],
  );
  t.is(lines.filter((line) => / read 2 revision files in \d+ ms$/.test(line)).length, 2);
});

test('-q and -v together: quiet wins', async (t) => {
  const root = await tempProject(t, ONE_HEAD);
  t.deepEqual(await runBin(root, ['check', '-q', '-v']), { status: 0, stdout: '', stderr: '' });
});
