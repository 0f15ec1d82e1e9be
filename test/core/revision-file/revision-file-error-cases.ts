// Revision files the reader must refuse, with the exact message (`file:line: text`). Cases
// marked `alembicFails` are files Alembic itself cannot load either; the oracle test checks that.
import type { ConstantValue } from '../../../src/core/revision.js';

/** A file, the message expected, and the line in the error's location. */
export interface ErrorCase {
  readonly title: string;
  readonly source: string | Uint8Array;
  readonly fileName?: string;
  readonly constants?: Readonly<Record<string, ConstantValue>>;
  readonly message: string;
  readonly line: number | undefined;
  /** Alembic fails to load this file too (Script._from_path raises). */
  readonly alembicFails?: boolean;
}

const FILE = 'versions/0001_case.py';
const lines = (...text: string[]): string => `${text.join('\n')}\n`;
const at = (line: number, text: string): string => `${FILE}:${line}: ${text}`;
const encoder = new TextEncoder();
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : part)),
  );
const notLiteral = (attribute: string, expression: string): string =>
  `${attribute} is not a literal git-alembic can read: ${expression}`;
const notString = (attribute: string, expression: string): string =>
  `${attribute} must be None, a string, or a tuple or list of strings, not ${expression}`;
const inBlock = (attribute: string, statement: string): string =>
  `${attribute} is bound inside a block, so its value depends on what runs at import time: ${statement}`;
const computed = (attribute: string, statement: string): string =>
  `${attribute} appears in a statement git-alembic cannot follow (it may rebind or change it): ${statement}`;
const syntax = (detail: string): string =>
  `Python syntax error: ${detail} (Alembic cannot import this file either)`;

/** `revision = 'abc'` and `down_revision = None`, then `extra` lines (from line 3). */
const PLAIN = (...extra: string[]): string =>
  lines("revision = 'abc'", 'down_revision = None', ...extra);

