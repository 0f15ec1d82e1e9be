// The [tool.alembic] table of pyproject.toml (Alembic ≥1.16), parsed with smol-toml. Integers
// come back as bigint so that `40` and `40.0` stay distinguishable, as they are for Python.
// smol-toml is loaded only when there is a file to parse: its nine modules would cost every hook
// run in a project without pyproject.toml.

import { ConfigError } from '../errors.js';
import { TOML_INVALID, TOML_NOT_A_TABLE } from '../messages/alembic-config.js';
import { readConfigText } from './config-files.js';

/** What a pyproject.toml holds for Alembic. */
export type PyprojectContent =
  | { readonly kind: 'missing' }
  | { readonly kind: 'no-alembic' }
  | { readonly kind: 'alembic'; readonly table: Readonly<Record<string, unknown>> };

/** Reads pyproject.toml and returns its `[tool.alembic]` table, if any. */
export async function readPyproject(file: string, shownAs: string): Promise<PyprojectContent> {
  const text = await readConfigText(file, shownAs);
  return text === undefined ? { kind: 'missing' } : pyprojectFromText(text, shownAs);
}

/** The `[tool.alembic]` table of pyproject.toml's text. */
export async function pyprojectFromText(text: string, shownAs: string): Promise<PyprojectContent> {
  const document = await parseToml(text, shownAs);
  const tool = document['tool'];
  if (!isTable(tool) || !Object.hasOwn(tool, 'alembic')) return { kind: 'no-alembic' };
  const alembic = tool['alembic'];
  // Alembic raises "Incorrect TOML format" when tool.alembic is not a table.
  if (!isTable(alembic)) throw new ConfigError(shownAs, 'tool.alembic', TOML_NOT_A_TABLE);
  return { kind: 'alembic', table: alembic };
}

async function parseToml(text: string, shownAs: string): Promise<Record<string, unknown>> {
  const { parse, TomlError } = await import('smol-toml');
  try {
    return parse(text, { integersAsBigInt: true });
  } catch (error) {
    // smol-toml reports syntax errors as TomlError with a line; anything else is a bug.
    if (!(error instanceof TomlError)) throw error;
    const detail = error.message.split('\n')[0] ?? error.message;
    throw new ConfigError(shownAs, undefined, TOML_INVALID(detail), {
      line: error.line,
      cause: error,
    });
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
