// `git-alembic merge-branch` on real git: a Python-only repository with nothing set up (no
// package.json, no hooks, no registered driver), and a repository whose hooks are installed too.
// Real Alembic judges every result. Build first (`npm test`).
import { readdir } from 'node:fs/promises';

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
  MAIN_REV,
  mergeRevisionIn,
  parents,
  revisionIdOf,
  sha,
} from '../helpers/scenario-checks.js';

// A Python-only team keeps its heads files with `heads --write` before each commit.
async function commitRevision(
  scenario: Scenario,
  id: string,
  down: readonly string[],
  message: string,
): Promise<void> {
  await scenario.revision({ id, down });
  await scenario.bin(['heads', '--write', '-q']);
  await scenario.commitAll(message);
}

/** main and dev each add a revision on BASE, heads files kept by hand. */
const PYTHON_FORKED = {
  name: 'python-forked',
  async prepare(scenario: Scenario): Promise<void> {
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await commitRevision(scenario, DEV_REV, [BASE], 'dev: add bbbb');
    await scenario.git(['checkout', '-q', 'main']);
    await commitRevision(scenario, MAIN_REV, [BASE], 'main: add aaaa');
  },
};

const pythonOnly = (python: string, t: Parameters<typeof createScenario>[0]): Promise<Scenario> =>
  createScenario(t, python, { pythonOnly: true, shared: PYTHON_FORKED });

function createdLine(id: string, completion: string): string {
  return `git-alembic: created merge revision ${id} of ${MAIN_REV} (main) and ${DEV_REV} (dev), which this merge left as two heads; ${completion}`;
}

scenarioTest(
  'merge-branch in a Python-only repository: the heads file merges, the merge revision is in the merge commit',
  async (t, python) => {
    const scenario = await pythonOnly(python, t);
    t.false(await scenario.repo.exists('package.json'));
    t.is(
      (await scenario.git(['config', '--get-regexp', '^merge\\.'], { allowFailure: true })).stdout,
      '',
      'no driver registered',
    );
    const [main, dev] = [await sha(scenario, 'main'), await sha(scenario, 'dev')];
    const merge = await scenario.bin(['merge-branch', 'dev']);
    t.is(merge.status, 0);
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(alembicLines(merge), [
      createdLine(id, 'added it and migrations/heads.txt to the merge commit'),
    ]);
    t.regex(
      merge.stdout,
      /Auto-merging migrations\/heads\.txt/,
      'git called the driver for the heads file',
    );
    t.deepEqual(await parents(scenario), [main, dev]);
    t.is((await scenario.git(['log', '-1', '--format=%s'])).stdout, "Merge branch 'dev'\n");
    t.is(
      (await scenario.git(['reflog', '-1', '--format=%gs'])).stdout,
      `git-alembic: add merge revision ${id} to the merge commit\n`,
    );
    t.deepEqual(
      (await readdir(scenario.repo.path('.git'))).filter((name) => name.startsWith('.git-alembic')),
      [],
      'the temporary attributes file is gone',
    );
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  'merge-branch with the hooks installed too: one merge revision, the same commit as a plain `git merge` with the hooks',
  async (t, python) => {
    const scenario = await createScenario(t, python, { shared: FORKED });
    const identity = {
      GIT_AUTHOR_DATE: '2001-02-03T04:05:06+0100',
      GIT_COMMITTER_DATE: '2002-03-04T05:06:07-0200',
    };
    const main = await sha(scenario, 'main');
    const viaHooks = await scenario.git(['merge', '--no-edit', 'dev'], { env: identity });
    const hooksCommit = (await scenario.git(['cat-file', 'commit', 'HEAD'])).stdout;
    await scenario.git(['reset', '-q', '--hard', main]);
    const viaCommand = await scenario.bin(['merge-branch', 'dev'], { env: identity });
    t.is(viaCommand.status, 0);
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(
      alembicLines(viaCommand),
      alembicLines(viaHooks),
      'the hook wrote it; merge-branch found nothing left to do',
    );
    t.deepEqual(alembicLines(viaCommand), [
      createdLine(id, 'added it and migrations/heads.txt to the merge commit'),
    ]);
    t.is(
      (await scenario.git(['cat-file', 'commit', 'HEAD'])).stdout,
      hooksCommit,
      'byte for byte the commit the hooks make',
    );
    const added = async (): Promise<string[]> =>
      (await scenario.git(['diff', '--name-only', '--diff-filter=A', 'HEAD^1', 'HEAD'])).stdout
        .split('\n')
        .filter(Boolean);
    t.is(
      (await added()).length,
      2,
      `the dev revision and one merge revision: ${(await added()).join(', ')}`,
    );
    await assertAlembicWhole(t, scenario);

    // --no-commit stages it; the pre-commit hook of `git commit` then finds nothing left to add.
    await scenario.git(['reset', '-q', '--hard', main]);
    const staged = await scenario.bin(['merge-branch', '--no-commit', 'dev']);
    t.deepEqual(alembicLines(staged), [
      createdLine(
        id,
        'staged it and migrations/heads.txt for the merge commit: `git commit` concludes the merge',
      ),
    ]);
    const commit = await scenario.git(['commit', '--no-edit']);
    t.deepEqual(alembicLines(commit), []);
    t.is(await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]), id);
    t.is((await added()).length, 2, 'still one merge revision');
  },
);

