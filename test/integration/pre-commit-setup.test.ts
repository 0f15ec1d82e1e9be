// setup, uninstall and `hook pre-commit-framework` for the Python pre-commit framework on
// real repositories, with the real `pre-commit install` (Debian's 3.0.4 here and in CI; it only
// writes .git/hooks scripts, so no hook environment is installed and `repo:` may be any URL).
// The end-to-end runs through the framework are in test/e2e/pre-commit-framework.test.ts.
// Build first (`npm run build`).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { BIN, createTempRepo, installShims, type TempRepo, writeAlembicProject } from '../helpers/temp-repo.js';

// The framework's store, for this file; set before any repository copies the environment.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'git-alembic-pre-commit-setup-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));
process.env['PRE_COMMIT_HOME'] = path.join(scratch, 'home');

const PRE_COMMIT = ['/usr/bin/pre-commit', ...(process.env['PATH'] ?? '').split(path.delimiter).map((directory) => path.join(directory, 'pre-commit'))].find((file) => existsSync(file));
const SOURCE = ['--pre-commit-repo', 'https://example.com/git-alembic', '--pre-commit-rev', 'v0.1.0'];

const USER_CONFIG = `repos:
-   repo: local
    hooks:
    -   id: local-check
        name: local check
        entry: 'true'
        language: system
`;

// A Python project with its own pre-commit config, committed; `extra` runs before the commit.
async function pythonProject(t: ExecutionContext, extra?: (repo: TempRepo) => Promise<void>): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('.pre-commit-config.yaml', USER_CONFIG);
  await extra?.(repo);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  return repo;
}

// Every file of the work tree (node_modules aside), .git/config and .git/hooks, as text.
function snapshot(repo: TempRepo): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(repo.path(relative || '.'), { withFileTypes: true })) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (name === '.git/objects' || name === '.git/logs' || name === '.git/index' || name.endsWith('node_modules')) continue;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile() && !name.endsWith('.sample') && (!name.startsWith('.git/') || name === '.git/config' || name.startsWith('.git/hooks/'))) files[name] = readFileSync(repo.path(name), 'utf8');
    }
  };
  walk('');
  return files;
}

function requireFramework(t: ExecutionContext): boolean {
  if (PRE_COMMIT === undefined) t.fail('the pre-commit framework is not installed (apt-get install pre-commit; .ci/run does)');
  return PRE_COMMIT !== undefined;
}

test('setup --pre-commit twice: the second run changes nothing, byte for byte; uninstall restores every byte', async (t) => {
  if (!requireFramework(t)) return;
  const repo = await pythonProject(t);
  const before = snapshot(repo);
  const first = await repo.cli(['setup', ...SOURCE]);
  t.regex(first.stdout, /ran `pre-commit install`: pre-commit, post-checkout, post-merge, post-rewrite, post-commit/);
  const setUp = snapshot(repo);
  t.true(setUp['.git/hooks/post-rewrite']?.includes('--hook-type=post-rewrite'), "pre-commit's scripts are installed");
  const second = await repo.cli(['setup', ...SOURCE]);
  t.is(second.stdout.split('\n').slice(0, 2).join('\n'), `git-alembic setup in ${repo.root}:\n  already set up; nothing changed`);
  t.deepEqual(snapshot(repo), setUp, 'a second setup changes nothing, .git/hooks included');
  await repo.cli(['uninstall']);
  t.deepEqual(snapshot(repo), before, 'uninstall restores every byte');
});

test('uninstall after the user edited the config around our entry takes out only ours', async (t) => {
  if (!requireFramework(t)) return;
  const repo = await pythonProject(t);
  await repo.cli(['setup', ...SOURCE]);
  const added = await repo.read('.pre-commit-config.yaml');
  const next = '        # the formatter is next\n# formatting\n-   repo: https://github.com/psf/black\n    rev: 23.1.0\n    hooks:\n    -   id: black\n';
  const edited = added.replace('rev: v0.1.0', 'rev: v0.2.0').replace('-   id: git-alembic\n', '-   id: git-alembic\n        verbose: true\n').replace('default_install_hook_types', `${next}default_install_hook_types`);
  await repo.write('.pre-commit-config.yaml', edited.replace('post-commit]', 'post-commit, pre-push]'));
  await repo.cli(['uninstall']);
  t.is(await repo.read('.pre-commit-config.yaml'), `${USER_CONFIG}${next}default_install_hook_types: [pre-commit, pre-push]\n`);
});

test('a package.json beside .pre-commit-config.yaml: pre-commit unless husky is configured, and setup says why', async (t) => {
  if (!requireFramework(t)) return;
  const plain = await pythonProject(t, (repo) => repo.write('package.json', '{"name": "web", "private": true}\n'));
  const chosen = await plain.cli(['setup', ...SOURCE]);
  t.regex(chosen.stderr, /set up for the pre-commit framework, which this repository uses \(\.pre-commit-config\.yaml\); for husky instead, use --hooks husky/);
  t.true((await plain.read('.pre-commit-config.yaml')).includes('id: git-alembic'));
  t.false(await plain.exists('.husky'));

  const withHusky = await pythonProject(t, (repo) => repo.write('package.json', '{"name": "web", "private": true, "devDependencies": {"husky": "^9.1.7"}}\n'));
  await installShims(withHusky);
  const husky = await withHusky.cli(['setup', '--no-install']);
  t.regex(husky.stderr, /set up for husky because husky is configured \(its hook files, or husky in package\.json\) and neither is installed in this clone \(choose with --hooks husky\|pre-commit\)/);
  t.is(await withHusky.read('.pre-commit-config.yaml'), USER_CONFIG, 'the pre-commit config is not touched');
  const again = await withHusky.cli(['setup', '--no-install']);
  t.regex(again.stderr, /set up for husky because git-alembic's blocks are in husky's hook files/);
});

test('`hook pre-commit-framework` outside the framework does nothing and says so', async (t) => {
  const repo = await pythonProject(t);
  await repo.cli(['heads', '--write']);
  const before = snapshot(repo);
  const outside = await repo.run(process.execPath, [BIN, 'hook', 'pre-commit-framework'], { allowFailure: true, env: { NODE_EXTRA_CA_CERTS: undefined } });
  t.is(outside.status, 64);
  t.regex(outside.stderr, /^git-alembic: `hook pre-commit-framework` is what the pre-commit framework runs, and PRE_COMMIT=1 is not set, so it did nothing \(hint: to run git-alembic's framework hooks by hand: `pre-commit run git-alembic`/);
  t.deepEqual(snapshot(repo), before, 'no driver registered, no file touched');
  t.is((await repo.run(process.execPath, [BIN, 'hook', 'pre-commit-framework'], { env: { GIT_ALEMBIC: '0' } })).status, 0, 'GIT_ALEMBIC=0 still turns it off quietly');
});

