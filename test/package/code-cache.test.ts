// The code cache of the bundles that start on every commit (src/code-cache.ts), driven with a
// bundle of its own in real node processes: made at the end of the first run, used as it is
// afterwards, remade when a run enters a part of the code its run did not, and remade silently
// when it is corrupt; never in the way of a run.
import { execFile } from 'node:child_process';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';

import { PACKAGE_ROOT } from '../helpers/temp-repo.js';

const RUNNER = fileURLToPath(new URL('../fixtures/code-cache/run-bundle.ts', import.meta.url));

// A CommonJS bundle as the build makes them: its exports, and the parts its run entered.
const BUNDLE = `"use strict";
const entered = new Set();
exports.enteredCodeParts = () => entered;
exports.run = (argument) => {
  if (argument !== '') entered.add(argument);
  return [1, 2, 3].map((n) => n * 2).join(',') + ' ' + argument;
};
`;

interface Fixture {
  readonly bundle: string;
  readonly cache: string;
  run(
    argument?: string,
    options?: { hash?: string; variant?: string; cache?: string },
  ): Promise<string>;
  files(): Promise<string[]>;
}

async function fixture(t: ExecutionContext): Promise<Fixture> {
  const root = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-code-cache-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  const bundle = path.join(root, 'fixture.cjs');
  await writeFile(bundle, BUNDLE);
  const cache = path.join(root, 'cache');
  const run = (
    argument = '',
    options: { hash?: string; variant?: string; cache?: string } = {},
  ): Promise<string> =>
    new Promise((resolve, reject) => {
      const args = [
        '--import=tsx',
        RUNNER,
        bundle,
        options.hash ?? 'aaaa',
        options.cache ?? cache,
        options.variant ?? '-',
        argument,
      ];
      execFile(
        process.execPath,
        args,
        { cwd: PACKAGE_ROOT, encoding: 'utf8' },
        (error, stdout, stderr) =>
          error === null ? resolve(stdout) : reject(new Error(`${error.message}\n${stderr}`)),
      );
    });
  const files = async (): Promise<string[]> =>
    (await readdir(cache).catch(() => [] as string[])).sort();
  return { bundle, cache, run, files };
}

// The parts list a cache file records (see src/code-cache.ts for the layout).
// The file: magic, the body's length, the body twice; the body starts with the parts list.
function partsOf(bytes: Buffer): string[] {
  const text = bytes.toString('utf8', 12, 12 + bytes.readUInt32BE(8));
  return text === '' ? [] : text.split('\n');
}

test('the first run makes the cache, for this build, Node and options; a later run uses it as it is', async (t) => {
  const { run, files, cache } = await fixture(t);
  t.is(await run(), '2,4,6 ');
  const [made, ...others] = await files();
  t.deepEqual(others, []);
  t.regex(
    made ?? '',
    new RegExp(
      `^fixture-aaaa-all-${process.version.replaceAll('.', '\\.')}-${process.arch}-[0-9a-f]{8}\\.v8cache$`,
    ),
  );
  const first = await readFile(path.join(cache, made ?? ''));
  t.true(first.length > 100);
  t.deepEqual(partsOf(first), []);
  const before = (await stat(path.join(cache, made ?? ''))).mtimeMs;
  t.is(await run(), '2,4,6 ');
  t.is(
    (await stat(path.join(cache, made ?? ''))).mtimeMs,
    before,
    'accepted, so not written again',
  );
});

test('a run that enters a part the cache lacks remakes it, with the parts of both runs', async (t) => {
  const { run, files, cache } = await fixture(t);
  await run('slow');
  await run('merge');
  const [file = ''] = await files();
  t.deepEqual(partsOf(await readFile(path.join(cache, file))), ['merge', 'slow']);
  const mtime = (await stat(path.join(cache, file))).mtimeMs;
  await run('slow');
  t.is((await stat(path.join(cache, file))).mtimeMs, mtime, 'a part it has already');
});

test('a corrupt cache is remade silently, and the run gives the same result', async (t) => {
  const { run, files, cache } = await fixture(t);
  await run();
  const [file = ''] = await files();
  const good = await readFile(path.join(cache, file));
  const flipped = (offset: number): Buffer => {
    const bytes = Buffer.from(good);
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x55;
    return bytes;
  };
  const bodyLength = good.readUInt32BE(4);
  for (const corrupt of [
    // In the V8 data of the second copy, of the first, in the parts list, in the lengths.
    flipped(good.length - 20),
    flipped(8 + bodyLength - 20),
    flipped(9),
    flipped(5),
    flipped(0),
    Buffer.concat([good.subarray(0, 8 + bodyLength), good.subarray(0, 8 + bodyLength)]),
    good.subarray(0, good.length - 7),
    Buffer.from('not a cache at all'),
    Buffer.alloc(0),
  ]) {
    await writeFile(path.join(cache, file), corrupt);
    t.is(await run(), '2,4,6 ');
    const remade = await readFile(path.join(cache, file));
    t.false(remade.equals(corrupt), 'rewritten');
    t.is(remade.length, good.length);
  }
});

test('each variant has its own cache, and a new build removes the caches of the old one', async (t) => {
  const { run, files } = await fixture(t);
  await run('', { variant: 'pre-commit' });
  await run('', { variant: 'post-merge' });
  t.is((await files()).length, 2);
  await run('', { hash: 'bbbb', variant: 'pre-commit' });
  const left = await files();
  t.is(left.length, 1);
  t.regex(left[0] ?? '', /^fixture-bbbb-pre-commit-/);
});

test('no cache directory, or one that cannot be written: the run is the same, without a cache', async (t) => {
  const { run, files, cache } = await fixture(t);
  t.is(await run('', { cache: '-' }), '2,4,6 ');
  t.deepEqual(await files(), []);
  if (process.getuid?.() === 0)
    return t.pass('root writes anywhere: the unwritable case cannot be made here');
  await mkdir(cache);
  await chmod(cache, 0o555);
  t.is(await run(), '2,4,6 ');
  t.deepEqual(await files(), []);
  return undefined;
});
