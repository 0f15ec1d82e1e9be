// setup, uninstall and doctor on real repositories with husky 9: idempotent, exactly reversible,
// chaining the hooks husky hides, in a package at the top level or in a subdirectory.
// Build first (`npm run build`): the shimmed node_modules/.bin/git-alembic runs dist/bin.js.
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { PREPARE_STEP } from '../../src/core/edits/package-json.js';
import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import {
  createTempRepo,
  installShims,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

// Every file of the work tree (node_modules aside) with its mode, plus .git/config.
async function snapshot(repo: TempRepo): Promise<Record<string, string>> {
  const files: Record<string, string> = { '.git/config': await repo.read('.git/config') };
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(repo.path(relative || '.'), { withFileTypes: true })) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      // Logs are what hooks leave behind, not what setup wrote.
      if (name === '.git' || name.endsWith('node_modules') || name.endsWith('.log')) continue;
      if (entry.isDirectory()) await walk(name);
      else {
        const stats = await lstat(repo.path(name));
        files[name] =
          `${(stats.mode & 0o777).toString(8)} ${stats.isSymbolicLink() ? await readlink(repo.path(name)) : await readFile(repo.path(name), 'utf8')}`;
      }
    }
  };
  await walk('');
  return files;
}

const heads = (...ids: string[]): string =>
  [HEADS_FILE_COMMENT, ...ids].map((line) => `${line}\n`).join('');
const PACKAGE = '{\n  "name": "app",\n  "scripts": {\n    "prepare": "echo prepared"\n  }\n}\n';
const PINS = ['pre-commit', 'post-merge', 'post-rewrite', 'post-commit'].map(
  (hook) => `.husky/${hook} text eol=lf`,
);

// A project whose husky dir already has a user hook, with executable .git/hooks that log to chained.log.
async function rootProject(t: Parameters<typeof createTempRepo>[0]): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('package.json', PACKAGE);
  await repo.write('.husky/pre-commit', 'echo user-line >> user.log\n');
  await repo.write('.gitignore', 'node_modules\n*.log\n');
  await installShims(repo);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  await repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho pre-commit >> chained.log\n', 0o755);
  await repo.write(
    '.git/hooks/post-rewrite',
    '#!/bin/sh\n{ echo "post-rewrite $*"; cat; } >> chained.log\n',
    0o755,
  );
  await repo.write('.git/hooks/reference-transaction', '#!/bin/sh\nexit 0\n', 0o755);
  return repo;
}

test('setup is idempotent, uninstall restores every byte, and setup again gives the same bytes', async (t) => {
  const repo = await rootProject(t);
  const before = await snapshot(repo);
  const first = await repo.cli(['setup']);
  t.is(
    first.stdout,
    [
      `git-alembic setup in ${repo.root}:`,
      '  package.json: added git-alembic ^0.1.0 and husky ^9.1.7 to devDependencies; chained `git-alembic setup --prepare` after the existing prepare script; recorded what setup added under "git-alembic".setup (for uninstall)',
      '  core.hooksPath = .husky/_ (husky is active)',
      '  .husky/pre-commit: added the git-alembic block; it also runs .git/hooks/pre-commit, which husky would hide',
      '  .husky/post-merge: added the git-alembic block',
      '  .husky/post-rewrite: added the git-alembic block; it also runs .git/hooks/post-rewrite, which husky would hide',
      '  .husky/post-commit: added the git-alembic block',
      '  .git/config: registered the merge driver git-alembic: node_modules/.bin/git-alembic driver %O %A %B %L %P || { [ $? = 1 ] || git merge-file -L current -L base -L incoming --marker-size=%L %A %O %B; exit 1; }',
      '  .gitattributes: added migrations/heads.txt merge=git-alembic, .husky/pre-commit text eol=lf, .husky/post-merge text eol=lf, .husky/post-rewrite text eol=lf, .husky/post-commit text eol=lf',
      '  migrations/heads.txt: wrote a1',
      'next: commit package.json, .husky/pre-commit, .husky/post-merge, .husky/post-rewrite, .husky/post-commit, .gitattributes, migrations/heads.txt',
      '',
    ].join('\n'),
  );
  t.is(
    first.stderr,
    'git-alembic: warning: .git/hooks/reference-transaction will no longer run: husky cannot run that hook, so it cannot be chained\n',
  );
  const setUp = await snapshot(repo);
  t.true(
    setUp['.husky/pre-commit']?.startsWith('644 echo user-line >> user.log\n# >>> git-alembic\n'),
  );
  t.is(
    JSON.parse(setUp['package.json']?.slice(4) ?? '').scripts.prepare,
    `echo prepared && ${PREPARE_STEP}`,
  );
  t.deepEqual(
    JSON.parse(setUp['package.json']?.slice(4) ?? '')['git-alembic'].setup.attributes,
    PINS,
    'the LF pins are recorded for uninstall',
  );
  t.is(
    (await repo.cli(['setup'])).stdout,
    `git-alembic setup in ${repo.root}:\n  already set up; nothing changed\n`,
  );
  t.deepEqual(await snapshot(repo), setUp, 'a second setup changes nothing');
  await repo.cli(['heads']);
  t.true(await repo.exists('.git/git-alembic'), 'heads keeps its revision cache there');
  const uninstall = await repo.cli(['uninstall']);
  t.true(uninstall.stdout.includes(".git/git-alembic: removed git-alembic's caches"));
  t.false(await repo.exists('.git/git-alembic'), 'the caches go too');
  t.deepEqual(await snapshot(repo), before, 'uninstall restores every byte, .git/config included');
  await repo.cli(['setup']);
  t.deepEqual(
    await snapshot(repo),
    setUp,
    'setup after uninstall gives the same bytes as the first',
  );
});

