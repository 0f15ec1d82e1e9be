// `git-alembic demo`: the main job on a built-in example, for a first look without a project.
import { ExitCode } from '../../exit-codes.js';
import { booleanOption, type CommandDefinition, type CommandRuntime, type ParsedArguments } from '../command.js';

export const definition: CommandDefinition = {
  name: 'demo',
  summary: 'build a throwaway project with two heads and run the commands on it',
  usage: '[--clean]',
  description:
    'Creates an Alembic project in a temporary directory where a hotfix and a feature revision\n' +
    'both revise the same parent, then shows `heads`, `check` and `graph` on it.',
  options: {
    clean: { type: 'boolean', description: 'remove the temporary project afterwards' },
  },
  examples: ['git-alembic demo', 'npm run demo', 'git-alembic demo --clean'],
};

/** Runs `demo`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { runDemo } = await import('../../demo/run-demo.js');
  return runDemo({ clean: booleanOption(args, 'clean') }, runtime);
}