export const VALUE_ERROR_CASES: readonly ErrorCase[] = [
  {
    title: 'a name',
    source: lines("revision = 'abc'", 'down_revision = previous_revision'),
    message: at(2, notLiteral('down_revision', 'previous_revision')),
    line: 2,
    alembicFails: true,
  },
  {
    title: 'an imported constant inside a tuple',
    source: PLAIN('branch_labels = (cli.EXPAND_BRANCH,)'),
    message: at(3, notLiteral('branch_labels', 'cli.EXPAND_BRANCH')),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'a call',
    source: lines("revision = 'abc'", 'down_revision = get_down_revision(revision)'),
    message: at(2, notLiteral('down_revision', 'get_down_revision(revision)')),
    line: 2,
    alembicFails: true,
  },
  {
    title: 'an operator',
    source: lines('revision = "aa" + "bb"', 'down_revision = None'),
    message: at(1, notLiteral('revision', '"aa" + "bb"')),
    line: 1,
  },
  {
    title: 'an f-string with a replacement field',
    source: lines('revision = f"{base}1"', 'down_revision = None'),
    message: at(1, notLiteral('revision', 'f"{base}1"')),
    line: 1,
  },
  {
    title: 'a conditional expression',
    source: PLAIN("depends_on = 'a' if X else None"),
    message: at(3, notLiteral('depends_on', "'a' if X else None")),
    line: 3,
  },
  {
    title: 'the element of a multi-line tuple is named with its own line',
    source: PLAIN('depends_on = (', "    'a',", '    other.REVISION,', ')'),
    message: at(5, notLiteral('depends_on', 'other.REVISION')),
    line: 5,
  },
  {
    title: 'a bytes literal',
    source: lines('revision = b"abc"', 'down_revision = None'),
    message: at(1, 'revision must be a string, not b"abc"'),
    line: 1,
  },
  {
    title: 'a number as revision',
    source: lines('revision = 1234', 'down_revision = None'),
    message: at(1, 'revision must be a string, not 1234'),
    line: 1,
    alembicFails: true,
  },
  {
    title: 'a tuple as revision',
    source: lines("revision = ('a', 'b')", 'down_revision = None'),
    message: at(1, "revision must be a string, not ('a', 'b')"),
    line: 1,
  },
  {
    title: 'None as revision',
    source: lines('revision = None', 'down_revision = None'),
    message: at(1, 'revision must be a string, not None'),
    line: 1,
    alembicFails: true,
  },
  {
    title: 'a number as down_revision',
    source: lines("revision = 'abc'", 'down_revision = 1'),
    message: at(2, notString('down_revision', '1')),
    line: 2,
  },
  {
    title: 'a nested tuple',
    source: lines("revision = 'abc'", "down_revision = ('a', ('b', 'c'))"),
    message: at(2, notString('down_revision', "('b', 'c')")),
    line: 2,
  },
  {
    title: 'None inside a tuple',
    source: PLAIN("depends_on = ('a', None)"),
    message: at(3, notString('depends_on', 'None')),
    line: 3,
  },
  {
    title: 'True as branch_labels',
    source: PLAIN('branch_labels = True'),
    message: at(3, notString('branch_labels', 'True')),
    line: 3,
  },
  {
    title: 'a constant holding a list used as one element',
    source: PLAIN('branch_labels = (cli.BRANCHES,)'),
    constants: { 'cli.BRANCHES': ['a', 'b'] },
    message: at(3, notString('branch_labels', 'cli.BRANCHES')),
    line: 3,
  },
  {
    title: 'a non-literal binding counts even when a later one overwrites it',
    source: lines('revision = compute()', "revision = 'abc'", 'down_revision = None'),
    message: at(1, notLiteral('revision', 'compute()')),
    line: 1,
  },
  {
    title: 'illegal characters in the id',
    source: lines("revision = 'a-b+c'", 'down_revision = None'),
    message: at(1, "Character(s) '+, -' not allowed in revision identifier 'a-b+c'"),
    line: 1,
    alembicFails: true,
  },
  {
    title: '@ in the id',
    source: lines("revision = 'x@y'", 'down_revision = None'),
    message: at(1, "Character(s) '@' not allowed in revision identifier 'x@y'"),
    line: 1,
    alembicFails: true,
  },
  {
    title: ': in the id (Alembic 1.17.1 and later)',
    source: lines("revision = 'ab:cd'", 'down_revision = None'),
    message: at(1, "Character(s) ':' not allowed in revision identifier 'ab:cd'"),
    line: 1,
  },
  {
    title: 'an empty id',
    source: lines("revision = ''", 'down_revision = None'),
    message: at(1, 'revision is an empty string'),
    line: 1,
  },
  {
    title: 'missing down_revision',
    source: lines("revision = 'abc'", 'branch_labels = None'),
    message: `${FILE}: down_revision is missing; Alembic requires it (AttributeError: no attribute 'down_revision'); write down_revision = None for a base revision`,
    line: undefined,
    alembicFails: true,
  },
  {
    title: 'a missing down_revision is reported before a bad id, as Alembic reads it first',
    source: lines("revision = 'a-b'"),
    message: `${FILE}: down_revision is missing; Alembic requires it (AttributeError: no attribute 'down_revision'); write down_revision = None for a base revision`,
    line: undefined,
    alembicFails: true,
  },
  ...['""', "('a', '')", "('',)"].map((value) => ({
    title: `down_revision = ${value}`,
    source: lines("revision = 'abc'", `down_revision = ${value}`),
    message: at(
      2,
      'down_revision contains an empty string; Alembic 1.12.1 and later fail with KeyError: \'\' (1.8.1 treated "" as a base); write down_revision = None for a base revision',
    ),
    line: 2,
  })),
  {
    title: 'an empty branch label',
    source: PLAIN('branch_labels = ""'),
    message: at(
      3,
      'branch_labels contains an empty string, which Alembic would register as a label named ""; write branch_labels = None for no labels',
    ),
    line: 3,
  },
  {
    title: 'an empty dependency next to others',
    source: PLAIN("depends_on = ('', 'a')"),
    message: at(
      3,
      "depends_on lists an empty string next to other entries; Alembic fails with KeyError: ''",
    ),
    line: 3,
  },
  ...['_helpers.py', 'ABC123.py', '1a2b_add_users.py', '.hidden.py'].map((fileName) => ({
    title: `no revision and a file name that is not <hex>.py: ${fileName}`,
    source: lines('down_revision = None'),
    fileName,
    message: `versions/${fileName}: Could not determine revision id from filename ${fileName}. Be sure the 'revision' variable is declared inside the script`,
    line: undefined,
    alembicFails: true,
  })),
];

