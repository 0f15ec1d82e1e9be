// The static revision-file reader, table-driven: every syntax form Alembic accepts that we
// read, and every file we refuse with its exact message and line.
import test from 'ava';

import { InputError } from '../../../src/errors.js';
import { readRevisionFile } from '../../../src/core/revision-file/read-revision-file.js';
import type { ConstantValue } from '../../../src/core/revision.js';
import { CONSTANTS_HINT, PLAIN_BINDING_HINT } from '../../../src/messages/revision-file.js';
import { VALID_CASES, type Expected } from './revision-file-cases.js';
import {
  BINDING_ERROR_CASES,
  CONFLICT_MARKER_CASES,
  SYNTAX_ERROR_CASES,
  VALUE_ERROR_CASES,
  type ErrorCase,
} from './revision-file-error-cases.js';

const DEFAULT_FILE_NAME = '0001_case.py';
const encoder = new TextEncoder();

function read(
  source: string | Uint8Array,
  fileName = DEFAULT_FILE_NAME,
  constants: Readonly<Record<string, ConstantValue>> = {},
) {
  const bytes = typeof source === 'string' ? encoder.encode(source) : source;
  return readRevisionFile(
    { fileName, displayPath: `versions/${fileName}`, bytes },
    { constants: new Map(Object.entries(constants)) },
  );
}

const readsAs = test.macro({
  exec(
    t,
    source: string | Uint8Array,
    expected: Expected,
    fileName?: string,
    constants?: Readonly<Record<string, ConstantValue>>,
  ) {
    const name = fileName ?? DEFAULT_FILE_NAME;
    t.deepEqual(read(source, name, constants), { ...expected, file: `versions/${name}` });
  },
  title: (title = '') => `reads ${title}`,
});

const refuses = test.macro({
  exec(t, errorCase: ErrorCase) {
    const error = t.throws(() => read(errorCase.source, errorCase.fileName, errorCase.constants), {
      instanceOf: InputError,
    });
    t.is(error?.message, errorCase.message);
    t.is(error?.location.file, `versions/${errorCase.fileName ?? DEFAULT_FILE_NAME}`);
    t.is(error?.location.line, errorCase.line);
  },
  title: (title = '') => `refuses ${title}`,
});

for (const validCase of VALID_CASES) {
  test(
    validCase.title,
    readsAs,
    validCase.source,
    validCase.expected,
    validCase.fileName,
    validCase.constants,
  );
}

for (const errorCase of [
  ...VALUE_ERROR_CASES,
  ...BINDING_ERROR_CASES,
  ...SYNTAX_ERROR_CASES,
  ...CONFLICT_MARKER_CASES,
]) {
  test(errorCase.title, refuses, errorCase);
}

test('a docstring heading underlined with ======= is not a conflict marker', (t) => {
  const source = [
    '"""add users',
    '',
    'Notes',
    '=======',
    '|||||||',
    '"""',
    "revision = 'abc'",
    'down_revision = None',
    '',
  ].join('\n');
  t.is(read(source).id, 'abc');
});

test('a value error carries the constants hint', (t) => {
  const error = t.throws(() => read("revision = 'a'\ndown_revision = parent\n"), {
    instanceOf: InputError,
  });
  t.is(error?.hint, CONSTANTS_HINT);
});

test('a binding error carries the plain-binding hint', (t) => {
  const error = t.throws(
    () => read("revision = 'a'\ndown_revision = None\nif X:\n    revision = 'b'\n"),
    { instanceOf: InputError },
  );
  t.is(error?.hint, PLAIN_BINDING_HINT);
});

test('a long expression is shortened in the message', (t) => {
  const long = `compute(${'"x", '.repeat(40)})`;
  const error = t.throws(() => read(`revision = 'a'\ndown_revision = ${long}\n`), {
    instanceOf: InputError,
  });
  t.is(
    error?.message,
    `versions/${DEFAULT_FILE_NAME}:2: down_revision is not a literal git-alembic can read: ${long.slice(0, 117)}...`,
  );
});

test('an expression over several lines is shown on one line', (t) => {
  const error = t.throws(
    () => read("revision = 'a'\ndown_revision = compute(\n    'x',\n    'y',\n)\n"),
    { instanceOf: InputError },
  );
  t.is(
    error?.message,
    `versions/${DEFAULT_FILE_NAME}:2: down_revision is not a literal git-alembic can read: compute( 'x', 'y', )`,
  );
});

test('the same constants map is reused across files', (t) => {
  const constants = new Map<string, ConstantValue>([['cli.EXPAND_BRANCH', 'expand']]);
  for (const id of ['a', 'b']) {
    const bytes = encoder.encode(
      `revision = '${id}'\ndown_revision = None\nbranch_labels = (cli.EXPAND_BRANCH,)\n`,
    );
    const revision = readRevisionFile(
      { fileName: 'x.py', displayPath: 'x.py', bytes },
      { constants },
    );
    t.deepEqual([revision.id, revision.branchLabels], [id, ['expand']]);
  }
});

// Alembic keeps `depends_on = ""` as a value rather than None; the graph needs to know (real bases).
for (const [source, flagged] of [
  ['depends_on = ""', true],
  ["depends_on = ('',)", true],
  ['depends_on = [""]', true],
  ['depends_on = None', false],
  ['depends_on = ()', false],
  ['depends_on = "abc"', false],
] as const) {
  test(`${source} ${flagged ? 'is' : 'is not'} flagged as an empty-string depends_on`, (t) => {
    const bytes = new TextEncoder().encode(`revision = "abc1"\ndown_revision = None\n${source}\n`);
    const revision = readRevisionFile(
      { fileName: 'abc1_x.py', displayPath: 'abc1_x.py', bytes },
      { constants: new Map() },
    );
    t.is(revision.dependsOnEmptyString === true, flagged);
    t.deepEqual(revision.dependencies, flagged ? [] : source.includes('abc') ? ['abc'] : []);
  });
}
