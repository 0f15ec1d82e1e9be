// `git-alembic setup`: the nine steps of the setup issue. Everything is read and planned first,
// so a problem in any file stops setup before it changes anything; then each step is applied
// in order and reported. Running it again changes nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { localBinary } from '../core/setup/driver-command.js';
import { UserError } from '../errors.js';
import { SetupMessages } from '../messages/git-integration.js';
import type { EnvironmentSelection } from '../project/workspace.js';
import { planConfigFile } from './config-step.js';
import { registerDriver } from './driver-step.js';
import { setupEnvironments } from './environments-step.js';
import { applyFileEdits, changes, creates, describeEdit, type FileEdit, readForEdit } from './file-edits.js';
import { planAttributes, planHeadsFiles } from './heads-step.js';
import { type HiddenHook, hiddenHooksIn, previousHooksSource } from './hidden-hooks.js';
import { chooseHookManager, type HookManager } from './hook-manager.js';
import { planHookFiles } from './hook-files-step.js';
import { activateHusky, type HuskyPlan, planHusky } from './husky-step.js';
import { planPackageJson } from './package-step.js';
import { displayPath, openProject, type Project } from './project.js';

/** How setup was asked to run. */
export interface SetupOptions {
  /** Where to start: `--cwd`, or the working directory. */
  readonly directory: string;
  /** Whether the user named the directory (`--cwd`): a new package.json goes there. */
  readonly named: boolean;
  /** `--yes`: create a minimal package.json when there is none. */
  readonly yes: boolean;
  readonly selection: EnvironmentSelection;
  /** `--hooks` (`--pre-commit` is `--hooks pre-commit`); undefined lets setup choose. */
  readonly hooks?: HookManager | undefined;
  /** `--pre-commit-repo` / `--pre-commit-rev`: where the pre-commit entry takes our hooks from. */
  readonly hookSource?: { readonly repo?: string | undefined; readonly rev?: string | undefined };
}

/** What setup did, in the order of its steps. */
export interface SetupReport {
  readonly topLevel: string;
  readonly changes: readonly string[];
  readonly warnings: readonly string[];
  readonly nextSteps: readonly string[];
}

/** Runs setup. @throws UserError (nothing changed) when it cannot be done. */
export async function runSetup(options: SetupOptions, env: Readonly<Record<string, string | undefined>>): Promise<SetupReport> {
  const project = await openProject(options.directory, env, options.named);
  const choice = await chooseHookManager(project, options.hooks);
  if (choice.manager === 'pre-commit') {
    const { defaultHookSource, runPreCommitSetup } = await import('./pre-commit-step.js');
    const source = defaultHookSource();
    const report = await runPreCommitSetup(project, options, { repo: options.hookSource?.repo ?? source.repo, rev: options.hookSource?.rev ?? source.rev });
    return { ...report, warnings: [...(choice.note === undefined ? [] : [choice.note]), ...report.warnings] };
  }
  if (!project.hasPackageJson && !options.yes) {
    throw new UserError(SetupMessages.packageJsonNeeded(project.packageDirectory), { hint: SetupMessages.PACKAGE_JSON_HINT });
  }
  const environments = await setupEnvironments(options.directory, project.topLevel, project.env, options.selection);
  const husky = await planHusky(project);
  const hidden = hiddenHooks(project, husky);
  const hookEdits = planHookFiles({ ...project, huskyDirectory: husky.huskyDirectory, hidden: hidden.filter((hook) => hook.supported) });
  const allHeads = planHeadsFiles(environments.histories, project.topLevel);
  const headsEdits = allHeads.filter((edit) => !path.isAbsolute(edit.relative));
  const attributes = planAttributes(project.topLevel, headsEdits.map((edit) => edit.relative), hookEdits.map((edit) => edit.relative));
  const config = planConfigFile(project.topLevel, environments.toList, environments.workspace.config.file);
  const others = [attributes.edit, ...headsEdits, ...(config.edit === undefined ? [] : [config.edit])];
  const created = [...hookEdits, ...others].filter(creates).map((edit) => edit.relative);
  const packageEdit = planPackageJson(readForEdit(project.topLevel, packageJsonPath(project)), created, attributes.pinned);

  applyFileEdits([packageEdit]);
  const huskyResult = await activateHusky(project, husky);
  applyFileEdits(hookEdits);
  const driverChanges = await registerDriver(project.git, project.packageRelative);
  applyFileEdits(others);

  const edited = (edits: readonly FileEdit[]): string[] => edits.filter(changes).map(describeEdit);
  const outside = allHeads.filter((edit) => path.isAbsolute(edit.relative));
  return {
    topLevel: project.topLevel,
    changes: [...edited([packageEdit]), ...huskyResult.changed, ...edited(hookEdits), ...driverChanges, ...edited(others)],
    warnings: [
      ...(choice.note === undefined ? [] : [choice.note]),
      ...huskyResult.warnings,
      ...hidden.filter((hook) => !hook.supported).map((hook) => SetupMessages.unsupportedHook(displayPath(hook.file, project.topLevel))),
      ...outside.map((edit) => SetupMessages.headsFileOutside(edit.relative)),
      ...(config.warning === undefined ? [] : [config.warning]),
      ...hookEdits.filter((edit) => edit.after?.includes('\r\n') === true).map((edit) => SetupMessages.hookFileCrlf(edit.relative)),
    ],
    nextSteps: nextSteps(project, [packageEdit, ...hookEdits, ...others]),
  };
}

/** package.json's path relative to the top level. */
export function packageJsonPath(project: Project): string {
  return project.packageRelative === '' ? 'package.json' : `${project.packageRelative}/package.json`;
}

// The hooks husky hides while it is active: every executable hook in .git/hooks, and, when setup
// is what activates husky, those of the hooks path it replaces.
function hiddenHooks(project: Project, husky: HuskyPlan): HiddenHook[] {
  const huskyDirectory = path.join(project.topLevel, ...husky.huskyDirectory.split('/'));
  const notHusky = [huskyDirectory, path.join(huskyDirectory, '_')];
  const gitDirectory = path.join(project.commonDir, 'hooks');
  const inGitDirectory = hiddenHooksIn(gitDirectory, { kind: 'git-dir' }, notHusky);
  if (husky.alreadyActive || husky.previous === undefined || husky.previous.value === '') return inGitDirectory;
  const { source, directory } = previousHooksSource(husky.previous, project.commonDir, project.topLevel);
  return [...inGitDirectory, ...hiddenHooksIn(directory, source, [...notHusky, gitDirectory])];
}

// npm install when our binary is not there yet; then what to commit.
function nextSteps(project: Project, edits: readonly FileEdit[]): string[] {
  const steps: string[] = [];
  if (!existsSync(path.join(project.topLevel, ...localBinary(project.packageRelative).split('/')))) {
    steps.push(SetupMessages.installNext(project.packageRelative));
  }
  const changed = edits.filter(changes).map((edit) => edit.relative);
  if (changed.length > 0) steps.push(SetupMessages.commitNext(changed));
  return steps;
}
