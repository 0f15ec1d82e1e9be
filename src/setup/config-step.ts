// Setup step 8: a config file only when the defaults would not find the environments setup
// works on (a config chosen with -c, an ini with another name, an untracked subdirectory).
// Hooks start in the top level and find environments from there; this makes them find these.
import { SetupMessages } from '../messages/git-integration.js';
import { type FileEdit, readForEdit } from './file-edits.js';

/** The file setup creates; a package.json key holding only the setup record does not hide it. */
export const SETUP_CONFIG_FILE = '.git-alembicrc.json';

/** An environment as the config lists it (paths relative to the top level). */
export interface ListedEnvironment {
  readonly config: string;
  readonly section?: string | undefined;
}

/** The config text listing `environments`. */
export function configText(environments: readonly ListedEnvironment[]): string {
  const entries = environments.map((environment) =>
    environment.section === undefined ? { config: environment.config } : { ...environment },
  );
  return `${JSON.stringify({ environments: entries }, null, 2)}\n`;
}

/**
 * The config edit when `environments` must be listed: a new `.git-alembicrc.json`, or, when the
 * project already has a config (`existingConfig`), no edit and a warning saying what to add.
 */
export function planConfigFile(
  topLevel: string,
  environments: readonly ListedEnvironment[],
  existingConfig: string | undefined,
): { edit: FileEdit | undefined; warning: string | undefined } {
  if (environments.length === 0) return { edit: undefined, warning: undefined };
  if (existingConfig !== undefined)
    return {
      edit: undefined,
      warning: SetupMessages.configNeedsEnvironments(existingConfig, environments),
    };
  const target = readForEdit(topLevel, SETUP_CONFIG_FILE);
  const after = configText(environments);
  if (target.before !== undefined && target.before !== after) {
    return {
      edit: undefined,
      warning: SetupMessages.configNeedsEnvironments(SETUP_CONFIG_FILE, environments),
    };
  }
  return {
    edit: {
      ...target,
      after,
      summary:
        target.before === after ? SetupMessages.CONFIG_CURRENT : SetupMessages.CONFIG_WRITTEN,
    },
    warning: undefined,
  };
}
