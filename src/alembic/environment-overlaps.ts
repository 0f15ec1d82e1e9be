// Environments that would get in each other's way. Two that read the same revisions (the sections
// of one ini for several databases, [alembic] and [test] with one script_location) are one
// history: discovery keeps the first, or a hook would write its merge revision twice. Two that
// read different revisions cannot share a heads file; which file each gets is the user's choice.
import { UserError } from '../errors.js';
import { HEADS_FILE_SHARED, HEADS_FILE_SHARED_HINT } from '../messages/alembic-config.js';
import { displayPath } from './config-files.js';
import type { AlembicEnvironment } from './environment.js';

/** How overlaps are treated. */
export interface OverlapOptions {
  readonly repoRoot: string;
  /** Keep only the first of the environments that read the same revisions (discovery, not a configured list). */
  readonly dropSameHistory: boolean;
  /** Throws, or records the error and lets the environment be left out (the hooks). */
  readonly report: (error: UserError) => void;
}

/** The environments without duplicates of one history, each with a heads file of its own. */
export function withoutOverlaps(
  environments: readonly AlembicEnvironment[],
  options: OverlapOptions,
): AlembicEnvironment[] {
  const histories = new Set<string>();
  const headsFiles = new Map<string, AlembicEnvironment>();
  const kept: AlembicEnvironment[] = [];
  for (const environment of environments) {
    const history = historyKey(environment);
    if (options.dropSameHistory && histories.has(history)) continue;
    const sharing = headsFiles.get(environment.headsFile);
    if (sharing !== undefined && historyKey(sharing) !== history) {
      const message = HEADS_FILE_SHARED(
        displayPath(environment.headsFile, options.repoRoot),
        sharing.name,
      );
      options.report(
        new UserError(`${environment.name}: ${message}`, { hint: HEADS_FILE_SHARED_HINT }),
      );
      continue;
    }
    histories.add(history);
    headsFiles.set(environment.headsFile, environment);
    kept.push(environment);
  }
  return kept;
}

// What decides the revisions an environment reads.
function historyKey(environment: AlembicEnvironment): string {
  return [String(environment.recursiveVersionLocations), ...environment.versionLocations].join(
    '\0',
  );
}