test('after setup: hooks and chained hooks run with their arguments and stdin, the driver merges, doctor sees a broken piece', async (t) => {
  const repo = await rootProject(t);
  await repo.cli(['setup']);
  await repo.git(['add', '-A']);
  const commit = await repo.git(['commit', '-q', '-m', 'set up']);
  t.is(
    commit.stderr,
    '',
    'the hook command runs and has nothing to say (post-commit: no Python file, so not even started)',
  );
  // pre-commit starts git-alembic only for a staged Python or heads file.
  const stagePython = async (name: string): Promise<void> => {
    await repo.write(name, 'x = 1\n');
    await repo.git(['add', name]);
  };
  await stagePython('app.py');
  await repo.git(['commit', '-q', '--amend', '--no-edit']);
  const rewrite = (await repo.git(['rev-parse', 'HEAD@{1}', 'HEAD'])).stdout
    .trim()
    .replace('\n', ' ');
  t.is(await repo.read('chained.log'), `pre-commit\npre-commit\npost-rewrite amend\n${rewrite}\n`);
  t.is(await repo.read('user.log'), 'user-line\nuser-line\n');
  // post-rewrite's body ends on `amend` before starting git-alembic; the chained hook still got it (above).
  t.is(await repo.read('hook.log'), 'hook pre-commit\nhook pre-commit\n');
  await stagePython('crash.py');
  t.is(
    (await repo.git(['commit', '-q', '-m', 'x'], { env: { SHIM_HOOK_STATUS: '70' } })).status,
    0,
    'a crash of the hook never blocks',
  );
  await stagePython('guard.py');
  t.is(
    (
      await repo.git(['commit', '-q', '-m', 'x'], {
        env: { SHIM_HOOK_STATUS: '1' },
        allowFailure: true,
      })
    ).status,
    1,
    '1 (guard) blocks',
  );

  await repo.git(['checkout', '-q', '-b', 'dev']);
  await writeRevision(repo, 'b1', 'a1');
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'b1']);
  await repo.git(['checkout', '-q', 'main']);
  await writeRevision(repo, 'c1', 'a1');
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'c1']);
  // HUSKY=0: the driver alone (with the hooks, post-merge would go on to merge b1 and c1).
  await repo.git(['merge', '-q', '--no-edit', 'dev'], { env: { HUSKY: '0' } });
  t.is(
    await repo.read('migrations/heads.txt'),
    heads('b1', 'c1'),
    'the registered driver merged the heads file',
  );

  t.is((await repo.cli(['doctor'])).status, 0);
  await repo.git(['worktree', 'add', '-q', '../worktree']);
  const worktree = await repo.cli(['doctor'], { cwd: '../worktree', allowFailure: true });
  t.is(worktree.status, 1);
  t.regex(worktree.stdout, /^GA303 node_modules\/\.bin\/git-alembic does not exist: /m);
  t.regex(
    worktree.stdout,
    /^GA311 this is a linked worktree: husky's runtime \.husky\/_ is gitignored, so it is missing here and no hook runs\n {2}fix: run `npx husky \.husky` in this worktree's top level/m,
  );
  await repo.git(['config', '--remove-section', 'merge.git-alembic']);
  const broken = await repo.cli(['doctor'], { allowFailure: true });
  t.is(broken.status, 1);
  t.is(
    broken.stdout,
    [
      'GA301 the merge driver is not registered: .git/config has no merge.git-alembic.driver, so heads files get plain text merges',
      '  fix: run `npm install` (its prepare step registers the driver) or `npx git-alembic setup`',
      'GA309 (warning) .git/hooks/reference-transaction does not run: husky hides .git/hooks and cannot run that hook',
      '  fix: move what it does into a hook husky runs, or delete it',
      '',
    ].join('\n'),
  );
  t.is(broken.stderr, 'git-alembic: 1 problem, 1 warning\n');
  t.is(
    (await repo.cli(['setup', '--prepare'])).stderr,
    `git-alembic: .git/config: registered the merge driver git-alembic: ${(await repo.git(['config', 'merge.git-alembic.driver'])).stdout.trim()}\n`,
  );
  t.is(
    (await repo.cli(['doctor'])).stderr,
    'git-alembic: ok: every piece is in place (1 warning)\n',
  );
});

