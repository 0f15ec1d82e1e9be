// `git-alembic demo`: the main job on a built-in example, for a first look without a project.
import type { ExitCode } from '../../exit-codes.js';
import {
  booleanOption,
  type CommandDefinition,
  type CommandRuntime,
  type ParsedArguments,
} from '../command.js';

export const definition: CommandDefinition = {
  name: 'demo',
  summary:
    'merge two branches that each add a migration, in a throwaway repository set up with git-alembic',
  usage: '[--clean]',
  description:
    'Creates a git repository in a temporary directory with an Alembic project, installs this\n' +
    'git-alembic into it (links, no network) and runs `git-alembic setup`. Then a hotfix migration on\n' +
    'main and a feature migration on dev, both on the same parent, and a real `git merge dev`: the\n' +
    'hook writes the merge revision into the merge commit. Shows the graph before and after, the\n' +
    'merge revision and the merge commit. Exits 0 when the merge left one head.',
  options: {
    clean: { type: 'boolean', description: 'remove the temporary repository at the end' },
  },
  examples: ['git-alembic demo', 'npm run demo', 'git-alembic demo --clean'],
};

/** Runs `demo`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { runDemo } = await import('../../demo/run-demo.js');
  return runDemo({ clean: booleanOption(args, 'clean') }, runtime);
}
