// The hooks' slow path, entered only when a Python or heads file changed: the project config,
// the environments, and the histories of only those environments the change touched, read from
// the commit being made or just made (src/project/project-files.ts): a revision file that was
// never added is nobody's head yet, and a part left unstaged is no part of the commit.
import path from 'node:path';

import type { AlembicEnvironment } from '../alembic/environment.js';
import { revisionCacheDirectory } from '../alembic/revision-cache.js';
import { loadProjectConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { UserError } from '../errors.js';
import { commonGitDir } from '../git/git-dir.js';
import { HookMessages } from '../messages/hooks.js';
import { environmentPaths, type FilesView, projectFiles } from '../project/project-files.js';
import {
  discoverWorkspace,
  type History,
  loadHistory,
  type Workspace,
} from '../project/workspace.js';
import type { HookRun } from './hook-run.js';

/** The project as a hook sees it. */
export interface HookProject {
  readonly config: ResolvedConfig;
  readonly workspace: Workspace;
  /** Histories of the environments the change touched, in discovery order. */
  readonly histories: readonly History[];
  /** How many environments were left out as unreadable (and reported). */
  readonly leftOut: number;
}

/**
 * Loads the config (recording it on the run, for guard mode) and, unless git-alembic is
 * disabled there, the histories of the environments `changed` touches, as `view` has their
 * files; undefined when disabled.
 */
export async function loadTouchedProject(
  run: HookRun,
  changed: readonly string[],
  view: FilesView,
): Promise<HookProject | undefined> {
  const config = await loadProjectConfig(run.topLevel);
  run.config = config;
  if (!config.enabled) return undefined;
  // A broken environment (a missing directory, a bad ini) is reported in one line and left out:
  // the others still get their merges, and the commit goes on, guard or not.
  const unreadable: UserError[] = [];
  const workspace = await discoverWorkspace(run.topLevel, run.ctx.env, {}, config, {
    onUnreadable: (error) => unreadable.push(error),
  });
  const [first, ...more] = unreadable;
  if (first !== undefined) run.out.info(HookMessages.leftOut(run.name, first.message, more.length));
  const absolute = changed.map((file) => path.resolve(workspace.repoRoot, file));
  const touched = workspace.environments.filter((environment) => touches(environment, absolute));
  if (touched.length === 0) return { config, workspace, histories: [], leftOut: unreadable.length };
  const cache = revisionCacheDirectory(
    run.gitDir === undefined ? undefined : commonGitDir(run.gitDir),
    run.ctx.env,
  );
  const files = await projectFiles(
    run.git,
    workspace.repoRoot,
    view,
    environmentPaths(touched),
    cache,
    workspace.index,
  );
  // The files this operation brought in or changed get the complete syntax check; the others
  // were checked when they came in, and only the readers' own checks run on them.
  const changedFiles = new Set(absolute);
  const checkSyntax = (file: string): boolean => changedFiles.has(file);
  const histories: History[] = [];
  for (const environment of touched)
    histories.push(await loadHistory(environment, workspace, { files, checkSyntax }));
  return { config, workspace, histories, leftOut: unreadable.length };
}

// A changed file inside a version location, or the heads file itself.
function touches(environment: AlembicEnvironment, changed: readonly string[]): boolean {
  const locations = environment.versionLocations.map((location) => location + path.sep);
  return changed.some(
    (file) =>
      file === environment.headsFile || locations.some((location) => file.startsWith(location)),
  );
}
