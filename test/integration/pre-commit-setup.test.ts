// setup, uninstall, doctor and `hook pre-commit-framework` for the Python pre-commit framework on
// real repositories, with the real `pre-commit install` (Debian's 3.0.4 here and in CI; it only
// writes .git/hooks scripts, so no hook environment is installed and `repo:` may be any URL).
// The end-to-end runs through the framework are in test/e2e/pre-commit-framework.test.ts.
// Build first (`npm run build`).
import {
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  copyFileSync,
  mkdirSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { PRE_COMMIT, requirePreCommit } from '../helpers/pre-commit.js';
import {
  BIN,
  createTempRepo,
  installShims,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

// The framework's store, for this file; set before any repository copies the environment.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'git-alembic-pre-commit-setup-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));
process.env['PRE_COMMIT_HOME'] = path.join(scratch, 'home');

const SOURCE = [
  '--pre-commit-repo',
  'https://example.com/git-alembic',
  '--pre-commit-rev',
  'v0.1.0',
];

const USER_CONFIG = `repos:
-   repo: local
    hooks:
    -   id: local-check
        name: local check
        entry: 'true'
        language: system
`;

// A Python project with its own pre-commit config, committed; `extra` runs before the commit.
async function pythonProject(
  t: ExecutionContext,
  extra?: (repo: TempRepo) => Promise<void>,
): Promise<TempRepo> {
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
      if (
        name === '.git/objects' ||
        name === '.git/logs' ||
        name === '.git/index' ||
        name.endsWith('node_modules')
      )
        continue;
      if (entry.isDirectory()) walk(name);
      else if (
        entry.isFile() &&
        !name.endsWith('.sample') &&
        (!name.startsWith('.git/') || name === '.git/config' || name.startsWith('.git/hooks/'))
      )
        files[name] = readFileSync(repo.path(name), 'utf8');
    }
  };
  walk('');
  return files;
}

// Runs the framework entry as pre-commit's hook-impl would for `stage` (post-checkout registers the driver only).
function frameworkHook(
  repo: TempRepo,
  env: Record<string, string> = { PRE_COMMIT_CHECKOUT_TYPE: '1' },
  node = process.execPath,
): ReturnType<TempRepo['run']> {
  return repo.run(node, [BIN, 'hook', 'pre-commit-framework'], {
    env: { PRE_COMMIT: '1', NODE_EXTRA_CA_CERTS: undefined, ...env },
  });
}

test('setup --pre-commit twice: the second run changes nothing, byte for byte; uninstall restores every byte', async (t) => {
  if (requirePreCommit(t) === undefined) return;
  const repo = await pythonProject(t);
  const before = snapshot(repo);
  const first = await repo.cli(['setup', ...SOURCE]);
  t.regex(
    first.stdout,
    /ran `pre-commit install`: pre-commit, post-checkout, post-merge, post-rewrite, post-commit/,
  );
  const setUp = snapshot(repo);
  t.true(
    setUp['.git/hooks/post-rewrite']?.includes('--hook-type=post-rewrite'),
    "pre-commit's scripts are installed",
  );
  const second = await repo.cli(['setup', ...SOURCE]);
  t.is(
    second.stdout.split('\n').slice(0, 2).join('\n'),
    `git-alembic setup in ${repo.root}:\n  already set up; nothing changed`,
  );
  t.deepEqual(snapshot(repo), setUp, 'a second setup changes nothing, .git/hooks included');
  await repo.cli(['uninstall']);
  t.deepEqual(snapshot(repo), before, 'uninstall restores every byte');
});

test('uninstall after the user edited the config around our entry takes out only ours', async (t) => {
  if (requirePreCommit(t) === undefined) return;
  const repo = await pythonProject(t);
  await repo.cli(['setup', ...SOURCE]);
  const added = await repo.read('.pre-commit-config.yaml');
  const next =
    '        # the formatter is next\n# formatting\n-   repo: https://github.com/psf/black\n    rev: 23.1.0\n    hooks:\n    -   id: black\n';
  const edited = added
    .replace('rev: v0.1.0', 'rev: v0.2.0')
    .replace('-   id: git-alembic\n', '-   id: git-alembic\n        verbose: true\n')
    .replace('default_install_hook_types', `${next}default_install_hook_types`);
  await repo.write(
    '.pre-commit-config.yaml',
    edited.replace('post-commit]', 'post-commit, pre-push]'),
  );
  await repo.cli(['uninstall']);
  t.is(
    await repo.read('.pre-commit-config.yaml'),
    `${USER_CONFIG}${next}default_install_hook_types: [pre-commit, pre-push]\n`,
  );
});

