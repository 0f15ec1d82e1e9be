// `git-alembic uninstall`: reverses exactly what setup added (src/setup/run-uninstall.ts).
import { ExitCode } from '../../exit-codes.js';
import {
  chosenDirectory,
  type CommandDefinition,
  type CommandRuntime,
  type ParsedArguments,
  stringOption,
} from '../command.js';

export const definition: CommandDefinition = {
  name: 'uninstall',
  summary: "reverse exactly what setup added, and remove git-alembic's caches",
  usage: '[--cwd DIR]',
  description:
    'Removes: what package.json\'s "git-alembic".setup record says setup added (devDependencies, the\n' +
    'prepare step) and the record itself; the git-alembic blocks (with their chained hooks) from the\n' +
    'husky hook files; the `merge=git-alembic` lines from .gitattributes; the [merge "git-alembic"]\n' +
    "section of .git/config; and the files setup created, once only setup's content is left in them.\n" +
    'When setup activated husky on this machine, the earlier core.hooksPath comes back.\n' +
    'After setup --pre-commit, the record in .git-alembicrc.json says what to remove: the git-alembic entry\n' +
    'and the hook types setup added to .pre-commit-config.yaml (edits of yours around them stay), and, with\n' +
    "`pre-commit uninstall`, the hook scripts setup's `pre-commit install` put in this clone. A repository\n" +
    'set up for both husky and pre-commit loses both. Last, .git/git-alembic goes: the caches the hooks\n' +
    "and commands keep there (parsed revision files, compiled code, pre-commit's note).",
  options: {
    cwd: {
      type: 'string',
      value: 'DIR',
      description: 'the directory setup ran in (with or below its package.json); default: here',
    },
  },
  examples: ['npx git-alembic uninstall', 'npx git-alembic uninstall --cwd frontend'],
};

/** Runs `uninstall`. */
export async function run(args: ParsedArguments, { ctx, out }: CommandRuntime): Promise<ExitCode> {
  const named = stringOption(args, 'cwd');
  const directory = chosenDirectory(ctx.cwd, named);
  const [{ runUninstall }, { SetupMessages }] = await Promise.all([
    import('../../setup/run-uninstall.js'),
    import('../../messages/git-integration.js'),
  ]);
  const report = await runUninstall(directory, named !== undefined, ctx.env);
  out.note(out.style(SetupMessages.uninstallHeading(report.topLevel), 'bold'));
  if (report.changes.length === 0) out.note(`  ${SetupMessages.NOTHING_REMOVED}`);
  for (const line of report.changes) out.result(`  ${line}`);
  return ExitCode.OK;
}
