// Opens the repository's Alembic environments and reads their histories: the glue between the
// CLI and the adapters (config, Alembic settings, revision files, git) and the pure graph.
import type { AlembicEnvironment } from '../alembic/environment.js';
import { BareRepositoryError, UserError } from '../errors.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { RevisionGraph } from '../core/graph/revision-graph.js';
import type { Revision } from '../core/revision.js';
import { findBareRepository, findRepositoryRoot } from './find-repository.js';
import type { LoadObserver } from './load-observer.js';
import { NO_ENVIRONMENT, NO_ENVIRONMENT_HINT } from '../messages/cli.js';

/** The repository, its git-alembic config and the environments a command works on. */
export interface Workspace {
  /** Top level of the work tree, or the cwd outside git. */
  readonly repoRoot: string;
  readonly config: ResolvedConfig;
  readonly environments: readonly AlembicEnvironment[];
}

/** One environment with its revision graph. */
export interface History {
  readonly environment: AlembicEnvironment;
  readonly graph: RevisionGraph;
}

/** How the user chose environments on the command line (`-c`, `-n`). */
export interface EnvironmentSelection {
  readonly configFile?: string | undefined;
  readonly section?: string | undefined;
}

/** Finds the repository, loads the project config and discovers the environments (at least one, else UserError). */
export async function openWorkspace(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  selection: EnvironmentSelection,
): Promise<Workspace> {
  const workspace = await discoverWorkspace(cwd, env, selection);
  if (workspace.environments.length === 0) {
    const bare = findRepositoryRoot(cwd, env) === undefined ? findBareRepository(cwd) : undefined;
    if (bare !== undefined) throw new BareRepositoryError(bare);
    throw new UserError(NO_ENVIRONMENT(cwd), { hint: NO_ENVIRONMENT_HINT });
  }
  return workspace;
}

/**
 * Like openWorkspace, but a repository without any environment gives an empty list (the hooks
 * run in every repository setup touched). `loaded`: the project config, when the caller has it already.
 */
export async function discoverWorkspace(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  selection: EnvironmentSelection,
  loaded?: ResolvedConfig,
): Promise<Workspace> {
  const gitRoot = findRepositoryRoot(cwd, env);
  const repoRoot = gitRoot ?? cwd;
  const [{ loadProjectConfig }, { discoverEnvironments }] = await Promise.all([
    import('../config/load-config.js'),
    import('../alembic/discover.js'),
  ]);
  const config = loaded ?? (await loadProjectConfig(repoRoot));
  const environments = await discoverEnvironments({
    cwd,
    repoRoot,
    config,
    ...(selection.configFile === undefined ? {} : { configFile: selection.configFile }),
    ...(selection.section === undefined ? {} : { section: selection.section }),
    listTrackedFiles: async () => {
      // Outside a repository there is nothing tracked to search.
      if (gitRoot === undefined) return [];
      const { Git } = await import('../git/simple-git-port.js');
      return (await Git.open({ cwd: repoRoot, env })).listTrackedFiles();
    },
  });
  return { repoRoot, config, environments };
}

/**
 * Reads every revision file of an environment and builds its graph. `keep`, when given, chooses
 * the revisions that count (the hooks keep those git tracks, so a work-in-progress file that
 * was never added cannot look like a new head).
 */
export async function loadHistory(
  environment: AlembicEnvironment,
  repoRoot: string,
  keep?: (revision: Revision) => boolean,
  onProgress?: (read: number, total: number) => void,
  checkSyntax?: (file: string) => boolean,
): Promise<History> {
  const [{ loadRevisions }, { buildRevisionGraph }] = await Promise.all([
    import('../alembic/scan-versions.js'),
    import('../core/graph/revision-graph.js'),
  ]);
  const revisions = await loadRevisions({
    versionLocations: environment.versionLocations,
    recursive: environment.recursiveVersionLocations,
    constants: environment.constants,
    displayRoot: repoRoot,
    onProgress,
    checkSyntax,
  });
  return { environment, graph: buildRevisionGraph(keep === undefined ? revisions : revisions.filter(keep)) };
}

/**
 * Opens the workspace and loads every selected environment's history. `observer` hears of each
 * step (the CLI's --verbose lines and progress indicator).
 */
export async function loadHistories(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  selection: EnvironmentSelection,
  observer: LoadObserver = {},
  options: { readonly completeSyntaxCheck?: boolean } = {},
): Promise<{ workspace: Workspace; histories: History[] }> {
  const workspace = await openWorkspace(cwd, env, selection);
  observer.opened?.(workspace);
  const histories: History[] = [];
  for (const [index, environment] of workspace.environments.entries()) {
    observer.reading?.(environment, index, workspace.environments.length);
    const onProgress = observer.progress === undefined ? undefined : (read: number, total: number) => observer.progress?.(environment, read, total);
    const checkSyntax = options.completeSyntaxCheck === true ? () => true : undefined;
    const history = await loadHistory(environment, workspace.repoRoot, undefined, onProgress, checkSyntax);
    observer.read?.(environment, history.graph.revisions.length);
    histories.push(history);
  }
  return { workspace, histories };
}
