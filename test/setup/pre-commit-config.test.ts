import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { parse } from 'yaml';

import {
  addToPreCommitConfig,
  hasOurEntry,
  newPreCommitConfig,
  removeFromPreCommitConfig,
} from '../../src/setup/pre-commit-config.js';
import { InputError } from '../../src/errors.js';
import { requirePreCommit } from '../helpers/pre-commit.js';

const FILE = '.pre-commit-config.yaml';
const ENTRY = { repo: 'https://github.com/git-alembic/git-alembic', rev: 'v0.1.0' };
const ALL_TYPES = ['pre-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'post-commit'];

// pre-commit's own sample style (`-   repo:`, four-column offsets), with comments.
const SAMPLE = `# See https://pre-commit.com for more information
repos:
-   repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v3.2.0  # pinned
    hooks:
    -   id: trailing-whitespace
    -   id: end-of-file-fixer
# the formatter
-   repo: https://github.com/psf/black
    rev: 22.10.0
    hooks:
    -   id: black
`;

const TWO_SPACE = `default_install_hook_types:
  - pre-commit
  - pre-push
repos:
  - repo: local
    hooks:
      - id: pytest
        name: pytest
        entry: pytest
        language: system
`;

// Flow lists spread over lines, each with a trailing comma.
const FLOW = `default_install_hook_types: [
  pre-commit,
  commit-msg,
]
repos: [
  {repo: local, hooks: [{id: x, name: x, entry: x, language: system}]},
]
`;

interface Parsed {
  default_install_hook_types?: string[];
  repos: { repo: string; rev?: string; hooks: { id: string }[] }[];
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'git-alembic-pre-commit-config-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;

// The real framework judges: `pre-commit validate-config`.
function assertValidConfig(t: ExecutionContext, text: string, what: string): void {
  const preCommit = requirePreCommit(t);
  if (preCommit === undefined) return;
  written += 1;
  const file = path.join(scratch, `config-${written}.yaml`);
  writeFileSync(file, text);
  try {
    execFileSync(preCommit, ['validate-config', file], {
      stdio: 'pipe',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(scratch, 'home') },
    });
    t.pass();
  } catch (error) {
    t.fail(
      `pre-commit rejects ${what}:\n${text}\n${String((error as { stdout?: unknown }).stdout)}`,
    );
  }
}

// The laws every config obeys: the result parses to the config plus our entry and hook types,
// and the real pre-commit accepts it; adding again changes nothing; removing what adding
// reported restores the input byte for byte.
const roundTrips = test.macro({
  exec(t, input: string, expectedTypes: readonly string[], restored = input) {
    assertValidConfig(t, input, 'the input');
    const added = addToPreCommitConfig(input, ENTRY, FILE);
    assertValidConfig(t, added.text, 'the config with our entry');
    const parsed = parse(added.text) as Parsed;
    const before = parse(input) as Parsed;
    t.deepEqual(parsed.repos.slice(0, -1), before.repos, "the user's entries stay, in order");
    t.deepEqual(parsed.repos.at(-1), {
      ...ENTRY,
      hooks: [{ id: 'git-alembic' }, { id: 'git-alembic-post-commit' }],
    });
    t.deepEqual(parsed.default_install_hook_types, expectedTypes);
    t.true(hasOurEntry(added.text, FILE));
    t.deepEqual(
      addToPreCommitConfig(added.text, ENTRY, FILE),
      { text: added.text, entryAdded: false, hookTypesAdded: [], hookTypesKeyAdded: false },
      'idempotent',
    );
    const removed = removeFromPreCommitConfig(
      added.text,
      {
        entry: added.entryAdded,
        hookTypes: added.hookTypesAdded,
        hookTypesKey: added.hookTypesKeyAdded,
      },
      FILE,
    );
    t.deepEqual(removed, { text: restored, changed: true }, 'removal restores the input');
  },
  title: (title) => `add and remove: ${title ?? ''}`,
});

test("pre-commit's sample style, comments and all", roundTrips, SAMPLE, ALL_TYPES);
test('two-space style with a block list of hook types', roundTrips, TWO_SPACE, [
  'pre-commit',
  'pre-push',
  'post-checkout',
  'post-merge',
  'post-rewrite',
  'post-commit',
]);
test(
  'a flow list of hook types',
  roundTrips,
  `default_install_hook_types: [pre-commit, commit-msg]\nrepos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n    language: system\n`,
  ['pre-commit', 'commit-msg', 'post-checkout', 'post-merge', 'post-rewrite', 'post-commit'],
);
test('CRLF line breaks', roundTrips, SAMPLE.replace(/\n/g, '\r\n'), ALL_TYPES);
test('no final newline', roundTrips, SAMPLE.slice(0, -1), ALL_TYPES);
test(
  'CRLF line breaks and no final newline',
  roundTrips,
  SAMPLE.replace(/\n/g, '\r\n').slice(0, -2),
  ALL_TYPES,
);
test('an empty flow list of repos', roundTrips, 'repos: []\n', ALL_TYPES);
test('an empty flow list of repos, no final newline', roundTrips, 'repos: []', ALL_TYPES);
test('flow lists over several lines with trailing commas', roundTrips, FLOW, [
  'pre-commit',
  'commit-msg',
  'post-checkout',
  'post-merge',
  'post-rewrite',
  'post-commit',
]);
test(
  'the whole config in flow style',
  roundTrips,
  '{default_install_hook_types: [pre-commit], repos: [{repo: local, hooks: [{id: x, name: x, entry: x, language: system}]}]}\n',
  ALL_TYPES,
);
test(
  'a flow mapping without hook types, over lines with a trailing comma',
  roundTrips,
  '{\n  repos: [],\n}\n',
  ALL_TYPES,
);
test(
  'comments at the end, indented and not',
  roundTrips,
  `${TWO_SPACE}      # the last hook's comment\n# the end of the file\n`,
  ['pre-commit', 'pre-push', 'post-checkout', 'post-merge', 'post-rewrite', 'post-commit'],
);
test('a document start and end marker', roundTrips, `---\n${SAMPLE}...\n`, ALL_TYPES);
test(
  'an empty list of hook types',
  roundTrips,
  'default_install_hook_types: []\nrepos: []\n',
  ALL_TYPES,
);

test('new entries copy the style of the entries there', (t) => {
  const added = addToPreCommitConfig(SAMPLE, ENTRY, FILE).text;
  t.true(
    added.includes(
      `-   repo: ${ENTRY.repo}\n    rev: v0.1.0\n    hooks:\n    -   id: git-alembic\n    -   id: git-alembic-post-commit\n`,
    ),
  );
  t.true(added.endsWith(`default_install_hook_types: [${ALL_TYPES.join(', ')}]\n`));
  const twoSpace = addToPreCommitConfig(TWO_SPACE, ENTRY, FILE).text;
  t.true(
    twoSpace.includes(
      '  - pre-push\n  - post-checkout\n  - post-merge\n  - post-rewrite\n  - post-commit\nrepos:',
    ),
  );
  t.true(
    twoSpace.endsWith(
      `  - repo: ${ENTRY.repo}\n    rev: v0.1.0\n    hooks:\n      - id: git-alembic\n      - id: git-alembic-post-commit\n`,
    ),
  );
});

test('an entry with our hook under another repo URL (a fork, a path) counts as ours', (t) => {
  const fork = `repos:\n  - repo: /srv/mirror/git-alembic\n    rev: abc\n    hooks:\n      - id: git-alembic\n`;
  const added = addToPreCommitConfig(fork, ENTRY, FILE);
  t.false(added.entryAdded);
  t.is(added.text, `${fork}default_install_hook_types: [${ALL_TYPES.join(', ')}]\n`);
});

test('a hook type the user had stays on removal', (t) => {
  const input = 'default_install_hook_types: [pre-commit, post-merge]\nrepos: []\n';
  const added = addToPreCommitConfig(input, ENTRY, FILE);
  t.deepEqual(added.hookTypesAdded, ['post-checkout', 'post-rewrite', 'post-commit']);
  const removed = removeFromPreCommitConfig(
    added.text,
    { entry: true, hookTypes: added.hookTypesAdded, hookTypesKey: false },
    FILE,
  );
  t.is(removed.text, input);
});

test('a new config parses to our entry alone', (t) => {
  const parsed = parse(newPreCommitConfig(ENTRY)) as Parsed;
  t.deepEqual(parsed.default_install_hook_types, ALL_TYPES);
  t.deepEqual(parsed.repos, [
    { ...ENTRY, hooks: [{ id: 'git-alembic' }, { id: 'git-alembic-post-commit' }] },
  ]);
});

test('bad input names the file and line', (t) => {
  const invalid = t.throws(
    () => addToPreCommitConfig('repos:\n  - repo: [unclosed\n', ENTRY, FILE),
    { instanceOf: InputError },
  );
  t.regex(invalid.message, /^\.pre-commit-config\.yaml:\d+: not valid YAML/);
  t.throws(() => addToPreCommitConfig('- a\n', ENTRY, FILE), {
    instanceOf: InputError,
    message: /top level is not a mapping/,
  });
  t.throws(() => addToPreCommitConfig('default_install_hook_types: [pre-commit]\n', ENTRY, FILE), {
    instanceOf: InputError,
    message: /no `repos:` list/,
  });
  t.throws(
    () => addToPreCommitConfig('default_install_hook_types: pre-commit\nrepos: []\n', ENTRY, FILE),
    {
      instanceOf: InputError,
      message: /^\.pre-commit-config\.yaml:1: `default_install_hook_types` is not a list/,
    },
  );
});

// ---- uninstall after the user edited the config around our entry ----

const ADDED = addToPreCommitConfig(SAMPLE, ENTRY, FILE);
const REMOVAL = {
  entry: ADDED.entryAdded,
  hookTypes: ADDED.hookTypesAdded,
  hookTypesKey: ADDED.hookTypesKeyAdded,
};
const OURS = `-   repo: ${ENTRY.repo}\n    rev: v0.1.0\n    hooks:\n    -   id: git-alembic\n    -   id: git-alembic-post-commit\n`;
const TYPES_LINE = `default_install_hook_types: [${ALL_TYPES.join(', ')}]\n`;
const NEXT =
  '-   repo: https://github.com/asottile/pyupgrade\n    rev: v3.3.1\n    hooks:\n    -   id: pyupgrade\n';

const removesOnlyOurs = test.macro({
  exec(t, edit: (text: string) => string, expected: string) {
    t.true(
      ADDED.text.includes(OURS) && ADDED.text.endsWith(TYPES_LINE),
      'the added text is as these edits expect',
    );
    const edited = edit(ADDED.text);
    assertValidConfig(t, edited, 'the edited config');
    const removed = removeFromPreCommitConfig(edited, REMOVAL, FILE);
    t.is(removed.text, expected);
    assertValidConfig(t, removed.text, 'the config after removal');
  },
  title: (title) => `uninstall after the user edited the config: ${title ?? ''}`,
});

test(
  'another entry added after ours',
  removesOnlyOurs,
  (text) => text.replace(TYPES_LINE, `${NEXT}${TYPES_LINE}`),
  `${SAMPLE}${NEXT}`,
);
test(
  'our rev bumped (pre-commit autoupdate) and options added to our hook',
  removesOnlyOurs,
  (text) =>
    text
      .replace('rev: v0.1.0', 'rev: v0.2.0')
      .replace('id: git-alembic\n', 'id: git-alembic\n        verbose: true\n'),
  SAMPLE,
);
test(
  'comments after our entry: theirs stay',
  removesOnlyOurs,
  (text) =>
    text.replace(
      TYPES_LINE,
      `        # a note under our hooks\n# pyupgrade next\n${NEXT}${TYPES_LINE}`,
    ),
  `${SAMPLE}        # a note under our hooks\n# pyupgrade next\n${NEXT}`,
);
test(
  'our entry moved to the top',
  removesOnlyOurs,
  (text) => text.replace(OURS, '').replace('repos:\n', `repos:\n${OURS}`),
  SAMPLE,
);
test(
  'a hook type added after ours',
  removesOnlyOurs,
  (text) => text.replace('post-commit]', 'post-commit, pre-push]'),
  `${SAMPLE}default_install_hook_types: [pre-commit, pre-push]\n`,
);
test(
  'the hook types rewritten as a block list',
  removesOnlyOurs,
  (text) =>
    text.replace(
      TYPES_LINE,
      `default_install_hook_types:\n${ALL_TYPES.map((type) => `-   ${type}\n`).join('')}`,
    ),
  SAMPLE,
);
test(
  'every other entry deleted',
  removesOnlyOurs,
  () => `repos:\n${OURS}${TYPES_LINE}`,
  'repos: []\n',
);
test(
  'our entry already deleted by hand',
  removesOnlyOurs,
  (text) => text.replace(OURS, ''),
  SAMPLE,
);
