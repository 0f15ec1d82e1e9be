// The writer never overwrites, creates missing directories, and leaves nothing behind on failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';

import { UserError } from '../../src/errors.js';
import { MergeMessages } from '../../src/messages/merge.js';
import { FileTakenError, writeNewFile } from '../../src/merge/write-revision.js';
import { tempProject } from '../helpers/temp-project.js';

const BYTES = new TextEncoder().encode('revision = "x"\n');

test('writes the bytes and nothing else', async (t) => {
  const root = await tempProject(t, { 'versions/': '' });
  writeNewFile({ root, file: join(root, 'versions', 'x.py') }, BYTES);
  t.is(readFileSync(join(root, 'versions', 'x.py'), 'utf8'), 'revision = "x"\n');
  t.deepEqual(readdirSync(join(root, 'versions')), ['x.py']);
});

test('never overwrites: the old content stays and the temporary file is gone', async (t) => {
  const root = await tempProject(t, { 'versions/x.py': 'old\n' });
  const target = join(root, 'versions', 'x.py');
  const error = t.throws(() => writeNewFile({ root, file: target }, BYTES), {
    instanceOf: FileTakenError,
  });
  t.is(error?.message, MergeMessages.fileTaken(target));
  t.is(readFileSync(target, 'utf8'), 'old\n');
  t.deepEqual(readdirSync(join(root, 'versions')), ['x.py']);
});

test('creates the subdirectories of the file name', async (t) => {
  const root = await tempProject(t, { 'versions/': '' });
  writeNewFile({ root, file: join(root, 'versions', '2024', '05', 'x.py') }, BYTES);
  t.true(existsSync(join(root, 'versions', '2024', '05', 'x.py')));
});

test('a file where a directory should be: a clear error, nothing created', async (t) => {
  const root = await tempProject(t, { 'versions/a/b': 'a file where a directory should be' });
  t.throws(() => writeNewFile({ root, file: join(root, 'versions', 'a', 'b', 'x.py') }, BYTES), {
    instanceOf: UserError,
    message: /^could not write /,
  });
  t.deepEqual(readdirSync(join(root, 'versions', 'a')), ['b']);
});

test('a failure after the temporary file was written removes it and the directories made for it', async (t) => {
  const root = await tempProject(t, { 'versions/': '' });
  // A name longer than the file system allows: the short temporary name works, the link fails.
  const target = join(root, 'versions', 'fresh', 'sub', `${'n'.repeat(300)}.py`);
  t.throws(() => writeNewFile({ root, file: target }, BYTES), {
    instanceOf: UserError,
    message: /^could not write /,
  });
  t.deepEqual(readdirSync(join(root, 'versions')), [], 'no temporary file, no directories');
});
