// The resolved settings of one Alembic environment: everything git-alembic needs to read its
// revisions and write a merge revision, with every path absolute.
import type { HookConfig } from '../core/config/alembic-settings/hooks.js';
import type { ConstantValue } from '../core/revision.js';

/** One `[post_write_hooks]` entry (ini) or `[[tool.alembic.post_write_hooks]]` table (TOML), as the core reads it. */
export type PostWriteHook = HookConfig;

/** A fully resolved Alembic environment. */
export interface AlembicEnvironment {
  /** Display name: the project config's name, else `<config path>` plus `[section]` when not `alembic`. */
  readonly name: string;
  /** Absolute path of the file the settings came from (alembic.ini or pyproject.toml). */
  readonly configFile: string;
  /** Absolute path of pyproject.toml when `[tool.alembic]` contributed settings. */
  readonly pyprojectFile: string | undefined;
  /** The ini section (`-n`), `alembic` by default. */
  readonly section: string;
  /** Absolute `script_location` directory (holds script.py.mako). */
  readonly scriptLocation: string;
  /** Absolute version locations, in config order. */
  readonly versionLocations: readonly string[];
  readonly recursiveVersionLocations: boolean;
  /** `file_template` after interpolation (`%(rev)s_%(slug)s` by default). */
  readonly fileTemplate: string;
  /** `truncate_slug_length` (40 by default; 0 also means 40 when used). */
  readonly truncateSlugLength: number;
  /** `timezone`, verbatim, or undefined for naive local time. */
  readonly timezone: string | undefined;
  /** `output_encoding`, `utf-8` by default. */
  readonly outputEncoding: string;
  /** `revision_environment` (merge runs env.py since Alembic 1.12 when true). */
  readonly revisionEnvironment: boolean;
  readonly postWriteHooks: readonly PostWriteHook[];
  /** Values for non-literal expressions in revision files (project config `constants`). */
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /** Every option of the main section, interpolated (templates call `config.get_main_option`). */
  readonly mainOptions: ReadonlyMap<string, string>;
  /** Absolute path of the heads file (`<script_location>/heads.txt` by default). */
  readonly headsFile: string;
}
