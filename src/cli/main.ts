// Chooses the command, parses its arguments, runs it, and turns errors into exit codes (as
// the hooks' own entry does, with the same reporter). Every failure ends in one line on stderr
// (plus the stack trace with GIT_ALEMBIC_DEBUG=1).
import { readFileSync } from 'node:fs';

import { closestName } from '../core/closest-name.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { UsageMessages } from '../messages/cli.js';
import { COMMANDS } from './commands.js';
import type { CommandContext } from './context.js';
import { programHelp } from './help.js';
import { reportFailure } from './report-failure.js';
import { runCommand } from './run-command.js';
import { packageFile } from '../fs/package-root.js';

/** Runs git-alembic with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    return reportFailure(error, ctx);
  }
}

async function dispatch(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    ctx.stdout.write(programHelp(COMMANDS));
    return name === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`${packageVersion()}\n`);
    return ExitCode.OK;
  }
  // `git-alembic help <command>` is `git-alembic <command> --help`.
  if (name === 'help')
    return rest.length === 0 ? dispatch(['--help'], ctx) : dispatch([rest[0] ?? '', '--help'], ctx);
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) throw unknownCommand(name);
  return runCommand(await entry.load(), rest, ctx);
}

// An option before the command (`git-alembic -q check`), a misspelt command, or neither.
function unknownCommand(name: string): UsageError {
  if (name.startsWith('-'))
    return new UsageError(
      UsageMessages.unknownOption(name),
      UsageMessages.OPTIONS_AFTER_COMMAND_HINT,
    );
  const closest = closestName(name, Object.keys(COMMANDS));
  return new UsageError(
    UsageMessages.unknownCommand(name),
    closest === undefined ? UsageMessages.UNKNOWN_COMMAND_HINT : UsageMessages.didYouMean(closest),
  );
}

function packageVersion(): string {
  const packageJson = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}

export { oneLine } from './report-failure.js';
