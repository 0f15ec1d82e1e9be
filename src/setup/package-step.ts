// Setup step 1 (and part of 2): git-alembic and husky in devDependencies, our step chained
// into `prepare`, and the record of all that under `"git-alembic": { "setup": … }`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { readSetupRecord } from '../config/validate-setup-record.js';
import { addSetupToPackageJson, type PrepareChange } from '../core/edits/package-json.js';
import { readPackageRoot } from '../core/edits/package-json-members.js';
import {
  EMPTY_SETUP_RECORD,
  mergeSetupRecords,
  type SetupRecord,
  SETUP_RECORD_PARENT,
  writeSetupRecord,
} from '../core/edits/setup-record.js';
import { SetupMessages } from '../messages/git-integration.js';
import type { EditTarget, FileEdit } from './file-edits.js';
import { packageFile } from '../fs/package-root.js';

/** The version specs setup writes: this package's own version, and the husky range it depends on. */
export function setupVersions(): { packageVersion: string; huskyVersion: string } {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  return {
    packageVersion: `^${manifest.version}`,
    huskyVersion: manifest.dependencies?.['husky'] ?? '^9.1.7',
  };
}

/** A minimal private package.json for a project without one (`setup --yes`). */
export function minimalPackageJson(directory: string): string {
  const name =
    path
      .basename(directory)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+/, '') || 'project';
  return `${JSON.stringify({ name, private: true }, null, 2)}\n`;
}

/** The record already in package.json text (validated), or an empty one. */
export function recordIn(text: string, relative: string): SetupRecord {
  readPackageRoot(text, relative);
  const value = (JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>)[
    SETUP_RECORD_PARENT
  ];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return EMPTY_SETUP_RECORD;
  return (
    readSetupRecord(value as Record<string, unknown>, 'setup', {
      file: relative,
      key: SETUP_RECORD_PARENT,
    }) ?? EMPTY_SETUP_RECORD
  );
}

/**
 * The package.json edit: our dependencies and prepare step, and the record extended with
 * `createdFiles` (repository-relative), `addedAttributes` (the LF pins added to `.gitattributes`)
 * and `addedIgnores` (the lines added to `.gitignore`). `before` undefined means setup creates
 * the file. `addedDependencies`: the devDependencies it adds.
 */
export function planPackageJson(
  target: EditTarget,
  createdFiles: readonly string[],
  addedAttributes: readonly string[] = [],
  addedIgnores: readonly string[] = [],
): FileEdit & { readonly addedDependencies: readonly string[] } {
  const start = target.before ?? minimalPackageJson(path.dirname(target.file));
  const earlier = recordIn(start, target.relative);
  const versions = setupVersions();
  const { text, added, upgradedPrepare } = addSetupToPackageJson(start, versions, target.relative);
  const files = target.before === undefined ? [target.relative, ...createdFiles] : createdFiles;
  const record = mergeSetupRecords(earlier, {
    ...added,
    files,
    attributes: addedAttributes,
    ignores: addedIgnores,
  });
  const after = writeSetupRecord(text, record, target.relative);
  const specs = added.devDependencies.map(
    (name) => `${name} ${name === 'husky' ? versions.huskyVersion : versions.packageVersion}`,
  );
  const recordChanged = after !== writeSetupRecord(text, earlier, target.relative);
  const prepare = upgradedPrepare === true ? 'upgraded' : added.prepare;
  return {
    ...target,
    after,
    summary: summaryOf(target.before === undefined, specs, prepare, recordChanged),
    addedDependencies: added.devDependencies,
  };
}

// `specs`: the added devDependencies as "name spec", as printed.
function summaryOf(
  created: boolean,
  specs: readonly string[],
  prepare: PrepareChange | 'upgraded',
  recordChanged: boolean,
): string {
  const parts = [
    ...(created ? [SetupMessages.PACKAGE_CREATED] : []),
    ...(specs.length > 0 ? [SetupMessages.devDependenciesAdded(specs)] : []),
    ...(prepare === 'upgraded'
      ? [SetupMessages.PREPARE_UPGRADED]
      : prepare !== 'none'
        ? [SetupMessages.prepareAdded(prepare)]
        : []),
    ...(recordChanged ? [SetupMessages.RECORD_WRITTEN] : []),
  ];
  return parts.length === 0 ? SetupMessages.PACKAGE_CURRENT : parts.join('; ');
}
