import test from 'ava';
import { InputError } from '../../../src/errors.js';
import {
  addSetupToPackageJson,
  NOTHING_ADDED,
  type PackageJsonSetupRecord,
  PREPARE_STEP,
  removeSetupFromPackageJson,
} from '../../../src/core/edits/package-json.js';
import { JsonSyntaxMessages, PackageJsonMessages } from '../../../src/messages/edits.js';

const VERSIONS = { packageVersion: '^0.1.0', huskyVersion: '^9.1.7' };
const ALL: PackageJsonSetupRecord = {
  devDependencies: ['git-alembic', 'husky'],
  prepare: 'member',
  created: [],
};
const lines = (...text: string[]): string => text.join('\n');

// Laws for every file: add gives `expected` and `added`; adding again changes nothing; removing
// with the record restores the input byte for byte; add→remove→add equals the first add;
// removing from the input (none of our content) changes nothing.
const edits = test.macro({
  exec(t, input: string, expected: string, added: PackageJsonSetupRecord) {
    const first = addSetupToPackageJson(input, VERSIONS);
    t.is(first.text, expected);
    t.deepEqual(first.added, added);
    t.notThrows(() => JSON.parse(first.text.replace(/^\uFEFF/, '')), 'still valid JSON');
    t.deepEqual(
      addSetupToPackageJson(first.text, VERSIONS),
      { text: first.text, added: NOTHING_ADDED },
      'idempotent',
    );
    const removed = removeSetupFromPackageJson(first.text, first.added);
    t.deepEqual(removed, { text: input, removed: added }, 'remove restores the input');
    t.is(
      addSetupToPackageJson(removed.text, VERSIONS).text,
      first.text,
      'add→remove→add equals the first add',
    );
    t.deepEqual(
      removeSetupFromPackageJson(input, first.added).text,
      input,
      'remove without our content is a no-op',
    );
  },
  title: (title) => `setup: ${title ?? ''}`,
});

const PREPARE = JSON.stringify(PREPARE_STEP);
// The step as it stands between the quotes of a JSON string.
const RAW = PREPARE.slice(1, -1);

test(
  '2 spaces, nothing there yet: scripts before dependencies, devDependencies after',
  edits,
  lines('{', '  "name": "app",', '  "dependencies": {', '    "x": "1"', '  }', '}', ''),
  lines(
    '{',
    '  "name": "app",',
    '  "scripts": {',
    `    "prepare": ${PREPARE}`,
    '  },',
    '  "dependencies": {',
    '    "x": "1"',
    '  },',
    '  "devDependencies": {',
    '    "git-alembic": "^0.1.0",',
    '    "husky": "^9.1.7"',
    '  }',
    '}',
    '',
  ),
  {
    devDependencies: ['git-alembic', 'husky'],
    prepare: 'member',
    created: ['scripts', 'devDependencies'],
  },
);

test(
  '4 spaces, existing prepare is chained, names go in sorted order',
  edits,
  lines(
    '{',
    '    "scripts": {',
    '        "prepare": "husky"',
    '    },',
    '    "devDependencies": {',
    '        "ava": "7",',
    '        "tsx": "4"',
    '    }',
    '}',
    '',
  ),
  lines(
    '{',
    '    "scripts": {',
    `        "prepare": "husky && ${RAW}"`,
    '    },',
    '    "devDependencies": {',
    '        "ava": "7",',
    '        "git-alembic": "^0.1.0",',
    '        "husky": "^9.1.7",',
    '        "tsx": "4"',
    '    }',
    '}',
    '',
  ),
  { devDependencies: ['git-alembic', 'husky'], prepare: 'chained', created: [] },
);

test(
  'tabs, CRLF, no final newline',
  edits,
  '{\r\n\t"name": "app",\r\n\t"scripts": {\r\n\t\t"build": "tsc"\r\n\t}\r\n}',
  `{\r\n\t"name": "app",\r\n\t"scripts": {\r\n\t\t"build": "tsc",\r\n\t\t"prepare": ${PREPARE}\r\n\t},\r\n\t"devDependencies": {\r\n\t\t"git-alembic": "^0.1.0",\r\n\t\t"husky": "^9.1.7"\r\n\t}\r\n}`,
  { devDependencies: ['git-alembic', 'husky'], prepare: 'member', created: ['devDependencies'] },
);

