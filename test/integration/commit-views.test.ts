// The hooks work from what is being committed, not from the work tree: every `git commit` form
// (JetBrains' `--only` included), revision files staged in part with `git add -p`, and sparse
// checkouts without the versions directory, where `check` and `heads --write` read the
// skip-worktree entries from the index. Real git and husky, the built CLI, and real Alembic on
// the committed tree as the judge. Build first (`npm run build`).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';

import { A, B, BASE, lines, setUpRepo } from '../helpers/hook-repo.js';
import { parentSource } from '../helpers/merge-project.js';
import { oracleTest, runPython } from '../helpers/python.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const HEADS = 'migrations/heads.txt';
const ORACLE = fileURLToPath(new URL('../oracle/project_heads_oracle.py', import.meta.url));
const ID = /^[0-9a-f]{12}$/;

// The heads a heads file lists, at `spec` (`HEAD:path`, `:path` for the index).
async function listed(repo: TempRepo, spec: string): Promise<string[]> {
  return (await repo.git(['show', spec])).stdout.split('\n').filter((line) => ID.test(line));
}

// Real Alembic's heads of the project as committed in `rev`, from a copy of that tree alone.
async function alembicHeads(
  t: ExecutionContext,
  repo: TempRepo,
  python: string,
  rev = 'HEAD',
): Promise<string[]> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'git-alembic-tree-'));
  t.teardown(() => rm(directory, { recursive: true, force: true }));
  await repo.git(['archive', '-o', path.join(directory, 'tree.tar'), rev]);
  await repo.run('tar', ['-xf', 'tree.tar'], { cwd: path.relative(repo.root, directory) });
  const [answer] = JSON.parse(
    runPython(python, ORACLE, [], JSON.stringify([{ ini: path.join(directory, 'alembic.ini') }])),
  ) as { heads?: string[] }[];
  return [...(answer?.heads ?? [])].sort();
}

// The real index holds the committed heads file, and the work tree agrees: nothing to commit there.
async function assertIndexHoldsCommittedHeadsFile(
  t: ExecutionContext,
  repo: TempRepo,
  message: string,
): Promise<void> {
  t.is(
    (await repo.git(['rev-parse', `:${HEADS}`])).stdout,
    (await repo.git(['rev-parse', `HEAD:${HEADS}`])).stdout,
    `${message}: index = HEAD`,
  );
  t.is(
    (await repo.git(['status', '--porcelain', '--', HEADS])).stdout,
    '',
    `${message}: heads file clean`,
  );
}

const COMMIT_FORMS: readonly (readonly [string, (file: string) => string[]])[] = [
  ['git commit -- <path>', (file) => ['commit', '-q', '-m', 'x', '--', file]],
  ['git commit --only <path>', (file) => ['commit', '-q', '--only', '-m', 'x', file]],
  ['git commit -i <path>', (file) => ['commit', '-q', '-i', '-m', 'x', file]],
  ['git commit -a', () => ['commit', '-q', '-a', '-m', 'x']],
  ['git commit', () => ['commit', '-q', '-m', 'x']],
];

oracleTest(
  test,
  "after every commit form (JetBrains' --only included) the committed tree and the real index hold the right heads file",
  async (t, python) => {
    const repo = await setUpRepo(t);
    let head = A;
    for (const [name, args] of COMMIT_FORMS) {
      const id = `${head.slice(0, 4)}cccc${String(COMMIT_FORMS.findIndex(([form]) => form === name)).padStart(4, '0')}`;
      const file = `migrations/versions/${id}_rev.py`;
      await repo.write(file, parentSource({ id, down: [head] }));
      await repo.git(['add', file]);
      // Something else staged, which --only and -- <path> leave out of the commit.
      await repo.write('notes.md', `${name}\n`);
      await repo.git(['add', 'notes.md']);
      const commit = await repo.git(args(file));
      t.deepEqual(
        lines(commit.stderr),
        [`git-alembic: updated ${HEADS} (${id}) and staged it`],
        name,
      );
      t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [id], `${name}: the commit's heads file`);
      t.deepEqual(
        await alembicHeads(t, repo, python),
        [id],
        `${name}: Alembic on the committed tree`,
      );
      await assertIndexHoldsCommittedHeadsFile(t, repo, name);
      head = id;
    }
    // The next plain commit records the heads file the real index holds: still current.
    await repo.write('notes.md', 'last\n');
    await repo.git(['add', 'notes.md']);
    await repo.git(['commit', '-q', '-m', 'notes']);
    t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [head]);
    t.is((await repo.git(['status', '--porcelain', '--untracked-files=no'])).stdout, '');
  },
);

