// The record of what setup added, kept in package.json under `"git-alembic": { "setup": … }`,
// so that `uninstall` in any clone undoes exactly that. It travels with the file whose edits it
// describes (devDependencies, the prepare step), which every clone has.
import { findMember } from './json-document.js';
import {
  detectLayout,
  insertMember,
  type JsonLayout,
  type JsonObject,
  memberIndent,
  removeMember,
  splice,
} from './json-edits.js';
import { objectMember, readPackageRoot } from './package-json-members.js';
import type { PackageJsonSetupRecord } from './package-json.js';

/** package.json's key for git-alembic (config and setup record). */
export const SETUP_RECORD_PARENT = 'git-alembic';
/** The member of `"git-alembic"` holding the record. */
export const SETUP_RECORD_KEY = 'setup';

/**
 * What setup changed: the package.json edits, plus `files`, the files setup created
 * (repository-relative, forward slashes), which uninstall deletes once only our content is left,
 * `attributes`, the LF pins setup added to `.gitattributes`, and `ignores`, the lines it added to
 * `.gitignore` (both absent when none): a user may write the same lines, so only the record
 * says they are ours.
 */
export interface SetupRecord extends PackageJsonSetupRecord {
  readonly files: readonly string[];
  readonly attributes?: readonly string[];
  readonly ignores?: readonly string[];
  /** What `setup --pre-commit` added to `.pre-commit-config.yaml` (absent for husky setups). */
  readonly preCommit?: PreCommitSetupRecord;
}

/** Our additions to `.pre-commit-config.yaml`: the repo entry, hook types, the hook types key itself. */
export interface PreCommitSetupRecord {
  readonly entry: boolean;
  readonly hookTypes: readonly string[];
  readonly hookTypesKey: boolean;
}

/** The one line setup adds to `.gitignore` (so the only one a record's `ignores` may hold). */
export const NODE_MODULES_LINE = 'node_modules/';

/** A record of nothing. */
export const EMPTY_SETUP_RECORD: SetupRecord = {
  devDependencies: [],
  prepare: 'none',
  created: [],
  files: [],
};

/** Both records together: what either run of setup added (an earlier run's record is kept on re-runs). */
export function mergeSetupRecords(earlier: SetupRecord, later: SetupRecord): SetupRecord {
  return {
    devDependencies: union(earlier.devDependencies, later.devDependencies),
    prepare: earlier.prepare === 'none' ? later.prepare : earlier.prepare,
    created: union(earlier.created, later.created),
    files: union(earlier.files, later.files),
    ...optionalList('attributes', union(earlier.attributes ?? [], later.attributes ?? [])),
    ...optionalList('ignores', union(earlier.ignores ?? [], later.ignores ?? [])),
    ...mergePreCommit(earlier.preCommit, later.preCommit),
  };
}

// Both runs' pre-commit additions: an entry or key either added is ours.
function mergePreCommit(
  earlier: PreCommitSetupRecord | undefined,
  later: PreCommitSetupRecord | undefined,
): { preCommit?: PreCommitSetupRecord } {
  if (earlier === undefined || later === undefined)
    return (earlier ?? later) ? { preCommit: (earlier ?? later) as PreCommitSetupRecord } : {};
  return {
    preCommit: {
      entry: earlier.entry || later.entry,
      hookTypes: union(earlier.hookTypes, later.hookTypes),
      hookTypesKey: earlier.hookTypesKey || later.hookTypesKey,
    },
  };
}

/** Whether the record says setup added nothing at all. */
export function isEmptySetupRecord(record: SetupRecord): boolean {
  const lists = [
    record.devDependencies,
    record.created,
    record.files,
    record.attributes ?? [],
    record.ignores ?? [],
  ];
  return (
    record.prepare === 'none' &&
    lists.every((list) => list.length === 0) &&
    record.preCommit === undefined
  );
}

/**
 * Puts `record` at `"git-alembic".setup`, creating `"git-alembic"` at the end when missing and
 * replacing an earlier record in place. Keeps the file's indentation and line breaks.
 * @throws InputError naming `fileName` for invalid JSON or a `"git-alembic"` that is not an object.
 */
