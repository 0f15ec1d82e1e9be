// How a command that failed ends: one line on stderr and the exit code (plus the stack trace
// with GIT_ALEMBIC_DEBUG=1). Shared by the CLI and the hooks' own entry.
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { InternalErrorMessages } from '../messages/cli.js';
import type { CommandContext } from './context.js';
import { Printer } from './output.js';

/** Expected failures say what and how to fix it; anything else is a bug and says how to report it. */
export function reportFailure(error: unknown, ctx: CommandContext): ExitCode {
  const out = new Printer(ctx, 'normal');
  const debug = ctx.env['GIT_ALEMBIC_DEBUG'] === '1';
  if (error instanceof UserError) {
    out.failure(oneLine(error.message), error.hint === undefined ? undefined : oneLine(error.hint));
  } else {
    const message = error instanceof Error ? error.message : String(error);
    out.failure(
      InternalErrorMessages.internal(oneLine(message)),
      debug ? undefined : InternalErrorMessages.REPORT_HINT,
    );
  }
  if (debug) ctx.stderr.write(`${error instanceof Error ? String(error.stack) : String(error)}\n`);
  return error instanceof UserError ? error.exitCode : ExitCode.INTERNAL;
}

/** A message as one line: messages quoted from git or a parser may span several. */
export function oneLine(message: string): string {
  return message
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