test('package.json in a subdirectory (--cwd) and an earlier core.hooksPath, chained and restored', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('web/package.json', '{\n  "name": "web"\n}\n');
  await repo.write('.gitignore', 'node_modules\n*.log\n');
  await repo.write('.githooks/pre-commit', '#!/bin/sh\necho githooks >> chained.log\n', 0o755);
  await installShims(repo, 'web');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  await repo.git(['config', 'core.hooksPath', '.githooks']);
  const before = await snapshot(repo);
  const setup = await repo.cli(['setup', '--cwd', 'web']);
  t.true(
    setup.stdout.includes(
      '  core.hooksPath = web/.husky/_ (husky is active); it was .githooks (local config)\n',
    ),
  );
  t.true(
    setup.stdout.includes(
      '  web/.husky/pre-commit: added the git-alembic block; it also runs .githooks/pre-commit, which husky would hide\n',
    ),
  );
  t.is(
    (await repo.git(['config', 'merge.git-alembic.driver'])).stdout,
    'web/node_modules/.bin/git-alembic driver %O %A %B %L %P || { [ $? = 1 ] || git merge-file -L current -L base -L incoming --marker-size=%L %A %O %B; exit 1; }\n',
  );
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'set up']);
  t.is(await repo.read('chained.log'), 'githooks\n');
  t.is(
    await repo.read('web/hook.log'),
    'hook pre-commit\n',
    'the hook found web/node_modules/.bin/git-alembic',
  );
  t.is(
    (await repo.cli(['doctor'])).status,
    0,
    'from the top level, the package beside web/.husky is found',
  );
  await repo.git(['reset', '-q', '--hard', 'HEAD~1']);
  await repo.cli(['setup', '--cwd', 'web']);
  await repo.cli(['uninstall', '--cwd', 'web']);
  t.deepEqual(
    await snapshot(repo),
    before,
    'core.hooksPath is .githooks again and every file as it was',
  );
});

test('no package.json: setup explains and refuses; --yes creates a minimal one, which uninstall removes', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('.gitignore', 'node_modules\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'python project']);
  const before = await snapshot(repo);
  const refused = await repo.cli(['setup'], { allowFailure: true });
  t.is(refused.status, 2);
  t.is(
    refused.stderr,
    `git-alembic: no package.json in ${repo.root}: setup needs one, because npm installs git-alembic and husky from it, and its \`prepare\` script registers the merge driver and husky in every clone (.git/config is never cloned) (hint: run \`git-alembic setup --yes\` to create a minimal private package.json there, or pass --cwd DIR for a subdirectory that has one)\n`,
  );
  t.deepEqual(await snapshot(repo), before, 'nothing changed');
  const created = await repo.cli(['setup', '--yes']);
  t.true(
    created.stdout.includes(
      '  package.json: created (private, minimal); added git-alembic ^0.1.0 and husky ^9.1.7 to devDependencies;',
    ),
  );
  t.true(created.stdout.includes('next: run npm install to install git-alembic and husky'));
  t.like(JSON.parse(await repo.read('package.json')), {
    name: 'repo',
    private: true,
    'git-alembic': {
      setup: {
        files: [
          'package.json',
          '.husky/pre-commit',
          '.husky/post-merge',
          '.husky/post-rewrite',
          '.husky/post-commit',
          'migrations/heads.txt',
        ],
      },
    },
  });
  await repo.cli(['uninstall']);
  t.deepEqual(await snapshot(repo), before);
});

