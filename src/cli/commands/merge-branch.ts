// `git-alembic merge-branch <ref>`: `git merge` with git-alembic applied, needing no setup (see src/merge-branch/).
import { UsageError } from '../../errors.js';
import type { ExitCode } from '../../exit-codes.js';
import { MergeBranchMessages } from '../../messages/merge-branch.js';
import {
  booleanOption,
  type CommandDefinition,
  type CommandRuntime,
  type ParsedArguments,
  stringOption,
} from '../command.js';

export const definition: CommandDefinition = {
  name: 'merge-branch',
  summary: 'git merge a branch with git-alembic applied, in any clone (no setup needed)',
  usage: '[-m MSG] [--no-commit] REF',
  description: [
    "Runs `git merge REF` with the heads-file merge driver supplied for this one merge (the user's",
    'own attributes still apply; a merge attribute the repository gives a heads file wins), then does',
    'what the post-merge hook does: writes the merge revision of every divergence the merge',
    'introduced and adds it, with the heads files, to the merge commit. Same files, commit and',
    'messages as with the hooks; where the hooks are installed too, they do it and this adds nothing.',
    'It needs no husky, no registered driver and no package.json: CI runners, other hook managers,',
    '`npx git-alembic merge-branch origin/main` in any clone.',
    '',
    '--no-commit stages the merge revision instead, so `git commit` concludes the merge with it.',
    'Conflicts outside the heads files stop the merge as `git merge` does; resolve them and',
    '`git commit` (the pre-commit hook adds the merge revision where git-alembic is set up; elsewhere',
    'run `git-alembic merge` and `git add` its file first).',
    '',
    'Exit status: 0 merged (with or without a merge revision), 1 conflicts left, 2 bad input (an',
    'unknown ref, staged changes, a merge or rebase in progress, GIT_ALEMBIC=0, a git merge that',
    'failed), 64 wrong usage.',
  ].join('\n'),
  options: {
    message: {
      type: 'string',
      short: 'm',
      value: 'MSG',
      description: "message of the merge commit (default: git's own)",
    },
    'no-commit': {
      type: 'boolean',
      description: 'merge and stage the merge revision, but leave the commit to you',
    },
  },
  positionals: 'REF',
  examples: [
    'git fetch origin && npx git-alembic merge-branch origin/main   # bring main into this branch',
    'git-alembic merge-branch dev -m "Merge dev"',
    'git-alembic merge-branch --no-commit origin/main && git diff --cached --stat',
  ],
};

/** Runs `merge-branch`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const [ref, ...more] = args.positionals;
  if (ref === undefined || more.length > 0)
    throw new UsageError(MergeBranchMessages.ONE_REF, MergeBranchMessages.ONE_REF_HINT);
  const { runMergeBranch } = await import('../../merge-branch/run-merge-branch.js');
  return runMergeBranch(
    { ref, message: stringOption(args, 'message'), noCommit: booleanOption(args, 'no-commit') },
    runtime,
  );
}
