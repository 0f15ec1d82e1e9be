// The public API of the git-alembic package (`import … from 'git-alembic'`): a small, stable
// surface for tools that want Alembic histories without Python. Everything else in dist/ is
// internal and may change in any release. No export reads `process`: pass cwd and env.

/**
 * Reading one revision file statically: `readRevisionFile({ fileName, displayPath, bytes },
 * { constants: new Map() })` returns what Alembic would see after importing it, or throws an
 * InputError naming `displayPath` and the line.
 */
export {
  readRevisionFile,
  type RevisionFileInput,
  type RevisionFileOptions,
} from './core/revision-file/read-revision-file.js';
export type { ConstantValue, Revision } from './core/revision.js';

/**
 * The revision graph, as Alembic's RevisionMap builds it from revisions in load order: heads,
 * real heads, bases, propagated branch labels. `divergences(graph)` lists the groups of heads
 * that share a branch (what `git-alembic check` reports as GA101); `renderGraph` draws it.
 */
export { buildRevisionGraph, type RevisionGraph } from './core/graph/revision-graph.js';
export { type Divergence, divergences } from './core/graph/divergences.js';
export { type GraphFormat, renderGraph } from './core/graph/graph-render.js';

/** Merging heads files as sets, as the merge driver does: (A ∩ B) ∪ (A − O) ∪ (B − O). */
export { mergeHeadSets } from './core/heads/merge-heads.js';

/** Rendering a script.py.mako template natively (the Mako subset Alembic's templates use). */
export { renderMakoTemplate, type TemplateVariables } from './core/template/index.js';

/**
 * A repository's Alembic environments and their histories, found as the CLI finds them
 * (`-c`/`-n` become the selection): `await loadHistories(cwd, process.env, {})`.
 */
export {
  type EnvironmentSelection,
  type History,
  loadHistories,
  type Workspace,
} from './project/workspace.js';
export type { LoadObserver } from './project/load-observer.js';
export type { AlembicEnvironment } from './alembic/environment.js';

/** Errors: every expected failure is a UserError (InputError when a file is at fault, with its location). */
export { ConfigError, type FileLocation, InputError, UserError } from './errors.js';
