// The git-flow case, played in the demo repository: a project with git-alembic set up, then a
// hotfix migration on `main` and a feature migration on `dev`, both on the same parent. Each
// step is shown as the command a user would type; setup's own report is shown as it prints it.
import { writeFileSync } from 'node:fs';

import { UserError } from '../errors.js';
import { DemoMessages } from '../messages/demo.js';
import { installOwnPackage, type OwnPackage } from './demo-install.js';
import { DEMO_FILES, writeDemoFeature, writeDemoHotfix, writeDemoProject } from './demo-project.js';
import type { DemoShell, ProcessResult } from './demo-shell.js';

/** Where the demo tells its story. */
export interface DemoOutput {
  heading(title: string): void;
  /** A command line, shown as `$ line`. */
  command(line: string): void;
  /** Text as a program printed it, or an explanation. */
  text(text: string): void;
}

// Local to the demo repository: commits need an identity, and signing would need a key.
const LOCAL_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['user.name', 'git-alembic demo'],
  ['user.email', 'demo@example.invalid'],
  ['commit.gpgSign', 'false'],
];

/** Step 1: the repository, the project, git-alembic installed and set up, all committed. */
export async function createProject(
  shell: DemoShell,
  own: OwnPackage,
  out: DemoOutput,
): Promise<void> {
  out.heading(DemoMessages.PROJECT_HEADING);
  out.command('git init -b main');
  await shell.git(['init', '-q', '-b', 'main']);
  for (const [key, value] of LOCAL_CONFIG) await shell.git(['config', key, value]);
  writeDemoProject(shell.directory);
  writeFileSync(
    shell.path('package.json'),
    `${JSON.stringify({ name: 'alembic-demo', private: true }, null, 2)}\n`,
  );
  writeFileSync(shell.path('.gitignore'), 'node_modules\n');
  out.text(DemoMessages.project(shell.directory));
  await commitAll(shell, out, 'Create accounts');
  installOwnPackage(shell.directory, own);
  out.text(DemoMessages.installed(own.root));
  out.command('npx git-alembic setup');
  const setup = await shell.cli(own.bin, ['setup']);
  showOutput(out, setup);
  if (setup.status !== 0)
    throw new UserError(DemoMessages.stepFailed('git-alembic setup', setup.status));
  await commitAll(shell, out, 'Set up git-alembic');
}

/** Step 2: `dev` adds the feature migration, then `main` the hotfix, both on the base revision. */
export async function forkBranches(shell: DemoShell, out: DemoOutput): Promise<void> {
  out.heading(DemoMessages.BRANCHES_HEADING);
  out.command('git switch -c dev');
  await shell.git(['switch', '-q', '-c', 'dev']);
  writeDemoFeature(shell.directory);
  out.text(DemoMessages.revisionAdded(DEMO_FILES.feature));
  await commitAll(shell, out, 'Add invoices');
  out.command('git switch main');
  await shell.git(['switch', '-q', 'main']);
  writeDemoHotfix(shell.directory);
  out.text(DemoMessages.revisionAdded(DEMO_FILES.hotfix));
  await commitAll(shell, out, 'Hotfix: index accounts.email');
}

/** Shows a program's output: stdout, then stderr (where git and the hooks report). */
export function showOutput(out: DemoOutput, result: ProcessResult): void {
  const text = `${result.stdout}${result.stderr}`.replace(/\n+$/, '');
  if (text !== '') out.text(text);
}

// `git add -A && git commit`: the hooks run (pre-commit keeps the heads file current).
async function commitAll(shell: DemoShell, out: DemoOutput, message: string): Promise<void> {
  out.command(`git add -A && git commit -m ${JSON.stringify(message)}`);
  await shell.git(['add', '-A']);
  const commit = await shell.attempt('git', ['commit', '-q', '-m', message]);
  showOutput(out, commit);
  if (commit.status !== 0)
    throw new UserError(DemoMessages.stepFailed('git commit', commit.status));
}
