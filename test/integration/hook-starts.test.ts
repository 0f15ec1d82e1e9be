// One node process per git operation at most, and none where nothing could matter: which hooks
// start git-alembic (real git, husky 9 and our hook blocks; node_modules/.bin/git-alembic logs
// each start), and that the commits come out as before: pre-commit's shell block asks git once
// whether a Python or heads file is staged, and post-commit ends on pre-commit's note when the
// commit is the one pre-commit checked. Build first (`npm run build`).
import { cp, readdir, symlink } from 'node:fs/promises';
import test from 'ava';

import { A, B, BASE, lines, setUpRepo } from '../helpers/hook-repo.js';
import { parentSource } from '../helpers/merge-project.js';
import { BIN, type TempRepo } from '../helpers/temp-repo.js';

const HEADS = 'migrations/heads.txt';

// The repository of hook-repo.ts (main: BASE, A; dev: BASE, B) with a git-alembic that logs its starts.
async function loggingRepo(
  t: Parameters<typeof setUpRepo>[0],
): Promise<{ repo: TempRepo; starts: () => Promise<string[]> }> {
  const repo = await setUpRepo(t);
  const log = repo.path('../starts.log');
  await repo.write(
    'node_modules/.bin/git-alembic',
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${process.execPath}' '${BIN}' "$@"\n`,
    0o755,
  );
  await repo.write('../starts.log', '');
  const starts = async (): Promise<string[]> => {
    const logged = (await repo.read('../starts.log')).split('\n').filter(Boolean);
    await repo.write('../starts.log', '');
    return logged;
  };
  return { repo, starts };
}

async function revision(repo: TempRepo, id: string, down: readonly string[]): Promise<string> {
  const file = `migrations/versions/${id}_rev.py`;
  await repo.write(file, parentSource({ id, down }));
  return file;
}

async function committedHeads(repo: TempRepo, rev = 'HEAD'): Promise<string[]> {
  return (await repo.git(['show', `${rev}:${HEADS}`])).stdout
    .split('\n')
    .filter((line) => /^[0-9a-f]{12}$/.test(line));
}

test('a commit of a README change starts node in no hook', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.write('README.md', 'docs\n');
  await repo.git(['add', 'README.md']);
  const commit = await repo.git(['commit', '-q', '-m', 'docs']);
  t.deepEqual(lines(commit.stderr), []);
  t.deepEqual(await starts(), []);
});

test('a commit adding a migration starts node once: pre-commit, whose note post-commit trusts', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.git(['add', await revision(repo, 'cccc55556666', [A])]);
  const commit = await repo.git(['commit', '-q', '-m', 'c']);
  t.deepEqual(lines(commit.stderr), [`git-alembic: updated ${HEADS} (cccc55556666) and staged it`]);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo), ['cccc55556666']);
  t.is(await repo.read('.git/git-alembic/pre-commit-checked'), '', 'a note serves once');
});

test('a Python file that is no revision starts node once, even with a line naming a revision', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.write(
    'app/models.py',
    '# the schema revision is checked at start-up\nclass User:\n    pass\n',
  );
  await repo.git(['add', 'app/models.py']);
  t.deepEqual(lines((await repo.git(['commit', '-q', '-m', 'models'])).stderr), []);
  t.deepEqual(await starts(), ['hook pre-commit']);
});

test('a heads file staged alone starts pre-commit, which puts it right', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.write(HEADS, `${(await repo.read(HEADS)).replace(A, B)}`);
  await repo.git(['add', HEADS]);
  const commit = await repo.git(['commit', '-q', '-m', 'heads']);
  t.deepEqual(lines(commit.stderr), [`git-alembic: updated ${HEADS} (${A}) and staged it`]);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo), [A]);
});

test('names with spaces and newlines: a Python file starts node, any other file does not', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.write('docs/a b\nc.md', 'docs\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'docs']);
  t.deepEqual(await starts(), []);
  await repo.write('app/x y\nz.py', 'x = 1\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'code']);
  t.deepEqual(await starts(), ['hook pre-commit']);
});

test('a deleted revision file starts pre-commit once, which puts the heads file right', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.git(['rm', '-q', `migrations/versions/${A}_rev.py`]);
  const commit = await repo.git(['commit', '-q', '-m', 'drop a']);
  t.deepEqual(lines(commit.stderr), [`git-alembic: updated ${HEADS} (${BASE}) and staged it`]);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo), [BASE]);
});

