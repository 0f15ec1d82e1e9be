import { readFileSync } from 'node:fs';
import test from 'ava';
import { compileCached, renderMakoTemplate } from '../../../src/core/template/mako-render.js';
import { InputError } from '../../../src/errors.js';
import { TEMPLATE_HINT } from '../../../src/messages/template.js';
import { MERGE_VARIABLES } from '../../helpers/template-variables.js';

const FIXTURES = new URL('../../fixtures/templates/', import.meta.url);

const VARIABLES = MERGE_VARIABLES;

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

const HEADER =
  'Revises: ${down_revision | comma,n}\ndown_revision = ${repr(down_revision)}\nbranch_labels = ${repr(branch_labels)}\n';

test('a merge of two heads renders the tuple and the comma list', (t) => {
  t.is(
    renderMakoTemplate(HEADER, 'h.mako', VARIABLES),
    "Revises: bbbb0001, cccc0001\ndown_revision = ('bbbb0001', 'cccc0001')\nbranch_labels = None\n",
  );
});

test('one parent renders as a str, none as None, a label as a one-element tuple', (t) => {
  const single = renderMakoTemplate(HEADER, 'h.mako', {
    ...VARIABLES,
    downRevision: 'abc123',
    branchLabels: ['feature'],
  });
  t.is(single, "Revises: abc123\ndown_revision = 'abc123'\nbranch_labels = ('feature',)\n");
  const base = renderMakoTemplate(HEADER, 'h.mako', { ...VARIABLES, downRevision: null });
  t.is(base, 'Revises: \ndown_revision = None\nbranch_labels = None\n');
});

test('the create date renders as the given str() text', (t) => {
  t.is(
    renderMakoTemplate('Create Date: ${create_date}', 'd.mako', VARIABLES),
    'Create Date: 2024-01-02 03:04:05.678901',
  );
});

test('a CRLF template renders CRLF, control lines and continuations included', (t) => {
  const source = 'a\r\n% if message:\r\nb ${message}\r\n% endif\r\nc\\\r\nd\r\n';
  t.is(renderMakoTemplate(source, 'crlf.mako', VARIABLES), 'a\r\nb merge heads\r\ncd\r\n');
});

test('the multidb pattern: config option, re.split and context.get per database', (t) => {
  const source =
    '<%! import re %>\\\n<% names = config.get_main_option("databases") %>\\\n% for db in re.split(r",\\s*", names):\ndef upgrade_${db}():\n    ${context.get("%s_upgrades" % db, "pass")}\n% endfor\n';
  t.is(
    renderMakoTemplate(source, 'm.mako', VARIABLES),
    'def upgrade_engine1():\n    pass\ndef upgrade_engine2():\n    pass\n',
  );
});

test('refresh is True unless disabled (Alembic before 1.12.1 did not pass it)', (t) => {
  t.is(renderMakoTemplate('${refresh}', 'r.mako', VARIABLES), 'True');
  t.is(
    renderMakoTemplate('${"yes" if refresh else "no"}', 'r.mako', { ...VARIABLES, refresh: false }),
    'no',
  );
});

test('a template is compiled once: the same text and name give the same compiled template, other text another', (t) => {
  const source = fixture('typed-sequence.mako');
  const first = compileCached(source, 'typed-sequence.mako');
  t.is(compileCached(source, 'typed-sequence.mako'), first);
  t.not(compileCached(`${source}\n`, 'typed-sequence.mako'), first);
});

