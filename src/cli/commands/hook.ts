// `git-alembic hook <name> [args]`: what the husky hook blocks run (see src/hooks/).
import type { ExitCode } from '../../exit-codes.js';
import type { CommandDefinition, CommandRuntime, ParsedArguments } from '../command.js';

export const definition: CommandDefinition = {
  name: 'hook',
  summary:
    'the git hooks: create and stage the merge revision during merges and rebases (run by husky)',
  usage:
    '<post-merge|pre-commit|post-rewrite|post-commit> [ARGS...] | pre-commit-framework [post-commit]',
  description: [
    "The hook blocks setup writes into .husky/ run this with git's own arguments (post-rewrite also",
    'with its stdin). Each hook first asks git which files changed and ends at once unless a revision',
    'file (a Python file that says down_revision) or a heads file did. Only divergences the git',
    'operation introduced are merged (two heads on one branch that no compared commit held); one',
    'that existed before is reported, unless the config sets "mergeExistingDivergences": true.',
    '',
    '  post-merge    after a merge commit: writes the merge revision and folds it, with the heads file,',
    '                into that commit (onMerge "amend": every byte git wrote is kept but the tree, a',
    '                signed merge is signed again, and only while HEAD still names it) or leaves both',
    '                staged (onMerge "stage"). --squash: stage only. Fast-forward: nothing.',
    '  pre-commit    while a merge is being concluded (conflicts resolved, --no-commit, --continue):',
    '                adds the merge revision to the merge commit. Always: keeps heads files current.',
    '  post-rewrite  after a rebase that left two heads on one branch: commits the merge revision on',
    '                top (onMerge "stage": stages it). Amends are ignored.',
    '  post-commit   warns when the commit left two heads on one branch (a cherry-pick, --no-verify).',
    '',
    'Nothing the operation brought in runs: post-write hooks, their programs, and a template only',
    'Python can render must be as they were in the commit you had before; otherwise the hook writes',
    'no merge revision and says so (run `git-alembic merge` once you have looked).',
    '  pre-commit-framework  what the pre-commit framework runs (.pre-commit-hooks.yaml): finds the git',
    "                hook from the framework's PRE_COMMIT_* variables (post-commit is named: git gives it",
    '                the same environment as pre-commit), registers the merge driver for this machine,',
    "                and reads a rebase's list from its state (the framework passes no stdin).",
    '',
    'A hook prints one line when it acts and nothing otherwise. Its own failure is reported and never',
    'stops git (exit 0), unless the config sets "guard": true (exit 1). GIT_ALEMBIC=0 skips every hook.',
  ].join('\n'),
  options: {},
  positionals: 'NAME ARGS...',
  passThrough: true,
  examples: [
    'git-alembic hook post-merge 0          # as .husky/post-merge runs it after `git merge`',
    'GIT_ALEMBIC=0 git merge dev            # merge without any git-alembic hook',
    'GIT_ALEMBIC_SIGN_TIMEOUT=60 git merge -S dev   # give a hardware key a minute to sign the fold',
  ],
};

/** Runs `hook` (the same dispatch as the hooks' own bundle, src/cli/hook-entry.ts). */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { dispatchHook } = await import('../hook-entry.js');
  return dispatchHook(args.positionals, runtime);
}
