// The one decoder of Python escape sequences: its rules case by case, the three readers that use
// it agreeing on every case (the revision reader's values, the template's literals, the syntax
// check's verdicts), and CPython agreeing with the values.
import { execFileSync } from 'node:child_process';
import test from 'ava';

import { type EscapeOptions, decodeEscapes } from '../../src/core/python-escapes.js';
import { checkStringLiteral } from '../../src/core/python-syntax/string-literal.js';
import { decodeStringLiteral } from '../../src/core/revision-file/python-literal.js';
import { readStringLiteral } from '../../src/core/template/python-string-literal.js';
import { oracleTest } from '../helpers/python.js';

const decodes = test.macro({
  exec(t, body: string, expected: ReturnType<typeof decodeEscapes>, options: EscapeOptions = {}) {
    t.deepEqual(decodeEscapes(body, options), expected);
  },
  title: (title = '', body: string) => `${title}: ${JSON.stringify(body)}`,
});

test('no escape', decodes, 'abc', 'abc');
test('simple escapes', decodes, String.raw`\n\t\r\\\'\"\a\b\f\v`, '\n\t\r\\\'"\x07\b\f\v');
test(
  'octal (one to three digits), hex and unicode escapes',
  decodes,
  String.raw`\101\x42\u0043\U0001F600\0\7777`,
  'ABC\u{1F600}\0\u01FF7',
);
test('unknown escapes keep their backslash', decodes, String.raw`\d\q\8`, '\\d\\q\\8');
test('a backslash before a line break joins the lines', decodes, 'a\\\nb', 'ab');
test('an escaped backslash before x is no escape', decodes, String.raw`\\x4`, '\\x4');
test('a truncated hex escape, at its backslash', decodes, String.raw`ab\x4`, {
  problem: 'truncated',
  letter: 'x',
  at: 2,
});
test('hex digits only', decodes, String.raw`\u12G4`, { problem: 'truncated', letter: 'u', at: 0 });
test('beyond U+10FFFF', decodes, String.raw`\U00110000`, {
  problem: 'beyond-unicode',
  letter: 'U',
  at: 0,
});
test('U+10FFFF itself', decodes, String.raw`\U0010FFFF`, '\u{10FFFF}');
test('a name needs the name table', decodes, String.raw`\N{EM DASH}`, {
  problem: 'named',
  letter: 'N',
  at: 0,
});
test('without braces', decodes, String.raw`\N`, { problem: 'malformed-name', letter: 'N', at: 0 });
test('without a name', decodes, String.raw`\N{}`, {
  problem: 'malformed-name',
  letter: 'N',
  at: 0,
});
test('unclosed', decodes, String.raw`\N{EM`, { problem: 'malformed-name', letter: 'N', at: 0 });
test(
  'any well-formed name, for a check',
  decodes,
  String.raw`\N{EM DASH}!\x4`,
  { problem: 'truncated', letter: 'x', at: 12 },
  { anyName: true },
);
test('bytes: \\u, \\U and \\N are text', decodes, String.raw`\u12\U1\N\x41`, '\\u12\\U1\\NA', {
  bytes: true,
});
test(
  'bytes: \\x still needs two digits',
  decodes,
  String.raw`\x4`,
  { problem: 'truncated', letter: 'x', at: 0 },
  { bytes: true },
);

// Bodies of one-quote str literals, each readable or not by all three readers alike.
const BODIES = [
  'plain',
  String.raw`\n\t\\\'\"\a\b\f\v`,
  String.raw`\101\x42\u0043\U0001F600\0\777`,
  String.raw`\d\q`,
  'a\\\nb',
  String.raw`é\x41`,
  String.raw`\\N\\x4`,
  String.raw`\x4`,
  String.raw`\xZZ`,
  String.raw`\u12`,
  String.raw`\U00110000`,
  String.raw`\U0010FFFF`,
  String.raw`\N`,
  String.raw`\N{}`,
  String.raw`\N{EM DASH}`,
];

function syntaxVerdict(literal: string): boolean {
  try {
    checkStringLiteral(literal, 0, literal.length, 0);
    return true;
  } catch {
    return false;
  }
}

function templateValue(literal: string): string | undefined {
  try {
    return readStringLiteral(literal, 0, { file: 'script.py.mako', line: 1 }).value;
  } catch {
    return undefined;
  }
}

test('the revision reader, the template and the syntax check read every literal alike', (t) => {
  for (const body of BODIES) {
    const literal = `'${body}'`;
    const value = decodeEscapes(body);
    const expected = typeof value === 'string' ? value : undefined;
    t.is(decodeStringLiteral(literal), expected, literal);
    t.is(templateValue(literal), expected, literal);
    // The check accepts any well-formed name: Python would look it up.
    t.is(
      syntaxVerdict(literal),
      expected !== undefined || (typeof value !== 'string' && value.problem === 'named'),
      literal,
    );
  }
});

test('the template says on which line of a literal its bad escape is', (t) => {
  const error = t.throws(() =>
    readStringLiteral("'''one\r\ntwo \\x4'''", 0, { file: 't.mako', line: 5 }),
  );
  t.regex(error?.message ?? '', /t\.mako:6: .*truncated \\x escape/);
});

oracleTest(
  test,
  'CPython gives every value the decoder gives, and refuses what it refuses',
  (t, python) => {
    const script =
      'import ast, json, sys\nout = []\nfor s in json.load(sys.stdin):\n  try: out.append(ast.literal_eval(s))\n  except SyntaxError: out.append(None)\nprint(json.dumps(out))';
    const literals = BODIES.map((body) => `'${body}'`);
    const theirs = JSON.parse(
      execFileSync(python, ['-c', script], { input: JSON.stringify(literals), encoding: 'utf8' }),
    ) as (string | null)[];
    for (const [index, body] of BODIES.entries()) {
      const ours = decodeEscapes(body);
      // Names are Python's to look up; everything else must match exactly.
      if (typeof ours !== 'string' && ours.problem === 'named')
        t.is(typeof theirs[index], 'string', body);
      else t.is(typeof ours === 'string' ? ours : null, theirs[index] ?? null, body);
    }
  },
);
