// Revision files the reader must accept, with what Alembic reads from each. Shared by the
// table-driven test and the oracle test, which checks every expectation against real Alembic.
import type { ConstantValue } from '../../../src/core/revision.js';

/** A file and the values expected from it (`file` is `versions/<fileName>`). */
export interface ValidCase {
  readonly title: string;
  readonly source: string | Uint8Array;
  readonly fileName?: string;
  /** Constants make a case unreadable for Python, so the oracle skips such cases. */
  readonly constants?: Readonly<Record<string, ConstantValue>>;
  /** Syntax older Pythons reject (PEP 701 f-strings); the oracle skips it before 3.12. */
  readonly requiresPython312?: boolean;
  readonly expected: Expected;
}

/** The Revision fields other than `file`. */
export interface Expected {
  readonly id: string;
  readonly downRevisions: readonly string[];
  readonly dependencies: readonly string[];
  readonly branchLabels: readonly string[];
  readonly line: number | undefined;
  readonly doc: string | undefined;
  readonly createDate: string | undefined;
  readonly dependsOnEmptyString?: true;
}

function expect(
  id: string,
  downRevisions: readonly string[],
  rest: Partial<Expected> = {},
): Expected {
  return {
    id,
    downRevisions,
    dependencies: [],
    branchLabels: [],
    line: undefined,
    doc: undefined,
    createDate: undefined,
    ...rest,
  };
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;
const STOCK_HEADER = [
  '"""add users',
  '',
  'Revision ID: 1a2b3c4d5e6f',
  'Revises: 0f1e2d3c4b5a',
  'Create Date: 2024-01-02 03:04:05.678901',
  '',
  '"""',
];
const PLAIN = (...extra: string[]): string =>
  lines("revision = 'abc'", 'down_revision = None', ...extra);
const encoder = new TextEncoder();
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : part)),
  );

