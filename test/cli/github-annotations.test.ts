// `check --format github`: workflow commands escaped as the Actions runner unescapes them
// (data: % CR LF; properties also : and ,), one line per file, exact output.
import test from 'ava';

import { escapeData, escapeProperty, githubAnnotations } from '../../src/cli/github-annotations.js';
import type { Finding } from '../../src/core/findings.js';
import { alembicFiles, runBin } from '../helpers/cli-process.js';
import { tempProject } from '../helpers/temp-project.js';

test('escapeData encodes %, CR and LF, and nothing else', (t) => {
  t.is(escapeData('100% sure\r\nnext: a,b'), '100%25 sure%0D%0Anext: a,b');
});

test('escapeProperty also encodes : and ,', (t) => {
  t.is(escapeProperty('C:\\m,1%\n'), 'C%3A\\m%2C1%25%0A');
});

test('one ::error line per location, with line numbers when known', (t) => {
  const finding: Finding = {
    id: 'GA101',
    environment: 'alembic.ini',
    message: '2 heads on one branch: b1, c1',
    hint: 'run `git-alembic merge`',
    locations: [{ file: 'migrations/versions/b1.py', line: 3 }, { file: 'dir,with:odd%/c1.py' }],
  };
  t.deepEqual(githubAnnotations(finding), [
    '::error file=migrations/versions/b1.py,line=3,title=GA101::GA101 2 heads on one branch: b1, c1 (hint: run `git-alembic merge`)',
    '::error file=dir%2Cwith%3Aodd%25/c1.py,title=GA101::GA101 2 heads on one branch: b1, c1 (hint: run `git-alembic merge`)',
  ]);
});

test('a finding without a location, and a warning', (t) => {
  const base = {
    id: 'GA201',
    environment: 'e',
    message: 'line one\nline two',
    hint: '100%',
    locations: [],
  } as const;
  t.deepEqual(githubAnnotations(base), [
    '::error title=GA201::GA201 line one%0Aline two (hint: 100%25)',
  ]);
  t.deepEqual(githubAnnotations({ ...base, severity: 'warning' }), [
    '::warning title=GA201::GA201 line one%0Aline two (hint: 100%25)',
  ]);
});

test('the real CLI: exact annotations on the diverged revision files, naming both heads, their files, the parent they forked from and the fix; exit 1', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null, b1: 'a1', c1: 'a1' }));
  const hint =
    '(hint: run `git-alembic merge` and commit the merge revision it writes (what `alembic merge heads` would write))';
  const heads =
    '2 heads on one branch: b1 (migrations/versions/b1_rev.py) and c1 (migrations/versions/c1_rev.py), forked from a1 (migrations/versions/a1_rev.py)';
  t.deepEqual(await runBin(root, ['check', '--format', 'github']), {
    status: 1,
    stdout: [
      `::error file=migrations/versions/b1_rev.py,line=1,title=GA101::GA101 ${heads} ${hint}`,
      `::error file=migrations/versions/c1_rev.py,line=1,title=GA101::GA101 ${heads} ${hint}`,
      '',
    ].join('\n'),
    stderr: '',
  });
});

test('the real CLI: nothing on stdout when all is well', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null, b1: 'a1' }));
  t.deepEqual(await runBin(root, ['check', '--format', 'github']), {
    status: 0,
    stdout: '',
    stderr: 'git-alembic: ok: the environment has one head per branch\n',
  });
});
