// The revision cache on its own: what goes in comes out exactly as a reader returns it, and a
// file that is corrupt, of another build or environment, or has entries of the wrong shape is
// read as empty (and then rewritten), never trusted.
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import {
  openRevisionCache,
  type RevisionCacheKey,
  revisionCacheDirectory,
} from '../../src/alembic/revision-cache.js';
import { readRevisionFile } from '../../src/core/revision-file/read-revision-file.js';
import type { Revision } from '../../src/core/revision.js';

const KEY: RevisionCacheKey = {
  versionLocations: ['migrations/versions'],
  recursive: false,
  constants: new Map(),
};

function directory(t: ExecutionContext): string {
  const root = mkdtempSync(path.join(realpathSync(os.tmpdir()), 'git-alembic-cache-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

function parsed(source: string, file = 'migrations/versions/a.py'): Revision {
  return readRevisionFile(
    { fileName: path.basename(file), displayPath: file, bytes: new TextEncoder().encode(source) },
    { constants: new Map() },
  );
}

function cacheFile(root: string): string {
  const [name] = readdirSync(root);
  return path.join(root, name ?? '');
}

test('an entry comes back as the reader returned it, under the name it is read as now', (t) => {
  const root = directory(t);
  const merge = parsed(
    '"""merge\n\nCreate Date: 2024-01-02 03:04:05\n"""\nrevision = "m1"\ndown_revision = ("a1", "b1")\nbranch_labels = ("core",)\ndepends_on = ""\n',
  );
  const plain = parsed('revision = "a1"\ndown_revision = None\n');
  const writer = openRevisionCache(root, KEY);
  writer.set('git 1111', merge);
  writer.set('work tree 2222', plain);
  writer.save();
  const reader = openRevisionCache(root, KEY);
  t.deepEqual(reader.get('git 1111', merge.file), merge);
  t.deepEqual(reader.get('work tree 2222', 'migrations/versions/renamed.py'), {
    ...plain,
    file: 'migrations/versions/renamed.py',
  });
  t.is(reader.get('git 3333', 'x.py'), undefined);
});

test('a revision named by its file name alone is not kept: its id is not in its bytes', (t) => {
  const root = directory(t);
  const legacy = parsed('down_revision = None\n', 'migrations/versions/abcdef123456.py');
  t.is(legacy.line, undefined);
  const cache = openRevisionCache(root, KEY);
  cache.set('git 1111', legacy);
  cache.save();
  t.deepEqual(readdirSync(root), [], 'nothing to write');
});

test('a corrupt file, one for another environment, and entries of the wrong shape are ignored, then rewritten', (t) => {
  const root = directory(t);
  const revision = parsed('revision = "a1"\ndown_revision = None\n');
  const first = openRevisionCache(root, KEY);
  first.set('git 1111', revision);
  first.save();
  const file = cacheFile(root);
  const valid = JSON.parse(readFileSync(file, 'utf8')) as {
    identity: string;
    entries: Record<string, unknown>;
  };
  for (const corrupt of [
    '{"identity": ',
    '\u0000\u0001',
    'null',
    '[]',
    JSON.stringify({ ...valid, identity: 'another build' }),
  ]) {
    writeFileSync(file, corrupt);
    t.is(openRevisionCache(root, KEY).get('git 1111', revision.file), undefined, corrupt);
  }
  for (const entry of [
    ['a1'],
    ['a1', 'b', [], [], 1, null, null, 0],
    ['a1', [], [], [], 0, null, null, 0],
    [1, [], [], [], 1, null, null, 0],
    { id: 'a1' },
  ]) {
    writeFileSync(
      file,
      JSON.stringify({ identity: valid.identity, entries: { 'git 1111': entry } }),
    );
    t.is(
      openRevisionCache(root, KEY).get('git 1111', revision.file),
      undefined,
      JSON.stringify(entry),
    );
  }
  const rebuilt = openRevisionCache(root, KEY);
  rebuilt.set('git 1111', revision);
  rebuilt.save();
  t.deepEqual(openRevisionCache(root, KEY).get('git 1111', revision.file), revision);
});

test('each environment (version locations, constants) has a cache of its own', (t) => {
  const root = directory(t);
  const a = parsed('revision = "a1"\ndown_revision = None\n');
  const cache = openRevisionCache(root, KEY);
  cache.set('git 1111', a);
  cache.save();
  t.deepEqual(openRevisionCache(root, KEY).get('git 1111', a.file), a);
  t.is(
    openRevisionCache(root, { ...KEY, constants: new Map([['X', 'a1']]) }).get('git 1111', a.file),
    undefined,
  );
  t.is(
    openRevisionCache(root, { ...KEY, versionLocations: ['other'] }).get('git 1111', a.file),
    undefined,
  );
});

test('the file is rewritten when that spares work: first, then only for many new or unused entries', (t) => {
  const root = directory(t);
  const revisions = Array.from({ length: 40 }, (_, index) =>
    parsed(`revision = "r${index}"\ndown_revision = None\n`),
  );
  const run = (ids: readonly number[]): void => {
    const cache = openRevisionCache(root, KEY);
    for (const index of ids)
      if (cache.get(`git ${index}`, 'f.py') === undefined)
        cache.set(`git ${index}`, revisions[index] as Revision);
    cache.save();
  };
  const stored = (): number =>
    Object.keys((JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { entries: object }).entries)
      .length;
  run([0, 1, 2]);
  t.is(stored(), 3, 'the first run writes what it has');
  run([0, 1, 2, 3]);
  t.is(stored(), 3, 'one new file is cheaper to parse again than the file is to rewrite');
  run(Array.from({ length: 20 }, (_, index) => index));
  t.is(stored(), 20);
  run(Array.from({ length: 4 }, (_, index) => index));
  t.is(stored(), 4, 'sixteen unused entries: only what the last run used is kept');
});

test('the caches of old builds and environments do not pile up: the sixteen newest files stay', (t) => {
  const root = directory(t);
  const revision = parsed('revision = "a1"\ndown_revision = None\n');
  for (let index = 0; index < 20; index++) {
    const cache = openRevisionCache(root, { ...KEY, versionLocations: [`v${index}`] });
    cache.set('git 1111', revision);
    cache.save();
  }
  t.is(readdirSync(root).length, 16);
  t.truthy(
    openRevisionCache(root, { ...KEY, versionLocations: ['v19'] }).get('git 1111', revision.file),
    'the newest is kept',
  );
});

test('the cache lives in the git directory, and GIT_ALEMBIC_CACHE=0 keeps none', (t) => {
  t.is(revisionCacheDirectory('/repo/.git', {}), path.join('/repo/.git', 'git-alembic'));
  t.is(revisionCacheDirectory('/repo/.git', { GIT_ALEMBIC_CACHE: '0' }), undefined);
  t.is(revisionCacheDirectory(undefined, {}), undefined);
});
