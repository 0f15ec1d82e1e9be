// `git-alembic demo`: the main job on a built-in example. In a throwaway repository it installs
// this package (no network), runs `git-alembic setup`, forks the history on two branches as
// git-flow does, runs a real `git merge dev` whose hooks write the merge revision, and shows the
// graphs, the merge revision and the merge commit. It succeeds only when one head is left.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ExitCode } from '../exit-codes.js';
import { DemoMessages } from '../messages/demo.js';
import type { Runtime } from '../runtime/context.js';
import type { Output } from '../runtime/output.js';
import { combinedGraph, filesNoParentHad, graphOf } from './demo-inspect.js';
import { ownPackage } from './demo-install.js';
import { demoEnvironment, DemoShell } from './demo-shell.js';
import { createProject, type DemoOutput, forkBranches, showOutput } from './demo-story.js';

/** Demo options. */
export interface DemoOptions {
  /** Remove the temporary directory at the end. */
  readonly clean: boolean;
}

// The merge and what it left: HEAD's parents and the file list, as commands a user can repeat.
const COMMIT_COMMANDS: ReadonlyArray<{ readonly shown: string; readonly args: readonly string[] }> =
  [
    {
      shown: 'git log -1 --format="%h %s%nparents: %p"',
      args: ['log', '-1', '--format=%h %s%nparents: %p'],
    },
    {
      shown: 'git diff-tree --name-status -r HEAD^1 HEAD',
      args: ['diff-tree', '--name-status', '-r', 'HEAD^1', 'HEAD'],
    },
  ];

/** Runs the demo; exit 0 only when the merge left one head. */
export async function runDemo(options: DemoOptions, { ctx, out }: Runtime): Promise<ExitCode> {
  const own = ownPackage();
  const root = mkdtempSync(path.join(realpathSync(tmpdir()), 'git-alembic-demo-'));
  const repository = path.join(root, 'project');
  mkdirSync(repository);
  const globalConfig = path.join(root, 'gitconfig');
  writeFileSync(globalConfig, '');
  const shell = new DemoShell(repository, demoEnvironment(ctx.env, globalConfig));
  const output = demoOutput(out);
  try {
    out.result(DemoMessages.INTRO);
    await createProject(shell, own, output);
    await forkBranches(shell, output);
    output.heading(DemoMessages.BEFORE_HEADING);
    output.text(
      trimEnd(
        (await combinedGraph(shell, ['main', 'dev'], path.join(root, 'before-merge'))).picture,
      ),
    );
    return await mergeAndShow(shell, output);
  } finally {
    if (options.clean) {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
      out.result(`\n${DemoMessages.removed(root)}`);
    } else {
      out.result(`\n${DemoMessages.lookAround(repository)}`);
    }
  }
}

// Steps 4 to 7: the merge, the merge revision, the merge commit, and the graph with one head.
async function mergeAndShow(shell: DemoShell, output: DemoOutput): Promise<ExitCode> {
  output.heading(DemoMessages.MERGE_HEADING);
  output.command('git merge dev');
  const merge = await shell.attempt('git', ['merge', 'dev']);
  showOutput(output, merge);
  if (merge.status !== 0) {
    output.text(DemoMessages.stepFailed('git merge dev', merge.status));
    return ExitCode.CHECK_FAILED;
  }
  await showMergeRevisions(shell, output);
  output.heading(DemoMessages.COMMIT_HEADING);
  for (const { shown, args } of COMMIT_COMMANDS) {
    output.command(shown);
    output.text(trimEnd(await shell.git(args)));
  }
  return showOutcome(shell, output);
}

// The files the merge commit added that neither branch had: the merge revision the hook wrote.
async function showMergeRevisions(shell: DemoShell, output: DemoOutput): Promise<void> {
  const created = await filesNoParentHad(shell);
  if (created.length === 0) output.text(DemoMessages.NO_MERGE_REVISION);
  for (const file of created) {
    output.heading(DemoMessages.mergeRevisionHeading(file));
    output.text(trimEnd(readFileSync(shell.path(file), 'utf8')));
  }
}

// The graph after the merge, and the verdict: exactly one head.
async function showOutcome(shell: DemoShell, output: DemoOutput): Promise<ExitCode> {
  output.heading(DemoMessages.AFTER_HEADING);
  output.command('git-alembic graph');
  const after = await graphOf(shell.directory, shell.env);
  output.text(trimEnd(after.picture));
  const [head] = after.heads;
  if (after.heads.length !== 1 || head === undefined) {
    output.text(`\n${DemoMessages.notOneHead(after.heads)}`);
    return ExitCode.CHECK_FAILED;
  }
  output.text(`\n${DemoMessages.oneHead(head)}`);
  return ExitCode.OK;
}

function trimEnd(text: string): string {
  return text.replace(/\n+$/, '');
}

// Numbered headings in bold and commands in cyan, on a terminal only (the CLI's output decides).
function demoOutput(out: Output): DemoOutput {
  let step = 0;
  return {
    heading: (title) => out.result(`\n${out.style(DemoMessages.heading(++step, title), 'bold')}`),
    command: (line) => out.result(out.style(DemoMessages.command(line), 'cyan')),
    text: (text) => out.result(text),
  };
}
