// Loads git-alembic's own config. The config is data: JSON in package.json or an rc file, YAML
// in the others, read from a fixed list of files at the repository's top level. Nothing is
// executed: no JavaScript configs, and no config-loader "meta config" (cosmiconfig loads
// `.config/config.js` whenever it searches, and an rc file's `$import` can load JavaScript too,
// which is why we read these few files ourselves). A git merge brings in whatever the other
// branch committed, and the hooks load this config inside that merge.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { ConfigError } from '../errors.js';
import {
  CODE_CONFIG_NOT_READ,
  CODE_CONFIG_NOT_READ_HINT,
  CONFIG_READ_FAILED,
} from '../messages/alembic-config.js';
import { parseConfigText, parseJson, syntaxOf } from './read-config-file.js';
import type { ResolvedConfig } from './schema.js';
import { defaultConfig, PACKAGE_KEY, validateConfig } from './validate-config.js';

/** Where the config may live, relative to the repository root, first match wins. */
export const SEARCH_PLACES: readonly string[] = [
  'package.json',
  '.git-alembicrc',
  '.git-alembicrc.json',
  '.git-alembicrc.yaml',
  '.git-alembicrc.yml',
  '.config/git-alembicrc',
  '.config/git-alembicrc.json',
  '.config/git-alembicrc.yaml',
  '.config/git-alembicrc.yml',
];

const PACKAGE_JSON = 'package.json';

/** Where earlier versions also read JavaScript configs: never run, but a leftover one is reported rather than silently ignored. */
const CODE_PLACES: readonly string[] = [
  'git-alembic.config.js',
  'git-alembic.config.mjs',
  'git-alembic.config.cjs',
  '.config/git-alembicrc.js',
  '.config/git-alembicrc.mjs',
  '.config/git-alembicrc.cjs',
];

/**
 * Finds and validates the config in `repoRoot` only (never in parent directories or the user's
 * global config directory). Relative paths in it resolve against `repoRoot`, `.config/` files
 * included. No config means all defaults; an empty rc file counts as none.
 *
 * package.json's `"git-alembic"` key comes first, except when it holds only the setup record
 * (`{"setup": …}`, which setup writes into every project): then the rc files are searched and
 * the record is kept on the result, so an rc file is not hidden by it.
 */
export async function loadProjectConfig(repoRoot: string): Promise<ResolvedConfig> {
  const packageKey = readPackageKey(repoRoot);
  if (packageKey.kind === 'config') return validateConfig(packageKey.value, PACKAGE_JSON, repoRoot);
  const found = await searchRcFiles(repoRoot);
  if (packageKey.kind !== 'setup-only') return found;
  // Validated on its own so errors name package.json, whichever file holds the config.
  const { setupRecord } = validateConfig(packageKey.value, PACKAGE_JSON, repoRoot);
  return { ...found, setupRecord };
}

/** What package.json's `"git-alembic"` key holds. */
type PackageKey =
  | { readonly kind: 'absent' }
  | { readonly kind: 'config' | 'setup-only'; readonly value: unknown };

// A package.json that does not mention the key is not ours to judge, valid or not.
function readPackageKey(repoRoot: string): PackageKey {
  const text = readText(repoRoot, PACKAGE_JSON);
  if (text === undefined || !text.includes(`"${PACKAGE_KEY}"`)) return { kind: 'absent' };
  const document = parseJson(text.replace(/^\uFEFF/, ''), PACKAGE_JSON);
  if (typeof document !== 'object' || document === null || !Object.hasOwn(document, PACKAGE_KEY))
    return { kind: 'absent' };
  const value: unknown = (document as Record<string, unknown>)[PACKAGE_KEY];
  const setupOnly =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).join() === 'setup';
  return { kind: setupOnly ? 'setup-only' : 'config', value };
}

async function searchRcFiles(repoRoot: string): Promise<ResolvedConfig> {
  for (const place of SEARCH_PLACES) {
    if (place === PACKAGE_JSON) continue;
    const text = readText(repoRoot, place);
    if (text === undefined) continue;
    const value = await parseConfigText(text, syntaxOf(place), place);
    if (value !== undefined) return validateConfig(value, place, repoRoot);
  }
  const code = CODE_PLACES.find(
    (place) => statSync(path.join(repoRoot, place), { throwIfNoEntry: false })?.isFile() === true,
  );
  if (code !== undefined)
    throw new ConfigError(code, undefined, CODE_CONFIG_NOT_READ, {
      hint: CODE_CONFIG_NOT_READ_HINT,
    });
  return defaultConfig(repoRoot);
}

// The file's text, or undefined when there is no such file (a directory of that name is none either).
function readText(repoRoot: string, place: string): string | undefined {
  try {
    return readFileSync(path.join(repoRoot, place), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw new ConfigError(
      place,
      undefined,
      CONFIG_READ_FAILED(error instanceof Error ? error.message : String(error)),
      { cause: error },
    );
  }
}
