// The resolved settings of one Alembic environment: everything git-alembic needs to read its
// revisions and write a merge revision, with every path absolute.
import type { AlembicSettings } from '../core/config/alembic-settings/settings.js';
import type { ConstantValue } from '../core/revision.js';

/** A path setting the git-alembic config can give an environment in place of the Alembic config's. */
export type OverriddenPath = 'scriptLocation' | 'versionLocations' | 'headsFile';

/** The git-alembic config entry an environment was read from, as errors name it. */
export interface ConfiguredEntry {
  /** The git-alembic config file (`.git-alembicrc.json`). */
  readonly file: string;
  /** The entry's key in it: `environments[0]`. */
  readonly key: string;
  /** The paths the entry sets in place of the Alembic config's. */
  readonly sets: ReadonlySet<OverriddenPath>;
}

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
  /** The git-alembic config entry that describes it; absent for a discovered environment. */
  readonly configuredEntry?: ConfiguredEntry;
}
