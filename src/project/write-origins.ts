// Which setting a path git-alembic writes comes from: the heads file from `headsFile` (or
// `script_location`), a merge revision from its version location (or `file_template`). A path
// that leads outside the work tree is refused naming that setting and its file.
import path from 'node:path';

import { displayPath } from '../alembic/config-files.js';
import type { AlembicEnvironment } from '../alembic/environment.js';
import type { EnvironmentConfig, ResolvedConfig } from '../config/schema.js';
import { type PathOrigin, resolvesWithin } from '../fs/write-target.js';

/** Where an environment's heads file path comes from. */
export function headsFileOrigin(
  environment: AlembicEnvironment,
  config: ResolvedConfig,
  repoRoot: string,
): PathOrigin {
  const configured = configuredEntry(environment, config);
  if (configured?.entry.headsFile !== undefined)
    return configKey(config, configured.index, 'headsFile', repoRoot);
  if (configured?.entry.scriptLocation !== undefined)
    return configKey(config, configured.index, 'scriptLocation', repoRoot);
  return alembicKey(environment, 'script_location', repoRoot);
}

/**
 * Where the path of a merge revision in `location` comes from: the version location when it
 * leads outside the work tree itself, else `file_template` (`..`, an absolute path, a link).
 */
export function mergeRevisionOrigin(
  environment: AlembicEnvironment,
  config: ResolvedConfig,
  repoRoot: string,
  location: string,
): PathOrigin {
  if (resolvesWithin(repoRoot, location)) return alembicKey(environment, 'file_template', repoRoot);
  const configured = configuredEntry(environment, config);
  if (configured?.entry.versionLocations !== undefined)
    return configKey(config, configured.index, 'versionLocations', repoRoot);
  // Without version_locations, Alembic's only location is <script_location>/versions.
  const isDefault =
    environment.versionLocations.length === 1 &&
    environment.versionLocations[0] === path.join(environment.scriptLocation, 'versions');
  if (!isDefault) return alembicKey(environment, 'version_locations', repoRoot);
  if (configured?.entry.scriptLocation !== undefined)
    return configKey(config, configured.index, 'scriptLocation', repoRoot);
  return alembicKey(environment, 'script_location', repoRoot);
}

// The project config's entry for this environment (same config file and section), if any.
function configuredEntry(
  environment: AlembicEnvironment,
  config: ResolvedConfig,
): { entry: EnvironmentConfig; index: number } | undefined {
  const index = config.environments.findIndex(
    (entry) =>
      entry.config !== undefined &&
      path.resolve(config.baseDirectory, entry.config) === environment.configFile &&
      (entry.section ?? 'alembic') === environment.section,
  );
  const entry = config.environments[index];
  return entry === undefined ? undefined : { entry, index };
}

function configKey(
  config: ResolvedConfig,
  index: number,
  key: string,
  repoRoot: string,
): PathOrigin {
  return { key: `environments[${index}].${key}`, file: config.file ?? repoRoot };
}

function alembicKey(environment: AlembicEnvironment, key: string, repoRoot: string): PathOrigin {
  return { key, file: displayPath(environment.configFile, repoRoot) };
}