test('a package.json beside .pre-commit-config.yaml: pre-commit unless husky is configured, and setup says why', async (t) => {
  if (requirePreCommit(t) === undefined) return;
  const plain = await pythonProject(t, (repo) =>
    repo.write('package.json', '{"name": "web", "private": true}\n'),
  );
  const chosen = await plain.cli(['setup', ...SOURCE]);
  t.regex(
    chosen.stderr,
    /set up for the pre-commit framework, which this repository uses \(\.pre-commit-config\.yaml\); for husky instead, use --hooks husky/,
  );
  t.true((await plain.read('.pre-commit-config.yaml')).includes('id: git-alembic'));
  t.false(await plain.exists('.husky'));

  const withHusky = await pythonProject(t, (repo) =>
    repo.write(
      'package.json',
      '{"name": "web", "private": true, "devDependencies": {"husky": "^9.1.7"}}\n',
    ),
  );
  await installShims(withHusky);
  const husky = await withHusky.cli(['setup', '--no-install']);
  t.regex(
    husky.stderr,
    /set up for husky because husky is configured \(its hook files, or husky in package\.json\) and neither is installed in this clone \(choose with --hooks husky\|pre-commit\)/,
  );
  t.is(
    await withHusky.read('.pre-commit-config.yaml'),
    USER_CONFIG,
    'the pre-commit config is not touched',
  );
  const again = await withHusky.cli(['setup', '--no-install']);
  t.regex(again.stderr, /set up for husky because git-alembic's blocks are in husky's hook files/);
});

test('--yes without package.json asks for husky, beside a pre-commit config too, and says so', async (t) => {
  const repo = await pythonProject(t);
  const setup = await repo.cli(['setup', '--yes', '--no-install']);
  t.regex(setup.stderr, /--yes sets up husky \(it creates the package\.json husky needs\)/);
  t.true(await repo.exists('package.json'));
  t.true(await repo.exists('.husky/post-merge'));
  t.is(await repo.read('.pre-commit-config.yaml'), USER_CONFIG);
});

