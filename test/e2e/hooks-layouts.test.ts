// End-to-end: the hooks of the packed package in rebases and in the repository layouts and
// settings users have (labels, several environments, spaces, CRLF, subdirectories, switches,
// other hooks, a teammate's fresh clone). Build first (`npm test`). One repository per scenario.
import { stat } from 'node:fs/promises';

import {
  alembicLines,
  assertAlembicWhole,
  BASE,
  createScenario,
  type Scenario,
  scenarioTest,
} from '../helpers/hook-scenario.js';
import {
  assertMergedInHead,
  DEV_REV,
  FORKED,
  forkMainAndDev,
  MAIN_REV,
  mergeRevisionIn,
  parents,
  revisionIdOf,
  sha,
} from '../helpers/scenario-checks.js';

scenarioTest(
  '5 a rebase of a feature branch onto a main that gained a migration',
  async (t, python) => {
    const scenario = await createScenario(t, python, { shared: FORKED });
    const main = await sha(scenario, 'main');
    await scenario.git(['checkout', '-q', 'dev']);
    const rebase = await scenario.git(['rebase', 'main']);
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    const subject = `Merge Alembic heads ${MAIN_REV} and ${DEV_REV}`;
    t.deepEqual(alembicLines(rebase), [
      `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this rebase left as two heads; committed it and migrations/heads.txt on top ("${subject}")`,
    ]);
    t.is((await scenario.git(['log', '-1', '--format=%s'])).stdout, `${subject}\n`);
    t.is(
      (await scenario.git(['symbolic-ref', '--short', 'HEAD'])).stdout,
      'dev\n',
      'still on the branch',
    );
    t.is(
      (await scenario.git(['rev-parse', 'HEAD~2'])).stdout.trim(),
      main,
      'the rebased commit, then the merge revision on top',
    );
    t.deepEqual(
      (await scenario.git(['show', '--name-only', '--format=', 'HEAD'])).stdout
        .split('\n')
        .filter(Boolean)
        .sort(),
      [
        `migrations/heads.txt`,
        (await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]))?.file ?? '',
      ].sort(),
    );
    const amend = await scenario.git(['commit', '-q', '--amend', '--no-edit']);
    t.deepEqual(alembicLines(amend), [], 'amends are ignored');
    await assertAlembicWhole(t, scenario);
  },
);

const EXPAND = ['e1e1e1e1e1e1', 'e2e2e2e2e2e2', 'e3e3e3e3e3e3', 'e4e4e4e4e4e4'];
const CONTRACT = ['c1c1c1c1c1c1', 'c2c2c2c2c2c2'];