scenarioTest(
  'merge-branch and the hooks of another clone write the same file: merging both merges is clean, one head',
  async (t, python) => {
    const scenario = await pythonOnly(python, t);
    // Someone merged main into dev (as a pull request's update would), and main merged dev on its own.
    await scenario.git(['checkout', '-q', 'dev']);
    t.is((await scenario.bin(['merge-branch', 'main'])).status, 0);
    const onDev = await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]);
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('docs.md', 'docs\n');
    await scenario.commitAll('main: docs');
    t.is((await scenario.bin(['merge-branch', 'dev~1'])).status, 0);
    t.deepEqual(
      await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]),
      onDev,
      'the same path and bytes on both branches',
    );
    // The fork is merged on both sides already: nothing to add.
    const merge = await scenario.bin(['merge-branch', 'dev']);
    t.is(merge.status, 0);
    t.deepEqual(alembicLines(merge), []);
    t.is((await parents(scenario)).length, 2);
    t.is(
      revisionIdOf((await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]))?.text),
      revisionIdOf(onDev?.text),
    );
    t.deepEqual(await scenario.listedHeads(), [revisionIdOf(onDev?.text)]);
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  'merge-branch with the fork already merged on the other side: a plain merge, no second merge revision',
  async (t, python) => {
    const scenario = await pythonOnly(python, t);
    await scenario.git(['checkout', '-q', 'dev']);
    await scenario.bin(['merge-branch', 'main']);
    const id = revisionIdOf((await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]))?.text);
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('notes.md', 'notes\n');
    await scenario.commitAll('main: notes');
    const merge = await scenario.bin(['merge-branch', 'dev']);
    t.is(merge.status, 0);
    t.deepEqual(alembicLines(merge), []);
    t.is(await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]), id);
    t.is(
      (await scenario.git(['reflog', '-1', '--format=%gs'])).stdout,
      "merge dev: Merge made by the 'ort' strategy.\n",
      'git made the merge alone',
    );
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  'merge-branch with a conflict elsewhere: stops as git merge does, says how to finish; `git-alembic merge` + `git commit` does',
  async (t, python) => {
    const scenario = await pythonOnly(python, t);
    await scenario.git(['checkout', '-q', 'dev']);
    await scenario.repo.write('README.md', 'dev\n');
    await scenario.commitAll('dev: readme');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('README.md', 'main\n');
    await scenario.commitAll('main: readme');
    const main = await sha(scenario, 'main');
    const merge = await scenario.bin(['merge-branch', 'dev'], { allowFailure: true });
    t.is(merge.status, 1);
    t.regex(merge.stdout, /CONFLICT \(add\/add\): Merge conflict in README\.md/);
    t.deepEqual(alembicLines(merge), [
      'git-alembic: conflicts left in README.md; resolve them and `git add` them, then `git commit` (the pre-commit hook adds the merge revision where git-alembic is set up; elsewhere run `git-alembic merge` and `git add` its file first)',
    ]);
    t.true(await scenario.repo.exists('.git/MERGE_HEAD'));
    t.is(await sha(scenario, 'HEAD'), main);
    t.is(
      (await scenario.git(['diff', '--name-only', '--diff-filter=U'])).stdout,
      'README.md\n',
      'the heads file merged; only README.md is left',
    );
    t.deepEqual((await scenario.listedHeads()).sort(), [MAIN_REV, DEV_REV].sort());
    await scenario.repo.write('README.md', 'main and dev\n');
    await scenario.bin(['merge', '-q']);
    await scenario.bin(['heads', '--write', '-q']);
    await scenario.git(['add', '-A']);
    await scenario.git(['commit', '-q', '--no-edit']);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  'merge-branch --no-commit stages the merge revision; `git commit` (no hooks) concludes the merge with it',
  async (t, python) => {
    const scenario = await pythonOnly(python, t);
    const main = await sha(scenario, 'main');
    const merge = await scenario.bin(['merge-branch', '--no-commit', 'dev']);
    t.is(merge.status, 0);
    t.is(await sha(scenario, 'HEAD'), main, 'nothing committed');
    t.true(await scenario.repo.exists('.git/MERGE_HEAD'));
    const staged = (await scenario.git(['diff', '--cached', '--name-only'])).stdout
      .split('\n')
      .filter(Boolean);
    const file =
      staged.find((name) => name.endsWith('.py') && !name.includes(`/${DEV_REV}_`)) ?? '';
    const id = revisionIdOf(await scenario.repo.read(file));
    t.deepEqual(alembicLines(merge), [
      createdLine(
        id,
        'staged it and migrations/heads.txt for the merge commit: `git commit` concludes the merge',
      ),
    ]);
    await scenario.git(['commit', '-q', '--no-edit']);
    t.is(await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]), id);
    t.is((await parents(scenario)).length, 2);
    await assertAlembicWhole(t, scenario);
  },
);