export const BINDING_ERROR_CASES: readonly ErrorCase[] = [
  {
    title: 'depends_on built inside try/except ImportError',
    source: PLAIN(
      'depends_on = []',
      'try:',
      '    import optional_package',
      "    depends_on = ['x1']",
      'except ImportError:',
      '    pass',
    ),
    message: at(6, inBlock('depends_on', "depends_on = ['x1']")),
    line: 6,
  },
  {
    title: 'a binding in an if block',
    source: PLAIN('if os.environ.get("X"):', "    revision = 'b'"),
    message: at(4, inBlock('revision', "revision = 'b'")),
    line: 4,
  },
  {
    title: 'a binding in an else block',
    source: PLAIN('if X:', '    pass', 'else:', '    down_revision = "z"'),
    message: at(6, inBlock('down_revision', 'down_revision = "z"')),
    line: 6,
  },
  {
    title: 'a binding in a for loop',
    source: PLAIN('for _ in range(1):', "    branch_labels = ('x',)"),
    message: at(4, inBlock('branch_labels', "branch_labels = ('x',)")),
    line: 4,
  },
  {
    title: 'a binding in a with block',
    source: PLAIN('with ctx:', '    depends_on: str = "a"'),
    message: at(4, inBlock('depends_on', 'depends_on: str = "a"')),
    line: 4,
  },
  {
    title: 'a binding in a while loop',
    source: PLAIN('while False:', '    revision = "w"'),
    message: at(4, inBlock('revision', 'revision = "w"')),
    line: 4,
  },
  {
    title: 'an inline if body',
    source: PLAIN("if True: revision = 'b'"),
    message: at(3, inBlock('revision', "revision = 'b'")),
    line: 3,
  },
  {
    title: 'an import in a block',
    source: PLAIN('if X:', '    from helpers import depends_on'),
    message: at(4, inBlock('depends_on', 'from helpers import depends_on')),
    line: 4,
  },
  {
    title: 'a binding in a match case',
    source: PLAIN('match X:', '    case 1:', "        revision = 'm'"),
    message: at(5, inBlock('revision', "revision = 'm'")),
    line: 5,
  },
  {
    title: 'a capture pattern',
    source: PLAIN('match X:', '    case revision:', '        pass'),
    message: at(4, inBlock('revision', 'case revision:')),
    line: 4,
  },
  {
    title: 'a type alias statement',
    source: PLAIN('type depends_on = str'),
    message: at(3, computed('depends_on', 'type depends_on = str')),
    line: 3,
  },
  {
    title: 'augmented assignment',
    source: PLAIN('depends_on = []', "depends_on += ['x']"),
    message: at(4, computed('depends_on', "depends_on += ['x']")),
    line: 4,
  },
  {
    title: 'append',
    source: PLAIN('depends_on = []', "depends_on.append('x')"),
    message: at(4, computed('depends_on', "depends_on.append('x')")),
    line: 4,
  },
  {
    title: 'extend',
    source: PLAIN('branch_labels = []', "branch_labels.extend(['x'])"),
    message: at(4, computed('branch_labels', "branch_labels.extend(['x'])")),
    line: 4,
  },
  {
    title: 'item assignment',
    source: PLAIN("depends_on = ['a']", "depends_on[0] = 'x'"),
    message: at(4, computed('depends_on', "depends_on[0] = 'x'")),
    line: 4,
  },
  {
    title: 'tuple unpacking',
    source: lines("revision, down_revision = 'a', None"),
    message: at(1, computed('revision', "revision, down_revision = 'a', None")),
    line: 1,
  },
  {
    title: 'from x import depends_on',
    source: PLAIN('from shared import depends_on'),
    message: at(3, computed('depends_on', 'from shared import depends_on')),
    line: 3,
  },
  {
    title: 'import ... as branch_labels',
    source: PLAIN('from shared import LABELS as branch_labels'),
    message: at(3, computed('branch_labels', 'from shared import LABELS as branch_labels')),
    line: 3,
  },
  {
    title: 'import revision',
    source: PLAIN('import revision'),
    message: at(3, computed('revision', 'import revision')),
    line: 3,
  },
  {
    title: 'a for loop target',
    source: PLAIN("for revision in ['x']:", '    pass'),
    message: at(3, computed('revision', "for revision in ['x']:")),
    line: 3,
  },
  {
    title: 'a with target',
    source: PLAIN('with open(path) as depends_on:', '    pass'),
    message: at(3, computed('depends_on', 'with open(path) as depends_on:')),
    line: 3,
  },
  {
    title: 'del',
    source: PLAIN('del revision'),
    message: at(3, computed('revision', 'del revision')),
    line: 3,
  },
  {
    title: 'a function named like an attribute',
    source: PLAIN('def depends_on():', '    return []'),
    message: at(3, computed('depends_on', 'def depends_on():')),
    line: 3,
  },
  {
    title: 'a class named like an attribute',
    source: PLAIN('class branch_labels:', '    pass'),
    message: at(3, computed('branch_labels', 'class branch_labels:')),
    line: 3,
  },
  {
    title: 'an assignment expression',
    source: PLAIN("x = (revision := 'b')"),
    message: at(3, computed('revision', "x = (revision := 'b')")),
    line: 3,
  },
  {
    title: 'an attribute passed to a call',
    source: PLAIN('register(depends_on)'),
    message: at(3, computed('depends_on', 'register(depends_on)')),
    line: 3,
  },
];

