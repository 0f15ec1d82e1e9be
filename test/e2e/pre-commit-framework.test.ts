// End-to-end through the real Python pre-commit framework (Debian's 3.0.4 here and in CI), in a
// repository without package.json that already uses pre-commit: `git-alembic setup` (its default
// there) points the config's entry at a hook repository made from this package's work tree (any
// checkout CI makes, shallow or detached, and a contributor's uncommitted changes alike), which
// pre-commit installs the way it installs any node hook repository (npm install, prepare, npm
// pack). One framework cache (PRE_COMMIT_HOME) serves the whole file: the install takes 10-25 s,
// once; it is removed when the file ends. A `repo: local` hook of the user's runs beside ours.
// Real Alembic judges every result.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import {
  assertAlembicWhole,
  BASE,
  createScenario,
  type Scenario,
  scenarioTest,
} from '../helpers/hook-scenario.js';
import { parentSource } from '../helpers/merge-project.js';
import { PRE_COMMIT, requirePreCommit } from '../helpers/pre-commit.js';
import {
  assertMergedInHead,
  DEV_REV,
  FORKED,
  MAIN_REV,
  parents,
  sha,
} from '../helpers/scenario-checks.js';
import { BIN, PACKAGE_ROOT } from '../helpers/temp-repo.js';

// The framework's cache and our hook repository, for this file's process; set before any
// repository is made. Removed after the last test, and at exit should the run stop early.
const shared = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'git-alembic-pre-commit-')));
const removeShared = (): void => rmSync(shared, { recursive: true, force: true, maxRetries: 3 });
test.after.always(removeShared);
process.once('exit', removeShared);
process.env['PRE_COMMIT_HOME'] = path.join(shared, 'cache');
// npm installs our dependencies from its cache when it can (CI ran `npm ci` just before).
process.env['npm_config_prefer_offline'] = 'true';
const hookRepository = path.join(shared, 'git-alembic');
const LOCAL_LOG = 'local-hook.log';

// The user's config before setup: a local hook of their own, in pre-commit's sample style.
const USER_CONFIG = `# our hooks
repos:
-   repo: local
    hooks:
    -   id: local-check
        name: local check
        entry: sh -c 'echo ran >> "$(git rev-parse --git-dir)/${LOCAL_LOG}"'
        language: system
        pass_filenames: false
        always_run: true
        stages: [commit]
`;

/**
 * A git repository holding this package's work tree as it is (the files git tracks or would,
 * uncommitted changes included), committed once; returns that commit.
 */
