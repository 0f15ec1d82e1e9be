// `heads --write` and the heads-file findings of `check`: GA201 (stale) and GA202 (missing where
// .gitattributes or the config expects one); no heads file before setup is fine.
import test from 'ava';

import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { BIN, createTempRepo, writeAlembicProject, writeRevision } from '../helpers/temp-repo.js';

const HEADS = 'migrations/heads.txt';

test('check and heads --write keep the heads file current, in its own line endings', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  t.is((await repo.cli(['check'])).status, 0, 'never set up: no heads file is fine');

  await repo.write('.gitattributes', `* text=auto eol=lf\n${HEADS} merge=git-alembic\n`);
  // EDITOR and PAGER in the environment once made simple-git refuse every git command.
  const missing = await repo.cli(['check'], {
    allowFailure: true,
    env: { EDITOR: 'vi', PAGER: 'less' },
  });
  t.is(missing.status, 1);
  t.is(
    missing.stdout,
    [
      'GA202 alembic.ini: migrations/heads.txt is missing, but .gitattributes gives it the git-alembic merge driver',
      '  migrations/heads.txt',
      '  hint: run `git-alembic heads --write` and commit the file, so merges of new migrations go through the driver',
      '',
    ].join('\n'),
  );

  t.is((await repo.cli(['heads', '--write'])).stdout, 'wrote migrations/heads.txt: a1\n');
  t.is(await repo.read(HEADS), `${HEADS_FILE_COMMENT}\na1\n`);
  t.is((await repo.cli(['check'])).status, 0);

  await repo.write(HEADS, `${HEADS_FILE_COMMENT}\r\na1\r\n`);
  await writeRevision(repo, 'b1', 'a1');
  const stale = await repo.cli(['check', '--json'], { allowFailure: true });
  t.deepEqual(JSON.parse(stale.stdout).findings, [
    {
      id: 'GA201',
      environment: 'alembic.ini',
      message: 'migrations/heads.txt is stale: it lists a1; the heads are b1',
      hint: 'run `git-alembic heads --write` and commit the file (the pre-commit hook keeps it current)',
      locations: [{ file: HEADS }],
    },
  ]);
  t.is((await repo.cli(['heads', '--write'])).stdout, 'wrote migrations/heads.txt: b1\n');
  t.is(await repo.read(HEADS), `${HEADS_FILE_COMMENT}\r\nb1\r\n`);
  const again = await repo.cli(['heads', '--write']);
  t.deepEqual(
    [again.stdout, again.stderr],
    ['', 'git-alembic: migrations/heads.txt is up to date\n'],
  );
});

test('GA202 for a heads file the config names; GA201 for one with conflict markers', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write(
    '.git-alembicrc.json',
    JSON.stringify({ environments: [{ config: 'alembic.ini', headsFile: 'migrations/HEADS' }] }),
  );
  const missing = await repo.cli(['check'], { allowFailure: true });
  t.true(
    missing.stdout.startsWith(
      'GA202 alembic.ini: migrations/HEADS is missing, but .git-alembicrc.json names it as the heads file\n',
    ),
    missing.stdout,
  );
  await repo.write(
    'migrations/HEADS',
    `${HEADS_FILE_COMMENT}\n<<<<<<< current\na1\n=======\nb1\n>>>>>>> incoming\n`,
  );
  const conflicted = await repo.cli(['check'], { allowFailure: true });
  t.true(
    conflicted.stdout.startsWith(
      'GA201 alembic.ini: migrations/HEADS cannot be read (line 2 is a conflict marker); the heads are a1\n  migrations/HEADS:2\n',
    ),
    conflicted.stdout,
  );
  await repo.cli(['heads', '--write']);
  t.is(await repo.read('migrations/HEADS'), `${HEADS_FILE_COMMENT}\na1\n`);
});

test("a conflicted heads file says how to resolve it: the driver's fallback keeps that line, and the instruction works", async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.git([
    'config',
    'merge.git-alembic.driver',
    `'${process.execPath}' '${BIN}' driver %O %A %B %L %P || { [ $? = 1 ] || git merge-file %A %O %B; exit 1; }`,
  ]);
  await repo.write('.gitattributes', `* text=auto eol=lf\n${HEADS} merge=git-alembic\n`);
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'base']);
  for (const [branch, id] of [
    ['dev', 'b1'],
    ['main', 'c1'],
  ] as const) {
    await repo.git(['checkout', '-q', ...(branch === 'dev' ? ['-b', 'dev'] : ['main'])]);
    await writeRevision(repo, id, 'a1');
    await repo.cli(['heads', '--write']);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', id]);
  }
  // GIT_ALEMBIC=0: the driver hands the file to git merge-file, as it does without node.
  const merge = await repo.git(['merge', '--no-edit', 'dev'], {
    env: { GIT_ALEMBIC: '0' },
    allowFailure: true,
  });
  t.is(merge.status, 1);
  const conflicted = (await repo.read(HEADS)).split('\n');
  t.is(conflicted[0], HEADS_FILE_COMMENT, 'the first line, outside the markers');
  t.regex(conflicted[0] ?? '', /On a conflict here, run: npx git-alembic heads --write$/);
  t.is(conflicted[1], '<<<<<<< current');
  t.is((await repo.cli(['heads', '--write'])).stdout, 'wrote migrations/heads.txt: b1, c1\n');
  t.is(await repo.read(HEADS), `${HEADS_FILE_COMMENT}\nb1\nc1\n`);
});