test('--yes without package.json makes git ignore node_modules/; uninstall takes exactly that back', async (t) => {
  for (const gitignore of [undefined, '*.pyc\n', '# build\n/node_modules\n']) {
    const repo = await createTempRepo(t);
    await writeAlembicProject(repo);
    if (gitignore !== undefined) await repo.write('.gitignore', gitignore);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'python project']);
    const before = await snapshot(repo);
    const setup = await repo.cli(['setup', '--yes']);
    const expected =
      gitignore === undefined
        ? 'node_modules/\n'
        : gitignore.includes('node_modules')
          ? gitignore
          : `${gitignore}node_modules/\n`;
    t.is(await repo.read('.gitignore'), expected, JSON.stringify(gitignore));
    t.is(
      setup.stdout.includes(
        '  .gitignore: added node_modules/ (so that `git add -A` does not commit what npm installs)\n',
      ),
      expected !== gitignore,
    );
    await repo.write('node_modules/x/index.js', '');
    await repo.git(['add', '-A']);
    t.false(
      (await repo.git(['diff', '--cached', '--name-only'])).stdout.includes('node_modules'),
      'git add -A leaves node_modules out',
    );
    await repo.git(['reset', '-q']);
    await repo.run('rm', ['-r', 'node_modules']);
    await repo.cli(['uninstall']);
    t.deepEqual(await snapshot(repo), before, JSON.stringify(gitignore));
  }
});

test('--prepare never fails an install: outside git, in CI, with GIT_ALEMBIC=0', async (t) => {
  const repo = await createTempRepo(t);
  const outside = path.dirname(repo.root);
  const cases: [Record<string, string>, string, string][] = [
    [
      {},
      outside,
      'git-alembic: not inside a git work tree: skipped registering the merge driver and husky\n',
    ],
    [
      { CI: 'true' },
      repo.root,
      'git-alembic: CI: skipped registering the merge driver and husky (they are for working copies)\n',
    ],
    [
      { GIT_ALEMBIC: '0' },
      repo.root,
      'git-alembic: GIT_ALEMBIC=0: skipped registering the merge driver and husky\n',
    ],
  ];
  for (const [env, cwd, said] of cases) {
    const result = await repo.cli(['setup', '--prepare', '--cwd', cwd], { env });
    t.deepEqual([result.status, result.stderr], [0, said]);
  }
  t.is(
    (await repo.git(['config', '--get-regexp', 'merge'], { allowFailure: true })).stdout,
    '',
    'no driver registered',
  );
});

