// Renders --help text from the declarative command definitions.
import type { CommandDefinition, OptionSpec } from './command.js';

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  quiet: { type: 'boolean', short: 'q', description: 'print only results and errors' },
  verbose: { type: 'boolean', short: 'v', description: 'explain what is happening' },
};

/** `git-alembic <command> --help`. */
export function commandHelp(definition: CommandDefinition): string {
  const lines = [`Usage: git-alembic ${definition.name} ${definition.usage}`.trimEnd(), '', definition.summary];
  if (definition.description) lines.push('', definition.description);
  lines.push('', 'Options:', ...optionLines({ ...definition.options, ...GLOBAL_OPTIONS }));
  if (definition.examples.length > 0) lines.push('', 'Examples:', ...definition.examples.map((example) => `  ${example}`));
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
    ...optionLines({ ...GLOBAL_OPTIONS, version: { type: 'boolean', description: 'print the version' } }),
    '',
    'Run `git-alembic <command> --help` for the options of one command.',
    'Set GIT_ALEMBIC=0 to turn git-alembic off; GIT_ALEMBIC_DEBUG=1 prints stack traces.',
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
