// The merge driver under real git: every operation that runs drivers merges two branches' new
// heads cleanly, and input the driver cannot read ends as git's own conflict, with markers.
// Build first (`npm run build`): git runs `node dist/bin.js driver %O %A %B %L %P`.
import test, { type ExecutionContext } from 'ava';

import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { BIN, createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const HEADS = 'migrations/heads.txt';
const heads = (...ids: string[]): string =>
  [HEADS_FILE_COMMENT, ...ids].map((line) => `${line}\n`).join('');

// A repository whose heads file has our driver, committed on main as `r0`; no text attribute,
// so CRLF files stay CRLF in the blobs.
async function driverRepo(t: ExecutionContext): Promise<TempRepo> {
  const repo = await createTempRepo(t, { attributes: false });
  await repo.git([
    'config',
    'merge.git-alembic.driver',
    `'${process.execPath}' '${BIN}' driver %O %A %B %L %P`,
  ]);
  await repo.write('.gitattributes', `${HEADS} merge=git-alembic\n`);
  await commitHeads(repo, heads('r0'), 'base', ['.gitattributes']);
  return repo;
}

async function commitHeads(
  repo: TempRepo,
  text: string | Uint8Array,
  message: string,
  extra: readonly string[] = [],
): Promise<void> {
  await repo.write(HEADS, text);
  await repo.git(['add', HEADS, ...extra]);
  await repo.git(['commit', '-q', '-m', message]);
}

// `name` branches off main's current commit with the heads file set to `text`; back on main after.
async function branch(repo: TempRepo, name: string, text: string | Uint8Array): Promise<void> {
  await repo.git(['checkout', '-q', '-b', name]);
  await commitHeads(repo, text, name);
  await repo.git(['checkout', '-q', 'main']);
}

test("git merge: both branches add a head; a clean merge in the current side's CRLF", async (t) => {
  const repo = await driverRepo(t);
  await branch(repo, 'dev', heads('b1'));
  await commitHeads(repo, heads('a1').replace(/\n/g, '\r\n'), 'main adds a1');
  const merge = await repo.git(['merge', '--no-edit', 'dev']);
  t.is(await repo.read(HEADS), heads('a1', 'b1').replace(/\n/g, '\r\n'));
  t.notRegex(merge.stderr, /git-alembic/);
  t.is(
    (await repo.git(['rev-list', '--parents', '-1', 'HEAD'])).stdout.trim().split(' ').length,
    3,
  );
});

test('git rebase (current and incoming swapped), then git cherry-pick', async (t) => {
  const repo = await driverRepo(t);
  await branch(repo, 'feature', heads('b1'));
  await branch(repo, 'other', heads('c1'));
  await commitHeads(repo, heads('a1'), 'main adds a1');
  await repo.git(['checkout', '-q', 'feature']);
  await repo.git(['rebase', '-q', 'main']);
  t.is(await repo.read(HEADS), heads('a1', 'b1'));
  await repo.git(['cherry-pick', 'other']);
  t.is(await repo.read(HEADS), heads('a1', 'b1', 'c1'));
});

test('git revert and git stash pop', async (t) => {
  const repo = await driverRepo(t);
  await commitHeads(repo, heads('a1'), 'a1 replaces r0');
  await commitHeads(repo, heads('a2'), 'a2 replaces a1');
  // Reverting "a1 replaces r0": base a1, current a2, incoming r0.
  await repo.git(['revert', '--no-edit', 'HEAD~1']);
  t.is(await repo.read(HEADS), heads('a2', 'r0'));
  await repo.write(HEADS, heads('a2', 'r0', 's1'));
  await repo.git(['stash', '-q']);
  await commitHeads(repo, heads('m1'), 'm1 replaces both');
  await repo.git(['stash', 'pop', '-q']);
  t.is(await repo.read(HEADS), heads('m1', 's1'));
});

const FALLBACKS: [string, string | Uint8Array, Readonly<Record<string, string>>, string][] = [
  [
    'conflict markers already in the file',
    `${HEADS_FILE_COMMENT}\n<<<<<<< HEAD\nb1\n=======\nb2\n>>>>>>> x\n`,
    {},
    'cannot read the incoming side (line 2 is a conflict marker)',
  ],
  [
    'garbage',
    'this is not a heads file\n',
    {},
    'cannot read the incoming side (line 1 is not a revision id: "this is not a heads file")',
  ],
  [
    'bytes that are not UTF-8',
    Buffer.from(`${HEADS_FILE_COMMENT}\nb\xff1\n`, 'latin1'),
    {},
    'cannot read the incoming side (it is not valid UTF-8)',
  ],
  ['GIT_ALEMBIC=0', heads('b1'), { GIT_ALEMBIC: '0' }, 'GIT_ALEMBIC=0'],
];

test("fallbacks leave git's conflict markers (current/incoming) and a conflicted merge", async (t) => {
  const repo = await driverRepo(t);
  await commitHeads(repo, heads('a1'), 'main adds a1');
  for (const [index, [title, incoming, env, why]] of FALLBACKS.entries()) {
    await repo.git(['checkout', '-q', '-b', `side${index}`, 'main~1']);
    await commitHeads(repo, incoming, title);
    await repo.git(['checkout', '-q', 'main']);
    const merge = await repo.git(['merge', '--no-edit', `side${index}`], {
      env,
      allowFailure: true,
    });
    t.is(merge.status, 1, title);
    t.true(
      merge.stderr.includes(
        `git-alembic: ${HEADS}: ${why}; left git's conflict markers to resolve\n`,
      ),
      `${title}: ${merge.stderr}`,
    );
    const text = await repo.read(HEADS);
    t.regex(text, /^<{7} current$/m, title);
    t.regex(text, /^>{7} incoming$/m, title);
    t.regex((await repo.git(['ls-files', '-u', '--', HEADS])).stdout, /heads\.txt/, title);
    await repo.git(['merge', '--abort']);
  }
});
