// `git-alembic setup`: the steps of the setup issue. Everything is read and planned first, so a
// problem in any file stops setup before it changes anything; then each step is applied in
// order and reported, and the lock file brought in line last. Running it again changes nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { localBinary } from '../core/setup/driver-command.js';
import { UserError } from '../errors.js';
import { shownPath } from '../fs/write-target.js';
import { SetupMessages } from '../messages/git-integration.js';
import { PreCommitSetupMessages } from '../messages/pre-commit.js';
import { registerDriver } from './driver-step.js';
import { setupEnvironments } from './environments-step.js';
import {
  applyFileEdits,
  changes,
  creates,
  describeEdit,
  type FileEdit,
  readForEdit,
} from './file-edits.js';
import { type HiddenHook, hiddenDirectories, hiddenHooks } from './hidden-hooks.js';
import { planHistoryFiles } from './history-files-step.js';
import {
  chooseHookManager,
  type HookManager,
  type HookManagerSurvey,
  surveyHookManagers,
} from './hook-manager.js';
import { planHookFiles } from './hook-files-step.js';
import { planIgnore } from './ignore-step.js';
import { findPackageManager, installStep } from './install-step.js';
import { activateHusky, type HuskyPlan, planHusky } from './husky-step.js';
import { planPackageJson } from './package-step.js';
import { openProject, type Project } from './project.js';
import type { SetupOptions, SetupReport } from './setup-options.js';

export type { SetupOptions, SetupReport } from './setup-options.js';

