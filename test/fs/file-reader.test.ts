// How revision files come off a real file system: valid UTF-8 as its text (decoded as it is
// read), anything else as its exact bytes, and a file that cannot be read named in one error.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';

import { decodePythonSource } from '../../src/core/revision-file/python-source.js';
import { InputError } from '../../src/errors.js';
import { FileReader } from '../../src/fs/file-reader.js';
import { tempProject } from '../helpers/temp-project.js';

const encoder = new TextEncoder();

// The bytes each file holds, the text being what readSource should hand over, if anything.
const FILES: ReadonlyArray<{ name: string; bytes: Uint8Array; text: boolean }> = [
  {
    name: 'ascii.py',
    bytes: encoder.encode('revision = "a"\r\ndown_revision = None\n'),
    text: true,
  },
  { name: 'accents.py', bytes: encoder.encode('"""Café ☕ 𝄞"""\nrevision = "é"\n'), text: true },
  {
    name: 'bom.py',
    bytes: Uint8Array.of(0xef, 0xbb, 0xbf, ...encoder.encode('x = 1\n')),
    text: true,
  },
  { name: 'empty.py', bytes: new Uint8Array(0), text: true },
  // Not UTF-8: the decoder would have replaced these bytes.
  {
    name: 'latin1.py',
    bytes: Uint8Array.of(...encoder.encode('# coding: latin-1\n"'), 0xe9, 0x22),
    text: false,
  },
  { name: 'truncated.py', bytes: Uint8Array.of(0x61, 0xe2, 0x98), text: false },
  { name: 'surrogate.py', bytes: Uint8Array.of(0xed, 0xa0, 0x80), text: false },
  // U+FFFD itself is valid, but cannot be told from a replacement: read as bytes.
  { name: 'replacement.py', bytes: encoder.encode('x = "\ufffd"\n'), text: false },
];

test('valid UTF-8 comes back as its text, anything else as its exact bytes', async (t) => {
  const root = await tempProject(t, {});
  const reader = new FileReader();
  for (const { name, bytes, text } of FILES) {
    const file = path.join(root, name);
    writeFileSync(file, bytes);
    const content = reader.readSource(file, name);
    if (text) {
      t.is(typeof content, 'string', name);
      t.deepEqual(
        encoder.encode(content as string),
        bytes,
        `${name}: the text stands for the bytes`,
      );
    } else {
      t.deepEqual(Uint8Array.from(content as Uint8Array), bytes, name);
    }
    // Either way, the source Python would see.
    t.is(decodeOrError(content), decodeOrError(bytes), name);
  }
});

test('a file larger than the read buffer comes back whole', async (t) => {
  const root = await tempProject(t, {});
  const big = `${'# ü\n'.repeat(200_000)}x = 1\n`;
  const file = path.join(root, 'big.py');
  writeFileSync(file, big);
  writeFileSync(
    path.join(root, 'big-bytes.py'),
    Buffer.concat([Buffer.from(big), Buffer.of(0xff)]),
  );
  const reader = new FileReader();
  t.is(reader.readSource(file, 'big.py'), big);
  const bytes = reader.readSource(path.join(root, 'big-bytes.py'), 'big-bytes.py');
  t.true(bytes instanceof Uint8Array);
  t.is(bytes.length, Buffer.byteLength(big) + 1);
});

test('a file that cannot be read is one error naming it', async (t) => {
  const root = await tempProject(t, { 'versions/dir.py/': '' });
  const reader = new FileReader();
  for (const [file, cause] of [
    ['versions/missing.py', /ENOENT/],
    ['versions/dir.py', /EISDIR/],
  ] as const) {
    const error = t.throws(() => reader.readSource(path.join(root, file), file), {
      instanceOf: InputError,
    });
    t.is(error?.location.file, file);
    t.regex(error?.message ?? '', cause);
  }
});

function decodeOrError(content: Uint8Array | string): string {
  try {
    return decodePythonSource(content);
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}
