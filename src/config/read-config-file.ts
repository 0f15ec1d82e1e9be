// The git-alembic config is data: JSON or YAML, never code. This module turns one config file's
// text into a plain value, and a syntax error into one line naming the file and the line.
import { parseJsonDocument } from '../core/edits/json-document.js';
import { ConfigError, formatLocation, InputError } from '../errors.js';
import { PROJECT_CONFIG_UNREADABLE } from '../messages/alembic-config.js';

/** How a config file is parsed: `.json` as JSON, `.yaml`/`.yml` and the extensionless rc files as YAML. */
export type ConfigSyntax = 'json' | 'yaml';

/** The syntax of a search place, by its extension. */
export function syntaxOf(place: string): ConfigSyntax {
  return place.endsWith('.json') ? 'json' : 'yaml';
}

/**
 * Parses a config file's text; undefined when it holds nothing (empty, or YAML with only
 * comments), which counts as "no config here". `shownAs` is named in errors.
 */
export async function parseConfigText(
  text: string,
  syntax: ConfigSyntax,
  shownAs: string,
): Promise<unknown> {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return undefined;
  const value = syntax === 'json' ? parseJson(content, shownAs) : await parseYaml(content, shownAs);
  return value ?? undefined;
}

/** JSON.parse, with the file and line of a syntax error found by our own located reader. */
export function parseJson(text: string, shownAs: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw locatedJsonError(text, shownAs, error);
  }
}

function locatedJsonError(text: string, shownAs: string, cause: unknown): ConfigError {
  try {
    parseJsonDocument(text, shownAs);
  } catch (located) {
    if (located instanceof InputError) {
      const detail = located.message.slice(formatLocation(located.location).length + 2);
      return new ConfigError(shownAs, undefined, PROJECT_CONFIG_UNREADABLE(detail), {
        line: located.location.line,
        cause,
      });
    }
    throw located;
  }
  // Our reader accepted what JSON.parse refused (it never should): report JSON.parse's reason.
  return new ConfigError(shownAs, undefined, PROJECT_CONFIG_UNREADABLE(firstLine(cause)), {
    cause,
  });
}

/** What the yaml package reports: its message and one-based positions. */
interface YamlError {
  readonly message?: unknown;
  readonly linePos?: readonly { readonly line?: unknown; readonly col?: unknown }[];
}

// The yaml package is loaded only for YAML files: most projects keep the config in package.json.
async function parseYaml(text: string, shownAs: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    // The core schema builds plain data only (no functions, no classes); aliases are bounded.
    return parse(text);
  } catch (error) {
    const { message, linePos } = (error ?? {}) as YamlError;
    const line = typeof linePos?.[0]?.line === 'number' ? linePos[0].line : undefined;
    const column = typeof linePos?.[0]?.col === 'number' ? ` (column ${linePos[0].col})` : '';
    // "<reason> at line L, column C:" and a code frame: keep the reason, the line goes in the location.
    const reason =
      typeof message === 'string'
        ? (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
        : '';
    const detail = reason === '' ? firstLine(error) : `invalid YAML: ${reason}${column}`;
    throw new ConfigError(shownAs, undefined, PROJECT_CONFIG_UNREADABLE(detail), {
      ...(line === undefined ? {} : { line }),
      cause: error,
    });
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() ?? message;
}
