// Dotted Python names (config `constants`, `pkg:resource` script locations): an ASCII pattern
// first, the Unicode one only for other names. Both together must accept exactly what the
// Unicode pattern alone accepts.
import test from 'ava';

import { isDottedPythonName } from '../../src/core/python-text.js';
import { seededRandom } from '../helpers/random.js';

const UNICODE =
  /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)*$/u;

test('the names people write, and the ones Python refuses', (t) => {
  for (const name of [
    'alembic',
    'my_app.models',
    '_private',
    'a1.b2',
    'café',
    'naïve.módulo',
    'ⅷ',
    'x\u0301',
    'a\u203fb',
    '数据库.迁移',
  ])
    t.true(isDottedPythonName(name), name);
  for (const name of [
    '',
    '1abc',
    'a..b',
    '.a',
    'a.',
    'a-b',
    'a b',
    'a:b',
    '\u0301x',
    'a.1b',
    'a\n',
  ])
    t.false(isDottedPythonName(name), JSON.stringify(name));
});

test('agrees with the Unicode pattern on random names of ASCII and other characters', (t) => {
  const random = seededRandom(1207);
  const alphabet = [
    'a',
    'Z',
    '_',
    '0',
    '9',
    '.',
    '-',
    ' ',
    'é',
    'ⅷ',
    '\u0301',
    '\u203f',
    '٣',
    '数',
    '\u00a0',
    '$',
  ];
  for (let index = 0; index < 5000; index++) {
    let name = '';
    const length = Math.floor(random() * 8);
    for (let character = 0; character < length; character++)
      name += alphabet[Math.floor(random() * alphabet.length)];
    t.is(isDottedPythonName(name), UNICODE.test(name), JSON.stringify(name));
  }
});
