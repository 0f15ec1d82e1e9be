// What the renderer refuses around the constructs of real templates (create_date as a
// datetime, imports, comprehensions, functions, <%text>): each refusal is one InputError
// naming the template and line, with the renderer's hint, never a guess at the output.
import test from 'ava';
import { renderMakoTemplate } from '../../../src/core/template/mako-render.js';
import type { TemplateVariables } from '../../../src/core/template/template-variables.js';
import { InputError } from '../../../src/errors.js';
import { TEMPLATE_HINT } from '../../../src/messages/template.js';
import { MERGE_VARIABLES } from '../../helpers/template-variables.js';

const NAIVE = MERGE_VARIABLES;
const BERLIN: TemplateVariables = {
  ...NAIVE,
  createDate: '2024-01-02 03:04:05.678901+01:00',
  timezone: 'Europe/Berlin',
};
const UTC: TemplateVariables = {
  ...NAIVE,
  createDate: '2024-01-02 03:04:05.678901+00:00',
  timezone: 'UTC',
};

const refuses = test.macro({
  exec(
    t,
    source: string,
    line: number | null,
    message: string,
    variables: TemplateVariables = NAIVE,
  ) {
    const error = t.throws(
      () => renderMakoTemplate(source, 'migrations/script.py.mako', variables),
      { instanceOf: InputError },
    );
    t.is(error?.message, `migrations/script.py.mako${line === null ? '' : `:${line}`}: ${message}`);
    t.is(error?.hint, TEMPLATE_HINT);
  },
  title: (title) => `refused: ${title ?? ''}`,
});

const AWARE_REPR =
  'repr() of an aware create_date is not supported: its tzinfo prints differently in each Alembic version (dateutil before 1.13, zoneinfo since)';
test('repr of an aware create_date', refuses, 'x\n${repr(create_date)}', 2, AWARE_REPR, BERLIN);
test(
  'repr of an aware create_date in UTC too',
  refuses,
  '${repr(create_date)}',
  1,
  AWARE_REPR,
  UTC,
);
test(
  'str of an aware tzinfo',
  refuses,
  '${create_date.tzinfo}',
  1,
  'str() of a tzinfo value is not supported',
  BERLIN,
);
test(
  'an attribute of tzinfo',
  refuses,
  '${create_date.tzinfo.key}',
  1,
  '`create_date.tzinfo.key` is not supported',
  BERLIN,
);
test(
  '%Z outside UTC',
  refuses,
  "${create_date.strftime('%Z')}",
  1,
  '%Z of an aware create_date is only supported for the UTC zone (git-alembic does not know other zones’ abbreviations)',
  BERLIN,
);
test(
  '%Z of an aware date whose zone was not given',
  refuses,
  "${create_date.strftime('%Z')}",
  1,
  '%Z of an aware create_date is only supported for the UTC zone (git-alembic does not know other zones’ abbreviations)',
  { ...BERLIN, timezone: undefined },
);
const STRFTIME = (what: string): string =>
  `strftime with ${what} is not supported (git-alembic implements glibc's directives, with the \`-\` flag, except %s)`;
