// Validates the setup record (`"git-alembic": { "setup": … }` in package.json). Uninstall
// deletes the files it lists, so a path that could leave the repository is refused.
import { isLfAttributeLine } from '../core/edits/gitattributes.js';
import type { CreatedObject, PrepareChange } from '../core/edits/package-json.js';
import {
  EMPTY_SETUP_RECORD,
  NODE_MODULES_LINE,
  type PreCommitSetupRecord,
  type SetupRecord,
} from '../core/edits/setup-record.js';
import { OUR_HOOK_TYPES } from '../core/setup/pre-commit-hooks.js';
import { EXPECTED_ARRAY, EXPECTED_STRING } from '../messages/alembic-config.js';
import { SETUP_RECORD_ENTRY } from '../messages/git-integration.js';
import {
  child,
  fieldError,
  type FieldPath,
  knownObject,
  readBoolean,
  readChoice,
  typeName,
} from './validate-fields.js';

const RECORD_KEYS = [
  'devDependencies',
  'prepare',
  'created',
  'files',
  'attributes',
  'ignores',
  'preCommit',
];
const PRE_COMMIT_KEYS = ['entry', 'hookTypes', 'hookTypesKey'];
// Uninstall takes these out of default_install_hook_types: only the ones setup adds.
const HOOK_TYPES: readonly string[] = OUR_HOOK_TYPES;
const PREPARE: readonly PrepareChange[] = ['member', 'chained', 'none'];
const CREATED: readonly CreatedObject[] = ['scripts', 'devDependencies'];
const DEPENDENCIES: readonly string[] = ['git-alembic', 'husky'];

/** The record at `record[key]`, or undefined when absent. @throws ConfigError naming the file and key. */
export function readSetupRecord(
  record: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
): SetupRecord | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  const where = child(at, key);
  const fields = knownObject(value, where, RECORD_KEYS);
  // Uninstall removes these lines: only the LF pins setup writes, never an arbitrary user line.
  const attributes = readNames(fields, 'attributes', where, isLfAttributeLine);
  const ignores = readNames(fields, 'ignores', where, (line) => line === NODE_MODULES_LINE);
  return {
    devDependencies: readNames(fields, 'devDependencies', where, (name) =>
      DEPENDENCIES.includes(name),
    ),
    prepare: readChoice(fields, 'prepare', where, PREPARE, EMPTY_SETUP_RECORD.prepare),
    created: readNames(fields, 'created', where, (name) =>
      (CREATED as readonly string[]).includes(name),
    ) as CreatedObject[],
    files: readNames(fields, 'files', where, isInsideRepository),
    ...(attributes.length === 0 ? {} : { attributes }),
    ...(ignores.length === 0 ? {} : { ignores }),
    ...readPreCommit(fields, where),
  };
}

// `preCommit`: what setup --pre-commit added to .pre-commit-config.yaml.
function readPreCommit(
  fields: Readonly<Record<string, unknown>>,
  at: FieldPath,
): { preCommit?: PreCommitSetupRecord } {
  if (fields['preCommit'] === undefined) return {};
  const where = child(at, 'preCommit');
  const record = knownObject(fields['preCommit'], where, PRE_COMMIT_KEYS);
  return {
    preCommit: {
      entry: readBoolean(record, 'entry', where, false),
      hookTypes: readNames(record, 'hookTypes', where, (name) => HOOK_TYPES.includes(name)),
      hookTypesKey: readBoolean(record, 'hookTypesKey', where, false),
    },
  };
}

// An array (possibly empty) of strings that each pass `valid`; absent means empty.
function readNames(
  fields: Readonly<Record<string, unknown>>,
  key: string,
  at: FieldPath,
  valid: (name: string) => boolean,
): string[] {
  const value = fields[key];
  if (value === undefined) return [];
  const where = child(at, key);
  if (!Array.isArray(value)) throw fieldError(where, EXPECTED_ARRAY(typeName(value)));
  return value.map((entry: unknown, index) => {
    if (typeof entry !== 'string')
      throw fieldError(child(where, index), EXPECTED_STRING(typeName(entry)));
    if (!valid(entry)) throw fieldError(child(where, index), SETUP_RECORD_ENTRY(entry));
    return entry;
  });
}

// Repository-relative with forward slashes, and no segment that climbs out or is empty.
function isInsideRepository(path: string): boolean {
  if (
    path === '' ||
    path.includes('\0') ||
    path.includes('\\') ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path)
  )
    return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
