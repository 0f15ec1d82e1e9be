// End-to-end: the hooks of the packed package, installed with npm and set up with its own
// `setup`, during real merges (husky 9, git, Alembic as the judge). Build first (`npm test`).
// One repository per scenario; serial, because every hook is a process and there are 2 cores.
import { parentSource } from '../helpers/merge-project.js';
import {
  alembicLines,
  assertAlembicWhole,
  BASE,
  createScenario,
  scenarioTest,
} from '../helpers/hook-scenario.js';
import {
  assertMergedInHead,
  DEV_REV,
  FORKED,
  MAIN_REV,
  mergeRevisionIn,
  parents,
  revisionIdOf,
  sha,
} from '../helpers/scenario-checks.js';

scenarioTest(
  '1 git-flow hotfix: `git merge dev` leaves a 2-parent merge commit with the merge revision and heads file, and a clean tree',
  async (t, python) => {
    const scenario = await createScenario(t, python, { shared: FORKED });
    const [main, dev] = [await sha(scenario, 'main'), await sha(scenario, 'dev')];
    const identity = {
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_AUTHOR_DATE: '2001-02-03T04:05:06+0100',
      GIT_COMMITTER_DATE: '2002-03-04T05:06:07-0200',
    };
    const merge = await scenario.git(['merge', '--no-edit', 'dev'], { env: identity });
    const id = revisionIdOf((await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]))?.text);
    t.not(id, '', 'the merge commit holds the merge revision');
    t.deepEqual(alembicLines(merge), [
      `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    t.deepEqual(await parents(scenario), [main, dev], 'both parents kept; dev untouched');
    t.is(await sha(scenario, 'dev'), dev);
    t.deepEqual(await scenario.listedHeads(), [id]);
    t.is(
      (await scenario.git(['show', 'HEAD:migrations/heads.txt'])).stdout,
      await scenario.repo.read('migrations/heads.txt'),
    );
    t.is((await scenario.git(['status', '--porcelain'])).stdout, '', 'clean tree');
    t.false(await scenario.repo.exists('.git/MERGE_HEAD'));
    // The commit git made is HEAD@{1}; the fold changed its tree and nothing else.
    const withoutTree = async (rev: string): Promise<string> =>
      (await scenario.git(['cat-file', 'commit', rev])).stdout.replace(/^tree .*\n/, '');
    t.is(
      await withoutTree('HEAD'),
      await withoutTree('HEAD@{1}'),
      'same parents, author, committer and message',
    );
    t.regex(await withoutTree('HEAD'), /^author Ada <ada@example\.com> 981169506 \+0100$/m);
    t.is(
      (await scenario.git(['reflog', '-1', '--format=%gs'])).stdout,
      `git-alembic: add merge revision ${id} to the merge commit\n`,
    );
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  '2 a content conflict in another file, concluded with `git commit` and with `git merge --continue`',
  async (t, python) => {
    const scenario = await createScenario(t, python);
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await scenario.repo.write('README.md', 'dev\n');
    await scenario.revision({ id: DEV_REV, down: [BASE] });
    await scenario.commitAll('dev: readme and bbbb');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('README.md', 'main\n');
    await scenario.revision({ id: MAIN_REV, down: [BASE] });
    await scenario.commitAll('main: readme and aaaa');
    const [main, dev] = [await sha(scenario, 'main'), await sha(scenario, 'dev')];
    const ids: string[] = [];
    for (const conclude of [
      ['commit', '--no-edit'],
      ['merge', '--continue'],
    ]) {
      const merge = await scenario.git(['merge', '--no-edit', 'dev'], { allowFailure: true });
      t.is(merge.status, 1, 'README.md conflicts');
      t.deepEqual(alembicLines(merge), [], 'no hook runs while the merge stops');
      await scenario.repo.write('README.md', 'main and dev\n');
      await scenario.git(['add', 'README.md']);
      const done = await scenario.git(conclude, { env: { GIT_EDITOR: 'true' } });
      const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
      t.deepEqual(
        alembicLines(done),
        [
          `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this merge left as two heads; added it and migrations/heads.txt to this merge commit`,
        ],
        conclude.join(' '),
      );
      t.deepEqual(await parents(scenario), [main, dev]);
      ids.push(id);
      if (ids.length === 1) await scenario.git(['reset', '-q', '--hard', main]);
    }
    t.is(ids[0], ids[1], 'the same merge revision both times');
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest('3 `git merge --no-commit` then `git commit`', async (t, python) => {
  const scenario = await createScenario(t, python, { shared: FORKED });
  const merge = await scenario.git(['merge', '--no-commit', 'dev']);
  t.deepEqual(alembicLines(merge), []);
  t.true(await scenario.repo.exists('.git/MERGE_HEAD'));
  const commit = await scenario.git(['commit', '--no-edit']);
  const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
  t.deepEqual(alembicLines(commit), [
    `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this merge left as two heads; added it and migrations/heads.txt to this merge commit`,
  ]);
  t.is((await parents(scenario)).length, 2);
  await assertAlembicWhole(t, scenario);
});

scenarioTest('4 `git pull` from a clone with a bare remote', async (t, python) => {
  const scenario = await createScenario(t, python);
  const remote = scenario.repo.path('../remote.git');
  await scenario.git(['init', '-q', '--bare', '-b', 'main', remote]);
  await scenario.git(['remote', 'add', 'origin', remote]);
  await scenario.git(['push', '-q', '-u', 'origin', 'main']);
  // A teammate (no hooks in the clone) adds a revision, keeps the heads file by hand, and pushes.
  await scenario.git(['clone', '-q', remote, '../teammate']);
  const teammate = { cwd: '../teammate' };
  await scenario.repo.write(
    `../teammate/${scenario.scriptPath(`versions/${DEV_REV}_rev.py`)}`,
    parentSource({ id: DEV_REV, down: [BASE] }),
  );
  await scenario.bin(['heads', '--write'], teammate);
  await scenario.git(['add', '-A'], teammate);
  await scenario.git(['commit', '-q', '-m', 'teammate: add bbbb'], teammate);
  await scenario.git(['push', '-q', 'origin', 'main'], teammate);
  const upstream = (await scenario.git(['rev-parse', 'HEAD'], teammate)).stdout.trim();

  await scenario.revision({ id: MAIN_REV, down: [BASE] });
  await scenario.commitAll('main: add aaaa');
  const local = await sha(scenario, 'HEAD');
  const pull = await scenario.git(['pull', '--no-rebase', '--no-edit']);
  const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
  t.deepEqual(alembicLines(pull), [
    `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (origin/main), which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
  ]);
  t.deepEqual(await parents(scenario), [local, upstream]);
  t.regex((await scenario.git(['pull', '--no-rebase', '--no-edit'])).stdout, /Already up to date/);
  await assertAlembicWhole(t, scenario);
});

