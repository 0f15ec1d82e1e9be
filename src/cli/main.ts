// Chooses the command, parses its arguments, runs it, and is the only place that turns
// errors into exit codes.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { UsageError, UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { PROGRAM } from '../messages/cli.js';
import type { CommandModule, ParsedArguments } from './command.js';
import { COMMANDS } from './commands.js';
import type { CommandContext } from './context.js';
import { commandHelp, GLOBAL_OPTIONS, programHelp } from './help.js';
import { Printer, type Verbosity } from './output.js';

/** Runs git-alembic with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const debug = ctx.env['GIT_ALEMBIC_DEBUG'] === '1';
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    if (error instanceof UserError) {
      ctx.stderr.write(`${PROGRAM}: ${error.message}${error.hint ? ` (hint: ${error.hint})` : ''}\n`);
      if (debug) ctx.stderr.write(`${String(error.stack)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`${PROGRAM}: internal error: ${message}\n`);
    ctx.stderr.write(
      debug && error instanceof Error
        ? `${String(error.stack)}\n`
        : `${PROGRAM}: this is a bug; run again with GIT_ALEMBIC_DEBUG=1 for the stack trace and report it\n`,
    );
    return ExitCode.INTERNAL;
  }
}

async function dispatch(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(programHelp(COMMANDS));
    return name === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`${packageVersion()}\n`);
    return ExitCode.OK;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) throw new UsageError(`unknown command '${name}'`, 'run `git-alembic --help` for the list of commands');
  const command = await entry.load();
  const parsed = parseCommandArguments(command, rest);
  if (parsed.values['help'] === true) {
    ctx.stdout.write(commandHelp(command.definition));
    return ExitCode.OK;
  }
  const verbosity: Verbosity = parsed.values['quiet'] === true ? 'quiet' : parsed.values['verbose'] === true ? 'verbose' : 'normal';
  return command.run(parsed, { ctx, out: new Printer(ctx, verbosity) });
}

function parseCommandArguments(command: CommandModule, args: readonly string[]): ParsedArguments {
  const { definition } = command;
  if (definition.passThrough === true) {
    const help = args.length === 1 && (args[0] === '--help' || args[0] === '-h');
    return help ? { values: { help: true }, positionals: [] } : { values: {}, positionals: [...args] };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...definition.options, ...GLOBAL_OPTIONS },
      allowPositionals: definition.positionals !== undefined,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    // parseArgs throws TypeError with a code for unknown options and missing values.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(error.message, `run \`git-alembic ${definition.name} --help\``);
    }
    throw error;
  }
}

function packageVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}
