// The tokenizer: where logical lines end, what the tokens of a line are, how indented bodies
// are skipped, and the syntax errors it reports (with the offset where they start).
import test from 'ava';

import { walkModuleLines } from '../../../src/core/revision-file/module-lines.js';
import {
  skipIndentedBlock,
  tokenizeLogicalLine,
} from '../../../src/core/revision-file/python-lexer.js';
import { PythonSyntaxError } from '../../../src/core/revision-file/python-syntax-error.js';
import {
  skipString,
  stringTokenStart,
  prefixFlags,
} from '../../../src/core/revision-file/python-string-scan.js';

function tokens(source: string): string[] {
  return tokenizeLogicalLine(source, 0).tokens.map((token) => `${token.kind}:${token.text}`);
}

const tokenizesAs = test.macro({
  exec(t, source: string, expected: readonly string[]) {
    t.deepEqual(tokens(source), expected);
  },
  title: (title = '', source: string) => `tokenizes ${title || JSON.stringify(source)}`,
});

test(
  'an annotated assignment with a comment',
  tokenizesAs,
  "revision: str = 'abc'  # it's \"x\"\nnext = 1",
  ['name:revision', 'op::', 'name:str', 'op:=', "string:'abc'"],
);
test(
  'string prefixes',
  tokenizesAs,
  'x(rb"a", Rb\'b\', bR"c", f\'d\', u"e", U\'f\', Fr"g", t"h")',
  [
    'name:x',
    'op:(',
    'string:rb"a"',
    'op:,',
    "string:Rb'b'",
    'op:,',
    'string:bR"c"',
    'op:,',
    "string:f'd'",
    'op:,',
    'string:u"e"',
    'op:,',
    "string:U'f'",
    'op:,',
    'string:Fr"g"',
    'op:,',
    'string:t"h"',
    'op:)',
  ],
);
test('names that are not prefixes stay names', tokenizesAs, 'if"a" or buf\'b\' or ur"c"', [
  'name:if',
  'string:"a"',
  'name:or',
  'name:buf',
  "string:'b'",
  'name:or',
  'name:ur',
  'string:"c"',
]);
test('escaped quotes and raw strings', tokenizesAs, "x = 'it\\'s', r'\\'', \"a\\\\\"", [
  'name:x',
  'op:=',
  "string:'it\\'s'",
  'op:,',
  "string:r'\\''",
  'op:,',
  'string:"a\\\\"',
]);
test(
  'a triple-quoted string over lines with quotes and assignments inside',
  tokenizesAs,
  'x = """a "b" \'c\'\nrevision = \'no\'\n\\""" """\ny',
  ['name:x', 'op:=', 'string:"""a "b" \'c\'\nrevision = \'no\'\n\\""" """'],
);
test(
  'brackets spanning lines, with comments holding quotes and brackets',
  tokenizesAs,
  "x = (  # don't )\n  'a',  # \"\n  ['b'],\n)\ny",
  ['name:x', 'op:=', 'op:(', "string:'a'", 'op:,', 'op:[', "string:'b'", 'op:]', 'op:,', 'op:)'],
);
test('a backslash continuation joins lines', tokenizesAs, 'x = \\\n  1\ny', [
  'name:x',
  'op:=',
  'number:1',
]);
test(
  'operators',
  tokenizesAs,
  'a **= b //= c >>= d <<= e ... f == g != h -> i := j += k @= l ** m // n << o >> p < q',
  [
    'name:a',
    'op:**=',
    'name:b',
    'op://=',
    'name:c',
    'op:>>=',
    'name:d',
    'op:<<=',
    'name:e',
    'op:...',
    'name:f',
    'op:==',
    'name:g',
    'op:!=',
    'name:h',
    'op:->',
    'name:i',
    'op::=',
    'name:j',
    'op:+=',
    'name:k',
    'op:@=',
    'name:l',
    'op:**',
    'name:m',
    'op://',
    'name:n',
    'op:<<',
    'name:o',
    'op:>>',
    'name:p',
    'op:<',
    'name:q',
  ],
);
test('numbers', tokenizesAs, 'x = 1e-5 + 0xE+1 + 1_000.5j + .5', [
  'name:x',
  'op:=',
  'number:1e-5',
  'op:+',
  'number:0xE',
  'op:+',
  'number:1',
  'op:+',
  'number:1_000.5j',
  'op:+',
  'number:.5',
]);
test('identifiers are NFKC-normalised as Python does', tokenizesAs, '\uff52evision = 1', [
  'name:revision',
  'op:=',
  'number:1',
]);
test(
  'PEP 701 f-strings with the enclosing quote inside a field',
  tokenizesAs,
  'x = f"{d["k"]} {y:{w}} {{lit}} {z!r:>{n}}" + f\'{"}"}\'',
  ['name:x', 'op:=', 'string:f"{d["k"]} {y:{w}} {{lit}} {z!r:>{n}}"', 'op:+', 'string:f\'{"}"}\''],
);
test('a \\N{...} escape in an f-string is not a field', tokenizesAs, 'x = f"\\N{EM DASH}"', [
  'name:x',
  'op:=',
  'string:f"\\N{EM DASH}"',
]);
test('a backslash before a brace in an f-string does not escape it', tokenizesAs, 'x = f"\\{y}"', [
  'name:x',
  'op:=',
  'string:f"\\{y}"',
]);
test('a string continued with a backslash-newline', tokenizesAs, "x = 'a\\\nb'", [
  'name:x',
  'op:=',
  "string:'a\\\nb'",
]);

