import test from 'ava';
import { ContextNames } from '../../../src/core/template/mako-identifiers.js';
import { RenderScope } from '../../../src/core/template/mako-scope.js';
import { evaluate } from '../../../src/core/template/python-evaluator.js';
import { PythonParser } from '../../../src/core/template/python-parser.js';
import { pyRepr } from '../../../src/core/template/python-repr.js';
import { tokenizePython } from '../../../src/core/template/python-tokenizer.js';
import { pyTuple, type PyValue } from '../../../src/core/template/python-values.js';
import { templateNamespace } from '../../../src/core/template/template-variables.js';

const FILE = 't.mako';
const NAMESPACE = templateNamespace({
  upRevision: 'r1',
  downRevision: null,
  branchLabels: null,
  dependsOn: null,
  createDate: 'd',
  message: 'm',
  mainOptions: new Map([['databases', 'a, b']]),
});
const DATA: ReadonlyMap<string, PyValue> = new Map<string, PyValue>([
  ['config', NAMESPACE.get('config') ?? null],
  ['comma', NAMESPACE.get('comma') ?? null],
  ['message', 'Merge heads'],
  ['labels', pyTuple(['a', 'b'])],
  ['nothing', null],
  ['count', 3],
  ['word', 'café🚀'],
]);

/** Parses and evaluates one expression against DATA; returns Python's repr of the result. */
function run(source: string): string {
  const site = { file: FILE, line: 1 };
  const parser = new PythonParser(tokenizePython(source, site), site);
  const expression = parser.expression();
  parser.expectEnd('the end');
  const names = new ContextNames();
  names.addExpression(expression, []);
  return pyRepr(
    evaluate(
      expression,
      new RenderScope(FILE, { localNames: new Set(), fetchedNames: names.fetched() }, DATA),
    ),
    site,
  );
}

const evaluatesTo = test.macro({
  exec(t, source: string, expected: string) {
    t.is(run(source), expected);
  },
  title: (_title, source: string, expected: string) => `${source} → ${expected}`,
});

// Expected values were produced by CPython 3.11 evaluating the same expressions.
const CASES: readonly (readonly [string, string])[] = [
  ['message', "'Merge heads'"],
  ['nothing', 'None'],
  ['labels', "('a', 'b')"],
  ['count', '3'],
  [`'a' 'b' "c"`, "'abc'"],
  ["r'\\n' + '\\n'", "'\\\\n\\n'"],
  ["'''tri'''", "'tri'"],
  ["u'x' + R'\\t'", "'x\\\\t'"],
  ["'\\x41\\101\\u00e9\\U0001F600'", "'AAé😀'"],
  ["'\\d'", "'\\\\d'"],
  ['(1,)', '(1,)'],
  ['()', '()'],
  ["[1, 'a', None]", "[1, 'a', None]"],
  ['(labels)', "('a', 'b')"],
  ['(labels,)', "(('a', 'b'),)"],
  ['not message', 'False'],
  ['not nothing', 'True'],
  ['message and count', '3'],
  ['nothing and count', 'None'],
  ["nothing or 'dflt'", "'dflt'"],
  ["'' or [] or 0", '0'],
  ["'y' if labels else 'n'", "'y'"],
  ["'y' if nothing else 'n' if count else 'z'", "'n'"],
  ['1 < count < 5', 'True'],
  ["'a' in labels", 'True'],
  ["'z' not in message", 'True'],
  ["'er' in message", 'True'],
  ['nothing is None', 'True'],
  ['labels is not None', 'True'],
  ['True == 1', 'True'],
  ['(1, 2) == (1, 2)', 'True'],
  ["('a',) == ['a']", 'False'],
  ["'é' > 'z'", 'True'],
  ['count + 1', '4'],
  ['count - 5', '-2'],
  ['-count', '-3'],
  ['+count', '3'],
  ['count * 2', '6'],
  ["'ab' * 3", "'ababab'"],
  ["3 * 'x'", "'xxx'"],
  ["labels + ('c',)", "('a', 'b', 'c')"],
  ['[1] * 2', '[1, 1]'],
  ["'x' * -2", "''"],
  ['-7 % 3', '2'],
  ['7 % -3', '-2'],
  ['True + True', '2'],
  ["'%s_upgrades' % 'db1'", "'db1_upgrades'"],
  ["'%s-%r' % ('a', 'b')", `"a-'b'"`],
  ["'%d%%' % count", "'3%'"],
  ["'%s' % (labels,)", `"('a', 'b')"`],
  ["'%s' % [1]", "'[1]'"],
  ["'x' % []", "'x'"],
  ['message[0]', "'M'"],
  ['message[-1]', "'s'"],
  ['message[:5]', "'Merge'"],
  ['message[6:]', "'heads'"],
  ['message[-5:]', "'heads'"],
  ['message[100:]', "''"],
  ['word[3]', "'é'"],
  ['word[-1:]', "'🚀'"],
  ['labels[1]', "'b'"],
  ['labels[:1]', "('a',)"],
  ['[1,2,3][1:]', '[2, 3]'],
  ['len(message)', '11'],
  ['len(word)', '5'],
  ['len(labels)', '2'],
  ['repr(message)', `"'Merge heads'"`],
  ['str(labels)', `"('a', 'b')"`],
  ['str()', "''"],
  ['repr(nothing)', "'None'"],
  ['message.upper()', "'MERGE HEADS'"],
  ['message.lower()', "'merge heads'"],
  ['message.split()', "['Merge', 'heads']"],
  ["'a,b,,c'.split(',')", "['a', 'b', '', 'c']"],
  ["'a b c'.split(None, 1)", "['a', 'b c']"],
  ["'a,b,c'.split(',', maxsplit=1)", "['a', 'b,c']"],
  ["'  x  '.strip()", "'x'"],
  ["'xxaxx'.strip('x')", "'a'"],
  ["'  x'.lstrip()", "'x'"],
  ["'x  '.rstrip()", "'x'"],
  ["', '.join(labels)", "'a, b'"],
  ["'-'.join('abc')", "'a-b-c'"],
  ["'aaa'.replace('a', 'b', 2)", "'bba'"],
  ["message.startswith('Merge')", 'True'],
  ["message.endswith(('x', 'heads'))", 'True'],
  ['message.split()[1].upper()', "'HEADS'"],
  ["config.get_main_option('databases')", "'a, b'"],
  ["config.get_main_option('DATABASES')", "'a, b'"],
  ["config.get_main_option('nope')", 'None'],
  ["config.get_main_option('nope', default='d')", "'d'"],
  ['comma(labels)', "'a, b'"],
  ['comma(nothing)', "''"],
  ["comma('x')", "'x'"],
  ['comma([])', "''"],
];