/** Runs setup. @throws UserError (nothing changed) when it cannot be done. */
export async function runSetup(
  options: SetupOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<SetupReport> {
  const project = await openProject(options.directory, env, options.named);
  const husky = await planHusky(project);
  const survey = await surveyHookManagers(project, husky.huskyDirectory);
  // --yes creates the package.json only husky needs: without --hooks, it asks for husky.
  const yesMeansHusky = options.hooks === undefined && options.yes && !project.hasPackageJson;
  const choice = chooseHookManager(
    survey,
    project.hasPackageJson,
    yesMeansHusky ? 'husky' : options.hooks,
  );
  const yesNote =
    yesMeansHusky && survey.preCommitConfig ? PreCommitSetupMessages.YES_MEANS_HUSKY : undefined;
  const notes = [
    ...optional(choice.note),
    ...optional(yesNote),
    ...optional(otherSetUpNote(survey, choice.manager)),
  ];
  if (choice.manager === 'pre-commit') {
    const { defaultHookSource, runPreCommitSetup } = await import('./pre-commit-step.js');
    const source = defaultHookSource();
    const report = await runPreCommitSetup(
      project,
      options,
      { repo: options.hookSource?.repo ?? source.repo, rev: options.hookSource?.rev ?? source.rev },
      survey,
    );
    return { ...report, warnings: [...notes, ...report.warnings] };
  }
  if (!project.hasPackageJson && !options.yes) {
    throw new UserError(SetupMessages.packageJsonNeeded(project.packageDirectory), {
      hint: SetupMessages.PACKAGE_JSON_HINT,
    });
  }
  const plan = await planSetup(project, options, husky);
  const { packageEdit, hookEdits, others } = plan;

  applyFileEdits([packageEdit]);
  const huskyResult = await activateHusky(project, husky);
  applyFileEdits(hookEdits);
  const driverChanges = await registerDriver(project.git, project.packageRelative);
  applyFileEdits(others);
  const manager = findPackageManager(
    project.packageDirectory,
    project.topLevel,
    packageManagerField(packageEdit.after),
  );
  const where = {
    directory: project.packageDirectory,
    relative: project.packageRelative,
    env: project.env,
  };
  const install = installStep(manager, packageEdit.addedDependencies, options.install, where);

  const edited = (edits: readonly FileEdit[]): string[] => edits.filter(changes).map(describeEdit);
  return {
    topLevel: project.topLevel,
    changes: [
      ...edited([packageEdit]),
      ...huskyResult.changed,
      ...edited(hookEdits),
      ...driverChanges,
      ...edited(others),
      ...install.changes,
    ],
    warnings: [...notes, ...huskyResult.warnings, ...plan.warnings, ...install.warnings],
    nextSteps: [
      ...install.nextSteps,
      ...nextSteps(project, manager.name, [packageEdit, ...hookEdits, ...others], install.updated),
    ],
  };
}

/** Every edit setup makes, planned (and so every file read and checked) before any is applied. */
interface SetupPlan {
  readonly packageEdit: ReturnType<typeof planPackageJson>;
  readonly hookEdits: readonly FileEdit[];
  /** .gitattributes, the heads files, the config file, .gitignore. */
  readonly others: readonly FileEdit[];
  readonly warnings: readonly string[];
}

async function planSetup(
  project: Project,
  options: SetupOptions,
  husky: HuskyPlan,
): Promise<SetupPlan> {
  const environments = await setupEnvironments(
    options.directory,
    project.topLevel,
    project.env,
    options.selection,
  );
  const hidden = await hiddenHooksOf(project, husky);
  const hookEdits = planHookFiles({
    ...project,
    huskyDirectory: husky.huskyDirectory,
    hidden: hidden.filter((hook) => hook.supported),
  });
  const { headsEdits, attributes, config } = planHistoryFiles(
    project.topLevel,
    environments,
    hookEdits.map((edit) => edit.relative),
  );
  // A first package.json means a first node_modules, which git must ignore.
  const ignore = project.hasPackageJson
    ? { edit: undefined, added: [] }
    : await planIgnore(project.git, project.topLevel, project.packageRelative);
  const others = [
    attributes.edit,
    ...headsEdits,
    ...optional(config.edit),
    ...optional(ignore.edit),
  ];
  const created = [...hookEdits, ...others].filter(creates).map((edit) => edit.relative);
  const packageEdit = planPackageJson(
    readForEdit(project.topLevel, packageJsonPath(project)),
    created,
    attributes.pinned,
    ignore.added,
  );
  const warnings = [
    ...hidden
      .filter((hook) => !hook.supported)
      .map((hook) => SetupMessages.unsupportedHook(shownPath(hook.file, project.topLevel))),
    ...optional(config.warning),
    ...hookEdits
      .filter((edit) => edit.after?.includes('\r\n') === true)
      .map((edit) => SetupMessages.hookFileCrlf(edit.relative)),
  ];
  return { packageEdit, hookEdits, others, warnings };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

// git-alembic set up for the other manager too would run twice, or fight over the merge driver.
function otherSetUpNote(survey: HookManagerSurvey, manager: HookManager): string | undefined {
  const other: HookManager = manager === 'husky' ? 'pre-commit' : 'husky';
  return survey.ours[other] ? PreCommitSetupMessages.alsoSetUpFor(other) : undefined;
}

// `packageManager` from package.json's new text (JSON already checked by the edit).
function packageManagerField(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  return (JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>)['packageManager'];
}

/** package.json's path relative to the top level. */
export function packageJsonPath(project: Project): string {
  return project.packageRelative === ''
    ? 'package.json'
    : `${project.packageRelative}/package.json`;
}

// The hooks husky hides while it is active: those of .git/hooks and of a global or system
// core.hooksPath, and, when setup is what activates husky, those of the hooks path it replaces.
async function hiddenHooksOf(project: Project, husky: HuskyPlan): Promise<HiddenHook[]> {
  const previous = husky.alreadyActive ? undefined : husky.previous;
  const directories = await hiddenDirectories(
    project.git,
    project.commonDir,
    project.topLevel,
    previous,
  );
  return hiddenHooks(directories, path.join(project.topLevel, ...husky.huskyDirectory.split('/')));
}

// An install when our binary is not there yet; then what to commit (the lock file too, when the
// install step updated it).
function nextSteps(
  project: Project,
  manager: string,
  edits: readonly FileEdit[],
  updated: readonly string[],
): string[] {
  const steps: string[] = [];
  if (
    !existsSync(path.join(project.topLevel, ...localBinary(project.packageRelative).split('/')))
  ) {
    steps.push(SetupMessages.installNext(manager, project.packageRelative));
  }
  const changed = [...edits.filter(changes).map((edit) => edit.relative), ...updated];
  if (changed.length > 0) steps.push(SetupMessages.commitNext(changed));
  return steps;
}
