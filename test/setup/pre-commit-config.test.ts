import test from 'ava';
import { parse } from 'yaml';

import { addToPreCommitConfig, hasOurEntry, newPreCommitConfig, removeFromPreCommitConfig } from '../../src/setup/pre-commit-config.js';
import { InputError } from '../../src/errors.js';

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

interface Parsed {
  default_install_hook_types?: string[];
  repos: { repo: string; rev?: string; hooks: { id: string }[] }[];
}

// The laws every config obeys: the result parses to the config plus our entry and hook types;
// adding again changes nothing; removing what adding reported restores the input byte for byte.
const roundTrips = test.macro({
  exec(t, input: string, expectedTypes: readonly string[], restored = input) {
    const added = addToPreCommitConfig(input, ENTRY, FILE);
    const parsed = parse(added.text) as Parsed;
    const before = parse(input) as Parsed;
    t.deepEqual(parsed.repos.slice(0, -1), before.repos, 'the user\'s entries stay, in order');
    t.deepEqual(parsed.repos.at(-1), { ...ENTRY, hooks: [{ id: 'git-alembic' }, { id: 'git-alembic-post-commit' }] });
    t.deepEqual(parsed.default_install_hook_types, expectedTypes);
    t.true(hasOurEntry(added.text, FILE));
    t.deepEqual(addToPreCommitConfig(added.text, ENTRY, FILE), { text: added.text, entryAdded: false, hookTypesAdded: [], hookTypesKeyAdded: false }, 'idempotent');
    const removed = removeFromPreCommitConfig(added.text, { entry: added.entryAdded, hookTypes: added.hookTypesAdded, hookTypesKey: added.hookTypesKeyAdded }, FILE);
    t.deepEqual(removed, { text: restored, changed: true }, 'removal restores the input');
  },
  title: (title) => `add and remove: ${title ?? ''}`,
});

test("pre-commit's sample style, comments and all", roundTrips, SAMPLE, ALL_TYPES);
test('two-space style with a block list of hook types', roundTrips, TWO_SPACE, ['pre-commit', 'pre-push', 'post-checkout', 'post-merge', 'post-rewrite', 'post-commit']);
test('a flow list of hook types', roundTrips, `default_install_hook_types: [pre-commit, commit-msg]\nrepos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n    language: system\n`, ['pre-commit', 'commit-msg', 'post-checkout', 'post-merge', 'post-rewrite', 'post-commit']);
test('CRLF line breaks', roundTrips, SAMPLE.replace(/\n/g, '\r\n'), ALL_TYPES);
// The one byte not restored: the line break added before our entry.
test('no final newline', roundTrips, SAMPLE.slice(0, -1), ALL_TYPES, SAMPLE);
test('an empty flow list of repos', roundTrips, 'repos: []\n', ALL_TYPES);

test('new entries copy the style of the entries there', (t) => {
  const added = addToPreCommitConfig(SAMPLE, ENTRY, FILE).text;
  t.true(added.includes(`-   repo: ${ENTRY.repo}\n    rev: v0.1.0\n    hooks:\n    -   id: git-alembic\n    -   id: git-alembic-post-commit\n`));
  t.true(added.endsWith(`default_install_hook_types: [${ALL_TYPES.join(', ')}]\n`));
  const twoSpace = addToPreCommitConfig(TWO_SPACE, ENTRY, FILE).text;
  t.true(twoSpace.includes('  - pre-push\n  - post-checkout\n  - post-merge\n  - post-rewrite\n  - post-commit\nrepos:'));
  t.true(twoSpace.endsWith(`  - repo: ${ENTRY.repo}\n    rev: v0.1.0\n    hooks:\n      - id: git-alembic\n      - id: git-alembic-post-commit\n`));
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
  const removed = removeFromPreCommitConfig(added.text, { entry: true, hookTypes: added.hookTypesAdded, hookTypesKey: false }, FILE);
  t.is(removed.text, input);
});

test('a new config parses to our entry alone', (t) => {
  const parsed = parse(newPreCommitConfig(ENTRY)) as Parsed;
  t.deepEqual(parsed.default_install_hook_types, ALL_TYPES);
  t.deepEqual(parsed.repos, [{ ...ENTRY, hooks: [{ id: 'git-alembic' }, { id: 'git-alembic-post-commit' }] }]);
});

test('bad input names the file and line', (t) => {
  const invalid = t.throws(() => addToPreCommitConfig('repos:\n  - repo: [unclosed\n', ENTRY, FILE), { instanceOf: InputError });
  t.regex(invalid.message, /^\.pre-commit-config\.yaml:\d+: not valid YAML/);
  t.throws(() => addToPreCommitConfig('- a\n', ENTRY, FILE), { instanceOf: InputError, message: /top level is not a mapping/ });
  t.throws(() => addToPreCommitConfig('default_install_hook_types: [pre-commit]\n', ENTRY, FILE), { instanceOf: InputError, message: /no `repos:` list/ });
  t.throws(() => addToPreCommitConfig('default_install_hook_types: pre-commit\nrepos: []\n', ENTRY, FILE), { instanceOf: InputError, message: /^\.pre-commit-config\.yaml:1: `default_install_hook_types` is not a list/ });
});