test(
  'an unsorted devDependencies gets new names at the end',
  edits,
  lines('{', '  "devDependencies": {', '    "zod": "3",', '    "ava": "7"', '  }', '}'),
  lines(
    '{',
    '  "scripts": {',
    `    "prepare": ${PREPARE}`,
    '  },',
    '  "devDependencies": {',
    '    "zod": "3",',
    '    "ava": "7",',
    '    "git-alembic": "^0.1.0",',
    '    "husky": "^9.1.7"',
    '  }',
    '}',
  ),
  { devDependencies: ['git-alembic', 'husky'], prepare: 'member', created: ['scripts'] },
);

test(
  'husky already a dependency keeps its spec; git-alembic already a devDependency too',
  edits,
  lines(
    '{',
    '  "scripts": {',
    '    "prepare": "husky"',
    '  },',
    '  "dependencies": {',
    '    "husky": "^8.0.0"',
    '  },',
    '  "devDependencies": {',
    '    "git-alembic": "file:.."',
    '  }',
    '}',
    '',
  ),
  lines(
    '{',
    '  "scripts": {',
    `    "prepare": "husky && ${RAW}"`,
    '  },',
    '  "dependencies": {',
    '    "husky": "^8.0.0"',
    '  },',
    '  "devDependencies": {',
    '    "git-alembic": "file:.."',
    '  }',
    '}',
    '',
  ),
  { devDependencies: [], prepare: 'chained', created: [] },
);

test(
  'only husky is missing',
  edits,
  lines(
    '{',
    '  "devDependencies": {',
    '    "git-alembic": "^0.0.9"',
    '  },',
    '  "scripts": {',
    `    "prepare": ${PREPARE}`,
    '  }',
    '}',
    '',
  ),
  lines(
    '{',
    '  "devDependencies": {',
    '    "git-alembic": "^0.0.9",',
    '    "husky": "^9.1.7"',
    '  },',
    '  "scripts": {',
    `    "prepare": ${PREPARE}`,
    '  }',
    '}',
    '',
  ),
  { devDependencies: ['husky'], prepare: 'none', created: [] },
);

test(
  'an empty object',
  edits,
  '{}',
  lines(
    '{',
    '  "scripts": {',
    `    "prepare": ${PREPARE}`,
    '  },',
    '  "devDependencies": {',
    '    "git-alembic": "^0.1.0",',
    '    "husky": "^9.1.7"',
    '  }',
    '}',
  ),
  {
    devDependencies: ['git-alembic', 'husky'],
    prepare: 'member',
    created: ['scripts', 'devDependencies'],
  },
);

test(
  'one line, no spaces (JSON.stringify style)',
  edits,
  '{"name":"app","scripts":{}}',
  `{"name":"app","scripts":{"prepare":${PREPARE}},"devDependencies":{"git-alembic":"^0.1.0","husky":"^9.1.7"}}`,
  { devDependencies: ['git-alembic', 'husky'], prepare: 'member', created: ['devDependencies'] },
);

test(
  'an inline scripts object in an indented file',
  edits,
  lines('{', '  "scripts": {"build": "tsc"},', '  "devDependencies": {}', '}', ''),
  lines(
    '{',
    `  "scripts": {"build": "tsc", "prepare": ${PREPARE}},`,
    '  "devDependencies": {',
    '    "git-alembic": "^0.1.0",',
    '    "husky": "^9.1.7"',
    '  }',
    '}',
    '',
  ),
  { devDependencies: ['git-alembic', 'husky'], prepare: 'member', created: [] },
);

test(
  'an empty prepare is filled, and emptied again by remove',
  edits,
  lines(
    '{',
    '  "scripts": {',
    '    "prepare": ""',
    '  },',
    '  "devDependencies": {',
    '    "git-alembic": "1", "husky": "9"',
    '  }',
    '}',
  ),
  lines(
    '{',
    '  "scripts": {',
    `    "prepare": ${PREPARE}`,
    '  },',
    '  "devDependencies": {',
    '    "git-alembic": "1", "husky": "9"',
    '  }',
    '}',
  ),
  { devDependencies: [], prepare: 'chained', created: [] },
);

test(
  "escapes in the user's prepare are kept",
  edits,
  lines(
    '{',
    '  "scripts": {',
    '    "prepare": "echo \\u00e9 \\/ \\"q\\""',
    '  },',
    '  "dependencies": {"git-alembic": "1", "husky": "9"}',
    '}',
  ),
  lines(
    '{',
    '  "scripts": {',
    `    "prepare": "echo \\u00e9 \\/ \\"q\\" && ${RAW}"`,
    '  },',
    '  "dependencies": {"git-alembic": "1", "husky": "9"}',
    '}',
  ),
  { devDependencies: [], prepare: 'chained', created: [] },
);

