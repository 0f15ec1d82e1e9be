// One listing of the index for discovery and, on the next runs, for the version locations too:
// every answer must be what listIndex itself gives, with one git process where there were two.
import { rm } from 'node:fs/promises';
import test from 'ava';

import { GitProcess } from '../../src/git/git-process.js';
import { INDEX_PATHS_FILE, IndexLister } from '../../src/git/index-lister.js';
import { listIndex } from '../../src/git/tracked-files.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

class CountingGit extends GitProcess {
  calls = 0;

  override attempt(
    args: readonly string[],
    options?: Parameters<GitProcess['attempt']>[1],
  ): ReturnType<GitProcess['attempt']> {
    this.calls += 1;
    return super.attempt(args, options);
  }
}

// Configs at two depths, a version location with a staged, a modified, a skip-worktree and an
// unmerged entry, and a heads file.
async function project(t: Parameters<typeof createTempRepo>[0]): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await repo.write('alembic.ini', '[alembic]\nscript_location = m\n');
  await repo.write('svc/pyproject.toml', '[tool.alembic]\n');
  await repo.write('svc/other.ini', '[x]\n');
  for (const name of ['a1', 'b2', 'c3', 'd4'])
    await repo.write(`m/versions/${name}.py`, `revision = '${name}'\n`);
  await repo.write('m/heads.txt', 'a1\n');
  await repo.write('m/versions.py', 'not under the location\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  await repo.write('m/versions/b2.py', 'changed\n');
  await repo.write('m/versions/e5.py', 'staged\n');
  await repo.git(['add', 'm/versions/e5.py']);
  await repo.git(['update-index', '--skip-worktree', 'm/versions/c3.py']);
  return repo;
}

const PATHS = ['m/versions', 'm/heads.txt'];

test('the second run lists the index once, and answers exactly as listIndex does', async (t) => {
  const repo = await project(t);
  const memory = repo.path(`.git/git-alembic/${INDEX_PATHS_FILE}`);
  const first = new CountingGit(repo.root, repo.env);
  const lister = new IndexLister(first, memory);
  const configs = (await lister.trackedConfigFiles())
    .filter((file) => /\.ini$|pyproject\.toml$/.test(file))
    .sort();
  t.deepEqual(configs, ['alembic.ini', 'svc/other.ini', 'svc/pyproject.toml']);
  const expected = await listIndex(new GitProcess(repo.root, repo.env), PATHS);
  t.deepEqual(await lister.listIndex(PATHS), expected);
  t.is(first.calls, 2, 'the first run lists twice, and remembers the paths');
  t.deepEqual(JSON.parse(await repo.read(`.git/git-alembic/${INDEX_PATHS_FILE}`)), [
    'm/heads.txt',
    'm/versions',
  ]);

  const second = new CountingGit(repo.root, repo.env);
  const again = new IndexLister(second, memory);
  t.deepEqual(
    (await again.trackedConfigFiles())
      .filter((file) => /\.ini$|pyproject\.toml$/.test(file))
      .sort(),
    configs,
  );
  const answered = await again.listIndex(PATHS);
  t.deepEqual(answered, expected);
  t.deepEqual(
    await again.listIndex(['m/heads.txt']),
    await listIndex(new GitProcess(repo.root, repo.env), ['m/heads.txt']),
  );
  t.is(second.calls, 1, 'one listing answers both');
  t.true(
    answered.skipWorktree.has('m/versions/c3.py') && answered.modified.has('m/versions/b2.py'),
  );
  t.false(
    answered.entries.some((entry) => entry.path === 'm/versions.py'),
    'a sibling whose name starts the same is not under the location',
  );
});

test('paths the first listing did not cover are listed on their own, and remembered', async (t) => {
  const repo = await project(t);
  const memory = repo.path(`.git/git-alembic/${INDEX_PATHS_FILE}`);
  await repo.write(`.git/git-alembic/${INDEX_PATHS_FILE}`, '["m/heads.txt"]');
  const git = new CountingGit(repo.root, repo.env);
  const lister = new IndexLister(git, memory);
  await lister.trackedConfigFiles();
  t.deepEqual(
    await lister.listIndex(PATHS),
    await listIndex(new GitProcess(repo.root, repo.env), PATHS),
  );
  t.is(git.calls, 2);
  t.deepEqual(JSON.parse(await repo.read(`.git/git-alembic/${INDEX_PATHS_FILE}`)), [
    'm/heads.txt',
    'm/versions',
  ]);
});

test('a corrupt or foreign memory is ignored; without a memory file nothing is written', async (t) => {
  const repo = await project(t);
  for (const text of ['{"not": "a list"}', '[1, 2]', 'not json', '']) {
    await repo.write(`.git/git-alembic/${INDEX_PATHS_FILE}`, text);
    const lister = new IndexLister(
      new GitProcess(repo.root, repo.env),
      repo.path(`.git/git-alembic/${INDEX_PATHS_FILE}`),
    );
    await lister.trackedConfigFiles();
    t.deepEqual(
      await lister.listIndex(PATHS),
      await listIndex(new GitProcess(repo.root, repo.env), PATHS),
      text,
    );
  }
  await rm(repo.path(`.git/git-alembic/${INDEX_PATHS_FILE}`));
  const unremembered = new IndexLister(new GitProcess(repo.root, repo.env), undefined);
  await unremembered.trackedConfigFiles();
  await unremembered.listIndex(PATHS);
  t.false(await repo.exists(`.git/git-alembic/${INDEX_PATHS_FILE}`));
});

test('unmerged entries: every stage, as listIndex gives them', async (t) => {
  const repo = await project(t);
  await repo.git(['stash', '-q']);
  await repo.git(['checkout', '-q', '-b', 'side']);
  await repo.write('m/heads.txt', 'side\n');
  await repo.git(['commit', '-q', '-am', 'side']);
  await repo.git(['checkout', '-q', 'main']);
  await repo.write('m/heads.txt', 'main\n');
  await repo.git(['commit', '-q', '-am', 'main']);
  await repo.git(['merge', '-q', 'side'], { allowFailure: true });
  const memory = repo.path(`.git/git-alembic/${INDEX_PATHS_FILE}`);
  await repo.write(`.git/git-alembic/${INDEX_PATHS_FILE}`, JSON.stringify(PATHS));
  const lister = new IndexLister(new GitProcess(repo.root, repo.env), memory);
  await lister.trackedConfigFiles();
  const listed = await lister.listIndex(PATHS);
  t.deepEqual(listed, await listIndex(new GitProcess(repo.root, repo.env), PATHS));
  t.deepEqual(
    listed.entries.filter((entry) => entry.path === 'm/heads.txt').map((entry) => entry.stage),
    [1, 2, 3],
  );
});