test('commit --only and commit -a start node once each; an amend, whose parents differ from the note, is checked by post-commit', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  const c = await revision(repo, 'cccc55556666', [A]);
  await repo.git(['add', c]);
  await repo.git(['commit', '-q', '-m', 'c', '--', c]);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo), ['cccc55556666']);
  await repo.git(['add', await revision(repo, 'dddd77778888', ['cccc55556666'])]);
  await repo.write('.gitignore', 'node_modules\n# edited, committed by -a\n');
  await repo.git(['commit', '-a', '-q', '-m', 'd']);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo), ['dddd77778888']);
  await repo.git(['add', await revision(repo, 'eeee99990000', ['dddd77778888'])]);
  const amend = await repo.git(['commit', '--amend', '-q', '--no-edit']);
  t.deepEqual(lines(amend.stderr), [`git-alembic: updated ${HEADS} (eeee99990000) and staged it`]);
  t.deepEqual(await starts(), ['hook pre-commit', 'hook post-commit']);
  t.deepEqual(await committedHeads(repo), ['eeee99990000']);
  t.is((await repo.git(['status', '--porcelain'])).stdout, '');
});

test('a commit that forks the history leaves the warning to post-commit, as before', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.git(['add', await revision(repo, 'ffff00001111', [BASE])]);
  const commit = await repo.git(['commit', '-q', '-m', 'on an old head']);
  t.deepEqual(lines(commit.stderr), [
    `git-alembic: updated ${HEADS} (${A}, ffff00001111) and staged it`,
    `git-alembic: warning: this commit left two heads on one branch: ${A} (main) and ffff00001111 (new in this commit); run \`git-alembic merge\` and commit the merge revision`,
  ]);
  t.deepEqual(await starts(), ['hook pre-commit', 'hook post-commit']);
});

test('the note of a commit that was never made vouches for no other commit', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  const c = await revision(repo, 'cccc55556666', [A]);
  await repo.git(['add', c]);
  // An empty message: git aborts after pre-commit has checked (and noted) the commit.
  t.not((await repo.git(['commit', '-q', '-m', ''], { allowFailure: true })).status, 0);
  t.deepEqual(await starts(), ['hook pre-commit']);
  await repo.git(['reset', '-q', '--', c]);
  await repo.git(['add', await revision(repo, 'ffff00001111', [BASE])]);
  const commit = await repo.git(['commit', '--no-verify', '-q', '-m', 'fork, unchecked']);
  t.deepEqual(await starts(), ['hook post-commit']);
  t.deepEqual(lines(commit.stderr), [
    `git-alembic: warning: this commit left two heads on one branch: ${A} (main) and ffff00001111 (new in this commit); run \`git-alembic merge\` and commit the merge revision`,
  ]);
});

test('a merge concluded by commit: pre-commit adds the merge revision, post-commit checks the merge for itself', async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.git(['merge', '-q', '--no-commit', 'dev']);
  // The heads files differ: the merge driver starts, no hook.
  t.deepEqual(
    (await starts()).map((start) => start.split(' ')[0]),
    ['driver'],
  );
  const commit = await repo.git(['commit', '-q', '--no-edit']);
  t.is(lines(commit.stderr).length, 1);
  t.regex(lines(commit.stderr)[0] ?? '', /^git-alembic: created merge revision [0-9a-f]{12} of /);
  t.deepEqual(await starts(), ['hook pre-commit', 'hook post-commit']);
  t.is((await committedHeads(repo)).length, 1);
});

test("in a linked worktree (husky installed there too) post-commit finds the note in that worktree's git directory", async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.git(['worktree', 'add', '-q', '-b', 'side', '../side', 'main']);
  await symlink(repo.path('node_modules'), repo.path('../side/node_modules'), 'dir');
  await cp(repo.path('.husky/_'), repo.path('../side/.husky/_'), { recursive: true });
  await repo.write(
    '../side/migrations/versions/cccc55556666_rev.py',
    parentSource({ id: 'cccc55556666', down: [A] }),
  );
  await repo.git(['add', 'migrations/versions/cccc55556666_rev.py'], { cwd: '../side' });
  const commit = await repo.git(['commit', '-q', '-m', 'c'], { cwd: '../side' });
  t.deepEqual(lines(commit.stderr), [`git-alembic: updated ${HEADS} (cccc55556666) and staged it`]);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo, 'side'), ['cccc55556666']);
});

