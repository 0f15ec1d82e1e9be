// The hooks' slow path, entered only when a Python or heads file changed: the project config,
// the environments, and the histories of only those environments the change touched, read as
// git tracks them (a revision file that was never added is nobody's head yet).
import path from 'node:path';

import type { AlembicEnvironment } from '../alembic/environment.js';
import { loadProjectConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Revision } from '../core/revision.js';
import { indexedPaths } from '../git/plumbing.js';
import { discoverWorkspace, type History, loadHistory, type Workspace } from '../project/workspace.js';
import type { HookRun } from './hook-run.js';

/** The project as a hook sees it. */
export interface HookProject {
  readonly config: ResolvedConfig;
  readonly workspace: Workspace;
  /** Histories of the environments the change touched, in discovery order. */
  readonly histories: readonly History[];
}

/**
 * Loads the config (recording it on the run, for guard mode) and, unless git-alembic is
 * disabled there, the histories of the environments `changed` touches; undefined when disabled.
 */
export async function loadTouchedProject(run: HookRun, changed: readonly string[]): Promise<HookProject | undefined> {
  const config = await loadProjectConfig(run.topLevel);
  run.config = config;
  if (!config.enabled) return undefined;
  const workspace = await discoverWorkspace(run.topLevel, run.ctx.env, {}, config);
  const absolute = changed.map((file) => path.resolve(workspace.repoRoot, file));
  const touched = workspace.environments.filter((environment) => touches(environment, absolute));
  // The files this operation brought in or changed get the complete syntax check; the others
  // were checked when they came in, and only the readers' own checks run on them.
  const changedFiles = new Set(absolute);
  const checkSyntax = (file: string): boolean => changedFiles.has(file);
  const histories: History[] = [];
  for (const environment of touched) {
    histories.push(await loadHistory(environment, workspace.repoRoot, await trackedFilter(run, environment, workspace.repoRoot), undefined, checkSyntax));
  }
  return { config, workspace, histories };
}

// A changed file inside a version location, or the heads file itself.
function touches(environment: AlembicEnvironment, changed: readonly string[]): boolean {
  const locations = environment.versionLocations.map((location) => location + path.sep);
  return changed.some((file) => file === environment.headsFile || locations.some((location) => file.startsWith(location)));
}

// Keeps revisions whose file is in the index; files outside the work tree cannot be asked about.
async function trackedFilter(run: HookRun, environment: AlembicEnvironment, repoRoot: string): Promise<(revision: Revision) => boolean> {
  const inside = environment.versionLocations.map((location) => path.relative(repoRoot, location)).filter((location) => !isOutside(location));
  const tracked = await indexedPaths(run.git, inside.map((location) => location.split(path.sep).join('/')));
  return (revision) => tracked.has(revision.file) || isOutside(revision.file);
}

function isOutside(file: string): boolean {
  return path.isAbsolute(file) || file === '..' || file.startsWith('../') || file.startsWith(`..${path.sep}`);
}
