// One command's run: its arguments parsed by its own definition, its help, or the command itself
// with the verbosity asked for. main() reaches it through the registry; the commands built as
// bundles of their own (src/cli/entries/) straight from bin.ts.
import { ExitCode } from '../exit-codes.js';
import type { CommandModule } from './command.js';
import type { CommandContext } from './context.js';
import { commandHelp } from './help.js';
import type { Verbosity } from '../runtime/output.js';
import { Printer } from './output.js';
import { parseCommandArguments } from './parse-arguments.js';
import { reportFailure } from './report-failure.js';

/** Parses `args` for `command`, then shows its help or runs it. */
export async function runCommand(
  command: CommandModule,
  args: readonly string[],
  ctx: CommandContext,
): Promise<ExitCode> {
  const parsed = parseCommandArguments(command.definition, args);
  if (parsed.values['help'] === true) {
    ctx.stdout.write(commandHelp(command.definition));
    return ExitCode.OK;
  }
  const verbosity: Verbosity =
    parsed.values['quiet'] === true
      ? 'quiet'
      : parsed.values['verbose'] === true
        ? 'verbose'
        : 'normal';
  return command.run(parsed, { ctx, out: new Printer(ctx, verbosity) });
}

/** runCommand with its failures reported as main reports them: one line and the exit code. */
export async function runStandalone(
  command: CommandModule,
  args: readonly string[],
  ctx: CommandContext,
): Promise<ExitCode> {
  try {
    return await runCommand(command, args, ctx);
  } catch (error) {
    return reportFailure(error, ctx);
  }
}
