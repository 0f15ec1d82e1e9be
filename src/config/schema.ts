// The typed shape of the project configuration (package.json key `git-alembic` or an rc file), after validation.
import type { SetupRecord } from '../core/edits/setup-record.js';
import type { ConstantValue } from '../core/revision.js';

/** One Alembic environment named in the project config. Paths are relative to the config file's directory. */
export interface EnvironmentConfig {
  /** Display name; defaults to the config path (plus `[section]`). */
  readonly name: string | undefined;
  /** alembic.ini or pyproject.toml; undefined when `scriptLocation` alone describes it (Alembic's defaults). */
  readonly config: string | undefined;
  /** ini section, `alembic` by default. */
  readonly section: string | undefined;
  /** Overrides `script_location` (needed for `pkg:dir` values and projects that set it in code). */
  readonly scriptLocation: string | undefined;
  /** Overrides the version locations (projects that build the list in env.py). */
  readonly versionLocations: readonly string[] | undefined;
  /** The heads file, `<script_location>/heads.txt` by default. */
  readonly headsFile: string | undefined;
  /** Values for non-literal expressions, merged over the top-level `constants`. */
  readonly constants: ReadonlyMap<string, ConstantValue>;
}

/** What the post-merge hook does with the merge revision it created. */
export type OnMerge = 'amend' | 'stage';

/** How a merge revision's id is chosen. */
export type RevisionIdMode = 'deterministic' | 'random';

/** The validated project configuration with defaults applied. */
export interface ResolvedConfig {
  /** The file it came from, or undefined when there is none (all defaults). */
  readonly file: string | undefined;
  /** Directory that relative paths in the config are resolved against. */
  readonly baseDirectory: string;
  /** `false` turns git-alembic off for this repository (like GIT_ALEMBIC=0). */
  readonly enabled: boolean;
  /** Explicit environments; empty means "discover". */
  readonly environments: readonly EnvironmentConfig[];
  /** Values for non-literal expressions in revision files, e.g. `{"cli.EXPAND_BRANCH": "expand"}`. */
  readonly constants: ReadonlyMap<string, ConstantValue>;
  readonly onMerge: OnMerge;
  readonly revisionId: RevisionIdMode;
  /** Message of a generated merge revision; `{heads}` is replaced by the comma-separated parent ids. */
  readonly message: string;
  /** Also merge divergences that existed before the current git operation. */
  readonly mergeExistingDivergences: boolean;
  /** Hooks exit non-zero (blocking the commit) when they fail, instead of only reporting. */
  readonly guard: boolean;
  /** When the native renderer refuses script.py.mako, render it with a Python that has Mako (GIT_ALEMBIC_PYTHON=0 turns it off for one command). */
  readonly pythonFallback: boolean;
  /** What `git-alembic setup` added (package.json `"git-alembic": {"setup": …}`), for `uninstall`; undefined before setup. */
  readonly setupRecord: SetupRecord | undefined;
}