test('git commit --only keeps what else is staged, and the next commit gets its own heads right', async (t) => {
  const repo = await setUpRepo(t);
  const [only, later] = ['cccc00000001', 'cccc00000002'];
  await repo.write(
    `migrations/versions/${later}_rev.py`,
    parentSource({ id: later, down: [only] }),
  );
  await repo.write(`migrations/versions/${only}_rev.py`, parentSource({ id: only, down: [A] }));
  await repo.git(['add', 'migrations/versions']);
  // The IDE commits one file; the other stays staged for later.
  await repo.git(['commit', '-q', '--only', '-m', 'only', `migrations/versions/${only}_rev.py`]);
  t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [only]);
  t.deepEqual(await listed(repo, `:${HEADS}`), [only]);
  t.is(
    (await repo.git(['status', '--porcelain', '--untracked-files=no'])).stdout,
    `A  migrations/versions/${later}_rev.py\n`,
  );
  await repo.git(['commit', '-q', '-m', 'later']);
  t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [later]);
  t.is((await repo.git(['status', '--porcelain', '--untracked-files=no'])).stdout, '');
});

// A revision whose down_revision and upgrade() are far apart: two hunks when both change.
function twoHunkRevision(id: string, down: string, body: string): string {
  const padding = Array.from({ length: 12 }, (_, index) => `# line ${index}`);
  return [
    `revision = '${id}'`,
    `down_revision = '${down}'`,
    'branch_labels = None',
    'depends_on = None',
    ...padding,
    '',
    'def upgrade():',
    `    ${body}`,
    '',
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');
}

oracleTest(
  test,
  'a revision file staged in part (git add -p): heads come from the staged content, and post-commit warns of nothing',
  async (t, python) => {
    const repo = await setUpRepo(t);
    const C = 'cccc55556666';
    const file = `migrations/versions/${C}_rev.py`;
    await repo.write(file, twoHunkRevision(C, A, 'pass'));
    await repo.git(['add', file]);
    await repo.git(['commit', '-q', '-m', 'add c']);
    // An experiment in the work tree (C moved onto BASE), and a fix to upgrade() worth committing.
    await repo.write(file, twoHunkRevision(C, BASE, 'op.execute("select 1")'));
    const add = await repo.git(['add', '-p', '--', file], { input: 'n\ny\n' });
    t.regex(add.stdout, /\(2\/2\) Stage this hunk/, 'two hunks, the second staged');
    t.regex(
      (await repo.git(['show', `:${file}`])).stdout,
      new RegExp(`down_revision = '${A}'[^]*select 1`),
      'staged: the old parent and the new body',
    );
    const commit = await repo.git(['commit', '-q', '-m', 'fix c']);
    t.deepEqual(lines(commit.stderr), [], 'no heads file change and no "two heads" warning');
    t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [C]);
    t.deepEqual(await alembicHeads(t, repo, python), [C]);
    await assertIndexHoldsCommittedHeadsFile(t, repo, 'add -p');
    t.regex(
      await repo.read(file),
      new RegExp(`down_revision = '${BASE}'`),
      'the unstaged part is still there',
    );
  },
);

test('a revision file staged, then edited: the heads file is staged from the staged content', async (t) => {
  const repo = await setUpRepo(t);
  const [C, D] = ['cccc55556666', 'dddd77778888'];
  const file = `migrations/versions/${C}_rev.py`;
  await repo.write(file, parentSource({ id: C, down: [A] }));
  await repo.git(['add', file]);
  // Renamed in the work tree after staging: the commit still holds C.
  await repo.write(file, parentSource({ id: D, down: [A] }));
  const commit = await repo.git(['commit', '-q', '-m', 'c']);
  t.deepEqual(lines(commit.stderr), [`git-alembic: updated ${HEADS} (${C}) and staged it`]);
  t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [C]);
});

oracleTest(
  test,
  'a revision file only intended to be added (git add -N) is no part of the commit',
  async (t, python) => {
    const repo = await setUpRepo(t);
    const [intended, staged] = ['cccc55556666', 'dddd77778888'];
    await repo.write(
      `migrations/versions/${intended}_rev.py`,
      parentSource({ id: intended, down: [A] }),
    );
    await repo.git(['add', '-N', `migrations/versions/${intended}_rev.py`]);
    await repo.write(
      `migrations/versions/${staged}_rev.py`,
      parentSource({ id: staged, down: [A] }),
    );
    await repo.git(['add', `migrations/versions/${staged}_rev.py`]);
    const commit = await repo.git(['commit', '-q', '-m', 'd']);
    t.deepEqual(lines(commit.stderr), [`git-alembic: updated ${HEADS} (${staged}) and staged it`]);
    t.deepEqual(await alembicHeads(t, repo, python), [staged]);
    t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [staged]);
  },
);

// Sparse checkout of everything but the versions directory (and `alsoExcluded`): its entries are skip-worktree.
async function sparseWithoutVersions(
  t: ExecutionContext,
  repo: TempRepo,
  ...alsoExcluded: string[]
): Promise<void> {
  await sparse(repo, [
    '--no-cone',
    '/*',
    '!/migrations/versions/',
    ...alsoExcluded.map((file) => `!/${file}`),
  ]);
  t.false(
    await repo.exists('migrations/versions'),
    'sparse checkout left the versions directory out',
  );
}

