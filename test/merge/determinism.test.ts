// Determinism, the reason for the defaults: two clones of a real repository merge the same heads
// at different times in different local time zones, and write the same file, path and bytes.
// The create date is the newest parent's commit time in git, not either clone's clock.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test, { type ExecutionContext } from 'ava';

import { BENCH_TEMPLATE } from '../../bench/synthetic-history.js';
import { cleanEnv, parentSource, runCli, writeMergeProject } from '../helpers/merge-project.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../dist/bin.cjs', import.meta.url));

async function git(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await run('git', [...args], {
    cwd,
    env: cleanEnv(env) as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return stdout;
}

async function createOrigin(t: ExecutionContext): Promise<string> {
  const root = await mkdtemp(join(realpathSync(tmpdir()), 'git-alembic-determinism-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));
  const origin = join(root, 'origin');
  mkdirSync(origin);
  await git(origin, ['init', '-q', '-b', 'main']);
  for (const [key, value] of [
    ['user.name', 'Test'],
    ['user.email', 'test@example.com'],
    ['commit.gpgSign', 'false'],
    ['gc.auto', '0'],
  ]) {
    await git(origin, ['config', key as string, value as string]);
  }
  writeMergeProject(origin, {
    template: BENCH_TEMPLATE,
    revisions: [{ id: 'aaaa0001', createDate: '2020-01-01 00:00:00' }],
  });
  await git(origin, ['add', '-A']);
  await git(origin, ['commit', '-q', '-m', 'base'], { GIT_AUTHOR_DATE: '2024-05-01T00:00:00Z' });
  // Two branches, each adding a head; their docstring dates are old, their commit times are not.
  for (const [branch, id, date] of [
    ['one', 'bbbb0001', '2024-05-06T07:08:09Z'],
    ['two', 'cccc0001', '2024-05-07T01:02:03+02:00'],
  ] as const) {
    await git(origin, ['checkout', '-q', '-b', branch, 'main']);
    writeFileSync(
      join(origin, 'migrations', 'versions', `${id}_rev.py`),
      parentSource({ id, down: ['aaaa0001'], createDate: '2020-01-02 00:00:00' }),
    );
    await git(origin, ['add', '-A']);
    await git(origin, ['commit', '-q', '-m', id], { GIT_AUTHOR_DATE: date });
  }
  await git(origin, ['checkout', '-q', 'main']);
  return root;
}

// Clones, merges both branches in git, then runs `git-alembic merge` under the given TZ.
async function mergeInClone(
  root: string,
  name: string,
  zone: string,
  commitDate: string,
): Promise<{ files: string[]; stdout: string }> {
  const clone = join(root, name);
  await git(root, ['clone', '-q', 'origin', name]);
  await git(clone, ['config', 'commit.gpgSign', 'false']);
  await git(clone, ['merge', '-q', '--no-edit', 'origin/one', 'origin/two'], {
    GIT_COMMITTER_DATE: commitDate,
    GIT_AUTHOR_DATE: commitDate,
  });
  const before = new Set(readdirSync(join(clone, 'migrations', 'versions')));
  const { stdout } = await run(process.execPath, [BIN, 'merge'], {
    cwd: clone,
    env: cleanEnv({ TZ: zone }) as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  const files = readdirSync(join(clone, 'migrations', 'versions')).filter(
    (file) => !before.has(file),
  );
  return {
    files: files.map((file) => `migrations/versions/${file}`),
    stdout: stdout.replaceAll(clone, '<clone>'),
  };
}

test('two clones, different times and time zones: the same merge file', async (t) => {
  const root = await createOrigin(t);
  const first = await mergeInClone(root, 'alice', 'Asia/Tokyo', '2024-06-01T09:00:00+09:00');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = await mergeInClone(
    root,
    'bob',
    'America/Los_Angeles',
    '2024-07-15T16:30:00-07:00',
  );
  t.is(first.files.length, 1);
  t.deepEqual(second.files, first.files, 'the same path');
  t.deepEqual(second.stdout, first.stdout);
  const [file] = first.files as [string];
  const alice = readFileSync(join(root, 'alice', file));
  t.true(alice.equals(readFileSync(join(root, 'bob', file))), 'the same bytes');
  const text = alice.toString('utf8');
  t.true(
    text.includes('\nCreate Date: 2024-05-06 23:02:03\n'),
    'the newest parent’s commit time, as naive UTC',
  );
  t.true(text.includes("down_revision = ('bbbb0001', 'cccc0001')\n"));
});

test('a repository without commits: the parents’ docstring dates are used', async (t) => {
  const root = await mkdtemp(join(realpathSync(tmpdir()), 'git-alembic-unborn-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));
  await git(root, ['init', '-q', '-b', 'main']);
  writeMergeProject(root, {
    template: BENCH_TEMPLATE,
    revisions: [
      { id: 'aaaa0001' },
      { id: 'bbbb0001', down: ['aaaa0001'], createDate: '2024-02-03 04:05:06+01:00' },
      { id: 'cccc0001', down: ['aaaa0001'] },
    ],
  });
  const run = await runCli(root, ['merge', '--dry-run']);
  t.is(run.code, 0, run.stderr);
  t.true(
    run.stdout.includes('\nCreate Date: 2024-02-03 03:05:06\n'),
    'the offset honoured, shown as naive UTC',
  );
});
