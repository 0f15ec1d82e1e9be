// Where an environment's revision files live, resolved and checked: the git-alembic config's
// versionLocations (glob patterns expanded), else the Alembic config's version_locations, else
// <script_location>/versions. Alembic skips a location that does not exist; we stop, naming the
// file and key, because a missing directory would read as an empty or partial history.
import path from 'node:path';

import type { Sourced } from '../core/config/alembic-settings/sources.js';
import { ConfigError } from '../errors.js';
import {
  VERSION_DIRECTORY_MISSING,
  VERSIONS_DEFAULT_MISSING,
  VERSIONS_MISSING_HINT,
} from '../messages/alembic-config.js';
import { displayPath } from './config-files.js';
import { isDirectory, resolveLocation, type ValueOrigin } from './package-resource.js';
import { expandVersionPattern, hasGlobSyntax } from './version-globs.js';

/** What resolving needs besides the written value. */
export interface VersionLocationContext {
  readonly repoRoot: string;
  /** Where a `pkg:dir` package may be imported from. */
  readonly roots: readonly string[];
  /** The resolved script directory, and the setting it came from. */
  readonly scriptLocation: string;
  readonly scriptOrigin: ValueOrigin;
  /** The git-alembic config's versionLocations, absolute, patterns included. */
  readonly overrides: readonly string[] | undefined;
  /** Names one entry of the overrides in errors. */
  readonly overrideOrigin: (index: number) => ValueOrigin;
  /**
   * Whether git records files under a directory the work tree lacks (a sparse checkout leaves
   * them out): such a directory exists for git-alembic, which reads those files from git.
   */
  readonly recordedDirectory?: ((directory: string) => Promise<boolean>) | undefined;
}

/** The absolute version locations, in config order, each an existing directory, each once. */
export async function resolveVersionLocations(
  written: Sourced<readonly string[]> | undefined,
  context: VersionLocationContext,
): Promise<string[]> {
  if (context.overrides !== undefined) return overriddenLocations(context.overrides, context);
  if (written === undefined) {
    const directory = path.join(context.scriptLocation, 'versions');
    await requireLocation(
      directory,
      context.scriptOrigin,
      context,
      VERSIONS_DEFAULT_MISSING,
      VERSIONS_MISSING_HINT,
    );
    return [directory];
  }
  const locations: string[] = [];
  for (const value of written.value) {
    const directory = await resolveLocation(value, written, context.roots, context.repoRoot);
    await requireLocation(directory, written, context, VERSION_DIRECTORY_MISSING, undefined);
    locations.push(directory);
  }
  return locations;
}

// Patterns expand in place; a directory named twice is read once, where it first appears.
async function overriddenLocations(
  overrides: readonly string[],
  context: VersionLocationContext,
): Promise<string[]> {
  const locations = new Set<string>();
  for (const [index, entry] of overrides.entries()) {
    const origin = context.overrideOrigin(index);
    if (hasGlobSyntax(entry)) {
      for (const directory of expandVersionPattern(
        entry,
        origin,
        displayPath(entry, context.repoRoot),
      ))
        locations.add(directory);
      continue;
    }
    await requireLocation(entry, origin, context, VERSION_DIRECTORY_MISSING, undefined);
    locations.add(entry);
  }
  return [...locations];
}

async function requireLocation(
  directory: string,
  origin: ValueOrigin,
  { repoRoot, recordedDirectory }: VersionLocationContext,
  message: (directory: string) => string,
  hint: string | undefined,
): Promise<void> {
  if ((await isDirectory(directory)) || (await recordedDirectory?.(directory))) return;
  const options = {
    ...(origin.line === undefined ? {} : { line: origin.line }),
    ...(hint === undefined ? {} : { hint }),
  };
  throw new ConfigError(
    origin.file,
    origin.key,
    message(displayPath(directory, repoRoot)),
    options,
  );
}
