// The merge id's SHA-256 comes from @noble/hashes (node:crypto cost a hook more to load than the
// id); the ids must stay what node:crypto gives, for every text a parent id list can make.
import { createHash } from 'node:crypto';
import test from 'ava';

import { deterministicMergeId } from '../../src/core/merge/merge-id.js';
import { sha256Hex } from '../../src/merge/plan-environment.js';

const reference = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

test('equals node:crypto around the 64-byte block and its padding, and on UTF-8 beyond the BMP', (t) => {
  for (let length = 0; length <= 130; length++) {
    const text = 'a1b2c3d4e5'.repeat(13).slice(0, length);
    t.is(sha256Hex(text), reference(text), `length ${length}`);
  }
  for (const text of ['é', 'Ünïcödé revision ✓', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀', '\u0000\n\r\t'])
    t.is(sha256Hex(text), reference(text), text);
});

test('deterministic merge ids are the same as with node:crypto', (t) => {
  for (const parents of [
    ['ae1027a6acf', '27c6a30d7c24'],
    ['b', 'a', 'c'],
    ['x'.repeat(40), 'ÿ'],
  ]) {
    for (const attempt of [0, 1, 7])
      t.is(
        deterministicMergeId(parents, sha256Hex, attempt),
        deterministicMergeId(parents, reference, attempt),
      );
  }
});
