// What a workspace is: the repository, its config and environments, and each environment's
// history. Apart from workspace.ts, which opens and loads them, so that what observes the
// loading (load-observer.ts) can name them without importing the loader back.
import type { AlembicEnvironment } from '../alembic/environment.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { RevisionGraph } from '../core/graph/revision-graph.js';
import type { IndexLister } from '../git/index-lister.js';
import type { ProjectFiles } from './project-files.js';

/** The repository, its git-alembic config and the environments a command works on. */
export interface Workspace {
  /** Top level of the work tree, or the cwd outside git. */
  readonly repoRoot: string;
  readonly config: ResolvedConfig;
  readonly environments: readonly AlembicEnvironment[];
  /**
   * Where the commands read revision and heads files: the work tree, and the index for what
   * sparse checkout left out of it (made on first use: it asks git once).
   */
  readonly files: () => Promise<ProjectFiles>;
  /** The repository's index, as discovery listed it (undefined outside git): src/git/index-lister.ts. */
  readonly index?: IndexLister | undefined;
}

/** One environment with its revision graph. */
export interface History {
  readonly environment: AlembicEnvironment;
  readonly graph: RevisionGraph;
  /** The heads file's text, read from where the revisions were; undefined when there is none. */
  readonly headsFileText: string | undefined;
  /** Why the heads file exists but could not be read (then `headsFileText` is undefined). */
  readonly headsFileReadError?: string | undefined;
}

/** How the user chose environments on the command line (`-c`, `-n`). */
export interface EnvironmentSelection {
  readonly configFile?: string | undefined;
  readonly section?: string | undefined;
}