export const VALID_CASES: readonly ValidCase[] = [
  {
    title: 'stock template of Alembic 1.8.1',
    source: lines(
      ...STOCK_HEADER,
      'from alembic import op',
      'import sqlalchemy as sa',
      '',
      '',
      '# revision identifiers, used by Alembic.',
      "revision = '1a2b3c4d5e6f'",
      "down_revision = '0f1e2d3c4b5a'",
      'branch_labels = None',
      'depends_on = None',
      '',
      '',
      'def upgrade():',
      '    pass',
      '',
      '',
      'def downgrade():',
      '    pass',
    ),
    expected: expect('1a2b3c4d5e6f', ['0f1e2d3c4b5a'], {
      line: 13,
      doc: 'add users',
      createDate: '2024-01-02 03:04:05.678901',
    }),
  },
  {
    title: 'typed template (Alembic 1.11.2 and later), annotated assignments',
    source: lines(
      ...STOCK_HEADER,
      'from typing import Sequence, Union',
      '',
      "revision: str = '1a2b3c4d5e6f'",
      "down_revision: Union[str, Sequence[str], None] = '0f1e2d3c4b5a'",
      'branch_labels: Union[str, Sequence[str], None] = None',
      'depends_on: Union[str, Sequence[str], None] = None',
    ),
    expected: expect('1a2b3c4d5e6f', ['0f1e2d3c4b5a'], {
      line: 10,
      doc: 'add users',
      createDate: '2024-01-02 03:04:05.678901',
    }),
  },
  {
    title: 'PEP 604 annotations',
    source: lines(
      'from typing import Sequence',
      'revision: str = "b1"',
      'down_revision: str | None = None',
      'branch_labels: str | Sequence[str] | None = ("x",)',
      'depends_on: str | Sequence[str] | None = "a1"',
    ),
    expected: expect('b1', [], { line: 2, branchLabels: ['x'], dependencies: ['a1'] }),
  },
  {
    title: 'u prefix',
    source: lines("revision = u'abc'", "down_revision = U'def'"),
    expected: expect('abc', ['def'], { line: 1 }),
  },
  {
    title: 'r and R prefixes',
    source: lines("revision = r'abc'", 'down_revision = R"def"'),
    expected: expect('abc', ['def'], { line: 1 }),
  },
  {
    title: 'implicit concatenation',
    source: lines('revision = "ab" \'cd\' u"ef"', 'down_revision = None'),
    expected: expect('abcdef', [], { line: 1 }),
  },
  {
    title: 'implicit concatenation over lines inside parentheses',
    source: lines(
      'revision = (',
      '    "ab"  # first half',
      "    'cd'",
      ')',
      'down_revision = None',
    ),
    expected: expect('abcd', [], { line: 1 }),
  },
  {
    title: 'a parenthesised string is a str, not a tuple',
    source: lines("revision = ('abc')", "down_revision = ('def')"),
    expected: expect('abc', ['def'], { line: 1 }),
  },
  {
    title: 'one-element tuple as down_revision',
    source: lines("revision = 'b'", "down_revision = ('a',)"),
    expected: expect('b', ['a'], { line: 1 }),
  },
  {
    title: 'one-element list as down_revision',
    source: lines("revision = 'b'", "down_revision = ['a']"),
    expected: expect('b', ['a'], { line: 1 }),
  },
  {
    title: 'two-element tuple (a merge)',
    source: lines("revision = 'm'", 'down_revision = (\'a\', "b")'),
    expected: expect('m', ['a', 'b'], { line: 1 }),
  },
  {
    title: 'three-element list',
    source: lines("revision = 'm'", "down_revision = ['a', 'b', 'c']"),
    expected: expect('m', ['a', 'b', 'c'], { line: 1 }),
  },
  {
    title: 'tuple without parentheses',
    source: lines("revision = 'm'", "down_revision = 'a', 'b'"),
    expected: expect('m', ['a', 'b'], { line: 1 }),
  },
  {
    title: 'multi-line tuple with trailing comma and comments',
    source: lines(
      "revision = 'm'",
      'down_revision = (',
      '    "a",  # left (',
      "    'b',  # right ]",
      ')',
    ),
    expected: expect('m', ['a', 'b'], { line: 1 }),
  },
  {
    title: 'empty tuple, list and None mean a base',
    source: lines("revision = 'x'", 'down_revision = ()', 'branch_labels = []', 'depends_on = ()'),
    expected: expect('x', [], { line: 1 }),
  },
  {
    title: 'down_revision = [] is a base',
    source: lines("revision = 'x'", 'down_revision = []'),
    expected: expect('x', [], { line: 1 }),
  },
  {
    title: 'depends_on = "" means no dependency (but is flagged)',
    source: PLAIN('depends_on = ""'),
    expected: expect('abc', [], { line: 1, dependsOnEmptyString: true }),
  },
  {
    title: "depends_on = ('',) means no dependency (but is flagged)",
    source: PLAIN("depends_on = ('',)"),
    expected: expect('abc', [], { line: 1, dependsOnEmptyString: true }),
  },
  {
    title: 'absent branch_labels and depends_on',
    source: PLAIN(),
    expected: expect('abc', [], { line: 1 }),
  },
  {
    title: 'one-element branch_labels tuple',
    source: PLAIN("branch_labels = ('expand',)"),
    expected: expect('abc', [], { line: 1, branchLabels: ['expand'] }),
  },
  {
    title: 'branch_labels as a plain string',
    source: PLAIN("branch_labels = 'default'"),
    expected: expect('abc', [], { line: 1, branchLabels: ['default'] }),
  },
  {
    title: 'a repeated branch label is kept for the graph to refuse (Alembic registers each entry)',
    source: PLAIN("branch_labels = ['a', 'b', 'a']"),
    expected: expect('abc', [], { line: 1, branchLabels: ['a', 'b', 'a'] }),
  },
  {
    title: 'depends_on as a tuple',
    source: PLAIN("depends_on = ('x1', 'default')"),
    expected: expect('abc', [], { line: 1, dependencies: ['x1', 'default'] }),
  },
  {
    title: 'the last binding wins',
    source: lines(
      "revision = 'first'",
      "down_revision = 'old'",
      '',
      "revision = 'second'",
      "down_revision = 'new'",
    ),
    expected: expect('second', ['new'], { line: 4 }),
  },
  {
    title: 'chained assignment binds every name',
    source: PLAIN('branch_labels = depends_on = None'),
    expected: expect('abc', [], { line: 1 }),
  },
  {
    title: 'semicolons separate statements',
    source: lines("revision = 'a'; down_revision = 'b'; depends_on = ('c',)"),
    expected: expect('a', ['b'], { line: 1, dependencies: ['c'] }),
  },
  {
    title: 'backslash continuation',
    source: lines('revision = \\', "    'abc'", 'down_revision \\', '    = None'),
    expected: expect('abc', [], { line: 1 }),
  },
  {
    title: 'an annotation without a value binds nothing',
    source: lines('revision: str', 'down_revision = None'),
    fileName: 'c0ffee.py',
    expected: expect('c0ffee', []),
  },
  {
    title: 'legacy hex file name when revision is absent',
    source: lines('down_revision = None'),
    fileName: '1f2e3d.py',
    expected: expect('1f2e3d', []),
  },
  {
    title: 'the file name is ignored when revision is present',
    source: PLAIN(),
    fileName: '1f2e3d4c5b6a_add.py',
    expected: expect('abc', [], { line: 1 }),
  },
  {
    title: 'a stale Revises: and wrong Revision ID: in the docstring are ignored',
    source: lines(
      '"""merge',
      '',
      'Revision ID: zzzz',
      'Revises: yyyy',
      '"""',
      "revision = 'real'",
      "down_revision = ('p1', 'p2')",
    ),
    expected: expect('real', ['p1', 'p2'], { line: 6, doc: 'merge' }),
  },
  {
    title: 'a header after from __future__ import is not a docstring',
    source: lines(
      'from __future__ import annotations',
      '',
      '"""late header',
      '',
      'Create Date: 2020-01-01',
      '"""',
      "revision = 'a'",
      'down_revision = None',
    ),
    expected: expect('a', [], { line: 7 }),
  },
  {
    title: 'header written as comments',
    source: lines(
      '# Revision ID: wrong',
      '# Revises: also wrong',
      "revision = 'a'",
      "down_revision = 'b'",
    ),
    expected: expect('a', ['b'], { line: 3 }),
  },
  {
    title: 'doc is the first paragraph of the stripped docstring',
    source: lines(
      "'''",
      '  first line',
      'second line',
      '',
      'Create Date:   2021-05-06 07:08:09  ',
      "'''",
      "revision = 'a'",
      'down_revision = None',
    ),
    expected: expect('a', [], {
      line: 7,
      doc: 'first line\nsecond line',
      createDate: '2021-05-06 07:08:09',
    }),
  },
  {
    title: 'strings and comments that contain assignments are not bindings',
    source: lines(
      '"""revision = \'doc\'',
      "down_revision = 'doc'",
      '"""',
      '# revision = "comment"',
      'NOTE = \'revision = "string"\'',
      '"""depends_on = (\'x\',)"""',
      "revision = 'a'",
      'down_revision = None',
    ),
    expected: expect('a', [], { line: 7, doc: "revision = 'doc'\ndown_revision = 'doc'" }),
  },
  {
    title: 'bindings inside functions and classes are not module attributes',
    source: lines(
      PLAIN().trimEnd(),
      'class Meta:',
      "    revision = 'class'",
      'def upgrade():',
      "    revision = 'local'",
      '    global_value = 1',
      '    def inner():',
      "        depends_on = ('x',)",
      'async def later():',
      "    branch_labels = 'y'",
      'def inline(): down_revision = "z"',
    ),
    expected: expect('abc', [], { line: 1 }),
  },
  {
    title: 'a function inside a module-level if block is skipped as a whole',
    source: lines(
      'if True:',
      '    def helper():',
      "        revision = 'local'",
      '        return revision',
      "revision = 'abc'",
      'down_revision = None',
    ),
    expected: expect('abc', [], { line: 5 }),
  },
  {
    title: 'a body with comments at column 0, blank lines and dedented string content',
    source: lines(
      'def upgrade():',
      '    op.execute("""',
      "revision = 'in a string'",
      '""")',
      '# revision = "a comment at column 0"',
      '',
      '    op.execute(',
      "'down_revision = 1'",
      '    )',
      "revision = 'abc'",
      'down_revision = None',
    ),
    expected: expect('abc', [], { line: 10 }),
  },
  {
    title: 'module-level uses that are plain loads',
    source: lines(
      'import types',
      PLAIN().trimEnd(),
      '__all__ = ["revision"]',
      'other = revision',
      'holder = types.SimpleNamespace(revision="keyword")',
      'label = holder.revision',
      'pair = (down_revision, 1)',
    ),
    expected: expect('abc', [], { line: 2 }),
  },
  {
    title: 'blocks at module level that do not bind the attributes',
    source: lines(
      'from typing import TYPE_CHECKING',
      'try:',
      '    import optional',
      'except ImportError:',
      '    optional = None',
      'if TYPE_CHECKING:',
      '    from x import y',
      PLAIN().trimEnd(),
    ),
    expected: expect('abc', [], { line: 8 }),
  },
  {
    title: 'a module-level match statement that binds other names',
    source: lines(
      'VALUE = 1',
      'match VALUE:',
      '    case 1:',
      "        OTHER = 'revision'",
      '    case _:',
      '        pass',
      PLAIN().trimEnd(),
      'match = 2',
      'print(match)',
    ),
    expected: expect('abc', [], { line: 7 }),
  },
  {
    title: 'an f-string without replacement fields is a str; escapes are decoded',
    source: lines('revision = f"ab{{c}}"', 'down_revision = "\\x61\\u0062\\143"'),
    expected: expect('ab{c}', ['abc'], { line: 1 }),
  },
  {
    title: 'Python 3.12 f-string with nested quotes in a body',
    requiresPython312: true,
    source: lines(
      'def upgrade():',
      '    op.execute(f"{rows["name"]} = {\'x\'}")',
      PLAIN().trimEnd(),
    ),
    expected: expect('abc', [], { line: 3 }),
  },
  {
    title: 'ids that are words, Gerrit ids and 11 hex digits',
    source: lines("revision = 'Iab12cd34ef5'", "down_revision = ('kilo', '1a2b3c4d5e6')"),
    expected: expect('Iab12cd34ef5', ['kilo', '1a2b3c4d5e6'], { line: 1 }),
  },
  {
    title: 'CRLF line endings',
    source:
      '"""crlf\r\n\r\nCreate Date: 2024\r\n"""\r\nrevision = \'a\'\r\ndown_revision = (\r\n  \'b\',\r\n)\r\n',
    expected: expect('a', ['b'], { line: 5, doc: 'crlf', createDate: '2024' }),
  },
  {
    title: 'lone CR line endings',
    source: "# c\rrevision = 'a'\rdown_revision = None\r",
    expected: expect('a', [], { line: 2 }),
  },
  {
    title: 'no final newline',
    source: "revision = 'a'\ndown_revision = 'b'",
    expected: expect('a', ['b'], { line: 1 }),
  },
  {
    title: 'UTF-8 BOM',
    source: bytes([0xef, 0xbb, 0xbf], '"""bom"""\nrevision = "a"\ndown_revision = None\n'),
    expected: expect('a', [], { line: 2, doc: 'bom' }),
  },
  {
    title: 'coding cookie on line 1 (latin-1)',
    source: bytes(
      '# -*- coding: latin-1 -*-\n"""caf',
      [0xe9],
      '"""\nrevision = "a',
      [0xe9],
      '"\ndown_revision = None\n',
    ),
    expected: expect('a\u00e9', [], { line: 3, doc: 'caf\u00e9' }),
  },
  {
    title: 'coding cookie on line 2 after a shebang',
    source: bytes(
      '#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nrevision = "',
      [0xa4],
      '"\ndown_revision = None\n',
    ),
    expected: expect('\u20ac', [], { line: 3 }),
  },
  {
    title: 'UTF-8 BOM with a utf-8 cookie',
    source: bytes([0xef, 0xbb, 0xbf], '# coding: utf-8\nrevision = "a"\ndown_revision = None\n'),
    expected: expect('a', [], { line: 2 }),
  },
  {
    title: 'non-ASCII docstring and ids',
    source: lines('"""añadir índice — ✓', '"""', "revision = 'ñ𝒳'", 'down_revision = None'),
    expected: expect('ñ𝒳', [], { line: 3, doc: 'añadir índice — ✓' }),
  },
  {
    title: 'tab-indented body',
    source: lines(
      'def upgrade():',
      "\trevision = 'local'",
      '\tif x:',
      '\t\tpass',
      PLAIN().trimEnd(),
    ),
    expected: expect('abc', [], { line: 5 }),
  },
  {
    title: 'constants for a whole value and for a tuple element, whitespace-insensitive',
    source: PLAIN('branch_labels = (cli.EXPAND_BRANCH,)', 'depends_on = get_parent ( "abc" )'),
    constants: { 'cli. EXPAND_BRANCH': 'expand', 'get_parent("abc")': ['p1', 'p2'] },
    expected: expect('abc', [], { line: 1, branchLabels: ['expand'], dependencies: ['p1', 'p2'] }),
  },
  {
    title: 'a constant mapped to null means none',
    source: PLAIN('depends_on = shared.NO_DEPENDENCY'),
    constants: { 'shared.NO_DEPENDENCY': null },
    expected: expect('abc', [], { line: 1 }),
  },
  {
    title: 'a constant for the revision id',
    source: lines('revision = ids.BASE', 'down_revision = None'),
    constants: { 'ids.BASE': 'base1' },
    expected: expect('base1', [], { line: 1 }),
  },
];