const UNSUPPORTED: readonly (readonly [string, number, string])[] = [
  [
    'flask-current-app.mako',
    22,
    '`from flask import …` is not supported: it needs Python to run (only alembic and sqlalchemy names, left unused, can be imported)',
  ],
  ['include.mako', 1, '`<%include>` is not supported'],
  ['unknown-function.mako', 3, 'unknown function `slugify()`'],
  ['def-block.mako', 1, '`<%def>` is not supported'],
  [
    'import-os.mako',
    1,
    '`import os` is not supported (only re, datetime, sys, and alembic or sqlalchemy left unused)',
  ],
  ['while-loop.mako', 2, '`% while` is not supported (only `% if` and `% for`)'],
  [
    'builtin-sorted.mako',
    1,
    'the Python builtin `sorted` is not supported (only repr, str and len)',
  ],
  ['regex-lookahead.mako', 2, 're.split with the group syntax (?= is not supported'],
  ['loop-variable.mako', 2, "Mako's `loop` is not supported"],
  [
    'text-tag-filter.mako',
    2,
    '`<%text>` is only supported without attributes (such as `filter`) and not self-closing',
  ],
  [
    'expression-statement.mako',
    1,
    'an expression statement is not supported in a code block (only assignments, imports, `pass`, and `def` in `<%! %>`)',
  ],
  ['f-string.mako', 1, "string literals with the prefix 'f' are not supported"],
  ['entity-filter.mako', 1, 'the filter `entity` is not supported'],
];

for (const [name, line, message] of UNSUPPORTED) {
  test(`unsupported: ${name}`, (t) => {
    const source = fixture(`unsupported/${name}`);
    const error = t.throws(() => renderMakoTemplate(source, `migrations/${name}`, VARIABLES), {
      instanceOf: InputError,
    });
    t.deepEqual(error?.location, { file: `migrations/${name}`, line });
    t.is(error?.message, `migrations/${name}:${line}: ${message}`);
    t.is(error?.hint, TEMPLATE_HINT);
  });
}

const MAKO_FAILURES: readonly (readonly [string, string, string])[] = [
  [
    'an undefined name rendered',
    '\n${imports}',
    't.mako:2: an undefined name is rendered (Mako raises `NameError: Undefined`)',
  ],
  [
    'a local read before assignment',
    '${x}\n<% x = 1 %>',
    "t.mako:1: rendering fails with UnboundLocalError: local variable 'x' referenced before assignment",
  ],
  [
    'an empty first branch',
    '% if message:\n% else:\ntext\n% endif\n',
    't.mako:1: a control block whose first branch is empty while another has content: Mako cannot compile it',
  ],
  ['an endif without if', 'x\n% endif\n', 't.mako:2: `% endif` without `% if`'],
  [
    'an endfor closing an if',
    '% if x:\ny\n% endfor\n',
    't.mako:3: `% endfor` does not close `% if`',
  ],
  ['an unterminated if', '% if x:\ny\n', 't.mako:1: `% if` is never closed by `% endif`'],
  [
    'elif in a for',
    '% for c in "ab":\n% elif x:\n% endfor\n',
    't.mako:2: `% elif` is not allowed here in `% for`',
  ],
  [
    'a keyword glued to a parenthesis',
    '% if(message):\nx\n% endif\n',
    't.mako:1: `% if(message):` is not a control statement of the form `% if …:`',
  ],
  [
    'n on a non-str',
    '${branch_labels | n}',
    't.mako:1: `${}` produced a NoneType, not a str (Mako would fail)',
  ],
  [
    'a trailing comma in the filters',
    '${message | h,}',
    't.mako:1: invalid Python: expected an expression, found the end of the code',
  ],
  [
    'a reserved name assigned',
    '<% context = 1 %>',
    't.mako:1: `context` is reserved by Mako and cannot be assigned',
  ],
  ['an empty expression', '${ }', 't.mako:1: empty `${}` expression'],
  [
    'a lone surrogate in the output',
    '${"\\ud800"}',
    't.mako: the rendered text contains a lone surrogate, which cannot be encoded (Alembic would fail to write it)',
  ],
  [
    'mixed indentation in a code block',
    '<%\n  a = 1\n    b = 2\n%>',
    't.mako:3: the lines of this code block are indented differently',
  ],
];

for (const [title, source, message] of MAKO_FAILURES) {
  test(`fails like Mako: ${title}`, (t) => {
    t.throws(() => renderMakoTemplate(source, 't.mako', VARIABLES), {
      instanceOf: InputError,
      message,
    });
  });
}
