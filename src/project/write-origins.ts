// Which setting a path git-alembic writes comes from: the heads file from `headsFile` (or
// `script_location`), a merge revision from its version location (or `file_template`). A path
// that leads outside the work tree is refused naming that setting and its file.
import path from 'node:path';

import { displayPath } from '../alembic/config-files.js';
import type { AlembicEnvironment, OverriddenPath } from '../alembic/environment.js';
import { type PathOrigin, resolvesWithin } from '../fs/write-target.js';

/** Where an environment's heads file path comes from. */
export function headsFileOrigin(environment: AlembicEnvironment, repoRoot: string): PathOrigin {
  return (
    entryKey(environment, 'headsFile') ??
    entryKey(environment, 'scriptLocation') ??
    alembicKey(environment, 'script_location', repoRoot)
  );
}

/**
 * Where the path of a merge revision in `location` comes from: the version location when it
 * leads outside the work tree itself, else `file_template` (`..`, an absolute path, a link).
 */
export function mergeRevisionOrigin(
  environment: AlembicEnvironment,
  repoRoot: string,
  location: string,
): PathOrigin {
  if (resolvesWithin(repoRoot, location)) return alembicKey(environment, 'file_template', repoRoot);
  const versionLocations = entryKey(environment, 'versionLocations');
  if (versionLocations !== undefined) return versionLocations;
  // Without version_locations, Alembic's only location is <script_location>/versions.
  const isDefault =
    environment.versionLocations.length === 1 &&
    environment.versionLocations[0] === path.join(environment.scriptLocation, 'versions');
  if (!isDefault) return alembicKey(environment, 'version_locations', repoRoot);
  return (
    entryKey(environment, 'scriptLocation') ?? alembicKey(environment, 'script_location', repoRoot)
  );
}

// `environments[0].headsFile` in the git-alembic config, when its entry for the environment sets it.
function entryKey(
  { configuredEntry }: AlembicEnvironment,
  key: OverriddenPath,
): PathOrigin | undefined {
  if (configuredEntry === undefined || !configuredEntry.sets.has(key)) return undefined;
  return { key: `${configuredEntry.key}.${key}`, file: configuredEntry.file };
}

function alembicKey(environment: AlembicEnvironment, key: string, repoRoot: string): PathOrigin {
  return { key, file: displayPath(environment.configFile, repoRoot) };
}
