// The hooks' settings and edge cases on real repositories with husky 9 and the built CLI (the
// end-to-end scenarios in test/e2e use the packed package; these need no Python): onMerge
// "stage", divergences found rather than introduced, enabled, guard, cherry-picks, untracked
// revision files, other staged changes, GIT_ALEMBIC=0. Build first (`npm run build`).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';

import { A, addRevision, B, BASE, fork, lines, setUpRepo, staged } from '../helpers/hook-repo.js';
import { parentSource } from '../helpers/merge-project.js';
import { BIN, type TempRepo } from '../helpers/temp-repo.js';

// Where `git-alembic merge` would write the merge revision (repository-relative).
async function mergeFile(repo: TempRepo): Promise<string> {
  const dryRun = await repo.cli(['merge', '--dry-run']);
  return path
    .relative(repo.root, /^Would generate (.+) \(dry run/m.exec(dryRun.stdout)?.[1] ?? '')
    .split(path.sep)
    .join('/');
}

test('onMerge "stage": the merge commit stays as git made it; the merge revision and heads file are staged', async (t) => {
  const repo = await setUpRepo(t);
  await repo.write('.git-alembicrc.json', '{ "onMerge": "stage" }\n');
  const merge = await repo.git(['merge', '--no-edit', 'dev']);
  const [line] = lines(merge.stderr);
  t.regex(
    line ?? '',
    new RegExp(
      `^git-alembic: created merge revision [0-9a-f]{12} of ${A} \\(main\\) and ${B} \\(dev\\), which this merge left as two heads; staged it and migrations/heads\\.txt: commit them \\(git commit\\)$`,
    ),
  );
  t.is(
    (await repo.git(['ls-tree', '-r', '--name-only', 'HEAD', 'migrations/versions'])).stdout
      .split('\n')
      .filter(Boolean).length,
    3,
    'not in the merge commit',
  );
  t.is((await staged(repo)).length, 2);
  await repo.git(['commit', '-q', '-m', 'merge revision']);
  t.is((await repo.git(['status', '--porcelain', '--untracked-files=no'])).stdout, '');
});

test('onMerge "stage": after a rebase the merge revision is staged, not committed', async (t) => {
  const repo = await setUpRepo(t);
  await repo.write('.git-alembicrc.json', '{ "onMerge": "stage" }\n');
  await repo.git(['checkout', '-q', 'dev']);
  const rebase = await repo.git(['rebase', 'main']);
  t.regex(
    lines(rebase.stderr)[0] ?? '',
    /which this rebase left as two heads; staged it and migrations\/heads\.txt: commit them \(git commit\)$/,
  );
  t.is(
    (await repo.git(['log', '-1', '--format=%s'])).stdout,
    `add ${B}\n`,
    'nothing committed on top',
  );
  t.is((await staged(repo)).length, 2);
});

test('a divergence a side already had is reported and left alone, unless mergeExistingDivergences', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['reset', '-q', '--hard', 'setup']);
  const X = 'cccc55556666';
  const Y = 'dddd77778888';
  // main forked without the hooks: X and Y on BASE.
  await addRevision(repo, X, BASE, { env: { HUSKY: '0' } });
  await addRevision(repo, Y, BASE, { env: { HUSKY: '0' } });
  const main = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
  await repo.git(['checkout', '-q', '-B', 'dev']);
  await addRevision(repo, 'eeee99990000', X);
  await repo.git(['checkout', '-q', 'main']);
  await repo.write('notes.md', 'notes\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'notes']);
  const before = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
  const found = await repo.git(['merge', '--no-edit', 'dev']);
  t.deepEqual(lines(found.stderr), [
    `git-alembic: ${Y} (main) and eeee99990000 (dev) are two heads on one branch, a divergence older than this merge; left as they are (run \`git-alembic merge\`, or set "mergeExistingDivergences": true to have the hooks merge such divergences)`,
  ]);
  t.not(main, before);
  await repo.git(['reset', '-q', '--hard', before]);
  await repo.write('.git-alembicrc.json', '{ "mergeExistingDivergences": true }\n');
  const merged = await repo.git(['merge', '--no-edit', 'dev']);
  t.regex(
    lines(merged.stderr)[0] ?? '',
    new RegExp(
      `^git-alembic: created merge revision [0-9a-f]{12} of ${Y} \\(main\\) and eeee99990000 \\(dev\\)`,
    ),
  );
});