test(
  '%s (depends on the machine’s zone)',
  refuses,
  "${create_date.strftime('%s')}",
  1,
  STRFTIME('%s'),
);
test('an unknown directive', refuses, "${create_date.strftime('%Q')}", 1, STRFTIME('%Q'));
test('%:z (Python 3.12 only)', refuses, "${create_date.strftime('%:z')}", 1, STRFTIME('%:'));
test('a glibc flag other than -', refuses, "${create_date.strftime('%_d')}", 1, STRFTIME('%_'));
test('a width', refuses, "${create_date.strftime('%10Y')}", 1, STRFTIME('%1'));
test('an E modifier', refuses, "${create_date.strftime('%Ey')}", 1, STRFTIME('%E'));
test(
  'the - flag on a text directive',
  refuses,
  "${create_date.strftime('%-a')}",
  1,
  STRFTIME('%-a'),
);
test('a % at the end', refuses, "${create_date.strftime('%Y%')}", 1, STRFTIME('% at the end'));
test(
  'a year before 1000',
  refuses,
  "${create_date.strftime('%Y')}",
  1,
  'strftime of a year before 1000 is not supported (Python versions pad it differently)',
  { ...NAIVE, createDate: '0999-01-02 03:04:05' },
);
test(
  'a datetime method we do not model',
  refuses,
  '${create_date.weekday()}',
  1,
  '`datetime.weekday` is not supported',
);
test(
  'create_date text that is not str(datetime)',
  refuses,
  '${create_date.year}',
  1,
  'create_date "yesterday" is not a datetime\'s str(), so its fields are unknown',
  { ...NAIVE, createDate: 'yesterday' },
);
test(
  'isoformat with a bad timespec',
  refuses,
  "${create_date.isoformat(timespec='days')}",
  1,
  'rendering fails with ValueError: Unknown timespec value',
);
test(
  'isoformat with a long separator',
  refuses,
  "${create_date.isoformat('--')}",
  1,
  'rendering fails with TypeError: isoformat() argument 1 must be a unicode character',
);

const IMPORT_LIST = '(only re, datetime, sys, and alembic or sqlalchemy left unused)';
test(
  'an import of another module',
  refuses,
  '<%!\nimport os.path\n%>',
  2,
  `\`import os.path\` is not supported ${IMPORT_LIST}`,
);
test(
  'an import of a submodule of re',
  refuses,
  '<%! import re.x %>',
  1,
  `\`import re.x\` is not supported ${IMPORT_LIST}`,
);
test(
  'from-import of another module',
  refuses,
  '<%! from datetime import datetime %>',
  1,
  '`from datetime import …` is not supported: it needs Python to run (only alembic and sqlalchemy names, left unused, can be imported)',
);
test(
  'a relative import',
  refuses,
  '<%! from . import models %>',
  1,
  '`from . import …` is not supported: it needs Python to run (only alembic and sqlalchemy names, left unused, can be imported)',
);
test(
  'a star import',
  refuses,
  '<%! from alembic import * %>',
  1,
  '`from … import *` is not supported (Mako refuses it too)',
);
test(
  'an alembic name used',
  refuses,
  '<%! from alembic import op %>\n${op.f("ix")}',
  2,
  '`op` (`from alembic import op`) is used in an expression: that needs Python, git-alembic allows such imports only when they are not used',
);
test(
  'a sqlalchemy module used in a function',
  refuses,
  '<%!\nimport sqlalchemy as sa\ndef kind():\n    return sa\n%>${kind()}',
  4,
  '`sa` (`import sqlalchemy`) is used in an expression: that needs Python, git-alembic allows such imports only when they are not used',
);
test(
  'sys attributes',
  refuses,
  '<%! import sys %>${sys.version}',
  1,
  '`sys.version` is not supported',
);
test(
  'datetime attributes (now() is not deterministic)',
  refuses,
  '<%! import datetime %>${datetime.datetime.now()}',
  1,
  '`datetime.datetime` is not supported',
);