// The git commands a git operation ran, hooks included, in order (GIT_TRACE, which every git
// process started inside inherits): `git <subcommand>` for each.
async function tracedCommands(repo: TempRepo, args: readonly string[]): Promise<string[]> {
  const trace = repo.path('../git-trace.log');
  await repo.write('../git-trace.log', '');
  await repo.git(args, { env: { GIT_TRACE: trace } });
  return (await repo.read('../git-trace.log'))
    .split('\n')
    .flatMap(
      (line) =>
        /trace: built-in: git (?:-c \S+ |--[a-z-]+ )*([a-z-]+)/.exec(line)?.slice(1, 2) ?? [],
    );
}

test("a commit adding a migration: pre-commit's node takes the staged list from the shell block and lists the index once", async (t) => {
  const { repo, starts } = await loggingRepo(t);
  await repo.git(['add', await revision(repo, 'cccc55556666', [A])]);
  const commands = await tracedCommands(repo, ['commit', '-q', '-m', 'c']);
  t.deepEqual(await starts(), ['hook pre-commit']);
  t.deepEqual(await committedHeads(repo), ['cccc55556666']);
  // The shell block's diff, node's listing, staging and the note's tree, post-commit's diff-tree.
  t.deepEqual(commands, ['commit', 'diff', 'ls-files', 'update-index', 'write-tree', 'diff-tree']);
});

test("a merge that forks the history: post-merge's node asks git about the compared commits once", async (t) => {
  const { repo, starts } = await loggingRepo(t);
  const commands = await tracedCommands(repo, ['merge', '-q', '--no-edit', 'dev']);
  t.deepEqual(
    (await starts()).map((start) => (start.startsWith('driver ') ? 'driver' : start)),
    ['driver', 'hook post-merge 0'],
  );
  t.is(
    commands.filter((command) => command === 'cat-file').length,
    2,
    'the lineage lookups, then the merge commit for the fold',
  );
  t.is(
    commands.filter((command) => command === 'ls-tree').length,
    1,
    'only the merge commit is listed',
  );
  t.is(commands.filter((command) => command === 'ls-files').length, 1);
  t.is((await committedHeads(repo)).length, 1);
});

test('a hook that writes and folds a merge loads no ES module loader, node:crypto, perf_hooks or fs/promises; the clean merge driver no node:child_process', async (t) => {
  const { repo } = await loggingRepo(t);
  // At exit, each node the merge starts writes its arguments, then the built-in modules it loaded.
  const preload = repo.path('../modules.cjs');
  await repo.write(
    '../modules.cjs',
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(repo.path('../modules-'))} + process.pid, [process.argv.slice(2).join(' '), ...process.moduleLoadList].join('\\n')));\n`,
  );
  await repo.git(['merge', '-q', '--no-edit', 'dev'], {
    env: { NODE_OPTIONS: `--require ${preload}` },
  });
  const logs = (await readdir(repo.path('..'))).filter((name) => name.startsWith('modules-'));
  const loaded = await Promise.all(
    logs.map(async (name) => (await repo.read(`../${name}`)).split('\n')),
  );
  // The hook's log, not the merge driver's: its first line is the hook's arguments.
  const hook = loaded.find(([args]) => args?.startsWith('hook post-merge'));
  t.is(logs.length, 2, 'the merge driver and post-merge');
  t.truthy(hook);
  for (const unwanted of [
    'NativeModule internal/modules/esm/module_job',
    'NativeModule crypto',
    'NativeModule perf_hooks',
    'NativeModule fs/promises',
  ])
    t.false(hook?.includes(unwanted), unwanted);
  // The driver's merge of the heads files is clean: it starts no git merge-file.
  const driver = loaded.find(([args]) => args?.startsWith('driver '));
  t.truthy(driver);
  t.false(driver?.includes('NativeModule child_process'), 'driver: child_process');
  t.is((await committedHeads(repo)).length, 1, 'the merge revision was folded in');
});