async function sparse(repo: TempRepo, args: readonly string[]): Promise<void> {
  // The copied work tree's stat data is new: refresh it, or git keeps the files as "not up to date".
  await repo.git(['update-index', '-q', '--refresh']);
  await repo.git(['sparse-checkout', 'set', ...args]);
}

test('sparse checkout without the versions directory: check, heads and heads --write read the index, never an empty history', async (t) => {
  const repo = await setUpRepo(t);
  await sparseWithoutVersions(t, repo);
  const before = await repo.read(HEADS);
  t.is((await repo.cli(['heads'])).stdout, `${A} (head)\n`);
  const check = await repo.cli(['check'], { allowFailure: true });
  t.is(check.status, 0, check.stdout);
  const write = await repo.cli(['heads', '--write']);
  t.deepEqual([write.stdout, write.stderr], ['', `git-alembic: ${HEADS} is up to date\n`]);
  t.is(await repo.read(HEADS), before, 'the heads file is never emptied');
  t.false(await repo.exists('migrations/versions'), 'nothing checked out');
});

test('sparse checkout without the heads file either: it is read from the index, not taken for missing', async (t) => {
  const repo = await setUpRepo(t);
  // (Without the whole script directory, Alembic itself cannot start: "Path doesn't exist".)
  await sparseWithoutVersions(t, repo, HEADS);
  t.false(await repo.exists(HEADS));
  const check = await repo.cli(['check'], { allowFailure: true });
  t.is(check.status, 0, check.stdout);
  const write = await repo.cli(['heads', '--write']);
  t.is(write.stderr, `git-alembic: ${HEADS} is up to date\n`);
  t.false(await repo.exists(HEADS), 'left out of the work tree, as sparse checkout wants');
});

const SPARSE_LAYOUTS = [
  ['patterns leaving out the versions directory', ['--no-cone', '/*', '!/migrations/versions/']],
  // Cone mode takes the files directly in migrations/ (for a directory below it that does not
  // exist), not migrations/versions/; the sparse index then records that as one directory entry.
  ['cone mode with a sparse index', ['--cone', '--sparse-index', '.husky', 'migrations/none']],
] as const;

for (const [layout, args] of SPARSE_LAYOUTS) {
  oracleTest(
    test,
    `sparse checkout (${layout}): \`git merge\` forks the history and the hook merges it into the merge commit`,
    async (t, python) => {
      const repo = await setUpRepo(t);
      await sparse(repo, args);
      t.false(await repo.exists('migrations/versions'));
      const merge = await repo.git(['merge', '--no-edit', 'dev']);
      const [line] = lines(merge.stderr);
      const id =
        /^git-alembic: created merge revision ([0-9a-f]{12}) of /.exec(line ?? '')?.[1] ?? '';
      t.is(
        line,
        `git-alembic: created merge revision ${id} of ${A} (main) and ${B} (dev), which this merge left as two heads; added it and ${HEADS} to the merge commit`,
      );
      t.deepEqual(await listed(repo, `HEAD:${HEADS}`), [id]);
      t.deepEqual(await alembicHeads(t, repo, python), [id]);
      t.is((await repo.git(['log', '-1', '--format=%P'])).stdout.trim().split(' ').length, 2);
      t.is(
        (await repo.git(['status', '--porcelain'])).stdout,
        '',
        'nothing left staged or changed',
      );
      t.is((await repo.cli(['check'], { allowFailure: true })).status, 0);
    },
  );
}

test('sparse checkout: the merge revision is staged outside the sparse set by pre-commit (merge --no-commit) and committed on top by post-rewrite (rebase)', async (t) => {
  const repo = await setUpRepo(t);
  await sparseWithoutVersions(t, repo);
  await repo.git(['merge', '--no-commit', 'dev']);
  const commit = await repo.git(['commit', '--no-edit']);
  t.regex(
    lines(commit.stderr)[0] ?? '',
    new RegExp(
      `^git-alembic: created merge revision [0-9a-f]{12} of ${A} \\(main\\) and ${B} \\(dev\\), which this merge left as two heads; added it and ${HEADS} to this merge commit$`,
    ),
  );
  const merged = await listed(repo, `HEAD:${HEADS}`);
  t.is(merged.length, 1);
  t.true(
    (await repo.git(['ls-tree', '--name-only', 'HEAD', `migrations/versions/`])).stdout.includes(
      `${merged[0]}_merge_heads`,
    ),
  );
  t.is((await repo.git(['status', '--porcelain'])).stdout, '');

  await repo.git(['checkout', '-q', 'dev']);
  const rebase = await repo.git(['rebase', 'main~1']);
  t.regex(
    lines(rebase.stderr)[0] ?? '',
    /which this rebase left as two heads; committed it and migrations\/heads\.txt on top /,
  );
  t.deepEqual(await listed(repo, `HEAD:${HEADS}`), await listed(repo, `:${HEADS}`));
  t.is((await repo.git(['status', '--porcelain'])).stdout, '');
  t.is((await repo.cli(['check'], { allowFailure: true })).status, 0);
});
