// The complete syntax check without Python: the errors of the examples and of each rule
// family with their exact message and line, syntax that must pass, and inputs nested so deep
// that a naive recursive parser would overflow the stack (the check must end in an error).
import test from 'ava';

import { checkPythonSyntax } from '../../../src/core/python-syntax/check-syntax.js';
import { readRevisionFile } from '../../../src/core/revision-file/read-revision-file.js';
import { lineAt, PythonSyntaxError } from '../../../src/core/revision-file/python-syntax-error.js';
import { InputError } from '../../../src/errors.js';

const refuses = test.macro({
  exec(t, source: string, line: number, message: string) {
    const error = t.throws(() => checkPythonSyntax(source), { instanceOf: PythonSyntaxError });
    t.is(error?.message, message);
    t.is(lineAt(source, error?.offset ?? -1), line);
  },
  title: (title = '') => `refuses ${title}`,
});

const HEAD = 'revision = "a1"\ndown_revision = None\n';

test('two names side by side', refuses, `${HEAD}foo bar\n`, 3, 'invalid syntax');
test('x = = 1', refuses, `${HEAD}x = = 1\n`, 3, 'invalid syntax');
test('return at module level', refuses, `${HEAD}return 5\n`, 3, "'return' outside function");
test('0b2', refuses, `${HEAD}x = 0b2\n`, 3, "invalid digit '2' in binary literal");
test(
  'an error deep in upgrade()',
  refuses,
  `${HEAD}def upgrade():\n    op.execute("x")\n    if x\n        pass\n`,
  5,
  "expected ':'",
);
test('break outside a loop', refuses, `${HEAD}def f():\n    break\n`, 4, "'break' outside loop");
test('assignment to a call', refuses, `${HEAD}f() = 1\n`, 3, 'cannot assign to function call');
test(
  'a positional argument after a keyword',
  refuses,
  `${HEAD}f(a=1, 2)\n`,
  3,
  'positional argument follows keyword argument',
);
test(
  'a missing comma in a call across lines',
  refuses,
  `${HEAD}op.create_table(\n    "t",\n    sa.Column("a")\n    sa.Column("b"),\n)\n`,
  5,
  'invalid syntax. Perhaps you forgot a comma?',
);
test(
  'a duplicate parameter',
  refuses,
  `${HEAD}def f(a, a): pass\n`,
  3,
  "duplicate argument 'a' in function definition",
);
test(
  'await outside an async function',
  refuses,
  `${HEAD}def f():\n    await x\n`,
  4,
  "'await' outside async function",
);
test(
  'yield in a class body',
  refuses,
  `${HEAD}class A:\n    yield 1\n`,
  4,
  "'yield' outside function",
);
test(
  'a late __future__ import',
  refuses,
  `${HEAD}from __future__ import annotations\n`,
  3,
  'from __future__ imports must occur at the beginning of the file',
);
test(
  'an empty f-string field',
  refuses,
  `${HEAD}x = f"{}"\n`,
  3,
  'f-string: empty expression not allowed',
);
test(
  'bytes and str concatenated',
  refuses,
  `${HEAD}x = b"a" "b"\n`,
  3,
  'cannot mix bytes and nonbytes literals',
);
test(
  'a block header at the end of the file',
  refuses,
  `${HEAD}def upgrade():\n`,
  3,
  'expected an indented block after function definition on line 3',
);
test('a Python 2 print statement', refuses, `${HEAD}print "x"\n`, 3, 'invalid syntax');
test(
  'a lexical error after a parse error wins, as in CPython',
  refuses,
  `${HEAD}x = = 1\ny = "open\n`,
  4,
  'unterminated string literal',
);
test(
  'a unary chain nested deeper than Python parses',
  refuses,
  `${HEAD}x = ${'-'.repeat(100_000)}1\n`,
  3,
  'too deeply nested (Python’s parser gives up on nesting this deep)',
);
test(
  'not chained a hundred thousand times',
  refuses,
  `${HEAD}x = ${'not '.repeat(100_000)}1\n`,
  3,
  'too deeply nested (Python’s parser gives up on nesting this deep)',
);
test(
  'lambdas nested deeper than Python parses',
  refuses,
  `${HEAD}x = ${'lambda: '.repeat(20_000)}1\n`,
  3,
  'too deeply nested (Python’s parser gives up on nesting this deep)',
);

test('accepts `match` used as a name more often than the nesting limit', (t) => {
  // `match not in y` is first tried as a match statement, whose subject fails inside `not`:
  // the nesting that attempt counted must be given back, or enough such lines are refused.
  const source = `match = y = [1]\n${'match not in y\n'.repeat(1600)}`;
  t.notThrows(() => checkPythonSyntax(source));
});

test('accepts the forms revision files and their bodies use', (t) => {
  const source = [
    '"""add users',
    '',
    'Revision ID: a1',
    '"""',
    'from __future__ import annotations',
    'from typing import Sequence, Union',
    'revision: str = "a1"',
    'down_revision: Union[str, Sequence[str], None] = ("b", "c")',
    'branch_labels = None',
    'async def helper(*args: str, key=1, **kw) -> None:',
    '    async with ctx() as (a, b):',
    '        await a',
    '    rows = [r async for r in q()] if False else [x for x in range(3) if x]',
    '    return None',
    'def upgrade():',
    '    rows = [x for x in range(3) if x]',
    '    match rows:',
    '        case [first, *rest] if first: pass',
    '        case {"k": v, **others}: pass',
    '        case Point(x=0) | None: pass',
    '        case _: pass',
    '    with (open("a") as f, open("b") as g):',
    '        print(f"{f!r:>{10}} {g=}")',
    '    try:',
    '        pass',
    '    except* (ValueError, TypeError) as group:',
    '        pass',
    '    x = y = (z := 1)',
    '    del x, rows[0]',
    '    lambda a, /, b=1, *, c: (yield)',
    '',
  ].join('\n');
  t.notThrows(() => checkPythonSyntax(source));
});

test('readRevisionFile with completeSyntaxCheck names the file and line of an error the readers would miss', (t) => {
  const bytes = new TextEncoder().encode(`${HEAD}def upgrade():\n    x = = 1\n`);
  const input = { fileName: 'a1_x.py', displayPath: 'versions/a1_x.py', bytes };
  t.is(readRevisionFile(input, { constants: new Map() }).id, 'a1');
  const error = t.throws(
    () => readRevisionFile(input, { constants: new Map(), completeSyntaxCheck: true }),
    { instanceOf: InputError },
  );
  t.is(
    error?.message,
    'versions/a1_x.py:4: Python syntax error: invalid syntax (Alembic cannot import this file either)',
  );
});