test('tokens record their bracket depth; brackets sit outside themselves', (t) => {
  const line = tokenizeLogicalLine('f(a, [b])', 0);
  t.deepEqual(
    line.tokens.map((token) => [token.text, token.depth]),
    [
      ['f', 0],
      ['(', 0],
      ['a', 1],
      [',', 1],
      ['[', 1],
      ['b', 2],
      [']', 1],
      [')', 0],
    ],
  );
});

test('a logical line ends at the newline outside brackets; offsets are absolute', (t) => {
  const source = "x = (1,\n 2)\ny = 'z'";
  const first = tokenizeLogicalLine(source, 0);
  t.is(first.end, 11);
  const second = tokenizeLogicalLine(source, first.end + 1);
  t.deepEqual(
    second.tokens.map((token) => [token.text, token.start, token.end]),
    [
      ['y', 12, 13],
      ['=', 14, 15],
      ["'z'", 16, 19],
    ],
  );
  t.is(second.end, source.length);
});

const skipsTo = test.macro({
  exec(t, source: string, headerColumn: number, expected: string) {
    const headerEnd = source.indexOf('\n');
    t.is(source.slice(skipIndentedBlock(source, headerEnd, headerColumn)), expected);
  },
  title: (title = '') => `skips an indented body: ${title}`,
});

test(
  'blank lines, comments at column 0, dedented string content',
  skipsTo,
  'def f():\n    x = """\nnot = code\n"""\n\n# comment\n    y = (\n1)\nrevision = 1\n',
  0,
  'revision = 1\n',
);
test('a body ending at the end of the file', skipsTo, 'def f():\n    return 1', 0, '');
test(
  'a nested header column',
  skipsTo,
  '    def f():\n        a = 1\n\tb = 2\n    c = 3\n',
  4,
  '    c = 3\n',
);
test('tabs count to the next multiple of 8', skipsTo, '  def f():\n\tpass\n  x\n', 2, '  x\n');
test('a header with no body', skipsTo, 'def f():\nx = 1\n', 0, 'x = 1\n');
test('a form feed resets the column', skipsTo, 'def f():\n    a\n\fx = 1\n', 0, '\fx = 1\n');

const failsWith = test.macro({
  exec(t, source: string, message: string, offset: number) {
    const error = t.throws(
      () => {
        for (
          let start = 0;
          start < source.length;
          start = tokenizeLogicalLine(source, start).end + 1
        );
      },
      { instanceOf: PythonSyntaxError },
    );
    t.deepEqual([error?.message, error?.offset], [message, offset]);
  },
  title: (title = '') => `reports ${title}`,
});