// Comprehensions, generator expressions, dicts and sets (also from CPython 3.11).
const COLLECTION_CASES: readonly (readonly [string, string])[] = [
  ['[x.upper() for x in labels]', "['A', 'B']"],
  ["[x for x in message.split() if x != 'heads']", "['Merge']"],
  ["(c for c in 'ab') and 1", '1'],
  ["', '.join(x.strip() for x in (' a ', 'b '))", "'a, b'"],
  ["', '.join(x for x in labels if x > 'a')", "'b'"],
  ['{x: len(x) for x in message.split()}', "{'Merge': 5, 'heads': 5}"],
  ["{x for x in 'aaa'}", "{'a'}"],
  ["{'k': count, 'j': nothing}", "{'k': 3, 'j': None}"],
  ['{}', '{}'],
  ["{1: 'a', True: 'b'}", "{1: 'b'}"],
  ["{(1, 'x'): 2}[(1, 'x')]", '2'],
  ["{'a': 1}.get('b', 'd')", "'d'"],
  ["{'a': None}.get('a', 'd')", 'None'],
  ["len({x for x in 'abab'})", '2'],
  ["'a' in {'a': 1}", 'True'],
  ["[a + b for a in 'xy' for b in '12']", "['x1', 'x2', 'y1', 'y2']"],
  ["[a for a, b in (('p', 1), ('q', 2)) if b > 1]", "['q']"],
  ["[(a, b) for (a, b) in [('p', 1)]]", "[('p', 1)]"],
  ["'b' in (x for x in labels)", 'True'],
  ["{x: y for x, y in (('a', 1), ('a', 2))}", "{'a': 2}"],
  ['[x for x in []]', '[]'],
  ['{k: None for k in ()}', '{}'],
  ["{c for c in ''}", 'set()'],
  ['[[y for y in x] for x in labels]', "[['a'], ['b']]"],
  ["{'a': 1} == {'a': 1}", 'True'],
  ['{1, 2} == {2, 1}', 'True'],
  ["dict_value['a'] if False else 1", '1'],
  ['comma(x for x in labels)', "'a, b'"],
  ["comma({'k': 1})", "'k'"],
  ["'x' % {'a': 1}", "'x'"],
  ["'%s' % {'a': 1}", `"{'a': 1}"`],
];

for (const [source, expected] of [...CASES, ...COLLECTION_CASES])
  test(evaluatesTo, source, expected);

test('a comprehension variable does not leak, and is fetched from nowhere', (t) => {
  t.throws(() => run('[1 for message in labels] + [message]'), {
    message: `${FILE}:1: rendering fails with NameError: name 'message' is not defined`,
  });
});