scenarioTest(
  '9 expand/contract branch labels: heads with different labels are left alone',
  async (t, python) => {
    const base = [
      { id: BASE },
      { id: EXPAND[0] as string, down: [BASE], labels: ['expand'] },
      { id: CONTRACT[0] as string, down: [BASE], labels: ['contract'] },
    ];
    const scenario = await createScenario(t, python, { environments: [{ directory: '', base }] });
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await scenario.revision({ id: CONTRACT[1] as string, down: [CONTRACT[0] as string] });
    await scenario.commitAll('dev: contract');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.revision({ id: EXPAND[1] as string, down: [EXPAND[0] as string] });
    await scenario.commitAll('main: expand');
    const labelled = await scenario.git(['merge', '--no-edit', 'dev']);
    t.deepEqual(alembicLines(labelled), [], 'an expand head and a contract head are no divergence');
    t.deepEqual((await scenario.listedHeads()).sort(), [CONTRACT[1], EXPAND[1]].sort());

    await scenario.git(['checkout', '-q', '-b', 'x']);
    await scenario.revision({ id: EXPAND[2] as string, down: [EXPAND[1] as string] });
    await scenario.commitAll('x: expand');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.revision({ id: EXPAND[3] as string, down: [EXPAND[1] as string] });
    await scenario.commitAll('main: expand');
    const diverged = await scenario.git(['merge', '--no-edit', 'x']);
    const merged = await mergeRevisionIn(scenario, [EXPAND[2] as string, EXPAND[3] as string]);
    const id = revisionIdOf(merged?.text);
    t.deepEqual(alembicLines(diverged), [
      `git-alembic: created merge revision ${id} of ${EXPAND[2]} (x) and ${EXPAND[3]} (main), which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    t.deepEqual(
      (await scenario.listedHeads()).sort(),
      [CONTRACT[1], id].sort(),
      'the contract head stays',
    );
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest('10 two Alembic environments in one repository', async (t, python) => {
  const scenario = await createScenario(t, python, {
    environments: [{ directory: 'services/users' }, { directory: 'services/billing' }],
  });
  await scenario.git(['checkout', '-q', '-b', 'dev']);
  for (const environment of [0, 1])
    await scenario.revision({ id: DEV_REV, down: [BASE], environment });
  await scenario.commitAll('dev: both');
  await scenario.git(['checkout', '-q', 'main']);
  for (const environment of [0, 1])
    await scenario.revision({ id: MAIN_REV, down: [BASE], environment });
  await scenario.commitAll('main: both');
  const merge = await scenario.git(['merge', '--no-edit', 'dev']);
  const ids: string[] = [];
  for (const environment of [1, 0])
    ids.push(await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV], { environment }));
  t.deepEqual(
    alembicLines(merge),
    ['billing', 'users'].map(
      (name, index) =>
        `git-alembic: created merge revision ${ids[index]} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this merge left as two heads in services/${name}/alembic.ini; added it and services/${name}/migrations/heads.txt to the merge commit`,
    ),
  );
  t.is((await parents(scenario)).length, 2, 'one merge commit holds both');
  await assertAlembicWhole(t, scenario);
});

scenarioTest('11 paths with spaces', async (t, python) => {
  const layout = { directory: 'my app', scripts: 'db migrations' };
  const scenario = await createScenario(t, python, { environments: [layout] });
  await scenario.git(['checkout', '-q', '-b', 'dev']);
  await scenario.revision({ id: DEV_REV, down: [BASE], fileName: `${DEV_REV} add users.py` });
  await scenario.commitAll('dev');
  await scenario.git(['checkout', '-q', 'main']);
  await scenario.revision({ id: MAIN_REV, down: [BASE], fileName: `${MAIN_REV} add orders.py` });
  await scenario.commitAll('main');
  t.regex(
    await scenario.repo.read('.gitattributes'),
    /^"my app\/db migrations\/heads\.txt" merge=git-alembic$/m,
  );
  const merge = await scenario.git(['merge', '--no-edit', 'dev']);
  const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
  t.deepEqual(alembicLines(merge), [
    `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this merge left as two heads; added it and my app/db migrations/heads.txt to the merge commit`,
  ]);
  await assertAlembicWhole(t, scenario);
});

scenarioTest(
  '12 core.autocrlf=true: CRLF work tree, LF in git, the heads file keeps its line endings',
  async (t, python) => {
    const scenario = await createScenario(t, python, {
      attributes: false,
      beforeSetup: (repo) => repo.git(['config', 'core.autocrlf', 'true']).then(() => undefined),
    });
    // Check every file out again as a Windows clone has it: CRLF in the work tree, except the
    // husky hook files, which setup's `.gitattributes` lines keep LF (`sh` cannot run CRLF).
    await scenario.git(['rm', '-q', '-r', '--cached', '--', '.']);
    await scenario.git(['reset', '-q', '--hard']);
    t.true((await scenario.repo.read(scenario.scriptPath('script.py.mako'))).includes('\r\n'));
    t.true((await scenario.repo.read(scenario.scriptPath('heads.txt'))).includes('\r\n'));
    for (const hook of ['pre-commit', 'post-merge', 'post-rewrite', 'post-commit'])
      t.false((await scenario.repo.read(`.husky/${hook}`)).includes('\r'), hook);
    await forkMainAndDev(scenario);
    const merge = await scenario.git(['merge', '--no-edit', 'dev']);
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.is(alembicLines(merge).length, 1);
    t.true(
      (await scenario.repo.read(scenario.scriptPath('heads.txt'))).endsWith(`${id}\r\n`),
      'CRLF, as it was',
    );
    t.false(
      (await scenario.git(['show', `HEAD:${scenario.scriptPath('heads.txt')}`])).stdout.includes(
        '\r',
      ),
      'LF in git',
    );
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest('13 run from a subdirectory', async (t, python) => {
  const scenario = await createScenario(t, python);
  await forkMainAndDev(scenario, { cwd: 'migrations/versions' });
  t.deepEqual(
    await scenario.listedHeads(),
    [MAIN_REV],
    'pre-commit kept the heads file current from a subdirectory',
  );
  const merge = await scenario.git(['merge', '--no-edit', 'dev'], { cwd: 'migrations/versions' });
  const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
  t.is(alembicLines(merge)[0]?.startsWith(`git-alembic: created merge revision ${id} of `), true);
  await assertAlembicWhole(t, scenario);
});

scenarioTest('14 GIT_ALEMBIC=0 and HUSKY=0', async (t, python) => {
  const scenario = await createScenario(t, python, { shared: FORKED });
  const main = await sha(scenario, 'main');
  const disabled = await scenario.git(['merge', '--no-edit', 'dev'], {
    env: { GIT_ALEMBIC: '0' },
    allowFailure: true,
  });
  t.is(disabled.status, 1, 'the driver stands down too: the heads file conflicts visibly');
  t.regex(await scenario.repo.read('migrations/heads.txt'), /^<<<<<<< current$/m);
  t.false(alembicLines(disabled).some((line) => line.includes('created merge revision')));
  await scenario.git(['merge', '--abort']);

  const noHusky = await scenario.git(['merge', '--no-edit', 'dev'], { env: { HUSKY: '0' } });
  t.deepEqual(alembicLines(noHusky), [], 'no hook ran');
  t.deepEqual(
    await scenario.listedHeads(),
    [MAIN_REV, DEV_REV],
    'the driver still merged the heads file',
  );
  t.is(await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]), undefined);
  await scenario.git(['reset', '-q', '--hard', main]);

  await scenario.git(['merge', '--no-edit', 'dev']);
  await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
  await assertAlembicWhole(t, scenario);
});

// Every file of the work tree (node_modules and logs aside) with its mode, plus .git/config.
async function snapshot(scenario: Scenario): Promise<Record<string, string>> {
  const files: Record<string, string> = { '.git/config': await scenario.repo.read('.git/config') };
  const listing = await scenario.git([
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
  ]);
  for (const file of listing.stdout.split('\0').filter(Boolean).sort()) {
    if (!(await scenario.repo.exists(file))) continue;
    files[file] =
      `${((await stat(scenario.repo.path(file))).mode & 0o777).toString(8)} ${await scenario.repo.read(file)}`;
  }
  return files;
}

scenarioTest(
  '15 a pre-existing .git/hooks/pre-commit still runs after setup; uninstall and setup again give the same bytes',
  async (t, python) => {
    const chained = '#!/bin/sh\necho "chained $*" >> chained.log\n';
    const scenario = await createScenario(t, python, {
      beforeSetup: (repo) => repo.write('.git/hooks/pre-commit', chained, 0o755),
    });
    t.is(
      await scenario.repo.read('chained.log'),
      'chained \n'.repeat(2),
      'it ran before setup and, chained, for the commit of the setup',
    );
    await forkMainAndDev(scenario);
    t.is(await scenario.repo.read('chained.log'), 'chained \n'.repeat(4));
    t.deepEqual(await scenario.listedHeads(), [MAIN_REV], 'and git-alembic ran beside it');
    await scenario.git(['merge', '--no-edit', 'dev']);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);

    const setUp = await snapshot(scenario);
    await scenario.bin(['uninstall']);
    t.is(
      await scenario.repo.read('.git/hooks/pre-commit'),
      chained,
      'the chained hook is untouched',
    );
    await scenario.bin(['setup']);
    t.deepEqual(await snapshot(scenario), setUp, 'setup after uninstall gives the same bytes');
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  "16 a teammate's fresh clone plus `npm install` (prepare registers the driver), then a merge",
  async (t, python) => {
    const scenario = await createScenario(t, python, { shared: FORKED });
    const remote = scenario.repo.path('../remote.git');
    await scenario.git(['init', '-q', '--bare', '-b', 'main', remote]);
    await scenario.git(['remote', 'add', 'origin', remote]);
    await scenario.git(['push', '-q', 'origin', 'main', 'dev']);
    await scenario.git(['clone', '-q', remote, '../teammate']);
    const teammate = { cwd: '../teammate' };
    t.is(
      (
        await scenario.git(['config', '--get', 'merge.git-alembic.driver'], {
          ...teammate,
          allowFailure: true,
        })
      ).stdout,
      '',
      '.git/config is never cloned',
    );
    await scenario.repo.run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline'],
      teammate,
    );
    t.regex(
      (await scenario.git(['config', '--get', 'merge.git-alembic.driver'], teammate)).stdout,
      /^node_modules\/\.bin\/git-alembic driver %O %A %B %L %P/,
    );
    t.is(
      (await scenario.git(['config', '--get', 'core.hooksPath'], teammate)).stdout,
      '.husky/_\n',
    );
    const merge = await scenario.git(['merge', '--no-edit', 'origin/dev'], teammate);
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV], { root: '../teammate' });
    t.deepEqual(alembicLines(merge), [
      `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (origin/dev), which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    t.is(
      (await scenario.git(['log', '-1', '--format=%P'], teammate)).stdout.trim().split(' ').length,
      2,
    );
    await assertAlembicWhole(t, scenario, '../teammate');
  },
);
