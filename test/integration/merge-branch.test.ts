// `git-alembic merge-branch`: usage, refusals that change nothing (exit 2 and 64), git's own
// failures, and the attributes it supplies for the merge (the user's own still apply; the
// repository's win and are reported). Real git, the built CLI; no Python needed.
import test, { type ExecutionContext } from 'ava';

import {
  createTempRepo,
  type RunResult,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

const ORIGINAL = { allowFailure: true } as const;

// A project with a heads file, committed, and a branch `dev` that changed README.md.
async function project(t: ExecutionContext): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('README.md', 'readme\n');
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  await repo.git(['checkout', '-q', '-b', 'dev']);
  await repo.write('README.md', 'readme\ndev\n');
  await repo.git(['commit', '-q', '-am', 'dev: readme']);
  await repo.git(['checkout', '-q', 'main']);
  return repo;
}

async function state(repo: TempRepo): Promise<string> {
  const head = (await repo.git(['rev-parse', 'HEAD'])).stdout;
  const status = (await repo.git(['status', '--porcelain', '--untracked-files=all'])).stdout;
  return `${head}${status}${String(await repo.exists('.git/MERGE_HEAD'))}`;
}

// Runs merge-branch and checks that it refused with exactly `stderr` and changed nothing.
async function refused(
  t: ExecutionContext,
  repo: TempRepo,
  args: readonly string[],
  status: number,
  stderr: string,
  env: Record<string, string> = {},
): Promise<void> {
  const before = await state(repo);
  const run: RunResult = await repo.cli(['merge-branch', ...args], { ...ORIGINAL, env });
  t.deepEqual(run, { status, stdout: '', stderr: `${stderr}\n` });
  t.is(await state(repo), before, 'nothing changed');
}

test('--help explains, shows the exit codes and examples', async (t) => {
  const repo = await createTempRepo(t);
  const help = await repo.cli(['merge-branch', '--help']);
  t.regex(help.stdout, /^Usage: git-alembic merge-branch \[-m MSG\] \[--no-commit\] REF\n/);
  t.regex(help.stdout, /Exit status: 0 merged/);
  t.regex(help.stdout, /npx git-alembic merge-branch origin\/main/);
  t.true(
    (await repo.cli(['--help'])).stdout.includes(
      '  merge-branch  git merge a branch with git-alembic applied, in any clone (no setup needed)\n',
    ),
  );
});

test('usage: no ref, two refs, an option-like ref, an unknown option (exit 64)', async (t) => {
  const repo = await project(t);
  const hint =
    '(hint: name it, as in `git-alembic merge-branch origin/main`; merge several branches one at a time)';
  await refused(
    t,
    repo,
    [],
    64,
    `git-alembic: merge-branch merges exactly one branch (or commit) ${hint}`,
  );
  await refused(
    t,
    repo,
    ['dev', 'main'],
    64,
    `git-alembic: merge-branch merges exactly one branch (or commit) ${hint}`,
  );
  await refused(
    t,
    repo,
    ['--', '-dev'],
    64,
    `git-alembic: '-dev' looks like an option, not a branch ${hint}`,
  );
  await refused(
    t,
    repo,
    ['--squash', 'dev'],
    64,
    "git-alembic: unknown option '--squash' (hint: run `git-alembic merge-branch --help`)",
  );
});

test('refusals that change nothing (exit 2): unknown ref, staged changes, a merge in progress, GIT_ALEMBIC=0', async (t) => {
  const repo = await project(t);
  await refused(
    t,
    repo,
    ['nosuch'],
    2,
    "git-alembic: 'nosuch' does not name a commit; nothing was merged (hint: fetch it first (e.g. `git fetch origin main`, then `git-alembic merge-branch origin/main`))",
  );
  await refused(
    t,
    repo,
    ['dev'],
    2,
    'git-alembic: GIT_ALEMBIC=0 turns git-alembic off; nothing was merged (hint: unset GIT_ALEMBIC, or run `git merge` for a merge without git-alembic)',
    { GIT_ALEMBIC: '0' },
  );
  await repo.write('staged.txt', 'x\n');
  await repo.git(['add', 'staged.txt']);
  await refused(
    t,
    repo,
    ['dev'],
    2,
    'git-alembic: staged changes (staged.txt) would go into the merge commit; nothing was merged (hint: commit them, or put them aside with `git stash`, then merge)',
  );
  await repo.git(['rm', '-q', '--cached', 'staged.txt']);
  await repo.git(['merge', '--no-commit', '--no-ff', 'dev']);
  await refused(
    t,
    repo,
    ['dev'],
    2,
    'git-alembic: a merge is in progress; nothing was merged (hint: finish it (`git commit`, `git rebase --continue`) or abort it first)',
  );
});

