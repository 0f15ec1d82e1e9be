// Where the revision files' bytes come from, on real git repositories: every view walks by the
// one set of Alembic's rules (the order and selection scan-versions.test.ts checks on the file
// system), and each reads the bytes of the commit it stands for.
import { rm, symlink, unlink } from 'node:fs/promises';
import test, { type ExecutionContext } from 'ava';

import { listRevisionFiles, loadRevisions } from '../../src/alembic/scan-versions.js';
import { GitProcess } from '../../src/git/git-process.js';
import {
  type FilesView,
  projectFiles,
  type ProjectFiles,
} from '../../src/project/project-files.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const revision = (id: string, down = 'None'): string =>
  `revision = '${id}'\ndown_revision = ${down}\n`;
const STAGED: FilesView = { kind: 'staged' };
const COMMITTED: FilesView = { kind: 'committed', rev: 'HEAD' };
const CHECKOUT: FilesView = { kind: 'checkout' };

async function filesOf(
  repo: TempRepo,
  view: FilesView,
  paths: readonly string[],
): Promise<ProjectFiles> {
  return projectFiles(
    new GitProcess(repo.root, repo.env),
    repo.root,
    view,
    paths.map((file) => repo.path(file)),
  );
}

async function ids(repo: TempRepo, view: FilesView, location = 'v'): Promise<string[]> {
  const source = await filesOf(repo, view, [location]);
  const revisions = await loadRevisions({
    versionLocations: [repo.path(location)],
    recursive: true,
    constants: new Map(),
    displayRoot: repo.root,
    source,
  });
  return revisions.map((loaded) => `${loaded.file}:${loaded.id}`);
}

async function committedRepo(
  t: ExecutionContext,
  files: Readonly<Record<string, string>>,
): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  for (const [file, content] of Object.entries(files)) await repo.write(file, content);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'files']);
  return repo;
}

test('every view walks by the same rules: load order, file names, __pycache__, links, de-duplication', async (t) => {
  const names = [
    'b.py',
    'B.py',
    'a.py',
    '\u00e9.py',
    '\u{1F600}.py',
    '.#lock.py',
    '__init__.py',
    'README',
    'x.pyc',
  ];
  const files = Object.fromEntries([
    ...names.map((name) => [`v/${name}`, '']),
    ...[
      'v/sub/z.py',
      'v/sub/deeper/y.py',
      'v/Sub2/w.py',
      'v/__pycache__/c.py',
      'v/__pycache__/inner/d.py',
      'outside/real.py',
      'outside/dir/q.py',
      'db/v2/m.py',
    ].map((file) => [file, '']),
  ]);
  const repo = await committedRepo(t, files);
  await symlink('a.py', repo.path('v/zz_same_as_a.py'));
  await symlink('../outside/real.py', repo.path('v/link.txt'));
  await symlink('../outside/dir', repo.path('v/linked-dir'));
  await symlink('db/v2', repo.path('linked-location'));
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'links']);
  const locations = ['v', 'linked-location', 'v'].map((location) => repo.path(location));
  const expected = await listRevisionFiles(locations, true);
  t.is(expected.length, 11);
  for (const view of [CHECKOUT, STAGED, COMMITTED]) {
    const source = await filesOf(repo, view, ['v', 'linked-location']);
    t.deepEqual(await listRevisionFiles(locations, true, source.tree), expected, view.kind);
  }
  // Left out of the work tree, the same: the index knows the links' targets.
  await repo.git([
    'update-index',
    '--skip-worktree',
    '--',
    ...(await repo.git(['ls-files', '-z', 'v'])).stdout.split('\0').filter(Boolean),
  ]);
  await rm(repo.path('v'), { recursive: true });
  for (const view of [CHECKOUT, STAGED, COMMITTED]) {
    const source = await filesOf(repo, view, ['v', 'linked-location']);
    t.deepEqual(
      await listRevisionFiles(locations, true, source.tree),
      expected,
      `${view.kind}, sparse`,
    );
  }
});