test(
  'def in a <% %> block',
  refuses,
  '<%\ndef f(): return 1\n%>',
  2,
  '`def` is only supported in a `<%! %>` module block',
);
test(
  '*args',
  refuses,
  '<%! def f(*args): return 1 %>',
  1,
  "`*` in a function's parameters is not supported (only names with optional defaults)",
);
test(
  'an annotation',
  refuses,
  '<%! def f(x: str): return x %>',
  1,
  "an annotation in a function's parameters is not supported (only names with optional defaults)",
);
test(
  'a return annotation',
  refuses,
  '<%! def f(x) -> str: return x %>',
  1,
  "a return annotation in a function's parameters is not supported (only names with optional defaults)",
);
test(
  'a loop in a function',
  refuses,
  '<%!\ndef f(x):\n    for y in x:\n        pass\n%>',
  3,
  '`for` is not supported in a function (only assignments, `return`, `if`/`elif`/`else` and `pass`)',
);
test(
  'a nested def',
  refuses,
  '<%!\ndef f():\n    def g(): return 1\n    return g\n%>',
  3,
  '`def` is not supported in a function (only assignments, `return`, `if`/`elif`/`else` and `pass`)',
);
test(
  'an if outside a function',
  refuses,
  '<%\nif message:\n    x = 1\n%>',
  2,
  '`if` is not supported in a code block (only assignments, imports, `pass`, and `def` in `<%! %>`)',
);
test(
  'return outside a function',
  refuses,
  '<%! return 1 %>',
  1,
  '`return` is not supported in a code block (only assignments, imports, `pass`, and `def` in `<%! %>`)',
);
test(
  'a body that is not indented',
  refuses,
  '<%!\ndef f():\nreturn 1\n%>',
  3,
  'invalid Python: expected an indented block',
);
test(
  'a dedent to no enclosing level',
  refuses,
  '<%!\ndef f():\n        x = 1\n    return x\n%>',
  4,
  'the lines of this code block are indented differently',
);
test(
  'a default before a plain parameter',
  refuses,
  '<%! def f(a=1, b): return a %>',
  1,
  'rendering fails with SyntaxError: non-default argument follows default argument',
);
test(
  'a missing argument',
  refuses,
  '<%! def f(a): return a %>${f()}',
  1,
  "rendering fails with TypeError: f() missing required argument: 'a'",
);
test(
  'an unknown keyword argument',
  refuses,
  '<%! def f(a): return a %>${f(b=1)}',
  1,
  "rendering fails with TypeError: f() got an unexpected keyword argument 'b'",
);
test(
  'a local read before assignment',
  refuses,
  '<%!\ndef f():\n    if False:\n        y = 1\n    return y\n%>${f()}',
  5,
  "rendering fails with UnboundLocalError: local variable 'y' referenced before assignment",
);
test(
  'endless recursion',
  refuses,
  '<%! def f(n): return f(n + 1) %>\n${f(0)}',
  1,
  'template functions calling each other more than 100 deep are not supported',
);

test(
  'a reserved name as a comprehension target in a code block',
  refuses,
  "<% names = [loop for loop in 'ab'] %>",
  1,
  '`loop` is reserved by Mako and cannot be assigned',
);
test(
  'nested comprehensions of a million steps',
  refuses,
  "${len([1 for a in 'x' * 1000 for b in 'y' * 1000])}",
  1,
  'the template takes more than a million loop steps to render; git-alembic stops instead of hanging',
);
test(
  'nested loops of a million steps',
  refuses,
  "% for a in 'x' * 1000:\n% for b in 'y' * 1000:\n% endfor\n% endfor\n",
  2,
  'the template takes more than a million loop steps to render; git-alembic stops instead of hanging',
);
test(
  'a string too long for JavaScript',
  refuses,
  "${''.join('x' * 1000000 for a in 'y' * 1000)}",
  null,
  'the template produces a string or nesting too large to render',
);
test(
  'a generator that consumes itself (Python: ValueError)',
  refuses,
  '<%! g = ("".join(g) for x in "ab") %>\n${"".join(g)}',
  1,
  'rendering fails with ValueError: generator already executing',
);
test(
  'iterating a set of two items',
  refuses,
  "% for x in {'a', 'b'}:\n${x}\n% endfor\n",
  1,
  'iterating a set of several items is not supported: Python orders it by hash, which differs between runs',
);

test(
  '<%text> with a filter',
  refuses,
  'a\n<%text filter="h">x</%text>',
  2,
  '`<%text>` is only supported without attributes (such as `filter`) and not self-closing',
);
test(
  'a self-closing <%text/>',
  refuses,
  '<%text/>',
  1,
  '`<%text>` is only supported without attributes (such as `filter`) and not self-closing',
);
test(
  'an empty <%text></%text>',
  refuses,
  '<%text></%text>',
  1,
  'an empty `<%text></%text>` is not supported (Mako misreads it and leaves the tag open)',
);
test('an unclosed <%text>', refuses, 'a\n<%text>b', 2, 'unclosed `<%text>`: expected `</%text>`');
