// `git-alembic demo` asserts its own outcome: after the real `git merge dev` in its throwaway
// repository there is one head, the merge commit has two parents and holds the merge revision
// and the updated heads file, and the working tree is clean. One demo run for the whole file.
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';

import { DEMO_REVISIONS } from '../../src/demo/demo-project.js';
import { demoTestEnv, runProgram } from '../helpers/demo-run.js';
import { BIN } from '../helpers/temp-repo.js';

const { base, hotfix, feature } = DEMO_REVISIONS;

test('the demo merges dev into main with a real git merge and ends with one head', async (t) => {
  const cwd = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-demo-test-'));
  t.teardown(() => rm(cwd, { recursive: true, force: true, maxRetries: 5 }));
  // A caller's git location and switches must not reach the demo's git (HUSKY=0 would silence its hooks).
  const elsewhere = path.join(cwd, 'elsewhere.git');
  const env = demoTestEnv({
    GIT_DIR: elsewhere,
    GIT_INDEX_FILE: path.join(cwd, 'index'),
    HUSKY: '0',
    GIT_ALEMBIC: '0',
  });
  const demo = await runProgram(process.execPath, [BIN, 'demo'], cwd, env);
  t.is(demo.stderr, '');
  t.is(demo.status, 0, demo.stdout);
  t.false(existsSync(elsewhere), 'GIT_DIR was not passed on');

  const repository = /^The repository is in (.+); look around/m.exec(demo.stdout)?.[1] ?? '';
  t.regex(path.basename(path.dirname(repository)), /^git-alembic-demo-/);
  t.teardown(() => rm(path.dirname(repository), { recursive: true, force: true, maxRetries: 5 }));
  const git = async (args: readonly string[]): Promise<string> =>
    (await runProgram('git', args, repository, demoTestEnv())).stdout;

  const [, ...parents] = (await git(['rev-list', '--parents', '-n', '1', 'HEAD']))
    .trim()
    .split(' ');
  t.deepEqual(
    parents,
    [(await git(['rev-parse', 'main^1'])).trim(), (await git(['rev-parse', 'dev'])).trim()],
    'a 2-parent merge commit of main and dev',
  );
  const changed = (await git(['diff-tree', '--name-status', '-r', 'HEAD^1', 'HEAD']))
    .trim()
    .split('\n');
  const mergeFile =
    changed
      .find((line) => /^A\tmigrations\/versions\/[0-9a-f]{12}_merge_heads_/.test(line))
      ?.slice(2) ?? '';
  const id = /versions\/([0-9a-f]{12})_/.exec(mergeFile)?.[1] ?? '';
  t.deepEqual(
    changed.sort(),
    [
      'M\tmigrations/heads.txt',
      `A\t${mergeFile}`,
      `A\tmigrations/versions/${feature}_add_invoices.py`,
    ].sort(),
  );
  t.regex(
    await git(['show', `HEAD:${mergeFile}`]),
    new RegExp(`^down_revision: .* = \\('${hotfix}', '${feature}'\\)$`, 'm'),
  );
  t.is(
    (await git(['show', 'HEAD:migrations/heads.txt'])).trim().split('\n').at(-1),
    id,
    'the heads file in the merge commit lists the merge revision',
  );
  t.is(await git(['status', '--porcelain']), '', 'a clean working tree');
  t.is(
    (await runProgram(process.execPath, [BIN, 'heads'], repository, demoTestEnv())).stdout,
    `${id} (head)\n`,
    'one head',
  );

  // What it shows, in order: the story, the hook's one line, the merge revision, the commit, the graph.
  const shown = [
    '1. A throwaway repository with an Alembic project, git-alembic installed',
    '$ npx git-alembic setup',
    '2. Two branches each add a migration on the same parent',
    '3. main and dev together, as a merge without git-alembic leaves them: two heads',
    `* ${hotfix} (head, diverged) hotfix: index accounts.email`,
    '$ git merge dev',
    `git-alembic: created merge revision ${id} of ${hotfix} (main) and ${feature} (dev), which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    `5. The merge revision git-alembic wrote: ${mergeFile}`,
    '6. The merge commit',
    '$ git diff-tree --name-status -r HEAD^1 HEAD',
    '7. After the merge: one head',
    `* ${id} (head) merge heads ${hotfix}, ${feature}`,
    `* ${base} (base) create accounts`,
    `ok: one head (${id}) after \`git merge dev\`; \`alembic upgrade head\` works again.`,
  ];
  const lines = demo.stdout.split('\n');
  let from = 0;
  const missing = shown.filter((line) => {
    const position = lines.indexOf(line, from);
    if (position !== -1) from = position + 1;
    return position === -1;
  });
  t.deepEqual(missing, [], 'every key line, in this order');
  t.false(demo.stdout.includes('\u001B['), 'no colour without a terminal');
});