test('each view reads the bytes of its commit: HEAD, the index (staged in part, deleted unstaged, not intended-to-add), or the work tree', async (t) => {
  const repo = await committedRepo(t, {
    'v/a.py': revision('a'),
    'v/gone.py': revision('gone', "'a'"),
  });
  await repo.write('v/a.py', revision('a_staged'));
  await repo.git(['add', 'v/a.py']);
  await repo.write('v/a.py', revision('a_work_tree'));
  await unlink(repo.path('v/gone.py'));
  await repo.write('v/untracked.py', revision('untracked'));
  // `git add -N`: in the index, with the empty blob, but left out of any commit.
  await repo.write('v/intended.py', revision('intended'));
  await repo.git(['add', '-N', 'v/intended.py']);
  t.deepEqual(await ids(repo, COMMITTED), ['v/a.py:a', 'v/gone.py:gone']);
  t.deepEqual(await ids(repo, STAGED), ['v/a.py:a_staged', 'v/gone.py:gone']);
  t.deepEqual(
    await ids(repo, CHECKOUT),
    ['v/a.py:a_work_tree', 'v/intended.py:intended', 'v/untracked.py:untracked'],
    'the work tree, as Alembic reads it',
  );
});

test("an entry marked assume-unchanged is never taken for the work tree's bytes: a commit holds the index's", async (t) => {
  const repo = await committedRepo(t, { 'v/a.py': revision('a') });
  await repo.git(['update-index', '--assume-unchanged', 'v/a.py']);
  // Same size, so only git's stat check could tell; with the bit set git never looks.
  await repo.write('v/a.py', revision('b'));
  t.deepEqual(await ids(repo, STAGED), ['v/a.py:a']);
  t.deepEqual(await ids(repo, COMMITTED), ['v/a.py:a']);
  t.deepEqual(await ids(repo, CHECKOUT), ['v/a.py:b'], 'the work tree, as Alembic reads it');
});

test('checkout view: a skip-worktree entry comes from the index, unless the work tree has the file', async (t) => {
  const repo = await committedRepo(t, {
    'v/a.py': revision('a'),
    'v/b.py': revision('b', "'a'"),
    'm/heads.txt': '# heads\nb\n',
  });
  await repo.git(['update-index', '--skip-worktree', '--', 'v/a.py', 'v/b.py', 'm/heads.txt']);
  await unlink(repo.path('v/a.py'));
  await unlink(repo.path('m/heads.txt'));
  await repo.write('v/b.py', revision('b_local', "'a'"));
  t.deepEqual(await ids(repo, CHECKOUT), ['v/a.py:a', 'v/b.py:b_local']);
  const source = await filesOf(repo, CHECKOUT, ['v', 'm/heads.txt']);
  t.is(new TextDecoder().decode(await source.read(repo.path('m/heads.txt'))), '# heads\nb\n');
  t.is(await source.read(repo.path('m/none.txt')), undefined);
});

test('a link only the index holds resolves within the index', async (t) => {
  const repo = await committedRepo(t, { 'v/a.py': revision('a') });
  const target = (
    await repo.git(['hash-object', '-w', '--stdin'], { input: 'a.py' })
  ).stdout.trim();
  await repo.git(['update-index', '--add', '--cacheinfo', `120000,${target},v/zz_link.py`]);
  const loose = (
    await repo.git(['hash-object', '-w', '--stdin'], { input: revision('in_index_only') })
  ).stdout.trim();
  await repo.git(['update-index', '--add', '--cacheinfo', `100644,${loose},v/b.py`]);
  // The link names a.py, already loaded: read once, as Alembic reads each real path once.
  t.deepEqual(await ids(repo, STAGED), ['v/a.py:a', 'v/b.py:in_index_only']);
});

test('a directory exists in every view where the work tree has it, tracked files or not, as Alembic sees it', async (t) => {
  const repo = await committedRepo(t, { 'v/a.py': revision('a') });
  await repo.write('empty/untracked.txt', '');
  for (const view of [CHECKOUT, STAGED, COMMITTED]) {
    const { tree } = await filesOf(repo, view, ['empty', 'missing']);
    t.is(tree.realDirectory(repo.path('empty')), repo.path('empty'), view.kind);
    t.is(tree.realDirectory(repo.path('missing')), undefined, view.kind);
  }
});
