// The hooks husky would hide keep running, on every machine: a real global core.hooksPath (a
// temporary GIT_CONFIG_GLOBAL) and .git/hooks (where the Python pre-commit framework installs)
// that the set-up machine did not have, in a teammate's clone after `npm install`; each once,
// never husky's own directory again; doctor and the prepare step name what would still not run.
// Build first (`npm run build`): the shimmed node_modules/.bin/git-alembic runs dist/bin.js.
import { spawnSync } from 'node:child_process';
import { mkdtemp, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';

import { packageFile } from '../../src/fs/package-root.js';
import {
  copyTempRepo,
  createTempRepo,
  installShims,
  type TempRepo,
  writeAlembicProject,
} from '../helpers/temp-repo.js';

// A hook that logs its name, arguments and stdin to hidden.log in the repository.
const logger = (name: string): string =>
  `#!/bin/sh\n{ echo "${name} $*"; [ -t 0 ] || cat; } >> hidden.log\n`;

// A project set up on a machine with no hidden hooks at all, committed.
async function setUpProject(t: Parameters<typeof createTempRepo>[0]): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('package.json', '{\n  "name": "app"\n}\n');
  await repo.write('.gitignore', 'node_modules\n*.log\n');
  await installShims(repo);
  await repo.cli(['setup']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'set up']);
  return repo;
}

test("a teammate's global core.hooksPath and .git/hooks run after npm install, though the set-up machine had neither", async (t) => {
  const original = await setUpProject(t);
  const teammate = await copyTempRepo(t, original);
  const globalHooks = await mkdtemp(
    path.join(await realpath(os.tmpdir()), 'git-alembic-global-hooks-'),
  );
  t.teardown(() => teammate.run('rm', ['-rf', globalHooks]));
  await teammate.git(['config', '--unset', 'core.hooksPath']);
  await teammate.git(['config', '--global', 'core.hooksPath', globalHooks]);
  await teammate.write(
    path.relative(teammate.root, path.join(globalHooks, 'pre-commit')),
    logger('global pre-commit'),
    0o755,
  );
  await teammate.write(
    path.relative(teammate.root, path.join(globalHooks, 'post-rewrite')),
    logger('global post-rewrite'),
    0o755,
  );
  await teammate.write('.git/hooks/pre-commit', logger('git-dir pre-commit'), 0o755);
  // What `npm install` runs on the teammate's machine.
  const prepare = await teammate.cli(['setup', '--prepare']);
  t.is(prepare.status, 0);
  t.is(
    (await teammate.git(['config', 'core.hooksPath'])).stdout,
    '.husky/_\n',
    'husky active again, over the global hooks path',
  );

  // The shim in the copy logs to the original's hook.log.
  await original.write('hook.log', '');
  // A staged Python file makes git-alembic's own pre-commit start (an empty commit ends in the shell).
  await teammate.write('app.py', 'one = 1\n');
  await teammate.git(['add', 'app.py']);
  await teammate.git(['commit', '-q', '-m', 'one']);
  await teammate.write('app.py', 'one = 2\n');
  await teammate.git(['add', 'app.py']);
  await teammate.git(['commit', '-q', '--amend', '--no-edit']);
  const rewritten = (await teammate.git(['rev-parse', 'HEAD@{1}', 'HEAD'])).stdout
    .trim()
    .replace('\n', ' ');
  t.is(
    await teammate.read('hidden.log'),
    [
      'git-dir pre-commit ',
      'global pre-commit ',
      'git-dir pre-commit ',
      'global pre-commit ',
      'global post-rewrite amend',
      rewritten,
      '',
    ].join('\n'),
    'each once, in order, with arguments and stdin',
  );
  t.is(
    await original.read('hook.log'),
    'hook pre-commit\nhook pre-commit\n',
    "git-alembic's own hook still runs",
  );
  const doctor = await teammate.cli(['doctor'], { allowFailure: true });
  t.is(doctor.status, 0, doctor.stderr);
  t.notRegex(doctor.stdout, /GA30[89]|GA316/);
});

test("a global core.hooksPath that is husky's own runtime, or .git/hooks itself: nothing runs twice, nothing recurses", async (t) => {
  const repo = await setUpProject(t);
  await repo.write('.git/hooks/pre-commit', logger('git-dir pre-commit'), 0o755);
  for (const [value, title] of [
    ['.husky/_', "husky's runtime"],
    ['.husky', "husky's directory"],
    [repo.path('.git/hooks'), '.git/hooks'],
  ] as const) {
    await repo.write('hidden.log', '');
    await repo.write('hook.log', '');
    await repo.git(['config', '--global', 'core.hooksPath', value]);
    await repo.write('app.py', `title = ${JSON.stringify(title)}\n`);
    await repo.git(['add', 'app.py']);
    const commit = await repo.git(['commit', '-q', '-m', title]);
    t.is(commit.status, 0, title);
    t.is(await repo.read('hidden.log'), 'git-dir pre-commit \n', title);
    t.is(await repo.read('hook.log'), 'hook pre-commit\n', title);
  }
});

