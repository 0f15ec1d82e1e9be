// Loads git-alembic's own config with cosmiconfig, the only module that imports it. It is
// imported lazily: hooks run on every commit and most runs never need a config parser.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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
 */
export async function loadProjectConfig(repoRoot: string): Promise<ResolvedConfig> {
  if (!mayHoldConfig(repoRoot)) return defaultConfig(repoRoot);
  const { cosmiconfig } = await import('cosmiconfig');
  // searchStrategy 'none' looks in the start directory only; a stopDir would switch to the
  // 'global' strategy, which also reads ~/.config/git-alembic/.
  const explorer = cosmiconfig(PACKAGE_KEY, { searchPlaces: [...SEARCH_PLACES], searchStrategy: 'none', cache: false });
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

/**
 * Whether cosmiconfig could find anything: a search place other than package.json exists, or
 * package.json has our top-level key. Most repositories have no config, and loading cosmiconfig
 * (about forty modules) would otherwise be the largest start-up cost of every hook.
 */
function mayHoldConfig(repoRoot: string): boolean {
  for (const place of SEARCH_PLACES) {
    if (place === 'package.json') continue;
    if (statSync(path.join(repoRoot, place), { throwIfNoEntry: false })) return true;
  }
  let text: string;
  try {
    text = readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
  } catch {
    // No readable package.json: nothing for cosmiconfig to find there either.
    return false;
  }
  if (!text.includes(`"${PACKAGE_KEY}"`)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value !== 'object' || value === null || Object.hasOwn(value, PACKAGE_KEY);
  } catch {
    // Invalid JSON: let cosmiconfig load it and report the error with the file name.
    return true;
  }
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
