import test from 'ava';
import { pyDateTime } from '../../../src/core/template/python-datetime.js';
import { pyRepr, pyStr, reprString } from '../../../src/core/template/python-repr.js';
import {
  pyFunction,
  pyList,
  pyTuple,
  type PyValue,
  UNDEFINED,
} from '../../../src/core/template/python-values.js';
import { InputError } from '../../../src/errors.js';

const SITE = { file: 'script.py.mako', line: 7 };

// Expected values are CPython 3.11's repr() output.
const STRING_CASES: readonly (readonly [string, string])[] = [
  ['', "''"],
  ['plain', "'plain'"],
  ["it's", `"it's"`],
  ['say "hi"', `'say "hi"'`],
  [`both ' and "`, `'both \\' and "'`],
  ['back\\slash', "'back\\\\slash'"],
  ['tab\tnl\ncr\r', "'tab\\tnl\\ncr\\r'"],
  ['\x00\x01\x1f\x7f', "'\\x00\\x01\\x1f\\x7f'"],
  ['\x80\x9f\xa0\xad\xff', "'\\x80\\x9f\\xa0\\xad\xff'"],
  ['é ü ß ✓ 中文', "'é ü ß ✓ 中文'"],
  ['\u200b\u2028\u3000\ufeff', "'\\u200b\\u2028\\u3000\\ufeff'"],
  ['\u{1f600}', "'\u{1f600}'"],
  ['\u{e0001}', "'\\U000e0001'"],
  ['\u{10ffff}', "'\\U0010ffff'"],
  ['\ue000', "'\\ue000'"],
  ['\u0378', "'\\u0378'"],
  ['\ud800', "'\\ud800'"],
  [`a'b"c`, `'a\\'b"c'`],
  ["'", `"'"`],
  ['"', `'"'`],
  ["\\'", `"\\\\'"`],
];

for (const [input, expected] of STRING_CASES) {
  test(`repr of the str ${JSON.stringify(input)}`, (t) => {
    t.is(reprString(input), expected);
  });
}

const VALUE_CASES: readonly (readonly [string, PyValue, string])[] = [
  ['None', null, 'None'],
  ['True', true, 'True'],
  ['False', false, 'False'],
  ['an int', -42, '-42'],
  ['an empty tuple', pyTuple([]), '()'],
  ['a one-element tuple', pyTuple(['a']), "('a',)"],
  ['a tuple', pyTuple(['a', 'b']), "('a', 'b')"],
  ['a nested tuple', pyTuple([pyTuple(['x']), null]), "(('x',), None)"],
  ['an empty list', pyList([]), '[]'],
  ['a one-element list', pyList(['a']), "['a']"],
  ['a mixed list', pyList([true, 0, "it's"]), `[True, 0, "it's"]`],
];

for (const [title, value, expected] of VALUE_CASES) {
  test(`repr of ${title}`, (t) => {
    t.is(pyRepr(value, SITE), expected);
  });
}

test('str of a str is the str itself, of other values their repr', (t) => {
  t.is(pyStr("it's", SITE), "it's");
  t.is(pyStr(null, SITE), 'None');
  t.is(pyStr(pyTuple(['a', 'b']), SITE), "('a', 'b')");
  t.is(pyStr(pyDateTime('2024-01-02 03:04:05.678901', null), SITE), '2024-01-02 03:04:05.678901');
});

test('str of UNDEFINED fails like Mako (NameError: Undefined)', (t) => {
  const error = t.throws(() => pyStr(UNDEFINED, SITE), { instanceOf: InputError });
  t.is(
    error?.message,
    'script.py.mako:7: an undefined name is rendered (Mako raises `NameError: Undefined`)',
  );
});

test('repr of values Python would print with a memory address is refused', (t) => {
  t.throws(() => pyRepr(UNDEFINED, SITE), {
    message: 'script.py.mako:7: repr() of a Undefined value is not supported',
  });
  t.throws(
    () =>
      pyStr(
        pyFunction('len', () => 0),
        SITE,
      ),
    { message: 'script.py.mako:7: str() of a function value is not supported' },
  );
  t.throws(() => pyRepr(pyDateTime('x', null), SITE), { instanceOf: InputError });
});
