// Real git decides whether our attribute lines apply: every line attributeLineFor writes must
// give exactly its path our merge driver (checked with `git check-attr`), in an LF and in a
// CRLF .gitattributes, and must not spill over to paths a glob would also match.
import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import test, { type ExecutionContext } from 'ava';
import {
  addAttributeLines,
  attributeLineFor,
  lfAttributeLineFor,
} from '../../src/core/edits/gitattributes.js';

const run = promisify(execFile);

const PATHS = [
  'migrations/heads.txt',
  'heads.txt',
  'my app/migrations/heads.txt',
  ' lead/x.txt',
  'trail/x.txt ',
  'a[1]/h*?.txt',
  'x/**/y.txt',
  'dir/back\\slash.txt',
  '!bang/x.txt',
  '#hash/x.txt',
  '!x',
  '#x',
  'dir/quo"te.txt',
  '"q/x.txt',
  'd/a\tb.txt',
  'd/a\nb.txt',
  'd/a\rb.txt',
  'd/del\u007f.txt',
  'd/bell\u0007.txt',
  'a b/[x]\\.txt',
  'dir/日本/é.txt',
  'dir/a\u00a0b.txt',
  'dir/é ü.txt',
  '🙂/emoji.txt',
  "d/$(x);`y`&'z'=.txt",
  'd/100%/x.txt',
];

// Paths an unescaped or unanchored pattern from PATHS would also match.
const DECOYS = [
  'sub/heads.txt',
  'a1/hab.txt',
  'x/a/b/y.txt',
  'dir/backslash.txt',
  'my app/migrations/other.txt',
  'bang/x.txt',
  'sub/!x',
];

/** An environment without the git location variables a hook may have set. */
function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, env: gitEnv(), encoding: 'utf8' });
  return stdout;
}

async function createRepo(t: ExecutionContext): Promise<string> {
  const root = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-attr-'));
  t.teardown(() => rm(root, { recursive: true, force: true, maxRetries: 3 }));
  await git(root, ['init', '-q', '-b', 'main']);
  await git(root, ['config', 'user.name', 'Test']);
  await git(root, ['config', 'user.email', 'test@example.com']);
  await git(root, ['config', 'commit.gpgSign', 'false']);
  return root;
}

/** `git check-attr -z merge` for each path: the value of `merge`, in path order. */
async function mergeAttributes(root: string, paths: readonly string[]): Promise<string[]> {
  const fields = (await git(root, ['check-attr', '-z', 'merge', '--', ...paths])).split('\0');
  return paths.map((_, index) => fields[index * 3 + 2] ?? 'missing');
}

const applies = test.macro({
  async exec(t, base: string) {
    const root = await createRepo(t);
    const { text } = addAttributeLines(
      base,
      PATHS.map((file) => attributeLineFor(file)),
    );
    await writeFile(path.join(root, '.gitattributes'), text);
    const found = await mergeAttributes(root, [...PATHS, ...DECOYS]);
    const expected = [...PATHS.map(() => 'git-alembic'), ...DECOYS.map(() => 'unspecified')];
    t.deepEqual(
      found.map((value, index) => `${JSON.stringify([...PATHS, ...DECOYS][index])}: ${value}`),
      expected.map((value, index) => `${JSON.stringify([...PATHS, ...DECOYS][index])}: ${value}`),
    );
  },
  title: (title) => `git applies attributeLineFor lines exactly: ${title ?? ''}`,
});

test('LF .gitattributes', applies, '');
test('CRLF .gitattributes without a final newline', applies, '* text=auto\r\n*.png binary');

test('our line, appended, wins over an earlier user line for the same path', async (t) => {
  const root = await createRepo(t);
  const ours = attributeLineFor('m/heads.txt');
  await writeFile(
    path.join(root, '.gitattributes'),
    addAttributeLines('m/* merge=binary\n', [ours]).text,
  );
  t.deepEqual(await mergeAttributes(root, ['m/heads.txt', 'm/other.txt']), [
    'git-alembic',
    'binary',
  ]);
});

test('git applies lfAttributeLineFor lines exactly: eol=lf for each path, nothing for the decoys', async (t) => {
  const root = await createRepo(t);
  await writeFile(
    path.join(root, '.gitattributes'),
    addAttributeLines(
      '',
      PATHS.map((file) => lfAttributeLineFor(file)),
    ).text,
  );
  const all = [...PATHS, ...DECOYS];
  const fields = (await git(root, ['check-attr', '-z', 'eol', '--', ...all])).split('\0');
  const found = all.map(
    (file, index) => `${JSON.stringify(file)}: ${fields[index * 3 + 2] ?? 'missing'}`,
  );
  t.deepEqual(
    found,
    all.map((file) => `${JSON.stringify(file)}: ${PATHS.includes(file) ? 'lf' : 'unspecified'}`),
  );
});
