// The driver outside git: its arguments, its errors, and what its fast path loads.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';

import { main } from '../../src/cli/main.js';
import { readDriverArguments, runDriver } from '../../src/driver/run-driver.js';
import { DriverMessages } from '../../src/messages/git-integration.js';
import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { BIN } from '../helpers/temp-repo.js';
import { tempProject } from '../helpers/temp-project.js';

const heads = (...ids: string[]): string =>
  [HEADS_FILE_COMMENT, ...ids].map((line) => `${line}\n`).join('');
const FILES = { O: heads('r0'), A: heads('a1'), B: heads('b1') };

function io(cwd: string, env: Record<string, string | undefined> = {}) {
  let stderr = '';
  const out = {
    raw: (stream: string, text: string) => (stderr += stream === 'stderr' ? text : ''),
  };
  return { cwd, env: { ...process.env, ...env }, out, said: () => stderr };
}

test("reads %O %A %B %L %P; a bad %L is git's default 7; without the files there is nothing to do", (t) => {
  t.deepEqual(readDriverArguments(['o', 'a', 'b', '9', 'm/h.txt']), {
    base: 'o',
    current: 'a',
    incoming: 'b',
    markerSize: 9,
    path: 'm/h.txt',
  });
  t.is(readDriverArguments(['o', 'a', 'b', 'x', 'p'])?.markerSize, 7);
  t.is(readDriverArguments(['o', 'a']), undefined);
});

test('missing arguments: exit 1 with one line, nothing touched', (t) => {
  const sink = io('/nonexistent');
  t.is(runDriver(['only-one'], sink), 1);
  t.is(sink.said(), `${DriverMessages.USAGE}\n`);
});

test('an error of its own (a directory as %A) falls back, and git merge-file failing too is said in one line', async (t) => {
  const root = await tempProject(t, { ...FILES, 'D/': '' });
  const sink = io(root);
  t.is(runDriver(['O', 'D', 'B', '7', 'm/heads.txt'], sink), 1);
  t.regex(
    sink.said(),
    /^git-alembic: m\/heads\.txt: internal error \(EISDIR[^\n]*; GIT_ALEMBIC_DEBUG=1 prints the stack trace\); git merge-file failed too \(error: Could not open D: Is a directory\); left the current side unchanged\n$/,
  );
});

test('through the CLI: %P may start with "-" and is taken as it is', async (t) => {
  const root = await tempProject(t, FILES);
  let stderr = '';
  const ctx = {
    cwd: root,
    env: process.env,
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => '',
  };
  t.is(await main(['driver', 'O', 'A', 'B', '7', '--weird/heads.txt'], ctx), 0, stderr);
  t.is(await readFile(path.join(root, 'A'), 'utf8'), heads('a1', 'b1'));
});

test('the fast path loads neither simple-git, the YAML parser nor the graph (real process)', async (t) => {
  const root = await tempProject(t, FILES);
  await mkdir(path.join(root, 'loader'));
  await writeFile(
    path.join(root, 'loader', 'hooks.mjs'),
    'export async function resolve(specifier, context, next) {\n' +
      '  if (/simple-git|yaml|revision-graph|workspace|smol-toml/.test(specifier)) throw new Error(`driver imported ${specifier}`);\n' +
      '  return next(specifier, context);\n}\n',
  );
  await writeFile(
    path.join(root, 'loader', 'register.mjs'),
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  );
  const { stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', './loader/register.mjs', BIN, 'driver', 'O', 'A', 'B', '7', 'm/heads.txt'],
    { cwd: root },
  );
  t.is(stderr, '');
  t.is(await readFile(path.join(root, 'A'), 'utf8'), heads('a1', 'b1'));
});
