// The setup record in package.json: written in npm's own format, replaced in place, removed byte for byte.
import test from 'ava';

import { InputError } from '../../../src/errors.js';
import {
  EMPTY_SETUP_RECORD,
  isEmptySetupRecord,
  mergeSetupRecords,
  removeSetupRecord,
  type SetupRecord,
  writeSetupRecord,
} from '../../../src/core/edits/setup-record.js';

const RECORD: SetupRecord = {
  devDependencies: ['git-alembic'],
  prepare: 'member',
  created: ['scripts'],
  files: ['.husky/pre-commit'],
};
const lines = (...text: string[]): string => text.join('\n');

const roundTrips = test.macro({
  exec(t, input: string, expected: string) {
    const written = writeSetupRecord(input, RECORD);
    t.is(written, expected);
    t.deepEqual(
      (JSON.parse(written) as { 'git-alembic': { setup: unknown } })['git-alembic'].setup,
      RECORD,
    );
    t.is(
      writeSetupRecord(written, RECORD),
      written,
      'writing the same record again changes nothing',
    );
    t.is(removeSetupRecord(written), input, 'removal restores the input byte for byte');
    t.is(removeSetupRecord(input), input, 'removal without a record is a no-op');
  },
  title: (title) => `record: ${title ?? ''}`,
});

const NESTED = [
  '  "git-alembic": {',
  '    "setup": {',
  '      "devDependencies": [',
  '        "git-alembic"',
  '      ],',
  '      "prepare": "member",',
  '      "created": [',
  '        "scripts"',
  '      ],',
  '      "files": [',
  '        ".husky/pre-commit"',
  '      ]',
  '    }',
  '  }',
];

test(
  'appended as npm would format it',
  roundTrips,
  lines('{', '  "name": "app"', '}', ''),
  lines('{', '  "name": "app",', ...NESTED, '}', ''),
);
test(
  'CRLF, no final newline',
  roundTrips,
  '{\r\n  "name": "app"\r\n}',
  `{\r\n  "name": "app",\r\n${NESTED.join('\r\n')}\r\n}`,
);
test(
  'one-line document',
  roundTrips,
  '{"name":"app"}',
  `{"name":"app","git-alembic":${JSON.stringify({ setup: RECORD })}}`,
);
test(
  'beside an existing config in "git-alembic"',
  roundTrips,
  lines('{', '  "git-alembic": {', '    "onMerge": "stage"', '  }', '}'),
  lines(
    '{',
    '  "git-alembic": {',
    '    "onMerge": "stage",',
    '    "setup": {',
    '      "devDependencies": [',
    '        "git-alembic"',
    '      ],',
    '      "prepare": "member",',
    '      "created": [',
    '        "scripts"',
    '      ],',
    '      "files": [',
    '        ".husky/pre-commit"',
    '      ]',
    '    }',
    '  }',
    '}',
  ),
);

test('an earlier record is replaced in place', (t) => {
  const first = writeSetupRecord('{\n  "name": "app"\n}\n', EMPTY_SETUP_RECORD);
  const second = writeSetupRecord(first, RECORD);
  t.deepEqual(
    (JSON.parse(second) as { 'git-alembic': { setup: unknown } })['git-alembic'].setup,
    RECORD,
  );
  t.is(removeSetupRecord(second), '{\n  "name": "app"\n}\n');
});

test('"git-alembic" that is not an object is reported with the file and line', (t) => {
  t.throws(() => writeSetupRecord('{\n  "git-alembic": 1\n}', RECORD), {
    instanceOf: InputError,
    message: /^package\.json:2: "git-alembic" must be a JSON object$/,
  });
});

test('merging keeps what either run added, in order, and an earlier prepare change', (t) => {
  const later: SetupRecord = {
    devDependencies: ['husky'],
    prepare: 'chained',
    created: ['scripts'],
    files: ['.gitattributes', '.husky/pre-commit'],
  };
  t.deepEqual(mergeSetupRecords(RECORD, later), {
    devDependencies: ['git-alembic', 'husky'],
    prepare: 'member',
    created: ['scripts'],
    files: ['.husky/pre-commit', '.gitattributes'],
  });
  t.deepEqual(mergeSetupRecords(EMPTY_SETUP_RECORD, later), later);
  t.true(isEmptySetupRecord(EMPTY_SETUP_RECORD));
  t.false(isEmptySetupRecord(RECORD));
});

test('the LF pins: written after files only when there are any, merged, removed byte for byte', (t) => {
  const pinned: SetupRecord = { ...RECORD, attributes: ['.husky/pre-commit text eol=lf'] };
  const written = writeSetupRecord('{\n  "name": "app"\n}\n', pinned);
  t.true(
    written.includes(
      '      "files": [\n        ".husky/pre-commit"\n      ],\n      "attributes": [\n        ".husky/pre-commit text eol=lf"\n      ]\n',
    ),
  );
  t.is(removeSetupRecord(written), '{\n  "name": "app"\n}\n');
  t.false(
    writeSetupRecord('{}', { ...RECORD, attributes: [] }).includes('attributes'),
    'an empty list is left out',
  );
  const later: SetupRecord = {
    ...RECORD,
    attributes: ['.husky/post-merge text eol=lf', '.husky/pre-commit text eol=lf'],
  };
  t.deepEqual(mergeSetupRecords(pinned, later).attributes, [
    '.husky/pre-commit text eol=lf',
    '.husky/post-merge text eol=lf',
  ]);
  t.false('attributes' in mergeSetupRecords(RECORD, RECORD), 'no pins on either side: no member');
  t.false(
    isEmptySetupRecord({ ...EMPTY_SETUP_RECORD, attributes: ['.husky/pre-commit text eol=lf'] }),
  );
});
