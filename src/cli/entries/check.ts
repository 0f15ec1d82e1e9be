// `git-alembic check` as a bundle of its own (dist/fast/check.cjs, see scripts/build.mjs): bin.cjs
// runs it without loading the CLI's registry and the chunks it shares with every other command.
import * as command from '../commands/check.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../../exit-codes.js';
import { runStandalone } from '../run-command.js';

/** Runs `check` with its arguments (after the command name). */
export function run(args: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  return runStandalone(command, args, ctx);
}
