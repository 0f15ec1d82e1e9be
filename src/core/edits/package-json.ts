// What setup changes in package.json: our step chained into `scripts.prepare`, and git-alembic
// and husky in devDependencies unless the project already depends on them. Every change is an
// in-place text edit, and setup returns a record of it so that uninstall undoes exactly that.
import { compareCodePoints } from '../code-point-order.js';
import {
  detectLayout,
  formatObject,
  insertMember,
  type JsonObject,
  memberIndent,
  removeMember,
} from './json-edits.js';
import {
  objectMember,
  readPackageRoot,
  removeEmptyTopLevelObject,
} from './package-json-members.js';
import { addPrepareStep, type PrepareChange, removePrepareStep } from './prepare-script.js';

export { PREPARE_STEP, type PrepareChange } from './prepare-script.js';

/** Version specs written into devDependencies verbatim, e.g. `^0.1.0`. */
export interface SetupVersions {
  readonly packageVersion: string;
  readonly huskyVersion: string;
}

/** A top-level object setup creates when it is missing. */
export type CreatedObject = 'scripts' | 'devDependencies';

/**
 * What setup changed in package.json, so that uninstall undoes exactly that (JSON-serialisable).
 * - `devDependencies`: the names setup added (those neither dependencies nor devDependencies had).
 * - `prepare`: `member` when setup added the `prepare` entry, `chained` when it appended
 *   ` && git-alembic setup --prepare` to the user's command (or filled an empty one), else `none`.
 * - `created`: the top-level objects setup created; uninstall removes them once they are empty.
 */
export interface PackageJsonSetupRecord {
  readonly devDependencies: readonly string[];
  readonly prepare: PrepareChange;
  readonly created: readonly CreatedObject[];
}

/** The record of a setup that changed nothing. */
export const NOTHING_ADDED: PackageJsonSetupRecord = {
  devDependencies: [],
  prepare: 'none',
  created: [],
};

/**
 * Chains our step into `scripts.prepare` (replacing an earlier version's: `upgradedPrepare`) and
 * adds `git-alembic` and `husky` to devDependencies when neither dependencies nor devDependencies
 * names them. Idempotent; keeps indentation, key order, line breaks and the final newline.
 * @throws InputError naming `fileName` for invalid JSON or a key holding the wrong type.
 */
export function addSetupToPackageJson(
  text: string,
  versions: SetupVersions,
  fileName = 'package.json',
): { text: string; added: PackageJsonSetupRecord; upgradedPrepare?: boolean } {
  const prepare = addPrepareStep(text, fileName);
  const wanted: [string, string][] = [
    ['git-alembic', versions.packageVersion],
    ['husky', versions.huskyVersion],
  ];
  const dependencies = addDevDependencies(prepare.text, wanted, fileName);
  const created: CreatedObject[] = [
    ...(prepare.createdScripts ? ['scripts' as const] : []),
    ...dependencies.created,
  ];
  const added = { devDependencies: dependencies.added, prepare: prepare.prepare, created };
  return {
    text: dependencies.text,
    added,
    ...(prepare.upgraded === true ? { upgradedPrepare: true } : {}),
  };
}

/**
 * Undoes what `record` says setup added, as far as it is still there, in reverse order: the
 * devDependencies, then our prepare segment, and the objects setup created once they are empty.
 * `removed` says what was actually taken out.
 * @throws InputError naming `fileName` for invalid JSON or a key holding the wrong type.
 */
export function removeSetupFromPackageJson(
  text: string,
  record: PackageJsonSetupRecord,
  fileName = 'package.json',
): { text: string; removed: PackageJsonSetupRecord } {
  const dependencies = removeDevDependencies(text, record, fileName);
  const prepare = removePrepareStep(
    dependencies.text,
    record.prepare,
    record.created.includes('scripts'),
    fileName,
  );
  const created: CreatedObject[] = [
    ...(prepare.createdScripts ? ['scripts' as const] : []),
    ...dependencies.created,
  ];
  return {
    text: prepare.text,
    removed: { devDependencies: dependencies.removed, prepare: prepare.prepare, created },
  };
}

type DependencyEdit = { text: string; created: CreatedObject[] };

function addDevDependencies(
  text: string,
  wanted: readonly [string, string][],
  fileName: string,
): DependencyEdit & { added: string[] } {
  const root = readPackageRoot(text, fileName);
  const declared = new Set(
    ['dependencies', 'devDependencies']
      .flatMap((key) => objectMember(text, root, key, fileName)?.members ?? [])
      .map((member) => member.key),
  );
  const missing = wanted.filter(([name]) => !declared.has(name));
  const added = missing.map(([name]) => name);
  const layout = detectLayout(text, root);
  if (missing.length > 0 && objectMember(text, root, 'devDependencies', fileName) === undefined) {
    const value = formatObject(
      missing.map(([name, spec]) => [name, JSON.stringify(spec)] as const),
      layout,
      memberIndent(text, root, layout),
    );
    const after = root.members.findLastIndex((member) => member.key === 'dependencies');
    const edited = insertMember(
      text,
      root,
      after === -1 ? root.members.length : after + 1,
      'devDependencies',
      value,
      layout,
    );
    return { text: edited, added, created: ['devDependencies'] };
  }
  let edited = text;
  for (const [name, spec] of missing) {
    const devDependencies = objectMember(
      edited,
      readPackageRoot(edited, fileName),
      'devDependencies',
      fileName,
    );
    if (devDependencies === undefined) break; // checked above; the re-read only moves offsets
    edited = insertMember(
      edited,
      devDependencies,
      sortedPosition(devDependencies, name),
      name,
      JSON.stringify(spec),
      layout,
    );
  }
  return { text: edited, added, created: [] };
}

function removeDevDependencies(
  text: string,
  record: PackageJsonSetupRecord,
  fileName: string,
): DependencyEdit & { removed: string[] } {
  let edited = text;
  const removed: string[] = [];
  for (const name of record.devDependencies) {
    const devDependencies = objectMember(
      edited,
      readPackageRoot(edited, fileName),
      'devDependencies',
      fileName,
    );
    const index = devDependencies?.members.findLastIndex((member) => member.key === name) ?? -1;
    if (devDependencies === undefined || index === -1) continue;
    edited = removeMember(edited, devDependencies, index);
    removed.push(name);
  }
  const emptied = record.created.includes('devDependencies')
    ? removeEmptyTopLevelObject(edited, 'devDependencies', fileName)
    : undefined;
  return {
    text: emptied ?? edited,
    removed,
    created: emptied === undefined ? [] : ['devDependencies'],
  };
}

// Where a new name goes: in code-point order when the names are sorted (npm keeps them so),
// else at the end.
function sortedPosition(object: JsonObject, name: string): number {
  const keys = object.members.map((member) => member.key);
  const sorted = keys.every(
    (key, index) => index === 0 || compareCodePoints(keys[index - 1] ?? '', key) <= 0,
  );
  if (!sorted) return keys.length;
  const index = keys.findIndex((key) => compareCodePoints(name, key) < 0);
  return index === -1 ? keys.length : index;
}