test('enabled: false turns every hook off', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['reset', '-q', '--hard', 'setup']);
  await repo.git(['branch', '-q', '-D', 'dev']);
  await repo.write('.git-alembicrc.json', '{ "enabled": false }\n');
  await repo.git(['add', '.git-alembicrc.json']);
  await repo.git(['commit', '-q', '-m', 'off']);
  await fork(repo);
  const merge = await repo.git(['merge', '--no-edit', 'dev']);
  t.deepEqual(lines(merge.stderr), []);
  t.is(
    (await repo.read('migrations/heads.txt'))
      .split('\n')
      .filter((line) => /^[0-9a-f]{12}$/.test(line))
      .join(','),
    BASE,
    'pre-commit kept nothing current',
  );
  t.is(
    (await repo.git(['ls-tree', '-r', '--name-only', 'HEAD', 'migrations/versions'])).stdout
      .split('\n')
      .filter(Boolean).length,
    3,
    'no merge revision',
  );
});

test('a failing hook is reported and never blocks; with guard: true it stops the commit', async (t) => {
  const repo = await setUpRepo(t);
  const main = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
  await repo.git(['merge', '--no-commit', 'dev']);
  const target = await mergeFile(repo);
  // Someone's untracked revision file where the merge revision goes: git-alembic never overwrites.
  await repo.write(target, parentSource({ id: 'ffff00000000', down: [A] }));
  const reported = await repo.git(['commit', '--no-edit']);
  const [failed, warning] = lines(reported.stderr);
  t.regex(
    failed ?? '',
    new RegExp(
      `^git-alembic: pre-commit hook failed: .*${path.basename(target)}.*; run \`git-alembic check\`$`,
    ),
  );
  t.regex(
    warning ?? '',
    /^git-alembic: warning: this commit left two heads on one branch: /,
    'post-commit notices',
  );
  t.is(
    (await repo.git(['log', '-1', '--format=%P'])).stdout.trim().split(' ').length,
    2,
    'the merge was committed anyway',
  );

  await repo.git(['reset', '-q', '--hard', main]);
  await repo.write('.git-alembicrc.json', '{ "guard": true }\n');
  await repo.git(['merge', '--no-commit', 'dev']);
  const guarded = await repo.git(['commit', '--no-edit'], { allowFailure: true });
  t.is(guarded.status, 1);
  t.regex(
    lines(guarded.stderr)[0] ?? '',
    /^git-alembic: pre-commit hook failed: .*; run `git-alembic check` \(guard is on, so git stops here\)$/,
  );
  t.true(await repo.exists('.git/MERGE_HEAD'), 'the merge is still to be concluded');
});