test('husky active and --hooks pre-commit: setup says why `pre-commit install` did not run; doctor says which runs; uninstall undoes both', async (t) => {
  if (requirePreCommit(t) === undefined) return;
  const repo = await pythonProject(t, (project) =>
    project.write('package.json', '{"name": "web", "private": true}\n'),
  );
  await installShims(repo);
  const before = snapshot(repo);
  await repo.cli(['setup', '--hooks', 'husky', '--no-install']);
  const both = await repo.cli(['setup', '--hooks', 'pre-commit', ...SOURCE]);
  t.regex(
    both.stderr,
    /did not run `pre-commit install`: husky owns this repository's hooks \(core\.hooksPath = \.husky\/_\), so git runs husky's hooks and not pre-commit's/,
  );
  t.regex(
    both.stderr,
    /git-alembic is also set up for husky \(its blocks in husky's hook files\), so its hooks would run twice, or fight over the merge driver/,
  );
  t.false(existsSync(repo.path('.git/hooks/post-merge')), 'no pre-commit script was installed');
  const doctor = JSON.parse(
    (await repo.cli(['doctor', '--json'], { allowFailure: true })).stdout,
  ) as { hooks: string; findings: { id: string; message: string }[] };
  t.is(doctor.hooks, 'husky', 'husky runs the hooks (core.hooksPath)');
  t.regex(
    doctor.findings.find((finding) => finding.id === 'GA327')?.message ?? '',
    /husky runs the hooks here \(core\.hooksPath points at husky, so git runs husky's hooks\), so doctor checks that; pre-commit's git-alembic set-up is inert here/,
  );
  await repo.cli(['uninstall']);
  t.deepEqual(
    snapshot(repo),
    before,
    "both set-ups undone, every byte: pre-commit's, then husky's",
  );
});

test('doctor in pre-commit mode checks the entry, the hook types, the installed hooks, core.hooksPath and the driver', async (t) => {
  if (requirePreCommit(t) === undefined) return;
  const repo = await pythonProject(t);
  await repo.cli(['setup', ...SOURCE]);
  const ids = async (): Promise<string[]> =>
    (
      JSON.parse((await repo.cli(['doctor', '--json'], { allowFailure: true })).stdout) as {
        findings: { id: string }[];
      }
    ).findings.map((finding) => finding.id);
  const text = await repo.cli(['doctor'], { allowFailure: true });
  t.is(text.status, 1);
  t.regex(text.stdout, /^GA325 the merge driver is not registered/);
  t.regex(text.stderr, /checking the set-up for the pre-commit framework/);
  t.deepEqual(await ids(), ['GA325'], 'no husky finding (GA302, GA303, GA305, GA306), no GA312');

  await frameworkHook(repo);
  t.regex(
    await repo.read('.git/config'),
    /driver = "PATH=\S+:\\"\$PATH\\" \S+dist\/bin\.c?js driver %O/,
    'the framework entry registered the driver',
  );
  t.deepEqual(JSON.parse((await repo.cli(['doctor', '--json'])).stdout), {
    ok: true,
    hooks: 'pre-commit',
    findings: [],
  });

  const config = await repo.read('.pre-commit-config.yaml');
  await repo.write(
    '.pre-commit-config.yaml',
    config
      .replace('id: git-alembic-post-commit', 'id: git-alembic-post-merge')
      .replace('post-merge, ', ''),
  );
  t.deepEqual(await ids(), ['GA321', 'GA322']);
  await repo.write(
    '.pre-commit-config.yaml',
    config.replace(
      '    -   id: git-alembic\n',
      '    -   id: git-alembic\n        stages: [commit]\n',
    ),
  );
  t.deepEqual(
    await ids(),
    ['GA321'],
    'stages that leave out post-merge, post-rewrite, post-checkout',
  );
  await repo.write('.pre-commit-config.yaml', USER_CONFIG);
  t.deepEqual(await ids(), ['GA320']);
  await repo.write('.pre-commit-config.yaml', 'repos: [\n');
  t.deepEqual(await ids(), ['GA320'], 'YAML that does not parse');
  await repo.write('.pre-commit-config.yaml', config);

  rmSync(repo.path('.git/hooks/post-rewrite'));
  t.deepEqual(await ids(), ['GA323']);
  await repo.git(['config', 'core.hooksPath', '.githooks']);
  t.deepEqual(await ids(), ['GA324'], 'a hooks path hides .git/hooks (GA323 is then moot)');
  await repo.git(['config', '--unset', 'core.hooksPath']);
  await repo.run(PRE_COMMIT ?? 'pre-commit', ['install']);

  const driver = (await repo.git(['config', '--get', 'merge.git-alembic.driver'])).stdout.trim();
  await repo.git([
    'config',
    'merge.git-alembic.driver',
    driver.replace(
      / '?[^ ']*dist\/bin\.c?js'? driver/,
      " '/gone/pre-commit/repo1/node_env-system/bin/git-alembic' driver",
    ),
  ]);
  const stale = await repo.cli(['doctor'], { allowFailure: true });
  t.regex(
    stale.stdout,
    /^GA326 the merge driver needs \/gone\/pre-commit\/repo1\/node_env-system\/bin\/git-alembic, which no longer exists/,
  );
  await frameworkHook(repo);
  t.deepEqual(await ids(), [], 'the next hook run puts it right');
});

test('doctor in pre-commit mode reads a .pre-commit-config.yaml that is a symbolic link to a file in the repository', async (t) => {
  if (requirePreCommit(t) === undefined) return;
  const repo = await pythonProject(t);
  await repo.cli(['setup', ...SOURCE]);
  // Doctor only reads the config: a link is no reason to refuse, as it is for setup's writes.
  mkdirSync(repo.path('tools'));
  await repo.write('tools/pre-commit.yaml', await repo.read('.pre-commit-config.yaml'));
  rmSync(repo.path('.pre-commit-config.yaml'));
  symlinkSync(path.join('tools', 'pre-commit.yaml'), repo.path('.pre-commit-config.yaml'));
  const doctor = await repo.cli(['doctor', '--json'], { allowFailure: true });
  t.is(doctor.status, 1, doctor.stderr);
  const report = JSON.parse(doctor.stdout) as { hooks: string; findings: { id: string }[] };
  t.is(report.hooks, 'pre-commit');
  t.deepEqual(
    report.findings.map((finding) => finding.id),
    ['GA325'],
    'our entry and hook types read through the link (no GA320, GA321, GA322); the driver is still to come',
  );
});

test('`hook pre-commit-framework` outside the framework does nothing and says so', async (t) => {
  const repo = await pythonProject(t);
  await repo.cli(['heads', '--write']);
  const before = snapshot(repo);
  const outside = await repo.run(process.execPath, [BIN, 'hook', 'pre-commit-framework'], {
    allowFailure: true,
    env: { NODE_EXTRA_CA_CERTS: undefined },
  });
  t.is(outside.status, 64);
  t.regex(
    outside.stderr,
    /^git-alembic: `hook pre-commit-framework` is what the pre-commit framework runs, and PRE_COMMIT=1 is not set, so it did nothing \(hint: to run git-alembic's framework hooks by hand: `pre-commit run git-alembic`/,
  );
  t.deepEqual(snapshot(repo), before, 'no driver registered, no file touched');
  t.is(
    (
      await repo.run(process.execPath, [BIN, 'hook', 'pre-commit-framework'], {
        env: { GIT_ALEMBIC: '0' },
      })
    ).status,
    0,
    'GIT_ALEMBIC=0 still turns it off quietly',
  );
});

test("the framework's driver brings its node: a merge from a shell whose PATH has no node", async (t) => {
  const repo = await pythonProject(t);
  await repo.cli(['heads', '--write']);
  await repo.write(
    '.gitattributes',
    '* text=auto eol=lf\nmigrations/heads.txt merge=git-alembic\n',
  );
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'heads file']);
  // A node of the framework's own (nodeenv downloads one when the machine has none), off the PATH.
  const environment = path.join(
    scratch,
    `node_env-${path.basename(path.dirname(repo.root))}`,
    'bin',
  );
  mkdirSync(environment, { recursive: true });
  const node = path.join(environment, 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    // Another file system: a copy runs the same.
    copyFileSync(process.execPath, node);
  }
  await frameworkHook(repo, { PRE_COMMIT_CHECKOUT_TYPE: '1' }, node);
  t.true(
    (await repo.git(['config', '--get', 'merge.git-alembic.driver'])).stdout.startsWith(
      `PATH=${environment}:"$PATH" `,
    ),
  );
  // PATH: git alone.
  const tools = path.join(path.dirname(repo.root), 'tools');
  mkdirSync(tools);
  symlinkSync(
    (await repo.run('sh', ['-c', 'command -v git'])).stdout.trim(),
    path.join(tools, 'git'),
  );
  const bare = { env: { PATH: tools } };
  t.not(
    (await repo.run('/bin/sh', ['-c', 'command -v node'], { ...bare, allowFailure: true })).status,
    0,
    'no node on that PATH',
  );
  await repo.git(['checkout', '-q', '-b', 'dev']);
  await writeRevision(repo, 'b2', 'a1');
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'dev: b2']);
  await repo.git(['checkout', '-q', 'main']);
  await writeRevision(repo, 'c3', 'a1');
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'main: c3']);
  const merge = await repo.git(
    ['-c', `core.hooksPath=${tools}`, 'merge', '--no-edit', 'dev'],
    bare,
  );
  t.is(merge.status, 0, 'the driver merged the heads file');
  t.deepEqual((await repo.read('migrations/heads.txt')).split('\n').slice(1), ['b2', 'c3', '']);
});
