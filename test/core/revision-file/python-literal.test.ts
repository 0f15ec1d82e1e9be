// String-literal values (prefixes, escapes, concatenation) and source decoding (BOM, coding
// cookie, newlines): the text Python would see.
import test from 'ava';

import { tokenizeLogicalLine } from '../../../src/core/revision-file/python-lexer.js';
import {
  areBytesLiterals,
  decodeStringTokens,
} from '../../../src/core/revision-file/python-literal.js';
import {
  SourceDecodingError,
  decodePythonSource,
} from '../../../src/core/revision-file/python-source.js';

function value(expression: string): string | undefined {
  const { tokens } = tokenizeLogicalLine(expression, 0);
  return decodeStringTokens(tokens, 0, tokens.length);
}

const decodesTo = test.macro({
  exec(t, expression: string, expected: string | undefined) {
    t.is(value(expression), expected);
  },
  title: (title = '', expression: string) => `${expression} ${title}`.trim(),
});

test('a plain string', decodesTo, "'abc'", 'abc');
test('simple escapes', decodesTo, String.raw`"\n\t\r\\\'\"\a\b\f\v"`, '\n\t\r\\\'"\x07\b\f\v');
test(
  'octal, hex and unicode escapes',
  decodesTo,
  String.raw`'\101\x42\u0043\U0001F600\0'`,
  'ABC\u{1F600}\0',
);
test('an unknown escape keeps its backslash', decodesTo, String.raw`'\d\q'`, '\\d\\q');
test('a backslash-newline disappears', decodesTo, "'a\\\nb'", 'ab');
test('raw strings keep backslashes', decodesTo, String.raw`r'\n\x41' R"\\"`, '\\n\\x41\\\\');
test('u prefix', decodesTo, 'u\'x\' U"y"', 'xy');
test('implicit concatenation of mixed quotes', decodesTo, `'a' "b" '''c''' """d"""`, 'abcd');
test('a triple-quoted string with quotes inside', decodesTo, `"""say "hi" ''"""`, `say "hi" ''`);
test('an f-string without fields, braces undoubled', decodesTo, "f'{{x}}' rf'\\{{'", '{x}\\{');
test('is not a str: an f-string with a field', decodesTo, "f'{x}'", undefined);
test('is not a str: bytes', decodesTo, "b'x'", undefined);
test('is not a str: str next to bytes', decodesTo, "'a' b'x'", undefined);
test('is not a str: a template string', decodesTo, "t'x'", undefined);
test('is not readable: a named escape', decodesTo, String.raw`'\N{EM DASH}'`, undefined);
test('is not readable: a truncated hex escape', decodesTo, String.raw`'\x4'`, undefined);
test(
  'is not readable: a code point beyond U+10FFFF',
  decodesTo,
  String.raw`'\U00110000'`,
  undefined,
);
test('is not a str: a name among strings', decodesTo, "'a' x", undefined);

test('areBytesLiterals recognises bytes values', (t) => {
  const { tokens } = tokenizeLogicalLine("b'a' B'b' rb'c'", 0);
  t.true(areBytesLiterals(tokens, 0, tokens.length));
  const mixed = tokenizeLogicalLine("b'a' 'b'", 0).tokens;
  t.false(areBytesLiterals(mixed, 0, mixed.length));
});

const encoder = new TextEncoder();
const sourceOf = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : part)),
  );

// A reader that decoded valid UTF-8 as it read passes the text (src/fs/file-reader.ts): it must
// decode to the same source, or fail the same way, as the bytes it stands for.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function asText(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

const decodesSource = test.macro({
  exec(t, bytes: Uint8Array, expected: string) {
    t.is(decodePythonSource(bytes), expected);
    const text = asText(bytes);
    if (text !== undefined) t.is(decodePythonSource(text), expected, 'given as text');
  },
  title: (title = '') => `decodes source: ${title}`,
});

