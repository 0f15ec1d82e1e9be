// The merge id's SHA-256 is computed in the core (node:crypto costs a hook more to load than
// the id); node:crypto is the reference it must equal, byte for byte, at every padding boundary.
import { createHash } from 'node:crypto';
import test from 'ava';

import { deterministicMergeId } from '../../../src/core/merge/merge-id.js';
import { sha256Hex } from '../../../src/core/merge/sha256.js';

const reference = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

test('equals node:crypto at every length around the 64-byte block and its 9 bytes of padding', (t) => {
  for (let length = 0; length <= 200; length++) {
    const text = 'a1b2c3d4e5'.repeat(21).slice(0, length);
    t.is(sha256Hex(text), reference(text), `length ${length}`);
  }
});

test('hashes the UTF-8 bytes of non-ASCII text, including characters outside the BMP', (t) => {
  for (const text of ['é', 'Ünïcödé revision ✓', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀', '\u0000\n\r\t', 'ÿ'.repeat(70)]) t.is(sha256Hex(text), reference(text), text);
});

test('the known vectors of FIPS 180-4', (t) => {
  t.is(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  t.is(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  t.is(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

test('a long text over many blocks', (t) => {
  const text = 'revision-0123456789abcdef\n'.repeat(5000);
  t.is(sha256Hex(text), reference(text));
});

test('deterministic merge ids are the same as with node:crypto', (t) => {
  for (const parents of [['ae1027a6acf', '27c6a30d7c24'], ['b', 'a', 'c'], ['x'.repeat(40), 'ÿ']]) {
    for (const attempt of [0, 1, 7]) t.is(deterministicMergeId(parents, sha256Hex, attempt), deterministicMergeId(parents, reference, attempt));
  }
});