scenarioTest(
  '6 a fast-forward, a merge touching no migrations, and a fast-forward onto a merge commit: nothing created',
  async (t, python) => {
    const scenario = await createScenario(t, python);
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await scenario.revision({ id: DEV_REV, down: [BASE] });
    await scenario.commitAll('dev: add bbbb');
    await scenario.git(['checkout', '-q', 'main']);
    const fastForward = await scenario.git(['merge', 'dev']);
    t.deepEqual(alembicLines(fastForward), []);
    t.is(await sha(scenario, 'HEAD'), await sha(scenario, 'dev'), 'a plain fast-forward');

    await scenario.git(['checkout', '-q', '-b', 'docs']);
    await scenario.repo.write('docs.md', 'docs\n');
    await scenario.commitAll('docs');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('notes.md', 'notes\n');
    await scenario.commitAll('notes');
    const noMigrations = await scenario.git(['merge', '--no-edit', 'docs']);
    t.deepEqual(alembicLines(noMigrations), []);
    t.is((await parents(scenario)).length, 2);
    t.deepEqual(
      (await scenario.git(['diff', '--name-only', 'HEAD^1', 'HEAD'])).stdout,
      'docs.md\n',
      'git made the merge alone',
    );

    // Someone merged two migrations without the hooks; fast-forwarding to that merge must not rewrite it.
    await scenario.git(['checkout', '-q', '-b', 'side']);
    await scenario.revision({ id: 'cccc55556666', down: [DEV_REV] });
    await scenario.commitAll('side: add cccc');
    await scenario.git(['checkout', '-q', '-b', 'other', 'main']);
    await scenario.revision({ id: 'dddd77778888', down: [DEV_REV] });
    await scenario.commitAll('other: add dddd');
    await scenario.git(['merge', '--no-edit', 'side'], { env: { HUSKY: '0' } });
    const theirMerge = await sha(scenario, 'other');
    await scenario.git(['checkout', '-q', 'main']);
    const ontoMerge = await scenario.git(['merge', 'other']);
    t.deepEqual(alembicLines(ontoMerge), []);
    t.is(
      await sha(scenario, 'HEAD'),
      theirMerge,
      'the merge commit of someone else is left as it is',
    );
    t.is((await scenario.git(['status', '--porcelain'])).stdout, '');
    await scenario.bin(['merge']);
    await scenario.commitAll('merge the migrations');
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  '7 `git merge --squash` stages the merge revision for the squash commit',
  async (t, python) => {
    const scenario = await createScenario(t, python, { shared: FORKED });
    const main = await sha(scenario, 'main');
    const squash = await scenario.git(['merge', '--squash', 'dev']);
    t.is(await sha(scenario, 'HEAD'), main, 'HEAD does not move');
    const staged = (await scenario.git(['diff', '--cached', '--name-only'])).stdout
      .split('\n')
      .filter(Boolean);
    const file =
      staged.find((name) => name.endsWith('.py') && !name.includes(`/${DEV_REV}_`)) ?? '';
    const id = revisionIdOf(await scenario.repo.read(file));
    t.deepEqual(alembicLines(squash), [
      `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this squash merge left as two heads; staged it and migrations/heads.txt for the squash commit`,
    ]);
    t.deepEqual(
      staged.sort(),
      ['migrations/heads.txt', file, `migrations/versions/${DEV_REV}_rev.py`].sort(),
    );
    const commit = await scenario.git(['commit', '-q', '-m', 'squash dev']);
    t.deepEqual(alembicLines(commit), [], 'the heads file is current already');
    t.deepEqual(await parents(scenario), [main], 'a squash commit has one parent');
    t.is(await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]), id);
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  '8 octopus: refused when two branches changed the heads file (nothing half-done); accepted otherwise, with a 3-parent merge revision',
  async (t, python) => {
    const scenario = await createScenario(t, python);
    const base = await sha(scenario, 'main');
    // Branches with the hooks: each changes the heads file.
    for (const [branch, id] of [
      ['p', 'eeee00000001'],
      ['q', 'eeee00000002'],
    ] as const) {
      await scenario.git(['checkout', '-q', '-b', branch, base]);
      await scenario.revision({ id, down: [BASE] });
      await scenario.commitAll(`${branch}: add ${id}`);
    }
    // Branches of teammates without the hooks: the heads file stays as it was.
    for (const [branch, id] of [
      ['x', 'ffff00000001'],
      ['y', 'ffff00000002'],
    ] as const) {
      await scenario.git(['checkout', '-q', '-b', branch, base]);
      await scenario.revision({ id, down: [BASE] });
      await scenario.commitAll(`${branch}: add ${id}`, { env: { HUSKY: '0' } });
    }
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.revision({ id: MAIN_REV, down: [BASE] });
    await scenario.commitAll('main: add aaaa');
    const main = await sha(scenario, 'main');

    const refused = await scenario.git(['merge', '--no-edit', 'p', 'q'], { allowFailure: true });
    t.is(refused.status, 2);
    t.regex(refused.stdout + refused.stderr, /Should not be doing an octopus/);
    t.deepEqual(alembicLines(refused), []);
    t.is(await sha(scenario, 'HEAD'), main);
    t.is(
      (await scenario.git(['status', '--porcelain', '--untracked-files=all'])).stdout,
      '',
      'nothing left behind',
    );
    t.false(await scenario.repo.exists('.git/MERGE_HEAD'));

    const accepted = await scenario.git(['merge', '--no-edit', 'x', 'y']);
    const parentIds = [MAIN_REV, 'ffff00000001', 'ffff00000002'];
    const id = await assertMergedInHead(t, scenario, parentIds);
    t.deepEqual(alembicLines(accepted), [
      `git-alembic: created merge revision ${id} of ${MAIN_REV} (main), ffff00000001 (x) and ffff00000002 (y), which this merge left as three heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    t.deepEqual(await parents(scenario), [
      main,
      await sha(scenario, 'x'),
      await sha(scenario, 'y'),
    ]);
    await assertAlembicWhole(t, scenario);
  },
);