test('plain UTF-8', decodesSource, sourceOf('x = "é"\n'), 'x = "é"\n');
test('a BOM is dropped', decodesSource, sourceOf([0xef, 0xbb, 0xbf], 'x\n'), 'x\n');
test('CRLF and lone CR become LF', decodesSource, sourceOf('a\r\nb\rc\n'), 'a\nb\nc\n');
test(
  'a latin-1 cookie maps bytes 0x80-0x9F to C1 controls, as Python does',
  decodesSource,
  sourceOf('# coding: latin-1\n', [0x80, 0xe9]),
  '# coding: latin-1\n\x80\u00e9',
);
test(
  'a cookie on line 2 after a comment line',
  decodesSource,
  sourceOf('#!/usr/bin/python\n# -*- coding: cp1252 -*-\n', [0x80]),
  '#!/usr/bin/python\n# -*- coding: cp1252 -*-\n\u20ac',
);
test(
  'a cookie on line 2 after a blank line',
  decodesSource,
  sourceOf('\n# coding=iso-8859-15\n', [0xa4]),
  '\n# coding=iso-8859-15\n\u20ac',
);
test(
  'a cookie on line 2 after code is ignored (UTF-8)',
  decodesSource,
  sourceOf('x = 1\n# coding: latin-1\n"é"'),
  'x = 1\n# coding: latin-1\n"é"',
);
test(
  'a cookie on line 3 is ignored',
  decodesSource,
  sourceOf('#\n#\n# coding: latin-1\n"é"'),
  '#\n#\n# coding: latin-1\n"é"',
);
test(
  'utf_8 and UTF8 spellings',
  decodesSource,
  sourceOf('# coding: UTF_8\n"é"'),
  '# coding: UTF_8\n"é"',
);
test(
  "cp1252 decoded by Python's table (Node decodes windows-1252 as Latin-1)",
  decodesSource,
  sourceOf('# coding: windows-1252\n', [0x80, 0x92, 0x9f, 0xe9]),
  '# coding: windows-1252\n\u20ac\u2019\u0178\u00e9',
);
test(
  'other Latin-1 aliases decode as Latin-1',
  decodesSource,
  sourceOf('# coding: iso-ir-100\n', [0x92]),
  '# coding: iso-ir-100\n\x92',
);
test(
  'a latin-1 cookie over bytes that are valid UTF-8 too',
  decodesSource,
  sourceOf('# coding: latin-1\n"é"'),
  '# coding: latin-1\n"\u00c3\u00a9"',
);
test(
  'a BOM with a utf-8 cookie',
  decodesSource,
  sourceOf([0xef, 0xbb, 0xbf], '# -*- coding: utf-8 -*-\nx = "é"\r\n'),
  '# -*- coding: utf-8 -*-\nx = "é"\n',
);
test(
  'a Shift JIS cookie',
  decodesSource,
  sourceOf('# coding: shift_jis\n', [0x82, 0xa0]),
  '# coding: shift_jis\n\u3042',
);

const refusesSource = test.macro({
  exec(t, bytes: Uint8Array, message: string, line: number | undefined) {
    const error = t.throws(() => decodePythonSource(bytes), { instanceOf: SourceDecodingError });
    t.deepEqual([error?.message, error?.line], [message, line]);
    const text = asText(bytes);
    if (text === undefined) return;
    const fromText = t.throws(() => decodePythonSource(text), { instanceOf: SourceDecodingError });
    t.deepEqual([fromText?.message, fromText?.line], [message, line], 'given as text');
  },
  title: (title = '') => `refuses source: ${title}`,
});

test(
  'invalid UTF-8, with its line',
  refusesSource,
  sourceOf('a\r\nb\r\n', [0xff], '\n'),
  'the file is not valid utf-8',
  3,
);
test(
  'an unknown codec',
  refusesSource,
  sourceOf('\n# coding: nope\n'),
  'unknown or unsupported encoding in the coding cookie: nope',
  2,
);
test(
  'a BOM and another codec',
  refusesSource,
  sourceOf([0xef, 0xbb, 0xbf], '# coding: latin-1\n'),
  'encoding problem: the file starts with a UTF-8 byte order mark but declares latin-1',
  1,
);
test(
  'a BOM and a utf8 spelling other than utf-8, as CPython',
  refusesSource,
  sourceOf([0xef, 0xbb, 0xbf], '# coding: utf8\n'),
  'encoding problem: the file starts with a UTF-8 byte order mark but declares utf8',
  1,
);
test(
  'bytes the declared codec cannot decode',
  refusesSource,
  sourceOf('# coding: shift_jis\n\n', [0x82, 0xff]),
  'the file is not valid shift_jis',
  3,
);
test(
  'a byte cp1252 leaves undefined',
  refusesSource,
  sourceOf('# coding: cp1252\n\n', [0x81]),
  'the file is not valid cp1252',
  3,
);
test(
  'a null byte',
  refusesSource,
  sourceOf('a\r\nb\0'),
  'Python syntax error: source code cannot contain null bytes (Alembic cannot import this file either)',
  2,
);
