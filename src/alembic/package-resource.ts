// Alembic's `coerce_resource_to_filename`: a relative value containing `:` is a package resource
// (`myapp:migrations`, `myapp.models:alembic`, `prefect:server:database:_migrations`), the
// directory `importlib.resources.files(pkg) / rest...`. We cannot import Python, so we look for
// the package's directory in the repository, where the project's own packages live.
import { statSync } from 'node:fs';
import path from 'node:path';

import { isDottedPythonName } from '../core/python-text.js';
import { ConfigError } from '../errors.js';
import {
  PACKAGE_RESOURCE_BAD_NAME,
  PACKAGE_RESOURCE_HINT,
  PACKAGE_RESOURCE_NOT_FOUND,
} from '../messages/alembic-config.js';
import { displayPath } from './config-files.js';

/** Where a value came from, for errors: file, key and line. */
export interface ValueOrigin {
  readonly file: string;
  readonly key: string;
  readonly line: number | undefined;
}

/** Whether Alembic treats the value as a package resource rather than a path. */
export function isPackageResource(value: string): boolean {
  return !path.isAbsolute(value) && value.includes(':');
}

/**
 * Resolves `pkg.mod:dir[:more]` to `<root>/pkg/mod/dir/more` for the first candidate root that
 * has the package directory (candidates in sys.path order: prepend_sys_path entries, the config
 * file's directory, the repository root, `<repo>/src`).
 */
export async function resolvePackageResource(
  value: string,
  candidates: readonly string[],
  origin: ValueOrigin,
  repoRoot: string,
): Promise<string> {
  const [packageName = '', ...parts] = value.split(':');
  if (!isDottedPythonName(packageName))
    throw resourceError(origin, PACKAGE_RESOURCE_BAD_NAME(value));
  for (const root of candidates) {
    const packageDirectory = path.join(root, ...packageName.split('.'));
    if (await isDirectory(packageDirectory)) return path.join(packageDirectory, ...parts);
  }
  throw resourceError(
    origin,
    PACKAGE_RESOURCE_NOT_FOUND(
      value,
      candidates.map((root) => displayPath(root, repoRoot)),
    ),
  );
}

/** A path as Alembic's coerce_resource_to_filename sees it: absolute, package resource, or relative to `origin.directory`. */
export async function resolveLocation(
  value: string,
  origin: ValueOrigin & { readonly directory: string },
  roots: readonly string[],
  repoRoot: string,
): Promise<string> {
  if (path.isAbsolute(value)) return path.normalize(value);
  if (isPackageResource(value)) return resolvePackageResource(value, roots, origin, repoRoot);
  return path.resolve(origin.directory, value);
}

/** Whether the path is an existing directory. */
export async function isDirectory(directory: string): Promise<boolean> {
  try {
    return statSync(directory).isDirectory();
  } catch {
    // Missing or unreadable: either way there is no directory to use.
    return false;
  }
}

function resourceError(origin: ValueOrigin, message: string): ConfigError {
  return new ConfigError(origin.file, origin.key, message, {
    hint: PACKAGE_RESOURCE_HINT,
    ...(origin.line === undefined ? {} : { line: origin.line }),
  });
}
