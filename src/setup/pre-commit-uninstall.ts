// `git-alembic uninstall` after `setup --pre-commit`: the record in .git-alembicrc.json says what
// setup added to .pre-commit-config.yaml and which files it created; those come out, our
// .gitattributes lines and the driver go, and `pre-commit uninstall` removes the hook types
// setup added from .git/hooks. Nothing else is touched.
import { removeConfigSetupRecord, type SetupRecord } from '../core/edits/setup-record.js';
import { readSetupRecord } from '../config/validate-setup-record.js';
import { PreCommitSetupMessages } from '../messages/pre-commit.js';
import { SETUP_CONFIG_FILE } from './config-step.js';
import { unregisterDriver } from './driver-step.js';
import { applyFileEdits, describeEdit, type FileEdit, readForEdit } from './file-edits.js';
import { ATTRIBUTES_FILE } from './heads-step.js';
import { PRE_COMMIT_CONFIG } from './hook-manager.js';
import { installedBySetup, uninstallPreCommitHooks } from './pre-commit-install.js';
import type { Project } from './project.js';
import { SetupMessages } from '../messages/git-integration.js';
import { planAttributesRemoval, planCreatedFileRemoval } from './uninstall-files.js';

/** The files a pre-commit setup keeps its record in. */
const RECORD_FILES = [SETUP_CONFIG_FILE, '.git-alembicrc'];

/** A pre-commit setup's record and the file holding it. */
export interface PreCommitSetup {
  readonly relative: string;
  readonly text: string;
  readonly record: SetupRecord & { readonly preCommit: NonNullable<SetupRecord['preCommit']> };
}

/** The record a `setup --pre-commit` left in the top level, if any. @throws ConfigError for an invalid record. */
export function findPreCommitSetup(topLevel: string): PreCommitSetup | undefined {
  for (const relative of RECORD_FILES) {
    const { before } = readForEdit(topLevel, relative);
    if (before === undefined || !before.includes('"preCommit"')) continue;
    const value = JSON.parse(before.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    const record = readSetupRecord(value, 'setup', { file: relative, key: '' });
    if (record?.preCommit !== undefined)
      return { relative, text: before, record: { ...record, preCommit: record.preCommit } };
  }
  return undefined;
}

/** Undoes the setup `found` records; returns a line per change. */
export async function runPreCommitUninstall(
  project: Project,
  found: PreCommitSetup,
): Promise<string[]> {
  const { removeFromPreCommitConfig } = await import('./pre-commit-config.js');
  const { record } = found;
  const config = readForEdit(project.topLevel, PRE_COMMIT_CONFIG);
  const configText =
    config.before === undefined
      ? undefined
      : removeFromPreCommitConfig(config.before, record.preCommit, PRE_COMMIT_CONFIG).text;
  const edits: FileEdit[] = [
    ...(config.before === undefined || configText === config.before
      ? []
      : [{ ...config, after: configText, summary: PreCommitSetupMessages.ENTRY_REMOVED }]),
    ...planAttributesRemoval(project.topLevel, record),
    ...planCreatedFileRemoval(project.topLevel, record, [
      ATTRIBUTES_FILE,
      PRE_COMMIT_CONFIG,
      found.relative,
    ]),
    recordRemoval(project.topLevel, found),
  ];
  applyFileEdits(edits);
  const driverRemoved = await unregisterDriver(project.git);
  // The types setup added to the config, and those its `pre-commit install` put in this clone
  // (the repository's own config; husky's uninstall step removes that section).
  const hooks = await uninstallPreCommitHooks(project, [
    ...new Set([...record.preCommit.hookTypes, ...(await installedBySetup(project))]),
  ]);
  return [
    ...edits.map(describeEdit),
    ...(driverRemoved ? [SetupMessages.DRIVER_REMOVED] : []),
    ...hooks,
  ];
}

// The record out of its file; the file itself when setup created it and nothing else is left.
function recordRemoval(topLevel: string, found: PreCommitSetup): FileEdit {
  const target = readForEdit(topLevel, found.relative);
  const text = removeConfigSetupRecord(found.text, found.relative);
  const empty = text.replace(/\s/g, '') === '{}' && found.record.files.includes(found.relative);
  return {
    ...target,
    after: empty ? undefined : text,
    summary: empty ? SetupMessages.FILE_DELETED : PreCommitSetupMessages.RECORD_REMOVED,
  };
}
