// Opens the repository's Alembic environments and reads their histories: the glue between the
// CLI and the adapters (config, Alembic settings, revision files, git) and the pure graph.
import { statSync } from 'node:fs';
import path from 'node:path';

import { discoverEnvironments } from '../alembic/discover.js';
import type { AlembicEnvironment } from '../alembic/environment.js';
import { revisionCacheDirectory } from '../alembic/revision-cache.js';
import { loadRevisions } from '../alembic/scan-versions.js';
import { loadProjectConfig } from '../config/load-config.js';
import { BareRepositoryError, GitCommandError, UserError } from '../errors.js';
import { fileSystemReason } from '../fs/file-system-error.js';
import type { ResolvedConfig } from '../config/schema.js';
import { buildRevisionGraph } from '../core/graph/revision-graph.js';
import { commonGitDir, locateGitDir } from '../git/git-dir.js';
import { GitProcess } from '../git/git-process.js';
import { indexFileOf, mayHoldSkipWorktree } from '../git/index-file.js';
import { INDEX_PATHS_FILE, IndexLister } from '../git/index-lister.js';
import { recordsFilesUnder } from '../git/plumbing.js';
import { findBareRepository, findRepositoryRoot } from './find-repository.js';
import type { LoadObserver } from './load-observer.js';
import {
  environmentPaths,
  type ProjectFiles,
  projectFiles,
  WORK_TREE_FILES,
} from './project-files.js';
import { NO_ENVIRONMENT, NO_ENVIRONMENT_HINT } from '../messages/cli.js';
import type { EnvironmentSelection, History, Workspace } from './workspace-types.js';

export type { EnvironmentSelection, History, Workspace } from './workspace-types.js';

/** Finds the repository, loads the project config and discovers the environments (at least one, else UserError). */
export async function openWorkspace(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  selection: EnvironmentSelection,
  reports: DiscoveryReports = {},
): Promise<Workspace> {
  const workspace = await discoverWorkspace(cwd, env, selection, undefined, reports);
  if (workspace.environments.length === 0) {
    const bare = findRepositoryRoot(cwd, env) === undefined ? findBareRepository(cwd) : undefined;
    if (bare !== undefined) throw new BareRepositoryError(bare);
    throw new UserError(NO_ENVIRONMENT(cwd), { hint: NO_ENVIRONMENT_HINT });
  }
  return workspace;
}

/** Where discovery's side notes go: environments left out (the hooks) and files not read. */
export interface DiscoveryReports {
  /** When given, an environment that cannot be read is reported here and left out instead of failing. */
  readonly onUnreadable?: ((error: UserError) => void) | undefined;
  readonly onSkipped?: ((file: string, reason: string) => void) | undefined;
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
  reports: DiscoveryReports = {},
): Promise<Workspace> {
  const gitRoot = findRepositoryRoot(cwd, env);
  const repoRoot = gitRoot ?? cwd;
  const config = loaded ?? (await loadProjectConfig(repoRoot));
  const index = gitRoot === undefined ? undefined : indexLister(gitRoot, env);
  const environments = await discoverEnvironments({
    cwd,
    repoRoot,
    config,
    ...(selection.configFile === undefined ? {} : { configFile: selection.configFile }),
    ...(selection.section === undefined ? {} : { section: selection.section }),
    ...reports,
    // Outside a repository there is nothing tracked to search.
    listTrackedFiles: async () => (index === undefined ? [] : index.trackedConfigFiles()),
    recordedDirectory: async (directory) => {
      if (gitRoot === undefined) return false;
      return recordsFilesUnder(
        new GitProcess(repoRoot, env),
        path.relative(repoRoot, directory).split(path.sep).join('/'),
      );
    },
  });
  return {
    repoRoot,
    config,
    environments,
    files: once(() => checkoutFiles(gitRoot, env, environments, index)),
    index,
  };
}

// The index of the repository at `gitRoot`, remembering its paths beside the revision cache.
function indexLister(
  gitRoot: string,
  env: Readonly<Record<string, string | undefined>>,
): IndexLister {
  const gitDir = locateGitDir(gitRoot, env);
  const cache =
    gitDir === undefined ? undefined : revisionCacheDirectory(commonGitDir(gitDir), env);
  return new IndexLister(
    new GitProcess(gitRoot, env),
    cache === undefined ? undefined : path.join(cache, INDEX_PATHS_FILE),
  );
}

