// `git-alembic setup --pre-commit`: for a repository whose hooks the Python pre-commit framework
// runs. Our repo entry and hook types go into .pre-commit-config.yaml; the heads files, the
// .gitattributes lines and (when needed) the config file are the husky setup's own steps; the
// record of what setup added goes into .git-alembicrc.json for `uninstall`. Then
// `pre-commit install`, when pre-commit is on the PATH. The merge driver cannot be registered
// here: its binary is the one in the framework's environment, which the first hook registers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  EMPTY_SETUP_RECORD,
  mergeSetupRecords,
  type SetupRecord,
  writeConfigSetupRecord,
} from '../core/edits/setup-record.js';
import { readSetupRecord } from '../config/validate-setup-record.js';
import { PreCommitSetupMessages } from '../messages/pre-commit.js';
import { packageFile } from '../fs/package-root.js';
import { SETUP_CONFIG_FILE } from './config-step.js';
import { setupEnvironments } from './environments-step.js';
import {
  applyFileEdits,
  changes,
  creates,
  describeEdit,
  type FileEdit,
  readForEdit,
} from './file-edits.js';
import { planHistoryFiles } from './history-files-step.js';
import type { HookManagerSurvey } from './hook-manager.js';
import { installPreCommitHooks } from './pre-commit-install.js';
import type { Project } from './project.js';
import type { SetupOptions, SetupReport } from './setup-options.js';

/** Where our hooks come from: the package's repository and the installed version's tag, unless overridden. */
export interface HookSource {
  readonly repo: string;
  readonly rev: string;
}

/** This package's repository URL (package.json `repository`) and `v<version>`. */
export function defaultHookSource(): HookSource {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
    version: string;
    repository?: { url?: string } | string;
  };
  const url =
    typeof manifest.repository === 'string'
      ? manifest.repository
      : (manifest.repository?.url ?? '');
  return { repo: url.replace(/^git\+/, '').replace(/\.git$/, ''), rev: `v${manifest.version}` };
}

/** Runs setup for the pre-commit framework in `project`. @throws UserError (nothing changed). */
export async function runPreCommitSetup(
  project: Project,
  options: SetupOptions,
  source: HookSource,
  survey: HookManagerSurvey,
): Promise<SetupReport> {
  const environments = await setupEnvironments(
    options.directory,
    project.topLevel,
    project.env,
    options.selection,
  );
  const { planPreCommitConfig } = await import('./pre-commit-config-step.js');
  const preCommit = planPreCommitConfig(project.topLevel, source);
  const { headsEdits, attributes, config } = planHistoryFiles(project.topLevel, environments, []);
  const others = [attributes.edit, ...headsEdits];
  const created = [preCommit.edit, ...others, ...(config.edit === undefined ? [] : [config.edit])]
    .filter(creates)
    .map((edit) => edit.relative);
  const record = planRecord(project.topLevel, config.edit, environments.workspace.config.file, {
    ...EMPTY_SETUP_RECORD,
    files: created,
    preCommit: preCommit.record,
  });

  const edits = [preCommit.edit, ...others, ...(record.edit === undefined ? [] : [record.edit])];
  applyFileEdits(edits);
  const install = await installPreCommitHooks(project, survey);
  const changed = edits.filter(changes).map((edit) => edit.relative);
  return {
    topLevel: project.topLevel,
    changes: [...edits.filter(changes).map(describeEdit), ...install.changes],
    warnings: [
      ...(config.warning === undefined ? [] : [config.warning]),
      ...(record.warning === undefined ? [] : [record.warning]),
      ...install.warnings,
    ],
    nextSteps: [
      ...install.nextSteps,
      PreCommitSetupMessages.DRIVER_NEXT,
      ...(changed.length > 0 ? [PreCommitSetupMessages.commitNext(changed)] : []),
    ],
  };
}

/**
 * The record's edit: into the config file setup writes (or finds) when it is JSON, else none
 * and a warning. A record only extends an earlier one, so re-runs keep what the first added.
 */
function planRecord(
  topLevel: string,
  configEdit: FileEdit | undefined,
  configFile: string | undefined,
  added: SetupRecord,
): { edit?: FileEdit; warning?: string } {
  const relative =
    configFile === undefined
      ? SETUP_CONFIG_FILE
      : path.relative(topLevel, path.resolve(topLevel, configFile)).split(path.sep).join('/');
  if (relative !== SETUP_CONFIG_FILE && relative !== '.git-alembicrc')
    return { warning: PreCommitSetupMessages.recordNotKept(relative) };
  const target = readForEdit(topLevel, relative);
  const start =
    configEdit?.relative === relative ? (configEdit.after ?? '{}\n') : (target.before ?? '{}\n');
  const earlier = recordOf(start, relative);
  const files = target.before === undefined ? [...added.files, relative] : added.files;
  const merged = mergeSetupRecords(earlier, { ...added, files: [...new Set(files)] });
  const after = writeConfigSetupRecord(start, merged, relative);
  const summary =
    configEdit?.relative === relative
      ? `${configEdit.summary}; ${PreCommitSetupMessages.RECORD_WRITTEN}`
      : PreCommitSetupMessages.RECORD_WRITTEN;
  return { edit: { ...target, after, summary } };
}

// The record already in a config file's text (its `setup` key, validated), or an empty one.
function recordOf(text: string, relative: string): SetupRecord {
  writeConfigSetupRecord(text, EMPTY_SETUP_RECORD, relative);
  const value = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  return readSetupRecord(value, 'setup', { file: relative, key: '' }) ?? EMPTY_SETUP_RECORD;
}
