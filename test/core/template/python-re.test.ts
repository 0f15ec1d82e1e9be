import test from 'ava';
import { pyRepr } from '../../../src/core/template/python-repr.js';
import { RE_MODULE } from '../../../src/core/template/python-re.js';
import { translatePattern } from '../../../src/core/template/python-re-pattern.js';
import type { PyFunction, PyValue } from '../../../src/core/template/python-values.js';

const SITE = { file: 'r.mako', line: 4 };
const split = RE_MODULE.attributes.get('split') as PyFunction;

function reSplit(
  pattern: string,
  subject: string,
  keywords: ReadonlyMap<string, PyValue> = new Map(),
): string {
  return pyRepr(split.call({ positional: [pattern, subject], keywords }, SITE), SITE);
}

// Expected values are CPython 3.11's re.split results.
const CASES: readonly (readonly [string, string, string])[] = [
  [',\\s*', 'a, b,c,\t d', "['a', 'b', 'c', 'd']"],
  [',\\s*', 'single', "['single']"],
  [',\\s*', '', "['']"],
  ['[,;]', 'a,b;c', "['a', 'b', 'c']"],
  ['(,)', 'a,b', "['a', ',', 'b']"],
  ['(x)|(,)', 'a,bxc', "['a', None, ',', 'b', 'x', None, 'c']"],
  ['\\s+', ' lead  trail ', "['', 'lead', 'trail', '']"],
  ['a{2}', 'baab', "['b', 'b']"],
  ['a{,2}b', 'xaabyb', "['x', 'y', '']"],
  ['[^a-c]+', 'abxyzcab', "['ab', 'cab']"],
  ['\\.', 'a.b', "['a', 'b']"],
  ['{', 'a{b', "['a', 'b']"],
  ['x{a}', 'yx{a}z', "['y', 'z']"],
  ['[]]', 'a]b', "['a', 'b']"],
  ['[a-]', 'xa-y', "['x', '', 'y']"],
  ['\\d+', 'a12b٣c', "['a', 'b', 'c']"],
  ['\\w+', 'héllo wörld', "['', ' ', '']"],
  ['.', '\n', "['\\n']"],
  ['(?:ab)+', 'xababy', "['x', 'y']"],
  ['^a', 'aXa', "['', 'Xa']"],
  ['b$', 'ab\n', "['a', '\\n']"],
  ['[\\s,]+', 'a , b', "['a', 'b']"],
  ['\\t', 'a\tb', "['a', 'b']"],
  ['\\s', 'a\x1cb\x85c\u3000d', "['a', 'b', 'c', 'd']"],
];

for (const [pattern, subject, expected] of CASES) {
  test(`re.split(${JSON.stringify(pattern)}, ${JSON.stringify(subject)})`, (t) => {
    t.is(reSplit(pattern, subject), expected);
  });
}

test('maxsplit limits the number of splits', (t) => {
  t.is(reSplit(',', 'a,b,c', new Map([['maxsplit', 1]])), "['a', 'b,c']");
  t.is(reSplit(',', 'a,b,c', new Map([['maxsplit', 2]])), "['a', 'b', 'c']");
});

const refuses = test.macro({
  exec(t, pattern: string, construct: string) {
    t.throws(() => translatePattern(pattern, SITE), {
      message: `r.mako:4: re.split with ${construct} is not supported`,
    });
  },
  title: (_title, pattern: string) => `refuses ${JSON.stringify(pattern)}`,
});

test(refuses, '(?=x)', 'the group syntax (?=');
test(refuses, '(?P<name>x)', 'the group syntax (?P');
test(refuses, '(?i)x', 'the group syntax (?i');
test(refuses, '\\bword', 'the escape \\b');
test(refuses, '(a)\\1', 'the escape \\1');
test(refuses, '*a', 'a repeat with nothing to repeat');
test(refuses, 'a**', 'a multiple repeat');
test(refuses, '[z-a]', 'a bad character range');
test(refuses, '[\\S]', '\\S inside a character set');
test(refuses, '(a', 'an unbalanced parenthesis');
test(refuses, 'a)', 'an unbalanced parenthesis');
test(refuses, '[abc', 'an unterminated character set');
test(refuses, 'a{3,1}', 'a repeat whose minimum exceeds its maximum');

test('a pattern matching the empty string is refused at run time', (t) => {
  t.throws(() => reSplit('x*', 'abc'), {
    message: 'r.mako:4: re.split with a pattern that matches the empty string is not supported',
  });
});

test('flags and a non-str subject', (t) => {
  t.throws(() => split.call({ positional: [',', 'a', 0, 2], keywords: new Map() }, SITE), {
    message: 'r.mako:4: re.split with flags is not supported',
  });
  t.throws(() => reSplit(',', null as unknown as string), {
    message:
      "r.mako:4: rendering fails with TypeError: expected string or bytes-like object, got 'NoneType'",
  });
});
