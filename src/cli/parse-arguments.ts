// Parses a command's arguments with node:util parseArgs, driven by its option table, and turns
// parseArgs' own errors into one-line usage errors in our words.
import { parseArgs } from 'node:util';

import { closestName } from '../core/closest-name.js';
import { UsageError } from '../errors.js';
import { UsageMessages } from '../messages/cli.js';
import type { CommandDefinition, OptionSpec, ParsedArguments } from './command.js';
import { acceptedOptions } from './help.js';

/** Parses `args` for the command; UsageError (exit 64) for anything it does not accept. */
export function parseCommandArguments(
  definition: CommandDefinition,
  args: readonly string[],
): ParsedArguments {
  if (definition.passThrough === true) {
    // git passes paths that may start with "-": only a lone --help is ours.
    const help = args.length === 1 && (args[0] === '--help' || args[0] === '-h');
    return help
      ? { values: { help: true }, positionals: [] }
      : { values: {}, positionals: [...args] };
  }
  const options = acceptedOptions(definition);
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: definition.positionals !== undefined,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === undefined) throw error;
    throw new UsageError(
      usageMessage(refusal, definition, options),
      suggestion(refusal, options) ?? UsageMessages.commandHelpHint(definition.name),
    );
  }
}

// What parseArgs refused: its error code, its message, and the option or argument it names in
// quotes (its own sentences vary by version).
interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly quoted: string;
}

// parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for what it refuses.
function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof TypeError && 'code' in error)) return undefined;
  const code = String(error.code);
  if (!code.startsWith('ERR_PARSE_ARGS')) return undefined;
  return { code, message: error.message, quoted: /'([^']*)'/.exec(error.message)?.[1] ?? '' };
}

// `--formt`: the option meant, as a misspelt command gets the command meant.
function suggestion(
  { code, quoted }: Refusal,
  options: Readonly<Record<string, OptionSpec>>,
): string | undefined {
  if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !quoted.startsWith('--')) return undefined;
  const closest = closestName(quoted.slice(2).split('=')[0] ?? '', Object.keys(options));
  return closest === undefined ? undefined : UsageMessages.didYouMeanOption(closest);
}

// Our sentence for what parseArgs refused, built from the option or argument it names.
function usageMessage(
  { code, message, quoted }: Refusal,
  definition: CommandDefinition,
  options: Readonly<Record<string, OptionSpec>>,
): string {
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return UsageMessages.unknownOption(quoted);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return UsageMessages.unexpectedArgument(definition.name, quoted);
  const name = /--([\w-]+)/.exec(quoted)?.[1];
  const spec = name === undefined ? undefined : options[name];
  if (name !== undefined && spec !== undefined) {
    return spec.type === 'string'
      ? UsageMessages.missingValue(name, spec.value ?? 'VALUE')
      : UsageMessages.unexpectedValue(name);
  }
  return message.split('.')[0] ?? message;
}
