// `git-alembic merge` end to end, in-process on real project directories: what it prints, what
// it writes, and what it refuses (writing nothing).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { MergeMessages } from '../../src/messages/merge.js';
import {
  runCli,
  writeMergeProject,
  type MergeProjectSpec,
  type ParentSpec,
} from '../helpers/merge-project.js';
import { tempProject } from '../helpers/temp-project.js';
import { BENCH_TEMPLATE } from '../../bench/synthetic-history.js';

const FORK: ParentSpec[] = [
  { id: 'aaaa0001' },
  { id: 'bbbb0001', down: ['aaaa0001'] },
  { id: 'cccc0001', down: ['aaaa0001'] },
];

async function project(t: ExecutionContext, spec: Partial<MergeProjectSpec> = {}): Promise<string> {
  const root = await tempProject(t, {});
  writeMergeProject(root, { template: BENCH_TEMPLATE, revisions: FORK, ...spec });
  return root;
}

const versions = (root: string): string[] =>
  readdirSync(join(root, 'migrations', 'versions')).sort();

test('nothing to merge: exit 0 and say so', async (t) => {
  const root = await project(t, { revisions: FORK.slice(0, 2) });
  t.deepEqual(await runCli(root, ['merge']), {
    code: 0,
    stdout: '',
    stderr: `git-alembic: ${MergeMessages.nothingToMerge(1)}\n`,
  });
});

test('the default merge: deterministic id, configured message, Alembic’s output line; then nothing to do', async (t) => {
  const root = await project(t, {
    revisions: FORK.map((spec) => ({ ...spec, createDate: '2024-03-04 05:06:07.000008' })),
  });
  const first = await runCli(root, ['merge']);
  const [written] = versions(root).filter((name) => !name.endsWith('_rev.py'));
  t.regex(written ?? '', /^[0-9a-f]{12}_merge_heads_bbbb0001_cccc0001\.py$/);
  const path = join(root, 'migrations', 'versions', written as string);
  t.deepEqual(first, { code: 0, stdout: `${MergeMessages.generating(path)}\n`, stderr: '' });
  const content = readFileSync(path, 'utf8');
  t.true(content.startsWith('"""merge heads bbbb0001, cccc0001\n\nRevision ID: '));
  t.true(
    content.includes('\nCreate Date: 2024-03-04 05:06:07.000008\n'),
    'the newest parent’s docstring date, naive',
  );
  t.true(content.includes("down_revision = ('bbbb0001', 'cccc0001')\n"));
  t.deepEqual(await runCli(root, ['heads']), {
    code: 0,
    stdout: `${written?.slice(0, 12)} (head)\n`,
    stderr: '',
  });
  t.is((await runCli(root, ['merge'])).stderr, `git-alembic: ${MergeMessages.nothingToMerge(1)}\n`);
  const again = await runCli(root, ['merge', 'bbbb0001', 'cccc0001']);
  t.is(
    again.stderr,
    `git-alembic: ${MergeMessages.mergeExists(written?.slice(0, 12) as string, ['bbbb0001', 'cccc0001'], `migrations/versions/${written}`)}\n`,
  );
});

test('--dry-run prints the path and the content and writes nothing', async (t) => {
  const root = await project(t);
  const before = versions(root);
  const run = await runCli(root, [
    'merge',
    '--dry-run',
    '--rev-id',
    'feedface0001',
    '--date',
    '2024-01-02 03:04:05',
  ]);
  const path = join(
    root,
    'migrations',
    'versions',
    'feedface0001_merge_heads_bbbb0001_cccc0001.py',
  );
  t.is(run.code, 0);
  t.true(
    run.stdout.startsWith(
      `${MergeMessages.dryRun(path)}\n"""merge heads bbbb0001, cccc0001\n\nRevision ID: feedface0001\n`,
    ),
  );
  t.true(run.stdout.includes('Create Date: 2024-01-02 03:04:05\n'));
  t.deepEqual(versions(root), before);
});