test('an environment the hooks would not find by themselves (-c) is listed in .git-alembicrc.json', async (t) => {
  const repo = await createTempRepo(t);
  // Discovery counts sections with their own script_location; [main] inherits it from [DEFAULT].
  await repo.write(
    'db/migrations.ini',
    '[DEFAULT]\nscript_location = %(here)s/migrations\n[main]\nsqlalchemy.url = sqlite://\n',
  );
  await writeRevision(repo, 'a1', null, 'db');
  await repo.write('package.json', '{\n  "name": "app"\n}\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  const before = await snapshot(repo);
  const setup = await repo.cli(['setup', '-c', 'db/migrations.ini', '-n', 'main']);
  t.true(
    setup.stdout.includes(
      '  .git-alembicrc.json: listed the environments, which the hooks would not find on their own\n',
    ),
    setup.stdout,
  );
  t.is(
    await repo.read('.git-alembicrc.json'),
    '{\n  "environments": [\n    {\n      "config": "db/migrations.ini",\n      "section": "main"\n    }\n  ]\n}\n',
  );
  t.is(
    (await repo.cli(['heads'])).stdout,
    'a1 (head)\n',
    'found from the top level without -c, as the hooks will',
  );
  t.true(await repo.exists('db/migrations/heads.txt'));
  await repo.cli(['uninstall']);
  t.deepEqual(await snapshot(repo), before);
});

test('hook files are kept LF: a pin the user wrote stays through uninstall; doctor reports CRLF (GA314) and a missing pin (GA315)', async (t) => {
  const repo = await createTempRepo(t, { attributes: false });
  await writeAlembicProject(repo);
  await repo.write('package.json', PACKAGE);
  await repo.write('.gitignore', 'node_modules\n*.log\n');
  await repo.write('.gitattributes', '# mine\n.husky/post-merge text eol=lf\n');
  await installShims(repo);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  const notSetUp = await repo.cli(['doctor'], { allowFailure: true });
  t.regex(notSetUp.stdout, /^GA300 git-alembic is not set up here: /);
  const before = await snapshot(repo);

  await repo.cli(['setup']);
  const pins = PINS.filter((line) => !line.startsWith('.husky/post-merge '));
  t.is(
    await repo.read('.gitattributes'),
    ['# mine', PINS[1], 'migrations/heads.txt merge=git-alembic', ...pins, ''].join('\n'),
  );
  t.deepEqual(
    JSON.parse(await repo.read('package.json'))['git-alembic'].setup.attributes,
    pins,
    'only the pins setup added',
  );
  const setUp = await snapshot(repo);
  await repo.cli(['uninstall']);
  t.deepEqual(await snapshot(repo), before, "the user's own pin stays; every other byte as before");
  await repo.cli(['setup']);
  t.deepEqual(await snapshot(repo), setUp);
  t.is((await repo.cli(['doctor'])).status, 0);

  // A Windows clone: core.autocrlf=true and everything checked out again.
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'set up']);
  await repo.git(['config', 'core.autocrlf', 'true']);
  await repo.git(['rm', '-q', '-r', '--cached', '.']);
  await repo.git(['reset', '-q', '--hard']);
  t.true((await repo.read('alembic.ini')).includes('\r\n'), 'unpinned files are CRLF');
  for (const hook of ['pre-commit', 'post-merge', 'post-rewrite', 'post-commit'])
    t.false((await repo.read(`.husky/${hook}`)).includes('\r'), hook);
  // pre-commit starts git-alembic only for a staged Python or heads file.
  await repo.write('app.py', 'x = 1\n');
  await repo.git(['add', 'app.py']);
  await repo.git(['commit', '-q', '-m', 'hooks run']);
  t.is(
    await repo.read('hook.log'),
    'hook pre-commit\nhook pre-commit\n',
    'pre-commit ran under sh, for both commits',
  );

  // The pin for pre-commit removed, and the file as a checkout without it writes it.
  await repo.write(
    '.gitattributes',
    (await repo.read('.gitattributes')).replace(`${PINS[0]}\r\n`, ''),
  );
  await repo.write(
    '.husky/pre-commit',
    (await repo.read('.husky/pre-commit')).replace(/\n/g, '\r\n'),
  );
  const broken = await repo.cli(['doctor'], { allowFailure: true });
  t.is(broken.status, 1);
  t.is(
    broken.stdout.replace(/^GA312 .*$/ms, ''),
    [
      'GA314 .husky/pre-commit has CRLF line endings: sh, which husky runs it with, fails on them, so none of its lines run',
      '  .husky/pre-commit',
      '  fix: run `npx git-alembic setup` (GA315), then save it with LF line endings; when it has no uncommitted changes, `rm .husky/pre-commit && git checkout -- .husky/pre-commit` does that',
      "GA315 .husky/pre-commit is not kept LF by .gitattributes (git says eol: unspecified): where core.autocrlf=true (Git for Windows' default), a checkout writes it with CRLF and sh cannot run it",
      '  .husky/pre-commit',
      '  fix: run `npx git-alembic setup` (it adds `.husky/pre-commit text eol=lf` to .gitattributes) and commit .gitattributes',
      '',
    ].join('\n'),
  );

  const fixed = await repo.cli(['setup']);
  t.true(fixed.stdout.includes(`  .gitattributes: added ${PINS[0]}\n`), fixed.stdout);
  t.regex(
    fixed.stderr,
    /^git-alembic: warning: \.husky\/pre-commit has CRLF line endings, which husky's sh cannot run /m,
  );
  await repo.git(['add', '.gitattributes']);
  await repo.run('sh', ['-c', 'rm .husky/pre-commit && git checkout -- .husky/pre-commit']);
  t.false((await repo.read('.husky/pre-commit')).includes('\r'), "doctor's fix works");
  t.is((await repo.cli(['doctor'])).status, 0);
});
