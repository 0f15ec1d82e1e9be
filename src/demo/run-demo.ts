// Runs the demo: builds the forked project in a temp dir and shows heads, check and graph on it.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ExitCode } from '../exit-codes.js';
import type { CommandRuntime } from '../cli/command.js';
import { main } from '../cli/main.js';
import { writeDemoFeature, writeDemoHotfix, writeDemoProject } from './demo-project.js';

/** Demo options. */
export interface DemoOptions {
  readonly clean: boolean;
}

/** Builds the demo project and runs the read-only commands on it. */
export async function runDemo(options: DemoOptions, { ctx, out }: CommandRuntime): Promise<ExitCode> {
  const directory = mkdtempSync(join(realpathSync(tmpdir()), 'git-alembic-demo-'));
  writeDemoProject(directory);
  writeDemoHotfix(directory);
  writeDemoFeature(directory);
  const inDemo = { ...ctx, cwd: directory };
  const steps: Array<[string, string[]]> = [
    ['The two branches each added a revision on the same parent. Heads now:', ['heads']],
    ['check fails, as CI would:', ['check']],
    ['The graph:', ['graph']],
  ];
  let status: ExitCode = ExitCode.OK;
  for (const [title, argv] of steps) {
    out.result(`\n${out.style(`$ git-alembic ${argv.join(' ')}`, 'bold')}    # ${title}`);
    const code = await main(argv, inDemo);
    if (code !== ExitCode.OK && code !== ExitCode.CHECK_FAILED) status = code;
  }
  if (options.clean) rmSync(directory, { recursive: true, force: true });
  else out.result(`\nThe project is in ${directory}; look around, or run \`git-alembic demo --clean\` next time.`);
  return status;
}