test(
  'a byte-order mark and other keys stay',
  edits,
  '\uFEFF{\n  "name": "app",\n  "version": "1.0.0",\n  "private": true\n}\n',
  `\uFEFF{\n  "name": "app",\n  "version": "1.0.0",\n  "private": true,\n  "scripts": {\n    "prepare": ${PREPARE}\n  },\n  "devDependencies": {\n    "git-alembic": "^0.1.0",\n    "husky": "^9.1.7"\n  }\n}\n`,
  {
    devDependencies: ['git-alembic', 'husky'],
    prepare: 'member',
    created: ['scripts', 'devDependencies'],
  },
);

const alreadyChained = test.macro({
  exec(t, prepare: string) {
    const text = `{"scripts": {"prepare": ${JSON.stringify(prepare)}}, "devDependencies": {"git-alembic": "1", "husky": "9"}}`;
    t.deepEqual(addSetupToPackageJson(text, VERSIONS), { text, added: NOTHING_ADDED });
  },
  title: (title, prepare: string) =>
    `already chained: ${JSON.stringify(prepare)}${title ? ` (${title})` : ''}`,
});
test('our step alone', alreadyChained, PREPARE_STEP);
test('after husky', alreadyChained, `husky && ${PREPARE_STEP}`);
test('before husky', alreadyChained, `${PREPARE_STEP} && husky`);
test(
  'between husky and a build, no spaces',
  alreadyChained,
  `husky&&${PREPARE_STEP}&&npm run build`,
);

const removes = test.macro({
  exec(
    t,
    input: string,
    record: PackageJsonSetupRecord,
    expected: string,
    removed: PackageJsonSetupRecord,
  ) {
    t.deepEqual(removeSetupFromPackageJson(input, record), { text: expected, removed });
  },
  title: (title) => `uninstall: ${title ?? ''}`,
});
const DEPS = '"devDependencies": {"ava": "7", "git-alembic": "1", "husky": "9"}';
test(
  "only what the record names: husky was the user's",
  removes,
  `{"scripts": {"prepare": "husky && ${RAW}"}, ${DEPS}}`,
  { devDependencies: ['git-alembic'], prepare: 'chained', created: [] },
  '{"scripts": {"prepare": "husky"}, "devDependencies": {"ava": "7", "husky": "9"}}',
  { devDependencies: ['git-alembic'], prepare: 'chained', created: [] },
);
test(
  'a prepare the user wrote themselves stays',
  removes,
  `{"scripts": {"prepare": ${PREPARE}}, ${DEPS}}`,
  NOTHING_ADDED,
  `{"scripts": {"prepare": ${PREPARE}}, ${DEPS}}`,
  NOTHING_ADDED,
);
test(
  'commands the user chained after ours stay',
  removes,
  `{"scripts": {"prepare": "husky && ${RAW} && npm run build"}}`,
  { ...ALL, prepare: 'chained' },
  '{"scripts": {"prepare": "husky && npm run build"}}',
  { devDependencies: [], prepare: 'chained', created: [] },
);
test(
  'a prepare entry setup added, with user commands after ours, keeps them',
  removes,
  `{"scripts": {"prepare": "${RAW} && npm run build"}}`,
  ALL,
  '{"scripts": {"prepare": "npm run build"}}',
  { devDependencies: [], prepare: 'member', created: [] },
);
test(
  "an earlier version's step is removed too",
  removes,
  '{"scripts": {"prepare": "husky && git-alembic setup --prepare"}}',
  { ...ALL, prepare: 'chained' },
  '{"scripts": {"prepare": "husky"}}',
  { devDependencies: [], prepare: 'chained', created: [] },
);
test(
  'a prepare the user rewrote is left alone',
  removes,
  '{"scripts": {"prepare": "git-alembic setup --prepare || true"}}',
  ALL,
  '{"scripts": {"prepare": "git-alembic setup --prepare || true"}}',
  NOTHING_ADDED,
);
test(
  'created objects the user added to stay',
  removes,
  `{"scripts": {"prepare": ${PREPARE}, "test": "ava"}, "devDependencies": {"git-alembic": "1", "husky": "9", "ava": "7"}}`,
  { ...ALL, created: ['scripts', 'devDependencies'] },
  '{"scripts": {"test": "ava"}, "devDependencies": {"ava": "7"}}',
  ALL,
);
test(
  'objects setup did not create stay when empty',
  removes,
  `{"scripts": {"prepare": ${PREPARE}}, "devDependencies": {"git-alembic": "1", "husky": "9"}}`,
  ALL,
  '{"scripts": {}, "devDependencies": {}}',
  ALL,
);
test(
  'entries already gone',
  removes,
  '{"name": "x"}',
  { ...ALL, created: ['scripts', 'devDependencies'] },
  '{"name": "x"}',
  NOTHING_ADDED,
);