function makeHookRepository(): string {
  if (!existsSync(hookRepository)) {
    const listed = execFileSync(
      'git',
      ['-C', PACKAGE_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { encoding: 'utf8' },
    );
    for (const file of new Set(listed.split('\0').filter(Boolean))) {
      const from = path.join(PACKAGE_ROOT, file);
      const to = path.join(hookRepository, file);
      // A tracked file deleted in the work tree is left out, as a commit of the work tree would.
      const stats = lstatSync(from, { throwIfNoEntry: false });
      if (stats === undefined || stats.isDirectory()) continue;
      mkdirSync(path.dirname(to), { recursive: true });
      if (stats.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
      else copyFileSync(from, to);
    }
    const git = (args: readonly string[]): string =>
      execFileSync('git', ['-C', hookRepository, '-c', 'commit.gpgSign=false', ...args], {
        encoding: 'utf8',
      });
    git(['init', '-q']);
    git(['add', '-A']);
    git(['commit', '-q', '--no-verify', '-m', 'git-alembic as the tests build it']);
  }
  return execFileSync('git', ['-C', hookRepository, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
}

/** A project that already uses pre-commit (`pre-commit install`), then `git-alembic setup`, our entry pointing at the hook repository. */
const PRE_COMMIT_SETUP = {
  name: 'pre-commit',
  async run(scenario: Scenario): Promise<void> {
    const rev = makeHookRepository();
    await scenario.repo.write('.pre-commit-config.yaml', USER_CONFIG);
    await scenario.repo.run(PRE_COMMIT ?? 'pre-commit', ['install']);
    await scenario.repo.run(
      process.execPath,
      [BIN, 'setup', '--pre-commit-repo', hookRepository, '--pre-commit-rev', rev],
      { env: { NODE_EXTRA_CA_CERTS: undefined } },
    );
  },
};

const FORKED_WITH_PRE_COMMIT = { setUp: PRE_COMMIT_SETUP, shared: FORKED };

// How many times the user's local hook has run.
async function localRuns(scenario: Scenario, root = ''): Promise<number> {
  const file = `${root === '' ? '' : `${root}/`}.git/${LOCAL_LOG}`;
  return (await scenario.repo.exists(file))
    ? (await scenario.repo.read(file)).split('\n').filter(Boolean).length
    : 0;
}

// A scenario test that needs the framework: without it, the test fails (CI installs it) with a clear message.
function frameworkTest(
  title: string,
  implementation: (t: ExecutionContext, python: string) => Promise<void>,
): void {
  scenarioTest(title, async (t, python) => {
    if (requirePreCommit(t) === undefined) return;
    await implementation(t, python);
  });
}

frameworkTest(
  'pre-commit framework: setup, then the hotfix/feature merge gets its merge revision inside the merge commit',
  async (t, python) => {
    const scenario = await createScenario(t, python, FORKED_WITH_PRE_COMMIT);
    t.false(await scenario.repo.exists('package.json'), 'no package.json');
    t.regex(
      (await scenario.git(['config', '--get', 'merge.git-alembic.driver'])).stdout,
      /node_env-[^/]+\/bin\/git-alembic' driver %O %A %B %L %P|node_env-[^/]+\/bin\/git-alembic driver %O %A %B %L %P/,
      'the first hook registered the driver',
    );
    t.true(
      (await localRuns(scenario)) >= 3,
      "the user's own hook ran in every commit (setup, main's, dev's)",
    );
    const [main, dev] = [await sha(scenario, 'main'), await sha(scenario, 'dev')];
    const merge = await scenario.git(['merge', '--no-edit', 'dev']);
    t.regex(merge.stderr, /^git-alembic\.+Passed$/m, 'our post-merge hook ran');
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(await parents(scenario), [main, dev]);
    await assertAlembicWhole(t, scenario);
  },
);

frameworkTest(
  'pre-commit framework: a conflicted merge finished with `git commit`',
  async (t, python) => {
    const scenario = await createScenario(t, python, { setUp: PRE_COMMIT_SETUP });
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await scenario.repo.write('README.md', 'dev\n');
    await scenario.revision({ id: DEV_REV, down: [BASE] });
    await scenario.commitAll('dev: readme and bbbb');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('README.md', 'main\n');
    await scenario.revision({ id: MAIN_REV, down: [BASE] });
    await scenario.commitAll('main: readme and aaaa');
    const merge = await scenario.git(['merge', '--no-edit', 'dev'], { allowFailure: true });
    t.is(merge.status, 1, 'README.md conflicts');
    await scenario.repo.write('README.md', 'main and dev\n');
    await scenario.git(['add', 'README.md']);
    const before = await localRuns(scenario);
    const commit = await scenario.git(['commit', '--no-edit']);
    t.regex(commit.stderr, /^local check\.+Passed$/m);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.is((await parents(scenario)).length, 2);
    t.is(await localRuns(scenario), before + 1, "the user's own hook ran in the merge commit");
    await assertAlembicWhole(t, scenario);
  },
);

frameworkTest(
  'pre-commit framework: `git rebase main` on the feature branch, and `git pull --rebase`',
  async (t, python) => {
    const scenario = await createScenario(t, python, FORKED_WITH_PRE_COMMIT);
    const [main, dev] = [await sha(scenario, 'main'), await sha(scenario, 'dev')];
    await scenario.git(['checkout', '-q', 'dev']);
    await scenario.git(['rebase', 'main']);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.is(
      (await scenario.git(['rev-parse', 'HEAD~2'])).stdout.trim(),
      main,
      'the rebased commit, then the merge revision on top',
    );
    await assertAlembicWhole(t, scenario);

    // pull --rebase: dev's upstream (a bare remote) gains main's revision; local dev has its own.
    const remote = scenario.repo.path('../remote.git');
    await scenario.git(['reset', '-q', '--hard', dev]);
    await scenario.git(['init', '-q', '--bare', '-b', 'main', remote]);
    await scenario.git(['remote', 'add', 'origin', remote]);
    await scenario.git(['push', '-q', 'origin', 'main:dev']);
    await scenario.git(['branch', '-q', '--set-upstream-to', 'origin/dev']);
    await scenario.git(['pull', '-q', '--rebase']);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.is((await scenario.git(['rev-parse', 'HEAD~2'])).stdout.trim(), main);
    await assertAlembicWhole(t, scenario);
  },
);

frameworkTest(
  "pre-commit framework: a teammate's fresh clone, `pre-commit install`, then the merge",
  async (t, python) => {
    const scenario = await createScenario(t, python, { setUp: PRE_COMMIT_SETUP });
    const remote = scenario.repo.path('../remote.git');
    await scenario.git(['init', '-q', '--bare', '-b', 'main', remote]);
    await scenario.git(['remote', 'add', 'origin', remote]);
    await scenario.git(['push', '-q', 'origin', 'main']);
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
    await scenario.repo.run(PRE_COMMIT ?? 'pre-commit', ['install'], teammate);
    // The teammate's own work, through their hooks: the checkout registers the driver.
    await scenario.git(['checkout', '-q', '-b', 'dev'], teammate);
    t.regex(
      (await scenario.git(['config', '--get', 'merge.git-alembic.driver'], teammate)).stdout,
      /bin\/git-alembic'? driver /,
    );
    await scenario.repo.write(
      `../teammate/${scenario.scriptPath(`versions/${DEV_REV}_rev.py`)}`,
      parentSource({ id: DEV_REV, down: [BASE] }),
    );
    await scenario.git(['add', '-A'], teammate);
    await scenario.git(['commit', '-q', '-m', 'dev: add bbbb'], teammate);
    await scenario.git(['checkout', '-q', 'main'], teammate);
    await scenario.repo.write(
      `../teammate/${scenario.scriptPath(`versions/${MAIN_REV}_rev.py`)}`,
      parentSource({ id: MAIN_REV, down: [BASE] }),
    );
    await scenario.git(['add', '-A'], teammate);
    await scenario.git(['commit', '-q', '-m', 'main: add aaaa'], teammate);
    const before = await localRuns(scenario, '../teammate');
    await scenario.git(['merge', '--no-edit', 'dev'], teammate);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV], { root: '../teammate' });
    t.is(
      await localRuns(scenario, '../teammate'),
      before,
      'a merge commit made by `git merge` runs no pre-commit hook',
    );
    await assertAlembicWhole(t, scenario, '../teammate');
  },
);

frameworkTest('pre-commit framework: `uninstall` reverses setup exactly', async (t, python) => {
  const scenario = await createScenario(t, python, { setUp: PRE_COMMIT_SETUP });
  const uninstall = await scenario.repo.run(process.execPath, [BIN, 'uninstall'], {
    env: { NODE_EXTRA_CA_CERTS: undefined },
  });
  t.regex(
    uninstall.stdout,
    /ran `pre-commit uninstall` for post-checkout, post-merge, post-rewrite, post-commit/,
  );
  t.is(
    await scenario.repo.read('.pre-commit-config.yaml'),
    USER_CONFIG,
    "the user's config, byte for byte",
  );
  t.is(await scenario.repo.read('.gitattributes'), '* text=auto eol=lf\n');
  for (const gone of [
    '.git-alembicrc.json',
    'migrations/heads.txt',
    '.git/hooks/post-merge',
    '.git/hooks/post-rewrite',
  ])
    t.false(await scenario.repo.exists(gone), `${gone} removed`);
  t.true(
    await scenario.repo.exists('.git/hooks/pre-commit'),
    'the pre-commit hook the user installed before setup stays',
  );
  t.false(
    (await scenario.repo.read('.git/config')).includes('git-alembic'),
    'no driver, no record of what setup installed',
  );
});

// A clone of the scenario's main and dev through a bare remote, with the git options `clone` gets.
async function teammateClone(
  scenario: Scenario,
  options: readonly string[] = [],
): Promise<{ cwd: string }> {
  const remote = scenario.repo.path('../remote.git');
  await scenario.git(['init', '-q', '--bare', '-b', 'main', remote]);
  await scenario.git(['remote', 'add', 'origin', remote]);
  await scenario.git(['push', '-q', 'origin', 'main', 'dev']);
  await scenario.git(['clone', '-q', ...options, remote, '../teammate']);
  return { cwd: '../teammate' };
}

frameworkTest(
  "pre-commit framework: a teammate's first act after clone and `pre-commit install` is a merge: git's conflict markers, then `git commit` finishes it",
  async (t, python) => {
    const scenario = await createScenario(t, python, FORKED_WITH_PRE_COMMIT);
    const teammate = await teammateClone(scenario);
    await scenario.repo.run(PRE_COMMIT ?? 'pre-commit', ['install'], teammate);
    t.is(
      (
        await scenario.git(['config', '--get', 'merge.git-alembic.driver'], {
          ...teammate,
          allowFailure: true,
        })
      ).stdout,
      '',
      'no hook has run: no driver',
    );
    // No driver: git merges the heads file as text, which stops with conflict markers, never a wrong merge.
    const merge = await scenario.git(['merge', '--no-edit', 'origin/dev'], {
      ...teammate,
      allowFailure: true,
    });
    t.is(merge.status, 1);
    t.regex(merge.stdout, /CONFLICT \(content\): Merge conflict in migrations\/heads\.txt/);
    const heads = await scenario.repo.read(`../teammate/migrations/heads.txt`);
    t.true(
      heads.includes(`<<<<<<< HEAD\n${MAIN_REV}\n=======\n${DEV_REV}\n>>>>>>> origin/dev\n`),
      'both sides kept between markers',
    );
    // What git says to do (`git add`, `git commit`) is enough: the pre-commit hook writes the merge revision and the heads file.
    await scenario.git(['add', 'migrations/heads.txt'], teammate);
    await scenario.git(['commit', '-q', '--no-edit'], teammate);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV], { root: '../teammate' });
    t.deepEqual(
      await scenario.repo
        .read('../teammate/migrations/heads.txt')
        .then((text) =>
          text.split('\n').filter((line) => line.includes('<') || line.includes('>')),
        ),
      [],
      'no marker left',
    );
    t.regex(
      (await scenario.git(['config', '--get', 'merge.git-alembic.driver'], teammate)).stdout,
      /bin\/git-alembic'? driver /,
      'and the driver is registered from then on',
    );
    await assertAlembicWhole(t, scenario, '../teammate');
  },
);

frameworkTest(
  "pre-commit framework: with pre-commit's init-templatedir, the clone registers the driver and the first merge gets its merge revision",
  async (t, python) => {
    const scenario = await createScenario(t, python, FORKED_WITH_PRE_COMMIT);
    const template = scenario.repo.path('../git-template');
    // What a teammate sets up once per machine (init.templateDir; here --template for one clone).
    await scenario.repo.run(PRE_COMMIT ?? 'pre-commit', ['init-templatedir', template]);
    const teammate = await teammateClone(scenario, ['--template', template]);
    t.regex(
      (await scenario.git(['config', '--get', 'merge.git-alembic.driver'], teammate)).stdout,
      /bin\/git-alembic'? driver /,
      "the clone's post-checkout registered the driver",
    );
    await scenario.git(['merge', '--no-edit', 'origin/dev'], teammate);
    await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV], { root: '../teammate' });
    await assertAlembicWhole(t, scenario, '../teammate');
  },
);