test('an environment that cannot be read is left out in one line; the others still get their merge, guard or not', async (t) => {
  const repo = await setUpRepo(t);
  // A second environment whose version directory is gone (say, emptied and so not in git).
  await repo.write(
    'tenant/alembic-tenant.ini',
    '[tenant]\nscript_location = %(here)s/migrations\n',
  );
  await repo.write('tenant/migrations/env.py', '# set up in code\n');
  await repo.write('.git-alembicrc.json', '{ "guard": true }\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'tenant environment, guard']);
  const merge = await repo.git(['merge', '--no-edit', 'dev']);
  t.is(merge.status, 0);
  const [leftOut, created, ...rest] = lines(merge.stderr);
  t.is(
    leftOut,
    'git-alembic: post-merge hook left out an Alembic environment it cannot read (tenant/alembic-tenant.ini:2: [tenant] script_location: version directory does not exist: ' +
      'tenant/migrations/versions (without version_locations Alembic reads <script_location>/versions)); the others were handled; run `git-alembic check`',
  );
  t.regex(
    created ?? '',
    new RegExp(
      `^git-alembic: created merge revision [0-9a-f]{12} of ${A} \\(main\\) and ${B} \\(dev\\), which this merge left as two heads; added it and migrations/heads\\.txt to the merge commit$`,
    ),
  );
  t.deepEqual(rest, []);
  t.is(
    (await repo.git(['ls-tree', '-r', '--name-only', 'HEAD', 'migrations/versions'])).stdout
      .split('\n')
      .filter(Boolean).length,
    4,
    'the merge revision is in the merge commit',
  );
});

test('post-commit warns when a cherry-pick leaves two heads on one branch', async (t) => {
  const repo = await setUpRepo(t);
  const pick = await repo.git(['cherry-pick', 'dev']);
  t.deepEqual(lines(pick.stderr), [
    `git-alembic: warning: this commit left two heads on one branch: ${A} (main) and ${B} (new in this commit); run \`git-alembic merge\` and commit the merge revision`,
  ]);
});

test("a revision file git does not track is nobody's head", async (t) => {
  const repo = await setUpRepo(t);
  await repo.write(
    'migrations/versions/ffff00000000_wip.py',
    parentSource({ id: 'ffff00000000', down: [BASE] }),
  );
  const merge = await repo.git(['merge', '--no-edit', 'dev']);
  t.regex(
    lines(merge.stderr)[0] ?? '',
    new RegExp(`of ${A} \\(main\\) and ${B} \\(dev\\), which this merge left as two heads;`),
  );
  t.is(
    (await repo.git(['status', '--porcelain'])).stdout,
    '?? migrations/versions/ffff00000000_wip.py\n',
  );
});

test('the fold leaves the merge commit alone when other changes are staged', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['merge', '--no-edit', 'dev'], { env: { HUSKY: '0' } });
  // As post-merge sees it: MERGE_HEAD still there; and someone staged a file meanwhile.
  await repo.write('.git/MERGE_HEAD', `${(await repo.git(['rev-parse', 'HEAD^2'])).stdout}`);
  await repo.write('other.txt', 'other\n');
  await repo.git(['add', 'other.txt']);
  const head = (await repo.git(['rev-parse', 'HEAD'])).stdout;
  const hook = await repo.cli(['hook', 'post-merge', '0']);
  t.regex(
    lines(hook.stderr)[0] ?? '',
    /; staged it and migrations\/heads\.txt, but left the merge commit as it is because other changes are staged too \(other\.txt\): commit them \(git commit\)$/,
  );
  t.is((await repo.git(['rev-parse', 'HEAD'])).stdout, head);
  t.is((await staged(repo)).length, 3);
});

test('GIT_ALEMBIC=0 ends any hook at once; an unknown hook is a usage error that never blocks', async (t) => {
  const repo = await setUpRepo(t);
  const off = await repo.cli(['hook', 'nonsense'], { env: { GIT_ALEMBIC: '0' } });
  t.deepEqual([off.status, off.stdout, off.stderr], [0, '', '']);
  const unknown = await repo.cli(['hook', 'pre-push'], { allowFailure: true });
  t.is(unknown.status, 64);
  t.is(
    unknown.stderr,
    "git-alembic: unknown hook 'pre-push'; git-alembic runs in post-merge, pre-commit, post-rewrite and post-commit (hint: run `npx git-alembic setup` to write the hook blocks this version expects)\n",
  );
});