test('turned off by the config, outside a repository, in a bare repository: exit 2', async (t) => {
  const repo = await project(t);
  await repo.write('.git-alembicrc.json', '{ "enabled": false }\n');
  await refused(
    t,
    repo,
    ['dev'],
    2,
    `git-alembic: git-alembic is turned off in this repository ("enabled": false in .git-alembicrc.json); nothing was merged (hint: run \`git merge\` for a merge without git-alembic)`,
  );
  await repo.git(['init', '-q', '--bare', '../bare.git']);
  const bare = await repo.cli(['merge-branch', 'main'], { ...ORIGINAL, cwd: '../bare.git' });
  t.is(bare.status, 2);
  t.regex(bare.stderr, /^git-alembic: not a git repository: .*bare\.git \(hint/);
});

test("git merge itself fails (unrelated histories): exit 2 after git's own message, nothing changed", async (t) => {
  const repo = await project(t);
  await repo.git(['checkout', '-q', '--orphan', 'other']);
  await repo.git(['rm', '-rqf', '.']);
  await repo.write('other.txt', 'other\n');
  await repo.git(['add', 'other.txt']);
  await repo.git(['commit', '-q', '-m', 'other']);
  await repo.git(['checkout', '-q', 'main']);
  const before = await state(repo);
  const run = await repo.cli(['merge-branch', 'other'], ORIGINAL);
  t.is(run.status, 2);
  t.is(
    run.stderr,
    "fatal: refusing to merge unrelated histories\ngit-alembic: git merge failed (exit 128, see git's message above) (hint: fix what git names and run merge-branch again)\n",
  );
  t.is(await state(repo), before);
});

test("the user's own attributes file still applies to other files during the merge", async (t) => {
  const repo = await project(t);
  // A global attributes file with a union merge for a file both sides change.
  await repo.write('../global-attributes', 'NOTES merge=union\n');
  await repo.git(['config', '--global', 'core.attributesFile', repo.path('../global-attributes')]);
  await repo.write('NOTES', 'one\n');
  await repo.git(['add', 'NOTES']);
  await repo.git(['commit', '-q', '-m', 'notes']);
  await repo.git(['checkout', '-q', '-b', 'side']);
  await repo.write('NOTES', 'one\nside\n');
  await repo.git(['commit', '-q', '-am', 'side']);
  await repo.git(['checkout', '-q', 'main']);
  await repo.write('NOTES', 'one\nmain\n');
  await repo.git(['commit', '-q', '-am', 'main']);
  const run = await repo.cli(['merge-branch', 'side']);
  t.is(run.status, 0, run.stderr);
  t.is(
    await repo.read('NOTES'),
    'one\nmain\nside\n',
    'merged by the union driver the global file names',
  );
});

test('a merge attribute the repository gives a heads file wins, and merge-branch says so', async (t) => {
  const repo = await project(t);
  await repo.write('.gitattributes', '* text=auto eol=lf\nmigrations/heads.txt merge=union\n');
  await repo.git(['commit', '-q', '-am', 'union heads']);
  await repo.git(['checkout', '-q', 'dev']);
  await writeRevision(repo, 'b1', 'a1');
  await repo.cli(['heads', '--write']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'dev: b1']);
  await repo.git(['checkout', '-q', 'main']);
  const run = await repo.cli(['merge-branch', 'dev']);
  t.true(
    run.stderr.includes(
      "git-alembic: warning: migrations/heads.txt has merge=union from the repository's own attributes, which take precedence over git-alembic's driver for this merge\n",
    ),
  );
  t.is(run.status, 0);
});

test('a merge git stops before committing without conflicts (a pre-merge-commit hook): exit 1, and how to go on', async (t) => {
  const repo = await project(t);
  await repo.write('notes.md', 'main\n');
  await repo.git(['add', 'notes.md']);
  await repo.git(['commit', '-q', '-m', 'main: notes']);
  await repo.write('.git/hooks/pre-merge-commit', '#!/bin/sh\nexit 1\n', 0o755);
  const run = await repo.cli(['merge-branch', 'dev'], ORIGINAL);
  t.is(run.status, 1);
  t.true(
    run.stderr.endsWith(
      'git-alembic: git stopped before committing the merge (see its message above); conclude it with `git commit`, or undo it with `git merge --abort`\n',
    ),
    run.stderr,
  );
  t.true(await repo.exists('.git/MERGE_HEAD'));
});

test('an attributes file git cannot read (a directory) is ignored, as git ignores it', async (t) => {
  const repo = await project(t);
  await repo.write('../attributes/keep', '');
  await repo.git(['config', '--global', 'core.attributesFile', repo.path('../attributes')]);
  await repo.write('notes.md', 'main\n');
  await repo.git(['add', 'notes.md']);
  await repo.git(['commit', '-q', '-m', 'main: notes']);
  const run = await repo.cli(['merge-branch', 'dev']);
  t.is(run.status, 0, run.stderr);
  t.is((await repo.git(['log', '-1', '--format=%s'])).stdout, "Merge branch 'dev'\n");
});
