// Finds and parses the files of one environment: the ini named (or the alembic.ini beside a
// named pyproject.toml) plus the pyproject.toml beside it when it has [tool.alembic]. Alembic
// itself pairs `-c` with the files of the working directory; we pair files of one directory.
import path from 'node:path';

import type { AlembicSources } from '../core/config/alembic-settings/sources.js';
import { ConfigError } from '../errors.js';
import {
  CONFIG_FILE_MISSING,
  iniSectionKey,
  SECTION_MISSING,
  TOML_HAS_NO_SECTIONS,
  TOML_NO_ALEMBIC,
} from '../messages/alembic-config.js';
import { displayPath, hereOf, readIniDocument } from './config-files.js';
import { readPyproject } from './read-pyproject.js';

/** Alembic's default ini section. */
export const DEFAULT_INI_SECTION = 'alembic';
/** The ini name Alembic looks for by default. */
export const INI_NAME = 'alembic.ini';
/** The TOML file Alembic ≥1.16 reads `[tool.alembic]` from. */
export const PYPROJECT_NAME = 'pyproject.toml';

/** The parsed sources of one environment and the absolute files they came from. */
export interface LoadedSources {
  readonly sources: AlembicSources;
  /** The ini when there is one, else pyproject.toml: the file the environment is named after. */
  readonly configFile: string;
  readonly iniFile: string | undefined;
  readonly pyprojectFile: string | undefined;
}

/** Loads the ini and/or pyproject.toml for `configFile` (absolute) and checks the section exists. */
export async function loadSources(
  configFile: string,
  section: string,
  repoRoot: string,
): Promise<LoadedSources> {
  const named = path.basename(configFile) === PYPROJECT_NAME ? 'toml' : 'ini';
  const directory = path.dirname(configFile);
  const iniFile = named === 'ini' ? configFile : path.join(directory, INI_NAME);
  const tomlFile = named === 'toml' ? configFile : path.join(directory, PYPROJECT_NAME);
  const document = await readIniDocument(iniFile, displayPath(iniFile, repoRoot));
  if (named === 'ini' && document === undefined)
    throw new ConfigError(displayPath(iniFile, repoRoot), undefined, CONFIG_FILE_MISSING);
  const pyproject = await readPyproject(tomlFile, displayPath(tomlFile, repoRoot));
  if (named === 'toml' && pyproject.kind !== 'alembic') {
    throw new ConfigError(
      displayPath(tomlFile, repoRoot),
      undefined,
      pyproject.kind === 'missing' ? CONFIG_FILE_MISSING : TOML_NO_ALEMBIC,
    );
  }
  // TOML has no sections: a -n other than the default needs an ini that has it.
  if (document === undefined && section !== DEFAULT_INI_SECTION)
    throw new ConfigError(
      displayPath(tomlFile, repoRoot),
      iniSectionKey(section),
      TOML_HAS_NO_SECTIONS,
    );
  const table = pyproject.kind === 'alembic' ? pyproject.table : undefined;
  // Alembic falls back to [tool.alembic] for every key when the ini lacks the section, so only
  // the default section may be missing, and only when TOML supplies the settings.
  if (
    document !== undefined &&
    !document.sections.has(section) &&
    !(table !== undefined && section === DEFAULT_INI_SECTION)
  ) {
    throw new ConfigError(document.fileName, iniSectionKey(section), SECTION_MISSING(section));
  }
  return {
    sources: {
      ini: document === undefined ? undefined : { document, section, directory },
      toml:
        table === undefined
          ? undefined
          : { file: displayPath(tomlFile, repoRoot), here: hereOf(tomlFile), directory, table },
    },
    configFile: document === undefined ? tomlFile : iniFile,
    iniFile: document === undefined ? undefined : iniFile,
    pyprojectFile: table === undefined ? undefined : tomlFile,
  };
}
