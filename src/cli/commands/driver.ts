// `git-alembic driver %O %A %B %L %P`: the merge driver git runs for heads files (see src/driver/).
import type { ExitCode } from '../../exit-codes.js';
import type { CommandDefinition, CommandRuntime, ParsedArguments } from '../command.js';

export const definition: CommandDefinition = {
  name: 'driver',
  summary: 'the merge driver git runs for heads files (registered by setup)',
  usage: '%O %A %B %L %P',
  description:
    'Git runs this for a heads file that both sides of a merge, rebase, cherry-pick, revert or stash\n' +
    'changed. It merges the heads as sets, result = (A ∩ B) ∪ (A − O) ∪ (B − O), writes the result into\n' +
    '%A in its own line endings and exits 0. Input it cannot read (conflict markers, garbage, not\n' +
    'UTF-8), GIT_ALEMBIC=0, or any error of its own hand the file to `git merge-file`, which leaves\n' +
    'conflict markers labelled "current" and "incoming", and it exits 1 (a conflict).\n' +
    'Arguments are taken as they come (%P may start with "-"); %P goes unquoted in the git config.',
  options: {},
  positionals: '%O %A %B %L %P',
  passThrough: true,
  examples: [
    'git config merge.git-alembic.driver "node_modules/.bin/git-alembic driver %O %A %B %L %P"',
    'echo "migrations/heads.txt merge=git-alembic" >> .gitattributes',
  ],
};

/** Runs the driver. */
export async function run(args: ParsedArguments, { ctx, out }: CommandRuntime): Promise<ExitCode> {
  const { runDriver } = await import('../../driver/run-driver.js');
  return runDriver(args.positionals, { cwd: ctx.cwd, env: ctx.env, out });
}
