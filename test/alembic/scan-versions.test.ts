// Which revision files are loaded, and in which order, on real directories. The expected
// orders were checked against Alembic 1.19's ScriptDirectory._load_revisions on the same trees.
import { chmod, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { listRevisionFiles, loadRevisions } from '../../src/alembic/scan-versions.js';
import { InputError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const revisionFile = (id: string, down = 'None'): string =>
  `revision = '${id}'\ndown_revision = ${down}\n`;

async function listed(
  root: string,
  locations: readonly string[],
  recursive: boolean,
): Promise<string[]> {
  const files = await listRevisionFiles(
    locations.map((location) => path.join(root, location)),
    recursive,
  );
  return files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

test('file names: what Alembic loads and what it skips', async (t) => {
  const names = [
    'a.py',
    '_helpers.py',
    '.hidden.py',
    'x_BASE_123.py',
    '.#lock.py',
    '__init__.py',
    '__init__x.py',
    'README',
    'EXPAND_HEAD',
    'script.py.mako',
    'upper.PY',
    'a.pyc',
    '.keep',
  ];
  const root = await tempProject(
    t,
    Object.fromEntries(names.map((name) => [`versions/${name}`, ''])),
  );
  t.deepEqual(await listed(root, ['versions'], false), [
    'versions/.hidden.py',
    'versions/_helpers.py',
    'versions/a.py',
    'versions/x_BASE_123.py',
  ]);
});

test('a directory is sorted by code point, not by UTF-16 code unit', async (t) => {
  const names = ['b.py', 'B.py', 'a.py', '\u00e9.py', '\uff21.py', '\u{1F600}.py', '1.py', '~.py'];
  const root = await tempProject(
    t,
    Object.fromEntries(names.map((name) => [`versions/${name}`, ''])),
  );
  const expected = [
    '1.py',
    'B.py',
    'a.py',
    'b.py',
    '~.py',
    '\u00e9.py',
    '\uff21.py',
    '\u{1F600}.py',
  ].map((name) => `versions/${name}`);
  t.deepEqual(await listed(root, ['versions'], false), expected);
});

test('locations in config order; missing ones and files are skipped', async (t) => {
  const root = await tempProject(t, {
    'second/b.py': '',
    'first/z.py': '',
    'first/a.py': '',
    'not-a-directory.py': '',
  });
  t.deepEqual(await listed(root, ['second', 'missing', 'first', 'not-a-directory.py'], false), [
    'second/b.py',
    'first/a.py',
    'first/z.py',
  ]);
});

const TREE = {
  'v/b.py': '',
  'v/a.py': '',
  'v/sub/z.py': '',
  'v/sub/deeper/y.py': '',
  'v/Sub2/w.py': '',
  'v/.git/h.py': '',
  'v/__pycache__/c.py': '',
  'v/__pycache__/inner/d.py': '',
  'v/old__pycache__/e.py': '',
};

test('without recursion only the top directory is read', async (t) => {
  const root = await tempProject(t, TREE);
  t.deepEqual(await listed(root, ['v'], false), ['v/a.py', 'v/b.py']);
});

test('recursion: files first, then subdirectories in order; __pycache__ files skipped, hidden directories walked', async (t) => {
  const root = await tempProject(t, TREE);
  // Alembic skips the files of a directory whose name ends in __pycache__ but still walks below it.
  const expected = [
    'v/a.py',
    'v/b.py',
    'v/.git/h.py',
    'v/Sub2/w.py',
    'v/__pycache__/inner/d.py',
    'v/sub/z.py',
    'v/sub/deeper/y.py',
  ];
  t.deepEqual(await listed(root, ['v'], true), expected);
});

test('each real path is loaded once, the first time it is seen', async (t) => {
  const root = await tempProject(t, { 'v/a.py': '', 'v/b.py': '', 'w/c.py': '' });
  await symlink('a.py', path.join(root, 'v/zz_same_as_a.py'));
  await symlink('v', path.join(root, 'v-again'));
  t.deepEqual(await listed(root, ['v', 'w', 'v-again', 'v'], false), [
    'v/a.py',
    'v/b.py',
    'w/c.py',
  ]);
  t.deepEqual(await listed(root, ['v-again', 'v'], false), ['v-again/a.py', 'v-again/b.py']);
});

test('symlinks: the name Alembic matches is the target name; linked directories are not followed', async (t) => {
  const root = await tempProject(t, {
    'outside/real.py': '',
    'outside/notes.txt': '',
    'outside/dir/q.py': '',
    'v/a.py': '',
  });
  await symlink('../outside/real.py', path.join(root, 'v/link.txt'));
  await symlink('../outside/notes.txt', path.join(root, 'v/link.py'));
  await symlink('../outside/dir', path.join(root, 'v/linked-dir'));
  t.deepEqual(await listed(root, ['v'], true), ['v/a.py', 'v/link.txt']);
});

test('loadRevisions reads in load order and names files relative to the display root', async (t) => {
  const root = await tempProject(t, {
    'migrations/versions/2_second.py': revisionFile('second', "'first'"),
    'migrations/versions/1_first.py': revisionFile('first'),
    'migrations/versions/sub/3_third.py': revisionFile('third', "'second'"),
  });
  const revisions = await loadRevisions({
    versionLocations: [path.join(root, 'migrations/versions')],
    recursive: true,
    constants: new Map([['cli.EXPAND', 'expand']]),
    displayRoot: root,
  });
  t.deepEqual(
    revisions.map((revision) => [
      revision.id,
      revision.downRevisions,
      revision.file,
      revision.line,
    ]),
    [
      ['first', [], 'migrations/versions/1_first.py', 1],
      ['second', ['first'], 'migrations/versions/2_second.py', 1],
      ['third', ['second'], 'migrations/versions/sub/3_third.py', 1],
    ],
  );
});

test('loadRevisions reads files larger than its buffer whole, and the files after them', async (t) => {
  // The reader reuses one buffer of 256 KiB and grows it for larger files.
  const body = `    op.execute("${'x'.repeat(100)}")\n`.repeat(6000);
  const root = await tempProject(t, {
    'v/1_small.py': revisionFile('small'),
    'v/2_large.py': `${revisionFile('large', "'small'")}\n\ndef upgrade():\n${body}\nrevision = 'large_after_body'\n`,
    'v/3_small.py': revisionFile('after', "'large_after_body'"),
  });
  const revisions = await loadRevisions({
    versionLocations: [path.join(root, 'v')],
    recursive: false,
    constants: new Map(),
    displayRoot: root,
  });
  t.deepEqual(
    revisions.map((revision) => [revision.id, revision.downRevisions]),
    [
      ['small', []],
      ['large_after_body', ['small']],
      ['after', ['large_after_body']],
    ],
  );
});

test('loadRevisions passes the constants and uses the real file name for the legacy rule', async (t) => {
  const root = await tempProject(t, {
    'outside/abc123.py': 'down_revision = None\nbranch_labels = (cli.EXPAND,)\n',
    'v/': '',
  });
  await symlink('../outside/abc123.py', path.join(root, 'v/link_to_legacy.py'));
  const [revision] = await loadRevisions({
    versionLocations: [path.join(root, 'v')],
    recursive: false,
    constants: new Map([['cli.EXPAND', 'expand']]),
    displayRoot: root,
  });
  t.deepEqual(
    [revision?.id, revision?.branchLabels, revision?.file],
    ['abc123', ['expand'], 'v/link_to_legacy.py'],
  );
});

test('loadRevisions reports a file it cannot read by its display path', async (t) => {
  const root = await tempProject(t, { 'v/a.py': revisionFile('a') });
  await symlink('missing-target.py', path.join(root, 'v/b.py'));
  const error = await t.throwsAsync(
    loadRevisions({
      versionLocations: [path.join(root, 'v')],
      recursive: false,
      constants: new Map(),
      displayRoot: root,
    }),
    { instanceOf: InputError },
  );
  t.is(error?.location.file, 'v/b.py');
  t.regex(error?.message ?? '', /^v\/b\.py: cannot read the revision file: ENOENT/);
});

test('loadRevisions lets reader errors through with the display path', async (t) => {
  const root = await tempProject(t, { 'db/versions/bad.py': "revision = 'a'\n" });
  const error = await t.throwsAsync(
    loadRevisions({
      versionLocations: [path.join(root, 'db/versions')],
      recursive: false,
      constants: new Map(),
      displayRoot: root,
    }),
    { instanceOf: InputError },
  );
  t.is(
    error?.message,
    "db/versions/bad.py: down_revision is missing; Alembic requires it (AttributeError: no attribute 'down_revision'); write down_revision = None for a base revision",
  );
});

// Permissions do not stop root, so this runs only for other users.
const unlessRoot = process.getuid?.() === 0 ? test.skip : test;

unlessRoot('an unreadable version directory is an error, not silently empty', async (t) => {
  const root = await tempProject(t, { 'v/sub/a.py': '' });
  await chmod(path.join(root, 'v/sub'), 0o000);
  t.teardown(() => chmod(path.join(root, 'v/sub'), 0o755));
  const error = await t.throwsAsync(listRevisionFiles([path.join(root, 'v')], true), {
    instanceOf: InputError,
  });
  t.regex(error?.message ?? '', /cannot list the version directory: EACCES/);
});

test('an empty location yields no files', async (t) => {
  const root = await tempProject(t, {});
  await mkdir(path.join(root, 'empty'));
  t.deepEqual(await listRevisionFiles([path.join(root, 'empty')], true), []);
});