export function writeSetupRecord(
  text: string,
  record: SetupRecord,
  fileName = 'package.json',
): string {
  const root = readPackageRoot(text, fileName);
  const layout = detectLayout(text, root);
  const parent = objectMember(text, root, SETUP_RECORD_PARENT, fileName);
  if (parent === undefined) {
    const value = renderJson(
      { [SETUP_RECORD_KEY]: plain(record) },
      layout,
      memberIndent(text, root, layout),
    );
    return insertMember(text, root, root.members.length, SETUP_RECORD_PARENT, value, layout);
  }
  return writeRecordMember(text, parent, record, layout);
}

/**
 * Puts `record` at the top-level `setup` of a git-alembic config file (`.git-alembicrc.json`,
 * whose object is what package.json keeps under `"git-alembic"`), as writeSetupRecord does there.
 * @throws InputError naming `fileName` for invalid JSON or a top level that is not an object.
 */
export function writeConfigSetupRecord(
  text: string,
  record: SetupRecord,
  fileName: string,
): string {
  const root = readPackageRoot(text, fileName);
  return writeRecordMember(text, root, record, detectLayout(text, root));
}

/** Removes the top-level `setup` of a git-alembic config file; undoes writeConfigSetupRecord. */
export function removeConfigSetupRecord(text: string, fileName: string): string {
  const root = readPackageRoot(text, fileName);
  const index = root.members.findLastIndex((member) => member.key === SETUP_RECORD_KEY);
  return index === -1 ? text : removeMember(text, root, index);
}

// `setup` in `parent`, replaced in place or added at its end.
function writeRecordMember(
  text: string,
  parent: JsonObject,
  record: SetupRecord,
  layout: JsonLayout,
): string {
  const value = renderJson(plain(record), layout, memberIndent(text, parent, layout));
  const existing = findMember(parent, SETUP_RECORD_KEY);
  if (existing === undefined)
    return insertMember(text, parent, parent.members.length, SETUP_RECORD_KEY, value, layout);
  return splice(text, existing.value.start, existing.value.end, value);
}

/**
 * Removes `"git-alembic".setup`, and `"git-alembic"` itself when nothing else is in it; undoes
 * `writeSetupRecord` byte for byte. Text without a record comes back unchanged.
 * @throws InputError naming `fileName` for invalid JSON or a `"git-alembic"` that is not an object.
 */
export function removeSetupRecord(text: string, fileName = 'package.json'): string {
  const root = readPackageRoot(text, fileName);
  const parent = objectMember(text, root, SETUP_RECORD_PARENT, fileName);
  if (parent === undefined) return text;
  const index = parent.members.findLastIndex((member) => member.key === SETUP_RECORD_KEY);
  if (index === -1) return text;
  if (parent.members.length === 1)
    return removeMember(
      text,
      root,
      root.members.findLastIndex((member) => member.key === SETUP_RECORD_PARENT),
    );
  return removeMember(text, parent, index);
}

// Renders like JSON.stringify(value, null, indent), which is also how npm rewrites package.json,
// with the continuation lines shifted to the member's own indentation.
function renderJson(value: unknown, layout: JsonLayout, indent: string): string {
  if (layout.indent === undefined) return JSON.stringify(value);
  return JSON.stringify(value, null, layout.indent)
    .split('\n')
    .map((line, index) => (index === 0 ? line : indent + line))
    .join(layout.eol);
}

// The record with its keys in a fixed order, so re-runs write the same bytes.
function plain(record: SetupRecord): Record<string, unknown> {
  return {
    devDependencies: record.devDependencies,
    prepare: record.prepare,
    created: record.created,
    files: record.files,
    ...optionalList('attributes', record.attributes ?? []),
    ...optionalList('ignores', record.ignores ?? []),
    ...(record.preCommit === undefined
      ? {}
      : {
          preCommit: {
            entry: record.preCommit.entry,
            hookTypes: record.preCommit.hookTypes,
            hookTypesKey: record.preCommit.hookTypesKey,
          },
        }),
  };
}

// An optional list member: present only when it has entries, so records without it keep their bytes.
function optionalList<K extends string>(
  key: K,
  list: readonly string[],
): Partial<Record<K, readonly string[]>> {
  return list.length === 0 ? {} : ({ [key]: list } as Partial<Record<K, readonly string[]>>);
}

function union<T>(first: readonly T[], second: readonly T[]): T[] {
  return [...new Set([...first, ...second])];
}