const rejects = test.macro({
  exec(t, input: string, line: number, message: string, alsoRemove = true) {
    const add = (): unknown => addSetupToPackageJson(input, VERSIONS, 'app/package.json');
    const remove = (): unknown => removeSetupFromPackageJson(input, ALL, 'app/package.json');
    for (const run of alsoRemove ? [add, remove] : [add]) {
      const error = t.throws(run, { instanceOf: InputError });
      t.deepEqual(error?.location, { file: 'app/package.json', line });
      t.is(error?.message, `app/package.json:${line}: ${message}`);
    }
  },
  title: (title) => `refuses: ${title ?? ''}`,
});
test(
  'invalid JSON, with line and column',
  rejects,
  '{\n  "name": "x",\n}\n',
  3,
  PackageJsonMessages.invalidJson(JsonSyntaxMessages.EXPECTED_KEY, 1),
);
test('a top-level array', rejects, '\n[]', 2, PackageJsonMessages.NOT_AN_OBJECT);
test(
  'scripts that is not an object',
  rejects,
  '{\n  "scripts": []\n}',
  2,
  PackageJsonMessages.notAnObject('scripts'),
);
test(
  'a prepare that is not a string',
  rejects,
  '{\n  "scripts": {\n    "prepare": 1\n  }\n}',
  3,
  PackageJsonMessages.notAString('prepare'),
);
test(
  'devDependencies that is not an object',
  rejects,
  '{"scripts": {"prepare": "x"},\n"devDependencies": null}',
  2,
  PackageJsonMessages.notAnObject('devDependencies'),
);
test(
  'dependencies that is not an object',
  rejects,
  '{"scripts": {"prepare": "x"},\n\n"dependencies": "x"}',
  3,
  PackageJsonMessages.notAnObject('dependencies'),
  false,
);

test('the default file name is package.json', (t) => {
  const error = t.throws(() => addSetupToPackageJson('nope', VERSIONS), { instanceOf: InputError });
  t.is(error?.location.file, 'package.json');
});

test('one-line objects written with ": " get ", " between members', (t) => {
  const input = '{"scripts": {"build": "tsc"}, "devDependencies": {"zod": "3"}}';
  const { text, added } = addSetupToPackageJson(input, VERSIONS);
  t.is(
    text,
    `{"scripts": {"build": "tsc", "prepare": ${PREPARE}}, "devDependencies": {"git-alembic": "^0.1.0", "husky": "^9.1.7", "zod": "3"}}`,
  );
  t.is(removeSetupFromPackageJson(text, added).text, input);
});

test("an earlier version's step is replaced where it stands, so the record stays true", (t) => {
  const before =
    '{"scripts": {"prepare": "husky && git-alembic setup --prepare && tsc"}, "devDependencies": {"git-alembic": "1", "husky": "9"}}';
  const upgraded = addSetupToPackageJson(before, VERSIONS);
  t.is(
    upgraded.text,
    `{"scripts": {"prepare": "husky && ${RAW} && tsc"}, "devDependencies": {"git-alembic": "1", "husky": "9"}}`,
  );
  t.deepEqual(upgraded.added, NOTHING_ADDED);
  t.true(upgraded.upgradedPrepare);
  t.is(JSON.parse(upgraded.text).scripts.prepare, `husky && ${PREPARE_STEP} && tsc`);
  t.is(
    removeSetupFromPackageJson(upgraded.text, { ...NOTHING_ADDED, prepare: 'chained' }).text,
    before.replace(' git-alembic setup --prepare &&', ''),
  );
});

test('the step needs no shell: node runs it, under sh and cmd.exe alike', (t) => {
  t.regex(
    PREPARE_STEP,
    /^node -e "[^"$`\\%]*"$/,
    'one double-quoted argument: nothing in it that sh or cmd.exe expands',
  );
});
