// The Alembic environments setup works on, and those the hooks would not find on their own.
import type { AlembicEnvironment } from '../alembic/environment.js';
import { UserError } from '../errors.js';
import {
  type EnvironmentSelection,
  type History,
  loadHistory,
  openWorkspace,
  type Workspace,
} from '../project/workspace.js';
import type { ListedEnvironment } from './config-step.js';
import { repositoryRelative } from './project.js';

const DEFAULT_SECTION = 'alembic';

/** The environments (with their histories) and the ones to list in a config file. */
export interface SetupEnvironments {
  readonly workspace: Workspace;
  readonly histories: readonly History[];
  /** Non-empty when the defaults, searched from the top level as hooks do, miss one of them. */
  readonly toList: readonly ListedEnvironment[];
}

/**
 * Discovers the environments from `cwd` (with -c/-n), reads their histories, and checks what
 * discovery from the top level (what the hooks do) finds.
 * @throws UserError when there is no environment, or one cannot be read.
 */
export async function setupEnvironments(
  cwd: string,
  topLevel: string,
  env: Readonly<Record<string, string | undefined>>,
  selection: EnvironmentSelection,
): Promise<SetupEnvironments> {
  const workspace = await openWorkspace(cwd, env, selection);
  const histories: History[] = [];
  for (const environment of workspace.environments)
    histories.push(await loadHistory(environment, workspace));
  const defaults = await defaultEnvironments(topLevel, env);
  const known = new Set(defaults.map(identity));
  const missed = workspace.environments.some((environment) => !known.has(identity(environment)));
  const toList = missed
    ? workspace.environments.map((environment) => listed(environment, topLevel))
    : [];
  return { workspace, histories, toList };
}

// What the hooks will find: discovery from the top level without -c/-n; none is an answer too.
async function defaultEnvironments(
  topLevel: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<readonly AlembicEnvironment[]> {
  try {
    return (await openWorkspace(topLevel, env, {})).environments;
  } catch (error) {
    // No environment from the top level (or one that cannot be read there): list ours.
    if (error instanceof UserError) return [];
    throw error;
  }
}

function identity(environment: AlembicEnvironment): string {
  return `${environment.configFile}\0${environment.section}`;
}

function listed(environment: AlembicEnvironment, topLevel: string): ListedEnvironment {
  const config = repositoryRelative(environment.configFile, topLevel);
  return environment.section === DEFAULT_SECTION
    ? { config }
    : { config, section: environment.section };
}
