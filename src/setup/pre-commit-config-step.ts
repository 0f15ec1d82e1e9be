// Setup's edit of `.pre-commit-config.yaml` (a new file when there is none) and the part of the
// setup record that says what it added. Loaded only by setup --pre-commit: it loads `yaml`.
import type { PreCommitSetupRecord } from '../core/edits/setup-record.js';
import { OUR_HOOK_TYPES } from '../core/setup/pre-commit-hooks.js';
import { PreCommitSetupMessages } from '../messages/pre-commit.js';
import { type FileEdit, readForEdit } from './file-edits.js';
import { PRE_COMMIT_CONFIG } from './hook-manager.js';
import { addToPreCommitConfig, newPreCommitConfig, type RepoEntry } from './pre-commit-config.js';

/** The edit, and what it adds (for the record). */
export function planPreCommitConfig(
  topLevel: string,
  entry: RepoEntry,
): { edit: FileEdit; record: PreCommitSetupRecord } {
  const target = readForEdit(topLevel, PRE_COMMIT_CONFIG);
  if (target.before === undefined || target.before.trim() === '') {
    const record = {
      entry: true,
      hookTypes: OUR_HOOK_TYPES.filter((type) => type !== 'pre-commit'),
      hookTypesKey: true,
    };
    return {
      edit: {
        ...target,
        after: newPreCommitConfig(entry),
        summary: PreCommitSetupMessages.CONFIG_CREATED,
      },
      record,
    };
  }
  const added = addToPreCommitConfig(target.before, entry, PRE_COMMIT_CONFIG);
  const parts = [
    added.entryAdded
      ? PreCommitSetupMessages.entryAdded(entry.repo, entry.rev)
      : PreCommitSetupMessages.ENTRY_PRESENT,
    ...(added.hookTypesAdded.length > 0
      ? [PreCommitSetupMessages.hookTypesAdded(added.hookTypesAdded)]
      : []),
  ];
  const record = {
    entry: added.entryAdded,
    hookTypes: added.hookTypesAdded,
    hookTypesKey: added.hookTypesKeyAdded,
  };
  return { edit: { ...target, after: added.text, summary: parts.join('; ') }, record };
}