/**
 * Reads every revision file of an environment and its heads file, and builds its graph. `files`
 * says where from (the hooks read the commit being made); the workspace's own by default.
 */
export async function loadHistory(
  environment: AlembicEnvironment,
  workspace: Pick<Workspace, 'repoRoot' | 'files'>,
  options: {
    files?: ProjectFiles | undefined;
    onProgress?: ((read: number, total: number) => void) | undefined;
    /** Which revision files (absolute paths) get the complete Python syntax check. */
    checkSyntax?: ((file: string) => boolean) | undefined;
  } = {},
): Promise<History> {
  const files = await (options.files ?? workspace.files());
  const revisions = await loadRevisions({
    versionLocations: environment.versionLocations,
    recursive: environment.recursiveVersionLocations,
    constants: environment.constants,
    displayRoot: workspace.repoRoot,
    source: files,
    onProgress: options.onProgress,
    checkSyntax: options.checkSyntax,
  });
  const graph = buildRevisionGraph(revisions);
  let headsFile: Uint8Array | undefined;
  try {
    headsFile = await files.read(environment.headsFile);
  } catch (error) {
    // A directory or a file we may not read: the heads file's problem (GA201), not a crash.
    const reason = fileSystemReason(error);
    if (reason === undefined) throw error;
    return { environment, graph, headsFileText: undefined, headsFileReadError: reason };
  }
  // As readTextIfExists decodes: bad bytes become U+FFFD, which the heads-file reader rejects.
  const headsFileText =
    headsFile === undefined
      ? undefined
      : new TextDecoder('utf-8', { ignoreBOM: true }).decode(headsFile);
  return { environment, graph, headsFileText };
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
  const workspace = await openWorkspace(cwd, env, selection, { onSkipped: observer.skipped });
  observer.opened?.(workspace);
  const histories: History[] = [];
  for (const [index, environment] of workspace.environments.entries()) {
    observer.reading?.(environment, index, workspace.environments.length);
    const onProgress =
      observer.progress === undefined
        ? undefined
        : (read: number, total: number) => observer.progress?.(environment, read, total);
    const checkSyntax = options.completeSyntaxCheck === true ? () => true : undefined;
    const history = await loadHistory(environment, workspace, { onProgress, checkSyntax });
    observer.read?.(environment, history.graph.revisions.length);
    histories.push(history);
  }
  return { workspace, histories };
}

// The files of every environment as the commands read them: the work tree, and git's index
// where sparse checkout may have left something out of it, or for the blob ids that key the
// revision cache (git is not started when neither applies).
async function checkoutFiles(
  gitRoot: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  environments: readonly AlembicEnvironment[],
  lister: IndexLister | undefined,
): Promise<ProjectFiles> {
  const gitDir = gitRoot === undefined ? undefined : locateGitDir(gitRoot, env);
  if (gitRoot === undefined || gitDir === undefined || environments.length === 0)
    return WORK_TREE_FILES;
  const index = indexFileOf(gitDir, gitRoot, env);
  const skipped = mayHoldSkipWorktree(index, gitDir);
  // Without an index nothing is tracked, so no blob id keys a cache entry.
  const cache =
    statSync(index, { throwIfNoEntry: false }) === undefined
      ? undefined
      : revisionCacheDirectory(commonGitDir(gitDir), env);
  if (cache === undefined && !skipped) return WORK_TREE_FILES;
  try {
    return await projectFiles(
      new GitProcess(gitRoot, env),
      gitRoot,
      { kind: 'checkout' },
      environmentPaths(environments),
      cache,
      lister,
    );
  } catch (error) {
    // No git on this machine (a .git copied into a container): read the work tree, as Alembic does.
    if (
      error instanceof Error &&
      error.cause instanceof Error &&
      'code' in error.cause &&
      error.cause.code === 'ENOENT'
    )
      return WORK_TREE_FILES;
    // git was asked only for the cache's keys: the work tree is all the command needs.
    if (!skipped && error instanceof GitCommandError) return WORK_TREE_FILES;
    throw error;
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
