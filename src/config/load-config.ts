// Loads git-alembic's own config with cosmiconfig, the only module that imports it. It is
// imported lazily: hooks run on every commit and most runs never need a config parser.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { parseJsonDocument } from '../core/edits/json-document.js';
import { ConfigError } from '../errors.js';
import { PROJECT_CONFIG_UNREADABLE } from '../messages/alembic-config.js';
import type { ResolvedConfig } from './schema.js';
import { defaultConfig, PACKAGE_KEY, validateConfig } from './validate-config.js';

/** Where the config may live, relative to the repository root, first match wins. */
export const SEARCH_PLACES: readonly string[] = [
  'package.json',
  '.git-alembicrc',
  '.git-alembicrc.json',
  '.git-alembicrc.yaml',
  '.git-alembicrc.yml',
  'git-alembic.config.js',
  'git-alembic.config.mjs',
  'git-alembic.config.cjs',
  '.config/git-alembicrc',
  '.config/git-alembicrc.json',
  '.config/git-alembicrc.yaml',
  '.config/git-alembicrc.yml',
  '.config/git-alembicrc.js',
  '.config/git-alembicrc.mjs',
  '.config/git-alembicrc.cjs',
];

/**
 * Finds and validates the config in `repoRoot` only (never in parent directories or the user's
 * global config directory). Relative paths in it resolve against `repoRoot`, `.config/` files
 * included. No config means all defaults.
 *
 * package.json's `"git-alembic"` key comes first, except when it holds only the setup record
 * (`{"setup": …}`, which setup writes into every project): then the other places are searched
 * and the record is kept on the result, so an rc file is not hidden by it.
 */
export async function loadProjectConfig(repoRoot: string): Promise<ResolvedConfig> {
  const packageKey = readPackageKey(repoRoot);
  if (packageKey.kind === 'config') return validateConfig(packageKey.value, PACKAGE_JSON, repoRoot);
  const places = packageKey.kind === 'invalid' ? SEARCH_PLACES : SEARCH_PLACES.filter((place) => place !== PACKAGE_JSON);
  const found = await searchPlaces(repoRoot, places);
  if (packageKey.kind !== 'setup-only') return found;
  // Validated on its own so errors name package.json, whichever file holds the config.
  const { setupRecord } = validateConfig(packageKey.value, PACKAGE_JSON, repoRoot);
  return { ...found, setupRecord };
}

const PACKAGE_JSON = 'package.json';

/** What package.json's `"git-alembic"` key holds. */
type PackageKey =
  | { readonly kind: 'absent' | 'invalid' }
  | { readonly kind: 'config' | 'setup-only'; readonly value: unknown };

// Read without cosmiconfig: the key is plain JSON, and loading cosmiconfig (about forty modules)
// would otherwise be the largest start-up cost of every hook in a project that ran setup.
function readPackageKey(repoRoot: string): PackageKey {
  let text: string;
  try {
    text = readFileSync(path.join(repoRoot, PACKAGE_JSON), 'utf8');
  } catch {
    // No readable package.json: nothing to find there.
    return { kind: 'absent' };
  }
  if (!text.includes(`"${PACKAGE_KEY}"`)) return { kind: 'absent' };
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Invalid JSON that names our key: one line with the file, line and reason (exit 2).
    parseJsonDocument(text, PACKAGE_JSON);
    return { kind: 'invalid' };
  }
  if (typeof document !== 'object' || document === null || !Object.hasOwn(document, PACKAGE_KEY)) return { kind: 'absent' };
  const value: unknown = (document as Record<string, unknown>)[PACKAGE_KEY];
  const setupOnly = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).join() === 'setup';
  return { kind: setupOnly ? 'setup-only' : 'config', value };
}

// cosmiconfig over `places`, loaded only when one of them exists.
async function searchPlaces(repoRoot: string, places: readonly string[]): Promise<ResolvedConfig> {
  if (!places.some((place) => statSync(path.join(repoRoot, place), { throwIfNoEntry: false }))) return defaultConfig(repoRoot);
  const { cosmiconfig } = await import('cosmiconfig');
  // searchStrategy 'none' looks in the start directory only; a stopDir would switch to the
  // 'global' strategy, which also reads ~/.config/git-alembic/.
  const explorer = cosmiconfig(PACKAGE_KEY, { searchPlaces: [...places], searchStrategy: 'none', cache: false });
  let result: Awaited<ReturnType<typeof explorer.search>>;
  try {
    result = await explorer.search(repoRoot);
  } catch (error) {
    // Loader errors (bad JSON or YAML, a throwing JS config) carry the file cosmiconfig was reading.
    throw new ConfigError(failedFile(error, repoRoot), undefined, PROJECT_CONFIG_UNREADABLE(firstLine(error)), { cause: error });
  }
  if (result === null || result.isEmpty === true) return defaultConfig(repoRoot);
  const shown = path.relative(repoRoot, result.filepath).split(path.sep).join('/');
  return validateConfig(result.config, shown, repoRoot);
}

function failedFile(error: unknown, repoRoot: string): string {
  const file = (error as { filepath?: unknown } | null)?.filepath;
  return typeof file === 'string' ? path.relative(repoRoot, file).split(path.sep).join('/') : repoRoot;
}

// cosmiconfig's messages are multi-line ("JSON Error in <file>:\n<detail>"); keep the detail's first line.
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^(JSON|YAML) Error in /.test(line));
  return lines[0] ?? message.trim();
}