test('the fast path, when no revision or heads file changed, loads no config, workspace, graph, template or simple-git (real processes)', async (t) => {
  const repo = await setUpRepo(t);
  const forbidden =
    'simple-git|yaml|smol-toml|load-config|workspace|discover|revision-graph|scan-versions|template|merge\\/';
  // Only the part below the package's dist/ counts: the checkout's own path may contain any word.
  const dist = JSON.stringify(pathToFileURL(path.dirname(BIN)).href);
  await repo.write(
    '../loader/hooks.mjs',
    `export async function resolve(specifier, context, next) {\n  const inside = specifier.startsWith(${dist}) ? specifier.slice(${dist}.length) : specifier;\n  if (/${forbidden}/.test(inside)) throw new Error(\`hook imported \${specifier}\`);\n  return next(specifier, context);\n}\n`,
  );
  await repo.write(
    '../loader/register.mjs',
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  );
  const hook = (args: readonly string[], input?: string) =>
    repo.run(
      process.execPath,
      ['--import', repo.path('../loader/register.mjs'), BIN, 'hook', ...args],
      input === undefined ? {} : { input },
    );
  await repo.git(['checkout', '-q', '-b', 'docs']);
  await repo.write('docs.md', 'docs\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'docs'], { env: { HUSKY: '0' } });
  await repo.git(['checkout', '-q', 'main']);
  await repo.git(['merge', '-q', '--no-edit', 'docs'], { env: { HUSKY: '0' } });
  await repo.write('.git/MERGE_HEAD', (await repo.git(['rev-parse', 'docs'])).stdout);
  await repo.write('notes.md', 'notes\n');
  await repo.git(['add', 'notes.md']);
  const rewritten = `${(await repo.git(['rev-parse', 'HEAD^1'])).stdout.trim()} ${(await repo.git(['rev-parse', 'HEAD'])).stdout.trim()}\n`;
  for (const [args, input] of [
    [['post-merge', '0']],
    [['post-merge', '1']],
    [['pre-commit']],
    [['post-commit']],
    [['post-rewrite', 'rebase'], rewritten],
  ] as const) {
    const result = await hook(args, input);
    t.deepEqual([result.status, result.stdout, result.stderr], [0, '', ''], args.join(' '));
  }
});

test('a hook that writes the merge revision loads its own bundle: neither the CLI, simple-git nor smol-toml (real processes)', async (t) => {
  const repo = await setUpRepo(t);
  // Every node git starts gets the loader; only hook runs are held to it (the merge driver is the CLI's).
  await repo.write(
    '../loader/hooks.mjs',
    [
      'let hook = false;',
      'export function initialize(data) { hook = data.hook; }',
      'export async function resolve(specifier, context, next) {',
      '  const resolved = await next(specifier, context);',
      '  if (hook && /simple-git|smol-toml|js-yaml|\\/dist\\/chunks\\//.test(resolved.url)) throw new Error(`hook imported ${resolved.url}`);',
      '  return resolved;',
      '}',
      '',
    ].join('\n'),
  );
  await repo.write(
    '../loader/register.mjs',
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url, { data: { hook: process.argv.includes('hook') } });\n",
  );
  const merge = await repo.git(['merge', '--no-edit', 'dev'], {
    env: { NODE_OPTIONS: `--import ${repo.path('../loader/register.mjs')}` },
  });
  t.regex(lines(merge.stderr).join('\n'), /^git-alembic: created merge revision [0-9a-f]{12} of /);
  t.is(
    (await repo.git(['ls-tree', '-r', '--name-only', 'HEAD', 'migrations/versions'])).stdout
      .split('\n')
      .filter(Boolean).length,
    4,
  );
});

test('pre-commit under `git commit -a` stages the heads file into the index being committed', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['merge', '-q', '--no-edit', 'dev']);
  const head = (await repo.read('migrations/heads.txt')).trim().split('\n').at(-1) ?? '';
  await repo.write(
    'migrations/versions/cccc55556666_rev.py',
    parentSource({ id: 'cccc55556666', down: [head] }),
  );
  await repo.git(['add', 'migrations/versions/cccc55556666_rev.py']);
  await repo.write('notes.md', 'notes\n');
  await repo.git(['add', 'notes.md']);
  await repo.write('notes.md', 'notes, edited\n');
  const commit = await repo.git(['commit', '-a', '-q', '-m', 'c']);
  t.deepEqual(lines(commit.stderr), [
    'git-alembic: updated migrations/heads.txt (cccc55556666) and staged it',
  ]);
  t.regex((await repo.git(['show', 'HEAD:migrations/heads.txt'])).stdout, /^cccc55556666$/m);
  t.is((await repo.git(['status', '--porcelain'])).stdout, '');
});

test('a commit bringing in a revision file Python cannot compile is reported with file:line (complete syntax check)', async (t) => {
  const repo = await setUpRepo(t);
  const broken = `${parentSource({ id: 'cccc55556666', down: [A] })}\n\ndef helper():\n    return = 1\n`;
  await repo.write('migrations/versions/cccc55556666_rev.py', broken);
  await repo.git(['add', '-A']);
  const commit = await repo.git(['commit', '-q', '-m', 'broken revision']);
  const line = broken.split('\n').indexOf('    return = 1') + 1;
  t.regex(
    lines(commit.stderr)[0] ?? '',
    new RegExp(
      `^git-alembic: pre-commit hook failed: migrations/versions/cccc55556666_rev\\.py:${line}: Python syntax error: invalid syntax \\(Alembic cannot import this file either\\)`,
    ),
  );
});
