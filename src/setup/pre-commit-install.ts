// `pre-commit install` after setup, when the framework is on the PATH and our hook types are not
// all installed yet: it installs every type in default_install_hook_types. It refuses while
// core.hooksPath is set, which we say up front, husky's or not.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { OUR_HOOK_TYPES } from '../core/setup/pre-commit-hooks.js';
import { findProgram } from '../fs/find-program.js';
import { readConfig, writeLocalConfig } from '../git/repository.js';
import { PreCommitSetupMessages } from '../messages/pre-commit.js';
import { LOCAL_STATE } from './husky-step.js';
import { type HookManagerSurvey, installedHookType } from './hook-manager.js';
import type { Project } from './project.js';

/** What installing did, and what is left to the user. */
export interface InstallReport {
  readonly changes: readonly string[];
  readonly warnings: readonly string[];
  readonly nextSteps: readonly string[];
}

/** Runs `pre-commit install` in the top level unless it has run. Never throws: a failure is a warning. */
export async function installPreCommitHooks(
  project: Project,
  survey: HookManagerSurvey,
): Promise<InstallReport> {
  const { hooksPath } = survey;
  if (hooksPath !== undefined) {
    const warning = survey.huskyActive
      ? PreCommitSetupMessages.huskyOwnsHooks(hooksPath)
      : PreCommitSetupMessages.hooksPathSet(hooksPath);
    return { changes: [], warnings: [warning], nextSteps: [] };
  }
  const installedBefore = installedHookTypes(project.commonDir);
  if (OUR_HOOK_TYPES.every((type) => installedBefore.includes(type)))
    return { changes: [], warnings: [], nextSteps: [] };
  const program = findProgram('pre-commit', project.topLevel, project.env);
  if (program === undefined)
    return { changes: [], warnings: [], nextSteps: [PreCommitSetupMessages.INSTALL_NEXT] };
  const { status, output } = await run(program, ['install'], project.topLevel, project.env);
  if (status !== 0)
    return {
      changes: [],
      warnings: [
        PreCommitSetupMessages.installFailed(output.trim().split('\n').at(-1) ?? `exit ${status}`),
      ],
      nextSteps: [],
    };
  const types = [...output.matchAll(/installed at \S*hooks[/\\](\S+)/g)].map(
    (match) => match[1] ?? '',
  );
  // Per clone, like husky's activation: uninstall takes out what this install put there.
  const added = types.filter((type) => !installedBefore.includes(type));
  const recorded = await installedBySetup(project);
  if (added.some((type) => !recorded.includes(type)))
    await writeLocalConfig(
      project.git,
      INSTALLED_KEY,
      [...new Set([...recorded, ...added])].join(' '),
    );
  return { changes: [PreCommitSetupMessages.installed(types)], warnings: [], nextSteps: [] };
}

/** The repository's own config key listing the hook types setup's `pre-commit install` added here. */
const INSTALLED_KEY = `${LOCAL_STATE.section}.preCommitInstalled`;

/** The hook types setup's `pre-commit install` added in this clone. */
export async function installedBySetup(project: Project): Promise<string[]> {
  return ((await readConfig(project.git, INSTALLED_KEY, { scope: 'local' })) ?? '')
    .split(' ')
    .filter((type) => type !== '');
}

// Every hook type pre-commit has installed in the hooks directory.
function installedHookTypes(commonDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(commonDir, 'hooks'));
  } catch {
    // No hooks directory: nothing installed.
    return [];
  }
  return names.filter((name) => installedHookType(commonDir, name) === name);
}

// Runs `program` (argv, no shell); never rejects.
function run(
  program: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(program, [...args], { cwd, env, windowsHide: true }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 127;
      resolve({ status, output: `${stdout}${stderr}` });
    });
  });
}

/** `pre-commit uninstall --hook-type …` for the hook types setup added; a line saying what happened. */
export async function uninstallPreCommitHooks(
  project: Project,
  types: readonly string[],
): Promise<string[]> {
  if (types.length === 0) return [];
  const program = findProgram('pre-commit', project.topLevel, project.env);
  const args = ['uninstall', ...types.flatMap((type) => ['--hook-type', type])];
  if (program === undefined) return [PreCommitSetupMessages.uninstallNext(args)];
  const { status, output } = await run(program, args, project.topLevel, project.env);
  return [
    status === 0
      ? PreCommitSetupMessages.uninstalled(types)
      : PreCommitSetupMessages.installFailed(output.trim().split('\n').at(-1) ?? `exit ${status}`),
  ];
}
