// The post-write hooks an environment's config files define in another version of those files
// (the commit the user had before a git operation), read exactly as the current ones are, so a
// git hook can tell whether the operation changed what post-write hooks would run.
import path from 'node:path';

import { type HookConfig, postWriteHooksOf } from '../core/config/alembic-settings/hooks.js';
import { parseConfigParser } from '../core/config/configparser.js';
import { displayPath, hereOf } from './config-files.js';
import type { AlembicEnvironment } from './environment.js';
import { INI_NAME, PYPROJECT_NAME } from './load-sources.js';
import { pyprojectFromText } from './read-pyproject.js';

/** The two files an environment's post-write hooks can come from (absolute; either may be absent). */
export interface HookDefinitionFiles {
  readonly ini: string;
  readonly toml: string;
}

/** Their texts in some version; undefined where the file did not exist. */
export interface HookDefinitionTexts {
  readonly ini: string | undefined;
  readonly toml: string | undefined;
}

/** The ini and the pyproject.toml beside it, paired as the environment's files were read (load-sources.ts). */
export function hookDefinitionFiles(environment: AlembicEnvironment): HookDefinitionFiles {
  const directory = path.dirname(environment.configFile);
  const ini =
    path.basename(environment.configFile) === PYPROJECT_NAME
      ? path.join(directory, INI_NAME)
      : environment.configFile;
  return { ini, toml: path.join(directory, PYPROJECT_NAME) };
}

/** The hooks the files define with these texts; throws ConfigError when they cannot be read. */
export async function postWriteHooksIn(
  texts: HookDefinitionTexts,
  files: HookDefinitionFiles,
  section: string,
  repoRoot: string,
): Promise<HookConfig[]> {
  const directory = path.dirname(files.ini);
  const document =
    texts.ini === undefined
      ? undefined
      : parseConfigParser(texts.ini, displayPath(files.ini, repoRoot), { here: hereOf(files.ini) });
  const pyproject =
    texts.toml === undefined
      ? undefined
      : await pyprojectFromText(texts.toml, displayPath(files.toml, repoRoot));
  const table = pyproject?.kind === 'alembic' ? pyproject.table : undefined;
  return postWriteHooksOf({
    ini: document === undefined ? undefined : { document, section, directory },
    toml:
      table === undefined
        ? undefined
        : { file: displayPath(files.toml, repoRoot), here: hereOf(files.toml), directory, table },
  });
}

/** Two hook lists define the same hooks: same names, types and options, in the same order. */
export function sameHooks(a: readonly HookConfig[], b: readonly HookConfig[]): boolean {
  return canonical(a) === canonical(b);
}

function canonical(hooks: readonly HookConfig[]): string {
  return JSON.stringify(
    hooks.map((hook) => [
      hook.name,
      hook.type ?? null,
      Object.entries(hook.options).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    ]),
  );
}