export const SYNTAX_ERROR_CASES: readonly ErrorCase[] = [
  {
    title: 'unterminated string',
    source: lines('revision = "abc', 'down_revision = None'),
    message: at(1, syntax('unterminated string literal')),
    line: 1,
    alembicFails: true,
  },
  {
    title: 'unterminated triple-quoted string, reported where it starts',
    source: lines(PLAIN().trimEnd(), 'NOTE = """', 'never', 'closed'),
    message: at(3, syntax('unterminated triple-quoted string literal')),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'a bracket never closed',
    source: lines("revision = 'abc'", "down_revision = ('a',", "    'b'", 'x = 1'),
    message: at(2, syntax("'(' was never closed")),
    line: 2,
    alembicFails: true,
  },
  {
    title: 'an unmatched closing bracket',
    source: PLAIN('x = 1)'),
    message: at(3, syntax("unmatched ')'")),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'mismatched brackets',
    source: PLAIN('x = [1,', '2)'),
    message: at(4, syntax("closing parenthesis ')' does not match opening parenthesis '['")),
    line: 4,
    alembicFails: true,
  },
  {
    title: 'text after a line continuation',
    source: PLAIN('x = 1 \\ + 2'),
    message: at(3, syntax('unexpected character after line continuation character')),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'end of file after a line continuation',
    source: `${PLAIN()}x = \\`,
    message: at(3, syntax('unexpected EOF while parsing')),
    line: 3,
    alembicFails: true,
  },
  {
    title: "a single '}' in an f-string",
    source: PLAIN('x = f"a}b"'),
    message: at(3, syntax("f-string: single '}' is not allowed")),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'a null byte',
    source: `${PLAIN()}# a\0b\n`,
    message: at(3, syntax('source code cannot contain null bytes')),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'an unterminated string inside a function body',
    source: lines(PLAIN().trimEnd(), 'def upgrade():', "    op.execute('x)", '    pass'),
    message: at(4, syntax('unterminated string literal')),
    line: 4,
    alembicFails: true,
  },
  {
    title: 'a syntax error after a non-literal value wins, as Python never runs the module',
    source: lines('revision = compute()', 'down_revision = None', 'x = "open'),
    message: at(3, syntax('unterminated string literal')),
    line: 3,
    alembicFails: true,
  },
  // Python up to 3.13 does not check comments (CPython gh-63161 made it an error in 2025), so
  // Alembic 1.8.1 on Python 3.11 loads this file; we refuse it, as newer Pythons do.
  {
    title: 'invalid UTF-8, even in a comment',
    source: bytes(PLAIN(), '# caf', [0xe9], '\n'),
    message: at(3, 'the file is not valid utf-8'),
    line: 3,
  },
  {
    title: 'an unexpected indent',
    source: lines("revision = 'abc'", '  down_revision = None'),
    message: at(2, syntax('unexpected indent')),
    line: 2,
    alembicFails: true,
  },
  {
    title: 'a dedent to no enclosing column',
    source: PLAIN('if X:', '        a = 1', '    b = 2'),
    message: at(5, syntax('unindent does not match any outer indentation level')),
    line: 5,
    alembicFails: true,
  },
  {
    title: 'a block header without its block',
    source: PLAIN('if X:', 'y = 1'),
    message: at(4, syntax('expected an indented block')),
    line: 4,
    alembicFails: true,
  },
  {
    title: 'a function without a body',
    source: PLAIN('def upgrade():', '# only a comment', 'y = 1'),
    message: at(5, syntax('expected an indented block')),
    line: 5,
    alembicFails: true,
  },
  {
    title: 'a header at the end of the file',
    source: PLAIN('try:'),
    message: at(4, syntax('expected an indented block')),
    line: 4,
    alembicFails: true,
  },
  {
    title: 'invalid UTF-8 in a string',
    source: bytes('revision = "caf', [0xe9], '"\ndown_revision = None\n'),
    message: at(1, 'the file is not valid utf-8'),
    line: 1,
    alembicFails: true,
  },
  {
    title: 'an unknown encoding',
    source: bytes('# coding: klingon\n', PLAIN()),
    message: at(1, 'unknown or unsupported encoding in the coding cookie: klingon'),
    line: 1,
    alembicFails: true,
  },
  {
    title: 'a BOM with a latin-1 cookie',
    source: bytes([0xef, 0xbb, 0xbf], '# -*- coding: latin-1 -*-\n', PLAIN()),
    message: at(
      1,
      'encoding problem: the file starts with a UTF-8 byte order mark but declares latin-1',
    ),
    line: 1,
    alembicFails: true,
  },
  {
    title: 'non-ASCII under an ascii cookie',
    source: bytes('# coding: ascii\n', PLAIN(), '# ', [0xc3, 0xa9], '\n'),
    message: at(4, 'the file is not valid ascii'),
    line: 4,
    alembicFails: true,
  },
];

