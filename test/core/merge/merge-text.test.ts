// shlex.split for hook options and Python codecs for output_encoding: tables of our own, then
// the same inputs against Python itself.
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { hookArguments } from '../../../src/core/merge/hook-commands.js';
import { normalizeEncodingName, outputCodec } from '../../../src/core/merge/output-encoding.js';
import { shlexSplit } from '../../../src/core/merge/shlex-split.js';
import { UserError } from '../../../src/errors.js';
import { oracleTest, runPython } from '../../helpers/python.js';

const ORACLE = fileURLToPath(new URL('../../oracle/merge_text_oracle.py', import.meta.url));

const SHLEX = [
  'a b',
  "'' x",
  'a"b c"d',
  '"a\\$b"',
  '"a\\"b"',
  'a\\ b',
  "x 'y\\z'",
  '"\\\\"',
  'a\tb\nc\rd',
  '',
  '   ',
  'a""',
  '"" ""',
  "it's\\ fine",
  '--line-length=100 "REVISION_SCRIPT_FILENAME"',
  'pre-REVISION_SCRIPT_FILENAME-post --fix',
  '"unclosed',
  'trailing\\',
  "'unclosed",
  'é "ü ñ" \'a b\'',
  '# not a comment',
];
const CODECS = [
  'utf-8',
  'UTF8',
  'utf_8',
  'U8',
  ' utf-8 ',
  'utf--8',
  'latin-1',
  'Latin1',
  'ISO-8859-1',
  'l1',
  'ascii',
  'US-ASCII',
  '646',
  'utf-16',
  'UTF-16-LE',
  'utf_16be',
  'utf-8-sig',
  'utf16le',
  'cp1252',
  'nonsense',
  'utf-8é',
];
const TEXTS = ['plain ascii\r\n', 'café ✓ 😀', 'naïve', '€uro'];

test('shlex: Python quoting rules, not the shell’s', (t) => {
  t.deepEqual(shlexSplit('a"b c"d \'\' "a\\$b"'), ['ab cd', '', 'a\\$b']);
  t.throws(() => shlexSplit('"open'), { instanceOf: UserError, message: /No closing quotation/ });
});

test('hook arguments: the token is prepended when absent and replaced inside arguments', (t) => {
  t.deepEqual(hookArguments('format --quiet', '/p/x.py'), ['/p/x.py', 'format', '--quiet']);
  t.deepEqual(hookArguments('--file=REVISION_SCRIPT_FILENAME "a b"', '/p/x y.py'), [
    '--file=/p/x y.py',
    'a b',
  ]);
  t.deepEqual(hookArguments('', '/p/x.py'), ['/p/x.py']);
});

test('codec names are normalised like Python’s registry', (t) => {
  t.is(normalizeEncodingName(' UTF--8 '), 'utf_8');
  t.is(outputCodec('Latin-1')?.name, 'iso8859-1');
  t.is(outputCodec('cp1252'), undefined);
});

test('unencodable text fails like UnicodeEncodeError', (t) => {
  const codec = outputCodec('latin-1');
  t.throws(() => codec?.encode('a€'), {
    instanceOf: UserError,
    message:
      /'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range\(256\)/,
  });
});

interface OracleAnswer {
  shlex: Array<string[] | { error: string }>;
  codecs: Array<string | null>;
  encode: Array<string | { error: string }>;
}

oracleTest(test, 'shlex, codec lookup and encoding match Python', (t, python) => {
  const encodeCases = CODECS.flatMap((codec) =>
    outputCodec(codec) === undefined ? [] : TEXTS.map((text) => [codec, text] as const),
  );
  const answer = JSON.parse(
    runPython(
      python,
      ORACLE,
      [],
      JSON.stringify({ shlex: SHLEX, codecs: CODECS, encode: encodeCases }),
    ),
  ) as OracleAnswer;
  SHLEX.forEach((text, index) => {
    const expected = answer.shlex[index];
    if (Array.isArray(expected)) t.deepEqual(shlexSplit(text), expected, text);
    else
      t.throws(
        () => shlexSplit(text),
        { message: new RegExp(`: ${expected?.error ?? '?'}$`) },
        text,
      );
  });
  CODECS.forEach((name, index) => {
    const expected = answer.codecs[index] ?? null;
    // Codecs we do not implement must be ones we refuse, never a wrong match.
    if (outputCodec(name) !== undefined || expected === null)
      t.is(outputCodec(name)?.name ?? null, expected, name);
  });
  encodeCases.forEach(([codec, text], index) => {
    const expected = answer.encode[index];
    const encode = () =>
      Buffer.from(
        (outputCodec(codec) as NonNullable<ReturnType<typeof outputCodec>>).encode(text),
      ).toString('base64');
    if (typeof expected === 'string') t.is(encode(), expected, `${codec} ${text}`);
    else
      t.throws(
        encode,
        { message: new RegExp(`: ${escapeRegExp(expected?.error ?? '?')}$`) },
        `${codec} ${text}`,
      );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