test('-q prints only the path written', async (t) => {
  const root = await project(t);
  const run = await runCli(root, ['merge', '-q', '--rev-id', 'feedface0002']);
  t.deepEqual(run, {
    code: 0,
    stdout: `${join(root, 'migrations', 'versions', 'feedface0002_merge_heads_bbbb0001_cccc0001.py')}\n`,
    stderr: '',
  });
});

test('labelled divergences get one merge each; expand and contract stay apart', async (t) => {
  const root = await project(t, {
    revisions: [
      { id: 'aaaa0001' },
      { id: 'eeee0001', down: ['aaaa0001'], labels: ['expand'] },
      { id: 'eeee0002', down: ['eeee0001'] },
      { id: 'eeee0003', down: ['eeee0001'] },
      { id: 'ffff0001', down: ['aaaa0001'], labels: ['contract'] },
      { id: 'ffff0002', down: ['ffff0001'] },
      { id: 'ffff0003', down: ['ffff0001'] },
    ],
  });
  const run = await runCli(root, ['merge']);
  t.is(run.code, 0, run.stderr);
  t.is(run.stdout.split('\n').filter((line) => line.startsWith('Generating ')).length, 2);
  const heads = await runCli(root, ['heads']);
  t.is(heads.stdout.split('\n').filter(Boolean).length, 2, 'one head per label');
  t.is((await runCli(root, ['check'])).code, 0);
});

test('refusals write nothing: bad template, """ in the message, unencodable text, bad options', async (t) => {
  const cases: Array<[Partial<MergeProjectSpec>, string[], RegExp, number]> = [
    [
      { template: '${sorted(down_revision)}\n' },
      ['merge'],
      /^git-alembic: migrations\/script\.py\.mako:1: /,
      2,
    ],
    [
      { template: `<%! from alembic import op %>\n${BENCH_TEMPLATE}\n\${op.f("x")}\n` },
      ['merge'],
      /^git-alembic: migrations\/script\.py\.mako:\d+: `op` \(`from alembic import op`\) is used/,
      2,
    ],
    [
      { template: BENCH_TEMPLATE.replace('${repr(down_revision)}', '"${down_revision}"') },
      ['merge'],
      /writes down_revision as the text \('bbbb0001', 'cccc0001'\) inside quotes/,
      2,
    ],
    [{}, ['merge', '-m', 'a """ b'], /would not be a readable revision file/, 2],
    [
      { settings: ['output_encoding = latin-1'] },
      ['merge', '-m', 'merge €'],
      /'latin-1' codec can't encode character '\\u20ac' in position 9/,
      2,
    ],
    [
      { settings: ['output_encoding = cp1252'] },
      ['merge'],
      /output_encoding: output_encoding 'cp1252' is not supported/,
      2,
    ],
    [
      { settings: ['timezone = nowhere/city'] },
      ['merge'],
      /^git-alembic: alembic\.ini: timezone: Can't locate timezone: nowhere\/city/,
      2,
    ],
    [{}, ['merge', '--date', 'tomorrow'], /--date "tomorrow" is not a date/, 64],
    [
      {},
      ['merge', '--rev-id', 'bad@id'],
      /Character\(s\) '@' not allowed in revision identifier 'bad@id'/,
      2,
    ],
    [
      {},
      ['merge', '--rev-id', 'aaaa0001'],
      /revision id aaaa0001 is already used by migrations\/versions\/aaaa0001_rev\.py/,
      2,
    ],
    [{}, ['merge', 'aaaa0001', 'bbbb0001'], /Revision aaaa0001 is not a head revision/, 2],
    [
      { settings: ['file_template = %%(year)d/%%(rev)s'] },
      ['merge'],
      /recursive_version_locations/,
      2,
    ],
  ];
  for (const [spec, argv, message, code] of cases) {
    const root = await project(t, spec);
    const before = versions(root);
    const run = await runCli(root, argv);
    t.is(run.code, code, argv.join(' '));
    t.regex(run.stderr, message);
    t.deepEqual(versions(root), before, `${argv.join(' ')} wrote nothing`);
  }
});

