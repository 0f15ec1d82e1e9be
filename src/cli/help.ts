// Renders --help text from the declarative command definitions.
import type { CommandDefinition, OptionSpec } from './command.js';

/** Options every command accepts (pass-through commands only --help: git owns their arguments). */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  quiet: { type: 'boolean', short: 'q', description: 'print only results, warnings and errors' },
  verbose: {
    type: 'boolean',
    short: 'v',
    description: 'print more detail (what was read, and how long it took)',
  },
} as const satisfies Record<string, OptionSpec>;

/** The options a command accepts: its own, then the global ones. */
export function acceptedOptions(
  definition: CommandDefinition,
): Readonly<Record<string, OptionSpec>> {
  return definition.passThrough === true
    ? { help: GLOBAL_OPTIONS.help }
    : { ...definition.options, ...GLOBAL_OPTIONS };
}

/** `git-alembic <command> --help`. */
export function commandHelp(definition: CommandDefinition): string {
  const lines = [
    `Usage: git-alembic ${definition.name} ${definition.usage}`.trimEnd(),
    '',
    definition.summary,
  ];
  if (definition.description) lines.push('', definition.description);
  lines.push('', 'Options:', ...optionLines(acceptedOptions(definition)));
  if (definition.examples.length > 0)
    lines.push('', 'Examples:', ...definition.examples.map((example) => `  ${example}`));
  return `${lines.join('\n')}\n`;
}

/** `git-alembic --help`. */
export function programHelp(commands: Readonly<Record<string, { summary: string }>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: git-alembic <command> [options]',
    '',
    'Keeps Alembic migration histories whole across git merges.',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`),
    '',
    'Options:',
    ...optionLines({
      help: GLOBAL_OPTIONS.help,
      version: { type: 'boolean', short: 'V', description: 'print the version' },
    }),
    '',
    'Every command but driver and hook also takes -q/--quiet and -v/--verbose.',
    'Run `git-alembic <command> --help` (or `git-alembic help <command>`) for its options and examples.',
    'Set GIT_ALEMBIC=0 to turn git-alembic off; GIT_ALEMBIC_DEBUG=1 prints stack traces.',
    '',
    'Examples:',
    '  npx git-alembic setup         # heads files, merge driver and hooks in this repository',
    '  git-alembic check             # exit 1 when a branch of the history has two heads',
    '  git-alembic merge             # write the merge revision for each divergence',
    '',
  ].join('\n');
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const entries = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...entries.map(([flag]) => flag.length));
  return entries.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}
