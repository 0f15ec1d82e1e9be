// Which files are Alembic configs and which environments each holds: every ini with a section
// that has its own script_location, whatever the file is called (monorepos use
// halfstack.alembic.ini or alembic-tenant.ini, and keep [core] and [tenant] in one file); the
// [alembic] section of alembic.ini, which Alembic reads by default; and every pyproject.toml with
// [tool.alembic] that has no alembic.ini beside it. Cheap first: an ini that never says
// script_location is not parsed, and one too large to be Alembic's is not read at all.
import { type Stats, statSync } from 'node:fs';
import path from 'node:path';

import type { ConfigDocument } from '../core/config/configparser.js';
import { compareSegments } from '../core/code-point-order.js';
import { INI_TOO_LARGE, NOT_A_FILE } from '../messages/alembic-config.js';
import {
  decodeConfigText,
  displayPath,
  parseIniText,
  readConfigBytes,
  readConfigText,
} from './config-files.js';
import { DEFAULT_INI_SECTION, INI_NAME, PYPROJECT_NAME } from './load-sources.js';
import { readPyproject } from './read-pyproject.js';

/** Ini files above this size are not read, unless named alembic.ini (real ones are a few KB). */
export const INI_SIZE_LIMIT = 1024 * 1024;
const SCRIPT_LOCATION = 'script_location';

/** One environment to read: a config file (absolute) and an ini section. */
export interface EnvironmentCandidate {
  readonly configFile: string;
  readonly section: string;
}

/** The environments the files hold, and the ini files that were parsed (for a -n that matched none). */
export interface CandidateScan {
  readonly candidates: EnvironmentCandidate[];
  readonly inisRead: string[];
}

/** How to scan: -n, where messages are relative to, and how failures and skipped files are reported. */
export interface CandidateOptions {
  readonly repoRoot: string;
  /** `-n`: only inis with this section count, and pyproject.toml only for `alembic`. */
  readonly section: string | undefined;
  /** Runs one file's read; a reporting caller turns a failure into `fallback`. */
  readonly attempt: <T>(read: () => Promise<T>, fallback: T) => Promise<T>;
  readonly onSkipped?: ((file: string, reason: string) => void) | undefined;
}

/** Whether a file name could be an Alembic config. */
export function isConfigName(name: string): boolean {
  return name.endsWith('.ini') || name === PYPROJECT_NAME;
}

/** Absolute config files in code-point order of their paths, segment by segment; duplicates dropped. */
export function sortConfigFiles(files: readonly string[], repoRoot: string): string[] {
  const keyed = [...new Set(files)].map((file) => ({
    file,
    parts: path.relative(repoRoot, file).split(path.sep),
  }));
  return keyed
    .sort((left, right) => compareSegments(left.parts, right.parts))
    .map(({ file }) => file);
}

/** The environments of the files (absolute, in the order given). Missing files are skipped. */
export async function environmentCandidates(
  files: readonly string[],
  options: CandidateOptions,
): Promise<CandidateScan> {
  const candidates: EnvironmentCandidate[] = [];
  const inisRead: string[] = [];
  for (const file of files) {
    if (path.basename(file) === PYPROJECT_NAME) {
      if (await options.attempt(() => isTomlEnvironment(file, options), false))
        candidates.push({ configFile: file, section: options.section ?? DEFAULT_INI_SECTION });
      continue;
    }
    const document = await options.attempt(() => readCandidateIni(file, options), undefined);
    if (document === undefined) continue;
    inisRead.push(displayPath(file, options.repoRoot));
    const sections = await options.attempt(() => environmentSections(file, document, options), []);
    for (const section of sections) candidates.push({ configFile: file, section });
  }
  return { candidates, inisRead };
}

// [alembic] first (what `alembic` reads without -n), then every other section with its own
// script_location, in file order. alembic.ini without [alembic] still yields it when
// pyproject.toml beside it has [tool.alembic] (Alembic then reads every key from there), or when
// nothing else does (reading it then says what is missing, as Alembic would).
async function environmentSections(
  file: string,
  document: ConfigDocument,
  options: CandidateOptions,
): Promise<string[]> {
  const requested = options.section;
  if (requested !== undefined) return document.sections.has(requested) ? [requested] : [];
  const own = [...document.sections.values()]
    .filter((section) => section.options.has(SCRIPT_LOCATION))
    .map((section) => section.name);
  const others = own.filter((name) => name !== DEFAULT_INI_SECTION);
  if (document.sections.has(DEFAULT_INI_SECTION)) return [DEFAULT_INI_SECTION, ...others];
  if (path.basename(file) !== INI_NAME) return others;
  const fromToml =
    others.length === 0 ||
    (await hasAlembicTable(path.join(path.dirname(file), PYPROJECT_NAME), options.repoRoot));
  return fromToml ? [DEFAULT_INI_SECTION, ...others] : others;
}

// The parsed ini, or undefined when it is missing, too large, or never mentions script_location
// (tox.ini, pytest.ini, translation files: never parsed, so their syntax cannot fail discovery).
async function readCandidateIni(
  file: string,
  options: CandidateOptions,
): Promise<ConfigDocument | undefined> {
  const shownAs = displayPath(file, options.repoRoot);
  const isAlembicIni = path.basename(file) === INI_NAME;
  const found = await regularFile(file, shownAs, options);
  if (found === undefined) return undefined;
  if (!isAlembicIni && found.size > INI_SIZE_LIMIT) {
    options.onSkipped?.(shownAs, INI_TOO_LARGE(found.size, INI_SIZE_LIMIT));
    return undefined;
  }
  const bytes = await readConfigBytes(file, shownAs);
  if (bytes === undefined) return undefined;
  // ConfigParser lower-cases keys, so `Script_Location` counts too; latin1 maps bytes one to one.
  if (!isAlembicIni && !bytes.toString('latin1').toLowerCase().includes(SCRIPT_LOCATION))
    return undefined;
  return parseIniText(decodeConfigText(bytes, shownAs), file, shownAs);
}

// pyproject.toml is an environment of its own only without alembic.ini beside it (with one, it
// supplies that ini's [alembic] keys), and only for the default section: TOML has no sections.
async function isTomlEnvironment(file: string, options: CandidateOptions): Promise<boolean> {
  if (options.section !== undefined && options.section !== DEFAULT_INI_SECTION) return false;
  if ((await regularFile(file, displayPath(file, options.repoRoot), options)) === undefined)
    return false;
  if (statOrUndefined(path.join(path.dirname(file), INI_NAME))?.isFile() === true) return false;
  return hasAlembicTable(file, options.repoRoot);
}

// A tracked link may lead anywhere, /dev/zero included: only regular files are read. A missing
// file (tracked but deleted, outside a sparse checkout) is simply not there.
async function regularFile(
  file: string,
  shownAs: string,
  options: CandidateOptions,
): Promise<Stats | undefined> {
  const found = statOrUndefined(file);
  if (found === undefined || found.isFile()) return found;
  options.onSkipped?.(shownAs, NOT_A_FILE);
  return undefined;
}

// Cheap first: most pyproject.toml files never mention alembic and need no TOML parse.
async function hasAlembicTable(file: string, repoRoot: string): Promise<boolean> {
  const shownAs = displayPath(file, repoRoot);
  const text = await readConfigText(file, shownAs);
  if (text === undefined || !text.includes('alembic')) return false;
  return (await readPyproject(file, shownAs)).kind === 'alembic';
}

// stat, or undefined when there is nothing to stat (or it cannot be): synchronous, as a hook
// has nothing else to do meanwhile, and node:fs/promises costs it a dozen modules to load.
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