test('--rev-id with more than one merge to write is a usage error', async (t) => {
  const root = await project(t, {
    revisions: [
      { id: 'a1' },
      { id: 'b1', down: ['a1'] },
      { id: 'c1', down: ['a1'] },
      { id: 'x1', labels: ['x'] },
      { id: 'x2', down: ['x1'] },
      { id: 'x3', down: ['x1'] },
    ],
  });
  const run = await runCli(root, ['merge', '--rev-id', 'one']);
  t.is(run.code, 64);
  t.is(
    run.stderr,
    `git-alembic: ${MergeMessages.REV_ID_SEVERAL_MERGES} (hint: ${MergeMessages.REV_ID_SEVERAL_MERGES_HINT})\n`,
  );
});

test('--random-id is Alembic’s behaviour: a random 12-hex id dated now with microseconds', async (t) => {
  const root = await project(t, { settings: ['timezone = UTC'] });
  const run = await runCli(root, ['merge', '--random-id']);
  t.is(run.code, 0, run.stderr);
  const [written] = versions(root).filter((name) => !name.endsWith('_rev.py'));
  t.regex(written ?? '', /^[0-9a-f]{12}_merge_heads/);
  t.regex(
    readFileSync(join(root, 'migrations', 'versions', written as string), 'utf8'),
    /\nCreate Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00\n/,
  );
});

test('the project config can choose random ids and another message', async (t) => {
  const root = await project(t);
  writeFileSync(
    join(root, '.git-alembicrc.json'),
    JSON.stringify({ revisionId: 'random', message: 'join {heads}' }),
  );
  t.is((await runCli(root, ['merge'])).code, 0);
  t.true(versions(root).some((name) => /^[0-9a-f]{12}_join_bbbb0001_cccc0001\.py$/.test(name)));
});

test('a merge without any parent date is dated now, with a warning', async (t) => {
  const root = await project(t, {
    revisions: FORK.map((spec) => ({ ...spec, createDate: 'unknown' })),
  });
  const run = await runCli(root, ['merge']);
  t.is(run.code, 0);
  t.is(run.stderr, `git-alembic: warning: ${MergeMessages.NOW_NOT_DETERMINISTIC}\n`);
});

test('a missing script.py.mako is named, and nothing is written', async (t) => {
  const root = await project(t);
  rmSync(join(root, 'migrations', 'script.py.mako'));
  const run = await runCli(root, ['merge']);
  t.is(run.code, 2);
  t.is(
    run.stderr,
    `git-alembic: migrations/script.py.mako: ${MergeMessages.templateMissing('migrations/script.py.mako')}\n`,
  );
  t.deepEqual(versions(root), ['aaaa0001_rev.py', 'bbbb0001_rev.py', 'cccc0001_rev.py']);
});

test('the heads file of an environment it merged lists the merge, so check is clean straight after; none is created', async (t) => {
  const bare = await project(t);
  t.is((await runCli(bare, ['merge', '--rev-id', 'feedface0003'])).code, 0);
  t.deepEqual(
    readdirSync(join(bare, 'migrations')).filter((name) => name.endsWith('.txt')),
    [],
    'no heads file in use: none written',
  );
  const root = await project(t);
  writeFileSync(
    join(root, 'migrations', 'heads.txt'),
    `${HEADS_FILE_COMMENT}\nbbbb0001\ncccc0001\n`,
  );
  const run = await runCli(root, ['merge', '--rev-id', 'feedface0003']);
  t.is(run.stdout.split('\n')[1], 'wrote migrations/heads.txt: feedface0003');
  t.is(
    readFileSync(join(root, 'migrations', 'heads.txt'), 'utf8'),
    `${HEADS_FILE_COMMENT}\nfeedface0003\n`,
  );
  t.is((await runCli(root, ['check'])).code, 0);
});
