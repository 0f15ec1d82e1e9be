// `git-alembic hook <name> [args]` without the rest of the CLI: git runs a hook on every commit
// and merge, each in a fresh node, so this path is built as a bundle of its own (dist/hook.js),
// split only where a hook's slow path and its merge writing begin. It behaves exactly as
// `main` does for the command (arguments passed through, failures reported alike).
import type { ExitCode } from '../exit-codes.js';
import { runHook } from '../hooks/run-hook.js';
import type { CommandContext } from './context.js';
import { Printer } from './output.js';
import { reportFailure } from './report-failure.js';

/** Runs `git-alembic hook …` (`argv` without the command name) and returns the exit code. */
export async function runHookCommand(args: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  try {
    return await runHook(args, { ctx, out: new Printer(ctx, 'normal') });
  } catch (error) {
    return reportFailure(error, ctx);
  }
}