test('a hidden hook no block runs: the prepare step says so, doctor reports it (GA308), setup adds the block', async (t) => {
  const repo = await setUpProject(t);
  await repo.write('.git/hooks/pre-push', logger('git-dir pre-push'), 0o755);
  const prepare = await repo.cli(['setup', '--prepare']);
  t.is(
    prepare.stderr,
    'git-alembic: warning: .git/hooks/pre-push no longer runs: husky hides it, and .husky/pre-push has no git-alembic block that runs it; `npx git-alembic setup` adds one\n',
  );
  const doctor = await repo.cli(['doctor'], { allowFailure: true });
  t.is(doctor.status, 1);
  t.true(
    doctor.stdout.startsWith(
      [
        'GA308 .git/hooks/pre-push does not run: husky hides .git/hooks, and no git-alembic block runs it',
        '  fix: run `npx git-alembic setup`, which adds a block that runs it to .husky/pre-push; or delete .git/hooks/pre-push if it is no longer wanted',
        '',
      ].join('\n'),
    ),
    doctor.stdout,
  );
  const setup = await repo.cli(['setup']);
  t.true(
    setup.stdout.includes(
      '  .husky/pre-push: added the git-alembic block; it also runs .git/hooks/pre-push, which husky would hide\n',
    ),
    setup.stdout,
  );
  t.notRegex((await repo.cli(['doctor'], { allowFailure: true })).stdout, /GA308/);
  const remote = path.join(path.dirname(repo.root), 'remote.git');
  await repo.git(['init', '-q', '--bare', remote]);
  await repo.git(['push', '-q', remote, 'main']);
  t.regex(
    await repo.read('hidden.log'),
    /^git-dir pre-push .*remote\.git .*remote\.git\nrefs\/heads\/main [0-9a-f]{40} refs\/heads\/main 0{40}\n$/,
  );
});

const preCommit = spawnSync('pre-commit', ['--version']).status === 0;
(preCommit ? test : test.skip)(
  'the Python pre-commit framework, installed in a clone before npm install, runs its hooks after it',
  async (t) => {
    const original = await setUpProject(t);
    await original.write(
      '.pre-commit-config.yaml',
      [
        'repos:',
        '  - repo: local',
        '    hooks:',
        '      - id: log',
        '        name: log',
        '        entry: sh -c "echo framework >> framework.log"',
        '        language: system',
        '        always_run: true',
        '        pass_filenames: false',
        '',
      ].join('\n'),
    );
    await original.git(['add', '-A']);
    await original.git(['commit', '-q', '-m', 'pre-commit config']);
    const teammate = await copyTempRepo(t, original);
    await teammate.git(['config', '--unset', 'core.hooksPath']);
    const cache = { PRE_COMMIT_HOME: path.join(path.dirname(teammate.root), 'pre-commit-cache') };
    await teammate.run('pre-commit', ['install'], { env: cache });
    await teammate.cli(['setup', '--prepare']);
    await teammate.git(['commit', '-q', '--allow-empty', '-m', 'checked'], { env: cache });
    t.is(await teammate.read('framework.log'), 'framework\n');
  },
);

test('the runner reads core.hooksPath only from config files git reads, and asks git only when one mentions it', async (t) => {
  const repo = await createTempRepo(t);
  const runner = packageFile('hooks', 'chain-hidden.sh');
  const mentions = async (env: Record<string, string | undefined>): Promise<boolean> =>
    (
      await repo.run('sh', ['-c', `. '${runner}'; git_alembic_config_mentions`], {
        env,
        allowFailure: true,
      })
    ).status === 0;
  const home = path.dirname(repo.root);
  await repo.write('../plain.gitconfig', '[user]\n\tname = x\n');
  await repo.write('../hooks.gitconfig', '[core]\n\thooksPath = ~/hooks\n');
  await repo.write('../include.gitconfig', '[include]\n\tpath = other\n');
  const base = {
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: undefined,
    XDG_CONFIG_HOME: undefined,
  };
  t.false(await mentions({ ...base, GIT_CONFIG_GLOBAL: path.join(home, 'plain.gitconfig') }));
  t.true(await mentions({ ...base, GIT_CONFIG_GLOBAL: path.join(home, 'hooks.gitconfig') }));
  t.true(
    await mentions({ ...base, GIT_CONFIG_GLOBAL: path.join(home, 'include.gitconfig') }),
    'an include may hold it',
  );
  t.false(await mentions(base), 'no ~/.gitconfig');
  await repo.write('../.config/git/config', '[core]\n\thookspath = /x\n');
  t.true(await mentions(base), '$XDG_CONFIG_HOME/git/config, case aside');
  t.true(
    await mentions({
      ...base,
      GIT_CONFIG_NOSYSTEM: undefined,
      XDG_CONFIG_HOME: path.join(home, 'none'),
      GIT_CONFIG_SYSTEM: path.join(home, 'hooks.gitconfig'),
    }),
    'GIT_CONFIG_SYSTEM',
  );
});
