// The resolved settings of one Alembic environment: everything git-alembic needs to read its
// revisions and write a merge revision, with every path absolute.
import type { AlembicSettings } from '../core/config/alembic-settings/settings.js';
import type { ConstantValue } from '../core/revision.js';

/** A fully resolved Alembic environment: the settings as read (AlembicSettings), with every path absolute. */
export interface AlembicEnvironment
  extends Omit<AlembicSettings, 'scriptLocation' | 'versionLocations' | 'prependSysPath'> {
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
  /** Values for non-literal expressions in revision files (project config `constants`). */
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /** Every option of the main section, interpolated (templates call `config.get_main_option`). */
  readonly mainOptions: ReadonlyMap<string, string>;
  /** Absolute path of the heads file (`<script_location>/heads.txt` by default). */
  readonly headsFile: string;
}