test(
  'an unterminated string at its quote',
  failsWith,
  "x = 1\ny = 'abc\n",
  'unterminated string literal',
  10,
);
test(
  'an unterminated triple-quoted string at its start',
  failsWith,
  'x = """abc\n\n',
  'unterminated triple-quoted string literal',
  4,
);
test(
  'an escaped closing triple quote',
  failsWith,
  'x = """abc\\"""',
  'unterminated triple-quoted string literal',
  4,
);
test(
  'a bracket never closed at the bracket',
  failsWith,
  'x = [1,\n (2,\n 3)\n',
  "'[' was never closed",
  4,
);
test('an unmatched closing bracket', failsWith, 'x = 1]', "unmatched ']'", 5);
test(
  'mismatched brackets',
  failsWith,
  'x = {1)',
  "closing parenthesis ')' does not match opening parenthesis '{'",
  6,
);
test(
  'text after a continuation',
  failsWith,
  'x = 1 \\ 2',
  'unexpected character after line continuation character',
  6,
);
test(
  'the end of the file after a continuation',
  failsWith,
  'x = 1 \\',
  'unexpected EOF while parsing',
  6,
);
test(
  "a single '}' in an f-string",
  failsWith,
  'x = f"a}"',
  "f-string: single '}' is not allowed",
  7,
);
test(
  'an unterminated f-string field (the quote opens a nested string)',
  failsWith,
  'x = f"{a"\n',
  'unterminated string literal',
  8,
);
test(
  'too many nested parentheses',
  failsWith,
  `x = ${'('.repeat(201)}`,
  'too many nested parentheses',
  204,
);

test('skipIndentedBlock reports syntax errors inside the body', (t) => {
  const error = t.throws(() => skipIndentedBlock("def f():\n    x = 'a\n", 8, 0), {
    instanceOf: PythonSyntaxError,
  });
  t.is(error?.offset, 17);
});

test('stringTokenStart finds the prefix in front of a quote, if any', (t) => {
  const source = "x(rb'a', if'b', abc'c', f'd')";
  const starts = [...source.matchAll(/'[a-d]'/g)].map((match) =>
    source.slice(stringTokenStart(source, match.index), match.index + 3),
  );
  t.deepEqual(starts, ["rb'a'", "'b'", "'c'", "f'd'"]);
});

test('prefixFlags accepts only valid prefixes', (t) => {
  const valid = ['', 'r', 'u', 'b', 'f', 't', 'rb', 'BR', 'Rb', 'fr', 'RF', 'tr', 'rT'];
  const invalid = ['ur', 'ub', 'bf', 'rr', 'bu', 'x', 'abc'];
  t.true(valid.every((prefix) => prefixFlags(prefix, 0, prefix.length) !== -1));
  t.true(invalid.every((prefix) => prefixFlags(prefix, 0, prefix.length) === -1));
});

test('skipString returns the offset after the closing quote', (t) => {
  t.is(skipString("'''a''' + b", 0, 0), 7);
  t.is(skipString('"a\\"b" c', 0, 0), 6);
  t.is(skipString("''", 0, 0), 2);
  t.is(skipString('""""""x', 0, 0), 6);
});

test('walkModuleLines visits the lines outside function and class bodies, with their columns', (t) => {
  const source = [
    '"""doc"""',
    'import os  # comment',
    '',
    'class Meta:',
    '    inside = 1',
    'if X:',
    '    def helper():',
    '        hidden = 2',
    '    shown = 3',
    'def upgrade():',
    '    op.execute("""',
    'x = "not a line"',
    '""")',
    '# column-0 comment inside the body',
    '    more = 4',
    'revision = "a"',
  ].join('\n');
  const visited: Array<[string, number]> = [];
  walkModuleLines(source, {
    visitLine: (tokens, column) =>
      visited.push([tokens.map((token) => token.text).join(' '), column]),
  });
  t.deepEqual(visited, [
    ['"""doc"""', 0],
    ['import os', 0],
    ['class Meta :', 0],
    ['if X :', 0],
    ['def helper ( ) :', 4],
    ['shown = 3', 4],
    ['def upgrade ( ) :', 0],
    ['revision = "a"', 0],
  ]);
});
