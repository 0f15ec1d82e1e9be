// The shape every command file exports, and the declarative option table it is parsed from.
import { statSync } from 'node:fs';
import path from 'node:path';

import { UsageError, UserError } from '../errors.js';
import type { ExitCode } from '../exit-codes.js';
import { UsageMessages } from '../messages/cli.js';
import type { CommandContext } from './context.js';
import type { Printer } from './output.js';

/** One option of a command, as `node:util` parseArgs takes it plus help text. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** Placeholder shown in help, e.g. `FILE`. */
  readonly value?: string;
  readonly description: string;
}

/** What `--help` shows and how arguments are parsed. */
export interface CommandDefinition {
  readonly name: string;
  readonly summary: string;
  /** The part after `git-alembic <name>`, e.g. `[-c FILE] [--json]`. */
  readonly usage: string;
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Name of the positional arguments in help, or undefined when none are accepted. */
  readonly positionals?: string;
  /**
   * Arguments reach `run` as positionals, unparsed (only a lone `--help`/`-h` shows help): for
   * commands git calls with paths that may start with `-`, such as the merge driver's `%P`.
   */
  readonly passThrough?: boolean;
  readonly examples: readonly string[];
}

/** Parsed arguments handed to `run`. */
export interface ParsedArguments {
  readonly values: Readonly<
    Record<string, string | boolean | ReadonlyArray<string | boolean> | undefined>
  >;
  readonly positionals: readonly string[];
}

/** Everything a command receives besides its arguments. */
export interface CommandRuntime {
  readonly ctx: CommandContext;
  readonly out: Printer;
}

/** A command file's exports. */
export interface CommandModule {
  readonly definition: CommandDefinition;
  run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode>;
}

/** Options shared by every command that reads an Alembic environment. */
export const ENVIRONMENT_OPTIONS = {
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    description: 'alembic.ini or pyproject.toml to read (default: discover)',
  },
  name: {
    type: 'string',
    short: 'n',
    value: 'SECTION',
    description: 'ini section of the environment (default: alembic)',
  },
} as const satisfies Record<string, OptionSpec>;

/** Reads a string option (parseArgs gives string | undefined for `type: 'string'`). */
export function stringOption(args: ParsedArguments, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `-c` and `-n`, as the workspace takes them. */
export function environmentSelection(args: ParsedArguments): {
  configFile: string | undefined;
  section: string | undefined;
} {
  return { configFile: stringOption(args, 'config'), section: stringOption(args, 'name') };
}

/**
 * Reads an option that must be one of `choices` (`--format`, `--hooks`): `fallback` when absent
 * (undefined when no fallback is given); UsageError naming the option and the choices otherwise.
 */
export function choiceOption<T extends string>(
  args: ParsedArguments,
  name: string,
  choices: readonly T[],
  fallback: T,
): T;
export function choiceOption<T extends string>(
  args: ParsedArguments,
  name: string,
  choices: readonly T[],
): T | undefined;
export function choiceOption<T extends string>(
  args: ParsedArguments,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined {
  const value = stringOption(args, name) ?? fallback;
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(
      UsageMessages.unknownChoice(name, value),
      UsageMessages.choicesHint(choices),
    );
  return value as T;
}

/** Reads a boolean option. */
export function booleanOption(args: ParsedArguments, name: string): boolean {
  return args.values[name] === true;
}

/** The directory `--cwd` names (resolved from `cwd`), or `cwd`; UserError when it is not a directory. */
export function chosenDirectory(cwd: string, named: string | undefined): string {
  if (named === undefined) return cwd;
  const directory = path.resolve(cwd, named);
  if (statSync(directory, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new UserError(UsageMessages.noSuchDirectory(named), { hint: UsageMessages.CWD_HINT });
  }
  return directory;
}