test('an unknown name is Mako UNDEFINED: falsy, and usable in a conditional', (t) => {
  t.is(run("imports if imports else 'none'"), "'none'");
  t.is(run('imports is UNDEFINED'), 'True');
  t.is(run("context.get('imports', 'pass')"), "'pass'");
});

const fails = test.macro({
  exec(t, source: string, message: string) {
    t.throws(() => run(source), { message: `${FILE}:1: ${message}` });
  },
  title: (_title, source: string) => `${source} fails`,
});

test(fails, 'open', 'the Python builtin `open` is not supported (only repr, str and len)');
test(fails, 'frobnicate(message)', 'unknown function `frobnicate()`');
test(fails, 'message.format(1)', '`str.format` is not supported');
test(fails, 'config.get_section("x")', '`config.get_section` is not supported');
test(
  fails,
  'settings.get("x")',
  '`settings.get`: `settings` is undefined (Mako raises AttributeError)',
);
test(
  fails,
  'config.get_main_option(None)',
  "rendering fails with AttributeError: 'NoneType' object has no attribute 'lower'",
);
test(fails, 'labels.count("a")', '`tuple.count` is not supported');
test(fails, 'lambda: 1', 'Python lambda is not supported in templates');
test(fails, '{**labels}', 'Python unpacking in displays is not supported in templates');
test(fails, '[*labels]', 'Python unpacking in displays is not supported in templates');
test(
  fails,
  '{1, 2}',
  'repr() a set of several items is not supported: Python orders it by hash, which differs between runs',
);
test(
  fails,
  '[x for x in {1, 2}]',
  'iterating a set of several items is not supported: Python orders it by hash, which differs between runs',
);
test(
  fails,
  'len(x for x in labels)',
  "rendering fails with TypeError: object of type 'generator' has no len()",
);
test(fails, 'repr(x for x in labels)', 'repr() of a generator value is not supported');
test(
  fails,
  'max(x for x in labels, 1)',
  'Python a generator expression beside other arguments (Python requires parentheses) is not supported in templates',
);
test(fails, '{[1]: 2}', "rendering fails with TypeError: unhashable type: 'list'");
test(fails, "{'a': 1}['b']", "rendering fails with KeyError: 'b'");
test(fails, "{'a': 1}.items()", '`dict.items` is not supported');
test(fails, '[x for x in count]', "rendering fails with TypeError: 'int' object is not iterable");
test(
  fails,
  '[y for x in labels if y for y in x]',
  "rendering fails with UnboundLocalError: local variable 'y' referenced before assignment",
);
test(fails, 'count / 2', 'Python operator / is not supported in templates');
test(fails, 'count ** 2', 'Python operator ** is not supported in templates');
test(fails, 'f"x"', "string literals with the prefix 'f' are not supported");
test(fails, 'b"x"', "string literals with the prefix 'b' are not supported");
test(fails, '1.5', 'the number literal `1.5` is not supported (decimal integers only)');
test(fails, '"unterminated', 'invalid Python: unterminated string literal');
test(fails, 'message +', 'invalid Python: expected an expression, found the end of the code');
test(fails, 'message[99]', 'rendering fails with IndexError: str index out of range');
test(
  fails,
  'count + "x"',
  "rendering fails with TypeError: unsupported operand type(s) for +: 'int' and 'str'",
);
test(
  fails,
  '"%s %s" % "x"',
  'rendering fails with TypeError: not enough arguments for format string',
);
test(
  fails,
  '"x" % "y"',
  'rendering fails with TypeError: not all arguments converted during string formatting',
);
test(fails, '"%5s" % "y"', 'the format `%5` is not supported (only %s, %r, %d and %%)');
test(fails, 'message is "x"', '`is` is only supported with None, True, False or UNDEFINED');
test(fails, 'loop', "Mako's `loop` is not supported");
test(fails, 'repr(imports)', 'repr() of a Undefined value is not supported');
test(fails, 'imports.x', '`imports.x`: `imports` is undefined (Mako raises AttributeError)');
test(fails, 'comma(1)', "rendering fails with ValueError: Don't know how to comma-format int");
test(
  fails,
  'None in message',
  "rendering fails with TypeError: 'in <string>' requires string as left operand, not NoneType",
);
test(
  fails,
  'len(nothing)',
  "rendering fails with TypeError: object of type 'NoneType' has no len()",
);
test(fails, 'message.split("")', 'rendering fails with ValueError: empty separator');
test(
  fails,
  'repr(message, 1)',
  'rendering fails with TypeError: repr() takes at most 1 arguments (2 given)',
);
test(
  fails,
  'message.strip(x=1)',
  "rendering fails with TypeError: strip() got an unexpected keyword argument 'x'",
);
test(fails, 'ünïcode', 'names with non-ASCII letters are not supported');