const CONFLICT =
  'the file has unresolved conflict markers (<<<<<<<, =======, >>>>>>>) from a git merge; resolve the conflict, remove the markers and add the file again';

/** Git's conflict markers left in a file: refused even where Python would import the file. */
export const CONFLICT_MARKER_CASES: readonly ErrorCase[] = [
  {
    title: 'conflict markers around down_revision',
    source: lines(
      "revision = 'abc'",
      '<<<<<<< HEAD',
      "down_revision = 'x1'",
      '=======',
      "down_revision = 'y1'",
      '>>>>>>> feature',
    ),
    message: at(2, CONFLICT),
    line: 2,
    alembicFails: true,
  },
  {
    title: 'diff3 conflict markers in a function body',
    source: lines(
      PLAIN().trimEnd(),
      'def upgrade():',
      '<<<<<<< ours',
      '    pass',
      '||||||| base',
      '=======',
      '    op.drop_table("t")',
      '>>>>>>> theirs',
    ),
    message: at(4, CONFLICT),
    line: 4,
    alembicFails: true,
  },
  {
    // Python imports this file (the markers are docstring text): the file is unfinished all the same.
    title: 'conflict markers inside the docstring header',
    source: lines(
      '"""add users',
      '',
      '<<<<<<< HEAD',
      'Revises: x1',
      '=======',
      'Revises: y1',
      '>>>>>>> feature',
      '"""',
      "revision = 'abc'",
      'down_revision = None',
    ),
    message: at(3, CONFLICT),
    line: 3,
  },
  {
    title: 'a lone closing marker left behind',
    source: PLAIN('>>>>>>> feature'),
    message: at(3, CONFLICT),
    line: 3,
    alembicFails: true,
  },
  {
    title: 'markers of a merge of merges (longer runs)',
    source: PLAIN('<<<<<<<<< HEAD', 'x = 1', '>>>>>>>>> other'),
    message: at(3, CONFLICT),
    line: 3,
    alembicFails: true,
  },
];
