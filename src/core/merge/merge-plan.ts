// Plans one merge revision: its id, message, create date, directory and file name, exactly as
// `alembic merge` would compute them from the same id, date and message, with deterministic
// defaults for the three (see merge-id.ts and merge-date.ts).
import { ConfigError, UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';
import type { RevisionGraph } from '../graph/revision-graph.js';
import type { WallClock, Zone } from '../naming/create-date.js';
import { PercentFormatError } from '../naming/percent-format.js';
import { revisionFileName } from '../naming/revision-file-name.js';
import { type ChosenCreateDate, chooseCreateDate } from './merge-date.js';
import {
  checkRevisionId,
  deterministicMergeId,
  type HexHash,
  isIdTaken,
  mergeExists,
} from './merge-id.js';
import type { MergeGroup } from './merge-targets.js';
import { requireHeads } from './merge-targets.js';
import { versionLocationOf } from './version-location.js';

/** The environment's settings a merge depends on. */
export interface MergeSettings {
  /** The config file, named in errors about its settings. */
  readonly configFile: string;
  readonly fileTemplate: string;
  readonly truncateSlugLength: number;
  /** Absolute version locations with forward slashes, in config order. */
  readonly versionLocations: readonly string[];
  readonly recursiveVersionLocations: boolean;
  /** The default message; `{heads}` becomes the parent ids joined with `, `. */
  readonly messageTemplate: string;
}

/** What the user asked for, and the clock. */
export interface MergeRequest {
  readonly mode: 'deterministic' | 'random';
  /** `-m`, used verbatim. */
  readonly message: string | undefined;
  /** `--rev-id`. */
  readonly revisionId: string | undefined;
  /** `--date`. */
  readonly wallClock: WallClock | undefined;
  /** The configured `timezone`, resolved; undefined when none. */
  readonly timezone: Zone | undefined;
  /** Now, in microseconds since the epoch (read only when a date needs it). */
  readonly nowMicros: () => number;
}

/** Impure helpers, injected. */
export interface MergeServices {
  readonly hash: HexHash;
  /** Alembic's `uuid4().hex[-12:]`. */
  readonly randomId: () => string;
  /** A revision's `file` (as the graph stores it) as an absolute path with forward slashes. */
  readonly absolutePath: (file: string) => string;
  /** Author time (Unix seconds) of the commit that added each parent's file, when known. */
  readonly gitAuthorTimes: ReadonlyMap<string, number>;
}

/** A merge to write. */
export interface PlannedMerge {
  readonly kind: 'write';
  readonly id: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly date: ChosenCreateDate;
  /** The version location (absolute, forward slashes). */
  readonly location: string;
  /** The file's path inside the location (a `/` in file_template makes subdirectories). */
  readonly fileName: string;
}

/** The outcome of planning: a file to write, or the deterministic merge is already there. */
export type MergePlan =
  | PlannedMerge
  | {
      readonly kind: 'exists';
      readonly id: string;
      readonly parents: readonly string[];
      readonly file: string;
    };

const RANDOM_ATTEMPTS = 100;

/**
 * Plans the merge of `group`. `taken` holds ids planned earlier in the same run and receives
 * this one. Throws UserError for a named parent that is not a head, a `--rev-id` in use, and
 * a file_template Python could not format.
 */
export function planMerge(
  graph: RevisionGraph,
  group: MergeGroup,
  settings: MergeSettings,
  request: MergeRequest,
  services: MergeServices,
  taken: Set<string>,
): MergePlan {
  const { parents } = group;
  const chosen = chooseId(graph, parents, request, services, taken);
  if (chosen.exists)
    return {
      kind: 'exists',
      id: chosen.id,
      parents,
      file: graph.get(chosen.id)?.file ?? chosen.id,
    };
  if (group.explicit) requireHeads(graph, parents);
  const message =
    request.message ?? settings.messageTemplate.replaceAll('{heads}', parents.join(', '));
  const date = chooseCreateDate({
    mode: request.mode,
    timezone: request.timezone,
    wallClock: request.wallClock,
    parents: parents.map((id) => ({
      id,
      gitAuthorTime: services.gitAuthorTimes.get(id),
      docstringDate: graph.get(id)?.createDate,
    })),
    nowMicros: request.nowMicros,
  });
  const first = graph.get(parents[0] as string);
  const location = versionLocationOf(
    first === undefined ? '' : services.absolutePath(first.file),
    settings.versionLocations,
  ) as string;
  const fileName = fileNameOf(settings, chosen.id, message, date);
  taken.add(chosen.id);
  return { kind: 'write', id: chosen.id, parents, message, date, location, fileName };
}

function chooseId(
  graph: RevisionGraph,
  parents: readonly string[],
  request: MergeRequest,
  services: MergeServices,
  taken: ReadonlySet<string>,
): { id: string; exists: boolean } {
  if (request.revisionId !== undefined) {
    const id = request.revisionId;
    checkRevisionId(id);
    if (isIdTaken(graph, taken, id))
      throw new UserError(MergeMessages.revIdTaken(id, graph.get(id)?.file), {
        hint: MergeMessages.REV_ID_TAKEN_HINT,
      });
    return { id, exists: false };
  }
  if (request.mode === 'random') {
    for (let attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
      const id = services.randomId();
      if (!isIdTaken(graph, taken, id)) return { id, exists: false };
    }
    throw new UserError(MergeMessages.NO_FREE_RANDOM_ID);
  }
  // A clash with other parents derives the next candidate, the same on every machine.
  for (let attempt = 0; ; attempt++) {
    const id = deterministicMergeId(parents, services.hash, attempt);
    if (mergeExists(graph, id, parents)) return { id, exists: true };
    if (!isIdTaken(graph, taken, id)) return { id, exists: false };
  }
}

function fileNameOf(
  settings: MergeSettings,
  revisionId: string,
  message: string,
  date: ChosenCreateDate,
): string {
  let fileName: string;
  try {
    fileName = revisionFileName({
      fileTemplate: settings.fileTemplate,
      revisionId,
      message,
      truncateSlugLength: settings.truncateSlugLength,
      createDate: date.createDate,
    });
  } catch (error) {
    // Python's `%` would raise the same KeyError / TypeError / ValueError in Alembic.
    if (!(error instanceof PercentFormatError)) throw error;
    throw new ConfigError(
      settings.configFile,
      'file_template',
      MergeMessages.badFileTemplate(settings.fileTemplate, error.pythonError, error.message),
    );
  }
  if (fileName.includes('/') && !settings.recursiveVersionLocations) {
    throw new ConfigError(
      settings.configFile,
      'file_template',
      MergeMessages.subdirectoryNotRead(fileName),
      { hint: MergeMessages.SUBDIRECTORY_HINT },
    );
  }
  return fileName;
}
