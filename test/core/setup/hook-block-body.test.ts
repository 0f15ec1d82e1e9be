// The generated hook block: its shape, the hidden-hook runner in every block, directory chain
// lines, stdin for hooks that read it, and what an earlier version's block keeps on upgrade.
import test from 'ava';

import {
  chainLine,
  chainLinesIn,
  hookBlockBody,
  runsHiddenHooks,
} from '../../../src/core/setup/hook-block-body.js';
import { shellQuote } from '../../../src/core/setup/shell-quote.js';

const BODY = '# ours\nrun ours "$@"\n\n';
const RUNNER = 'git_alembic_hidden() { :; }\n';

test('shellQuote leaves plain paths bare and single-quotes the rest', (t) => {
  t.is(shellQuote('front-end/.husky'), 'front-end/.husky');
  t.is(shellQuote('my app'), "'my app'");
  t.is(shellQuote("it's $(x)"), "'it'\\''s $(x)'");
});

test("a chain line for a directory of the repository's own, as written", (t) => {
  t.is(
    chainLine({ directory: 'my hooks/' }, 'post-merge'),
    'git_alembic_chain \'my hooks/post-merge\' "$@"',
  );
});

test('our hook: a subshell, the package directory, the hidden hooks (whatever this machine has), then the body', (t) => {
  const body = hookBlockBody({
    hook: 'pre-commit',
    packageDirectory: '',
    body: BODY,
    hiddenRunner: RUNNER,
    chainLines: [],
  });
  t.is(
    body,
    [
      '# Added by `git-alembic setup`; `git-alembic uninstall` removes it. Edit outside the markers.',
      '(',
      '  [ -f "$0" ] || cd "$(git rev-parse --show-toplevel)" || exit 0',
      '  git_alembic_package=.',
      '  git_alembic_hidden() { :; }',
      '  git_alembic_hidden pre-commit "$@"',
      '  # ours',
      '  run ours "$@"',
      ')',
      '',
    ].join('\n'),
  );
  t.true(runsHiddenHooks(body));
  t.false(runsHiddenHooks(BODY));
});

test('post-rewrite with a directory chain: stdin saved once and fed to each, package in a subdirectory', (t) => {
  const chain = chainLine({ directory: '.githooks' }, 'post-rewrite');
  const body = hookBlockBody({
    hook: 'post-rewrite',
    packageDirectory: 'web app',
    body: BODY,
    hiddenRunner: RUNNER,
    chainLines: [chain],
  });
  t.true(
    body.includes(
      "  git_alembic_package='web app'\n  git_alembic_input=$(cat; echo .); git_alembic_input=${git_alembic_input%.}\n",
    ),
  );
  t.true(body.includes(`  git_alembic_hidden post-rewrite "$@"\n  git_alembic_chain() {`));
  t.true(
    body.includes(
      `printf '%s' "$git_alembic_input" | "$git_alembic_hook" "$@"; fi; }\n  ${chain}\n  # ours\n`,
    ),
  );
  t.deepEqual(chainLinesIn(body), [chain]);
});

test('a chain-only block (a hook git-alembic does not use) has no package line and no body', (t) => {
  const body = hookBlockBody({
    hook: 'commit-msg',
    packageDirectory: '',
    body: undefined,
    hiddenRunner: RUNNER,
    chainLines: [],
  });
  t.false(body.includes('git_alembic_package'));
  t.false(body.includes('git_alembic_input'));
  t.true(body.endsWith('  git_alembic_hidden commit-msg "$@"\n)\n'));
});

test("an earlier version's chain lines for .git/hooks and a global core.hooksPath give way to the runner; a directory's stay", (t) => {
  const earlier = [
    'git_alembic_chain "$(git rev-parse --git-common-dir)/hooks/pre-commit" "$@"',
    'git_alembic_chain "$(git config --global --type=path core.hooksPath)/pre-commit" "$@"',
    'git_alembic_chain .githooks/pre-commit "$@"',
  ];
  t.deepEqual(chainLinesIn(earlier.map((line) => `  ${line}\n`).join('')), [earlier[2]]);
});
