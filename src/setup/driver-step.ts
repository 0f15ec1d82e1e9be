// Setup step 5: the driver's definition in the repository's own config. `.git/config` is never
// cloned, so `prepare` (on every npm install) runs this too.
import { DEFAULT_DRIVER_NAME } from '../core/edits/gitattributes.js';
import { DRIVER_DESCRIPTION, driverCommand } from '../core/setup/driver-command.js';
import { localConfigEntries, removeLocalSection, writeLocalConfig } from '../git/repository.js';
import type { Git } from '../git/simple-git-port.js';
import { SetupMessages } from '../messages/git-integration.js';

/** The config section holding the driver (`[merge "git-alembic"]`). */
export const DRIVER_SECTION = `merge.${DEFAULT_DRIVER_NAME}`;

/** The driver's config as it is now. */
export interface RegisteredDriver {
  readonly name: string | undefined;
  readonly driver: string | undefined;
}

/** Reads `merge.git-alembic.name` and `.driver` from the repository's own config. */
export async function registeredDriver(git: Git): Promise<RegisteredDriver> {
  // Dots in the driver name would need escaping in the pattern; ours has none.
  const entries = new Map(
    await localConfigEntries(git, `^${DRIVER_SECTION.replace(/\./g, '\\.')}\\.`),
  );
  return {
    name: entries.get(`${DRIVER_SECTION}.name`),
    driver: entries.get(`${DRIVER_SECTION}.driver`),
  };
}

/** Sets the driver's name and command where they differ; returns a line per change. */
export async function registerDriver(git: Git, packageRelative: string): Promise<string[]> {
  const current = await registeredDriver(git);
  const command = driverCommand(packageRelative);
  const changed: string[] = [];
  if (current.name !== DRIVER_DESCRIPTION)
    await writeLocalConfig(git, `${DRIVER_SECTION}.name`, DRIVER_DESCRIPTION);
  if (current.driver !== command) {
    await writeLocalConfig(git, `${DRIVER_SECTION}.driver`, command);
    changed.push(
      current.driver === undefined
        ? SetupMessages.driverRegistered(command)
        : SetupMessages.driverUpdated(command),
    );
  }
  return changed;
}

/** Removes the whole `[merge "git-alembic"]` section; false when there was none. */
export function unregisterDriver(git: Git): Promise<boolean> {
  return removeLocalSection(git, DRIVER_SECTION);
}
