// The generated hook block: its shape, chain lines for each source, stdin for hooks that read it.
import test from 'ava';

import { chainLine, chainLinesIn, hookBlockBody } from '../../../src/core/setup/hook-block-body.js';
import { shellQuote } from '../../../src/core/setup/shell-quote.js';

const BODY = '# ours\nrun ours "$@"\n\n';

test('shellQuote leaves plain paths bare and single-quotes the rest', (t) => {
  t.is(shellQuote('front-end/.husky'), 'front-end/.husky');
  t.is(shellQuote('my app'), "'my app'");
  t.is(shellQuote("it's $(x)"), "'it'\\''s $(x)'");
});

test('chain lines: .git/hooks and global/system config at run time, a directory as written', (t) => {
  t.is(chainLine({ kind: 'git-dir' }, 'pre-commit'), 'git_alembic_chain "$(git rev-parse --git-common-dir)/hooks/pre-commit" "$@"');
  t.is(chainLine({ kind: 'config', scope: 'global' }, 'pre-push'), 'git_alembic_chain "$(git config --global --type=path core.hooksPath)/pre-push" "$@"');
  t.is(chainLine({ kind: 'directory', directory: 'my hooks/' }, 'post-merge'), "git_alembic_chain 'my hooks/post-merge' \"$@\"");
});

test('our hook without chains: a subshell, the package directory, then the body (trailing blanks dropped)', (t) => {
  t.is(
    hookBlockBody({ hook: 'pre-commit', packageDirectory: '', body: BODY, chainLines: [] }),
    [
      '# Added by `git-alembic setup`; `git-alembic uninstall` removes it. Edit outside the markers.',
      '(',
      '  [ -f "$0" ] || cd "$(git rev-parse --show-toplevel)" || exit 0',
      '  git_alembic_package=.',
      '  # ours',
      '  run ours "$@"',
      ')',
      '',
    ].join('\n'),
  );
});

test('post-rewrite with a chain: stdin saved once and fed to each, package in a subdirectory', (t) => {
  const chain = chainLine({ kind: 'git-dir' }, 'post-rewrite');
  const body = hookBlockBody({ hook: 'post-rewrite', packageDirectory: 'web app', body: BODY, chainLines: [chain] });
  t.true(body.includes("  git_alembic_package='web app'\n  git_alembic_input=$(cat; echo .); git_alembic_input=${git_alembic_input%.}\n"));
  t.true(body.includes(`printf '%s' "$git_alembic_input" | "$git_alembic_hook" "$@"; fi; }\n  ${chain}\n  # ours\n`));
  t.deepEqual(chainLinesIn(body), [chain]);
});

test('a chain-only block (a hook git-alembic does not use) has no package line and no body', (t) => {
  const chain = chainLine({ kind: 'directory', directory: '.githooks' }, 'commit-msg');
  const body = hookBlockBody({ hook: 'commit-msg', packageDirectory: '', body: undefined, chainLines: [chain] });
  t.false(body.includes('git_alembic_package'));
  t.false(body.includes('git_alembic_input'));
  t.true(body.endsWith(`  ${chain}\n)\n`));
});
