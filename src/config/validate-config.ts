// Turns the untyped value of the config file into a ResolvedConfig with defaults, rejecting
// unknown keys (with a suggestion) and wrong types; every error names the file and key path.
import type { ConstantValue } from '../core/revision.js';
import {
  CONFIG_OR_SCRIPT_LOCATION,
  DUPLICATE_ENVIRONMENT_NAME,
  EXPECTED_ARRAY,
} from '../messages/alembic-config.js';
import type { EnvironmentConfig, OnMerge, ResolvedConfig, RevisionIdMode } from './schema.js';
import { readSetupRecord } from './validate-setup-record.js';
import {
  child,
  fieldError,
  knownObject,
  readBoolean,
  readChoice,
  readConstants,
  readString,
  readStringList,
  typeName,
  type FieldPath,
} from './validate-fields.js';

const TOP_LEVEL_KEYS = [
  'enabled',
  'environments',
  'constants',
  'onMerge',
  'revisionId',
  'message',
  'mergeExistingDivergences',
  'guard',
  'pythonFallback',
  'setup',
];
const ENVIRONMENT_KEYS = [
  'name',
  'config',
  'section',
  'scriptLocation',
  'versionLocations',
  'headsFile',
  'constants',
];
const ON_MERGE: readonly OnMerge[] = ['amend', 'stage'];
const REVISION_ID: readonly RevisionIdMode[] = ['deterministic', 'random'];
/** The default merge message; `{heads}` becomes the comma-separated parent ids. */
export const DEFAULT_MESSAGE = 'merge heads {heads}';
/** The package.json key holding the config. */
export const PACKAGE_KEY = 'git-alembic';

/** The configuration used when the repository has no git-alembic config. */
export function defaultConfig(baseDirectory: string, file?: string): ResolvedConfig {
  return validateConfig({}, file, baseDirectory);
}

/**
 * Validates a loaded config value. `file` is named in errors (keys in package.json are shown
 * under `git-alembic.`); relative paths in the config resolve against `baseDirectory`.
 */
export function validateConfig(
  value: unknown,
  file: string | undefined,
  baseDirectory: string,
): ResolvedConfig {
  const root: FieldPath = {
    file: file ?? PACKAGE_KEY,
    key: file !== undefined && /(^|[\\/])package\.json$/.test(file) ? PACKAGE_KEY : '',
  };
  const record = knownObject(value, root, TOP_LEVEL_KEYS);
  const constants = readConstants(record, 'constants', root);
  return {
    file,
    baseDirectory,
    enabled: readBoolean(record, 'enabled', root, true),
    environments: readEnvironments(record, root, constants),
    constants,
    onMerge: readChoice(record, 'onMerge', root, ON_MERGE, 'amend'),
    revisionId: readChoice(record, 'revisionId', root, REVISION_ID, 'deterministic'),
    message: readString(record, 'message', root, false) ?? DEFAULT_MESSAGE,
    mergeExistingDivergences: readBoolean(record, 'mergeExistingDivergences', root, false),
    guard: readBoolean(record, 'guard', root, false),
    pythonFallback: readBoolean(record, 'pythonFallback', root, true),
    setupRecord: readSetupRecord(record, 'setup', root),
  };
}

function readEnvironments(
  record: Readonly<Record<string, unknown>>,
  root: FieldPath,
  constants: ReadonlyMap<string, ConstantValue>,
): EnvironmentConfig[] {
  const value = record['environments'];
  if (value === undefined) return [];
  const at = child(root, 'environments');
  if (!Array.isArray(value)) throw fieldError(at, EXPECTED_ARRAY(typeName(value)));
  const environments = value.map((entry: unknown, index) =>
    readEnvironment(entry, child(at, index), constants),
  );
  environments.forEach((environment, index) => {
    const first = environments.findIndex(
      (other) => other.name !== undefined && other.name === environment.name,
    );
    if (first !== index && first !== -1)
      throw fieldError(child(child(at, index), 'name'), DUPLICATE_ENVIRONMENT_NAME(first));
  });
  return environments;
}

// An environment's own constants are merged over the top-level ones. Without `config` (a project
// that sets everything in code, such as Flask-Migrate without alembic.ini) `scriptLocation` is
// required and every other Alembic setting takes its default.
function readEnvironment(
  value: unknown,
  at: FieldPath,
  constants: ReadonlyMap<string, ConstantValue>,
): EnvironmentConfig {
  const record = knownObject(value, at, ENVIRONMENT_KEYS);
  const config = readString(record, 'config', at, true);
  const scriptLocation = readString(record, 'scriptLocation', at, true);
  if (config === undefined && scriptLocation === undefined)
    throw fieldError(child(at, 'config'), CONFIG_OR_SCRIPT_LOCATION);
  return {
    name: readString(record, 'name', at, true),
    config,
    section: readString(record, 'section', at, true),
    scriptLocation,
    versionLocations: readStringList(record, 'versionLocations', at),
    headsFile: readString(record, 'headsFile', at, true),
    constants: new Map([...constants, ...readConstants(record, 'constants', at)]),
  };
}
