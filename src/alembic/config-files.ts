// Reading Alembic's config files from disk: alembic.ini through our ConfigParser, and the
// paths shown in messages (relative to the repository when inside it).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseConfigParser, type ConfigDocument } from '../core/config/configparser.js';
import { ConfigError } from '../errors.js';
import {
  CONFIG_FILE_NOT_UTF8,
  CONFIG_NOT_A_FILE,
  CONFIG_READ_FAILED,
} from '../messages/alembic-config.js';

/** A path as messages show it: relative to the repository with `/` (`.` for the root), else absolute. */
export function displayPath(file: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, file);
  if (relative === '') return '.';
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return file;
  return relative.split(path.sep).join('/');
}

/** `%(here)s`: the absolute directory of a config file with forward slashes (Path.as_posix()). */
export function hereOf(file: string): string {
  return path.dirname(path.resolve(file)).split(path.sep).join('/');
}

/** The UTF-8 text of a file, or undefined when it does not exist. A BOM is kept (Python keeps it too). */
export async function readConfigText(file: string, shownAs: string): Promise<string | undefined> {
  const bytes = await readConfigBytes(file, shownAs);
  return bytes === undefined ? undefined : decodeConfigText(bytes, shownAs);
}

/** The bytes of a file, or undefined when it does not exist. Anything but a regular file is an error. */
export async function readConfigBytes(file: string, shownAs: string): Promise<Buffer | undefined> {
  // Synchronous: a hook has nothing else to do meanwhile, and node:fs/promises costs it a dozen modules to load.
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    // A missing file is an answer ("no such config"), not a failure; anything else is reported.
    if (isMissing(error)) return undefined;
    throw readFailed(shownAs, error);
  }
  try {
    // A link to /dev/zero or a FIFO would never end: only regular files are read.
    if (!fstatSync(descriptor).isFile())
      throw new ConfigError(shownAs, undefined, CONFIG_NOT_A_FILE);
    return readFileSync(descriptor);
  } catch (error) {
    throw error instanceof ConfigError ? error : readFailed(shownAs, error);
  } finally {
    closeSync(descriptor);
  }
}

function readFailed(shownAs: string, error: unknown): ConfigError {
  return new ConfigError(
    shownAs,
    undefined,
    CONFIG_READ_FAILED(error instanceof Error ? error.message : String(error)),
    { cause: error },
  );
}

/** Strict UTF-8 decoding, BOM kept; anything else is a ConfigError naming the file. */
export function decodeConfigText(bytes: Uint8Array, shownAs: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new ConfigError(shownAs, undefined, CONFIG_FILE_NOT_UTF8, { cause: error });
  }
}

/** Reads and parses an ini file as Alembic does (`here` = its directory); undefined when missing. */
export async function readIniDocument(
  file: string,
  shownAs: string,
): Promise<ConfigDocument | undefined> {
  const text = await readConfigText(file, shownAs);
  return text === undefined ? undefined : parseIniText(text, file, shownAs);
}

/** Parses ini text read from `file` as Alembic does (`here` = its directory). */
export function parseIniText(text: string, file: string, shownAs: string): ConfigDocument {
  return parseConfigParser(text, shownAs, { here: hereOf(file) });
}

/** True for "no such file" errors (also ENOTDIR: a path through a file). */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
