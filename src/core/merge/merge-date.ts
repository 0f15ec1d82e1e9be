// The `create_date` of a merge revision.
//
// - `--date`: the wall clock in the configured zone (naive local time without one), as if
//   Alembic's now() had returned it.
// - Random mode: now, exactly as Alembic (aware in the configured zone, else naive local time).
// - Deterministic mode (the default): the newest parent's time, so every machine computes the
//   same date. A parent's time is the author time of the git commit that added its file, else
//   the `Create Date:` of its docstring; a docstring date with an offset is that instant, a
//   naive one is read as wall clock in the configured zone (UTC without one). The result is
//   shown in the configured zone, or as naive UTC wall clock without one, whatever the local
//   zone of the machine. Only when no parent has a time does it fall back to now.
import {
  type CreateDate,
  createDateAtInstant,
  createDateFromWallClock,
  type WallClock,
  type Zone,
} from '../naming/create-date.js';
import { dateFields } from '../naming/date-fields.js';

/** Where a merge's date came from (verbose output and the "not deterministic" warning). */
export type DateSource = 'option' | 'now' | 'git' | 'docstring';

/** What a parent offers to date the merge from. */
export interface ParentTime {
  readonly id: string;
  /** Unix seconds of the author date of the commit that added the parent's file, when known. */
  readonly gitAuthorTime: number | undefined;
  /** The parent's docstring `Create Date:` text, when present. */
  readonly docstringDate: string | undefined;
}

/** Everything the date depends on. */
export interface CreateDateInput {
  readonly mode: 'deterministic' | 'random';
  /** The configured `timezone`, resolved; undefined when none is configured. */
  readonly timezone: Zone | undefined;
  /** `--date`, parsed. */
  readonly wallClock: WallClock | undefined;
  /** The merge's parents (deterministic mode only). */
  readonly parents: readonly ParentTime[];
  /** Now, in microseconds since the epoch: read only when the date is taken from it. */
  readonly nowMicros: () => number;
}

/** The chosen date and where it came from (`parent` names the parent it was taken from). */
export interface ChosenCreateDate {
  readonly createDate: CreateDate;
  readonly source: DateSource;
  readonly parent?: string | undefined;
  /** The configured zone's name when the date is aware (the template's tzinfo). */
  readonly timezone?: string | undefined;
}

const UTC: Zone = { kind: 'iana', name: 'UTC' };
const LOCAL: Zone = { kind: 'local' };

/** Chooses the merge's create date (see the file comment for the rules). */
export function chooseCreateDate(input: CreateDateInput): ChosenCreateDate {
  const chosen = chooseDate(input);
  return input.timezone?.kind === 'iana' ? { ...chosen, timezone: input.timezone.name } : chosen;
}

function chooseDate(input: CreateDateInput): ChosenCreateDate {
  if (input.wallClock !== undefined)
    return {
      createDate: createDateFromWallClock(input.wallClock, input.timezone ?? LOCAL),
      source: 'option',
    };
  if (input.mode === 'random')
    return {
      createDate: createDateAtInstant(input.nowMicros(), input.timezone ?? LOCAL),
      source: 'now',
    };
  const zone = input.timezone ?? UTC;
  let newest: { micros: number; source: DateSource; parent: string } | undefined;
  for (const parent of input.parents) {
    const candidate = parentInstant(parent, zone);
    if (candidate !== undefined && (newest === undefined || candidate.micros > newest.micros))
      newest = { ...candidate, parent: parent.id };
  }
  const micros = newest?.micros ?? input.nowMicros();
  const aware = createDateAtInstant(micros, zone);
  // Without a configured zone the file shows naive UTC wall clock, like a naive Alembic date.
  const createDate = input.timezone === undefined ? { ...aware, offsetSeconds: undefined } : aware;
  return newest === undefined
    ? { createDate, source: 'now' }
    : { createDate, source: newest.source, parent: newest.parent };
}

function parentInstant(
  parent: ParentTime,
  zone: Zone,
): { micros: number; source: DateSource } | undefined {
  if (parent.gitAuthorTime !== undefined)
    return { micros: parent.gitAuthorTime * 1_000_000, source: 'git' };
  const micros =
    parent.docstringDate === undefined ? undefined : docstringInstant(parent.docstringDate, zone);
  return micros === undefined ? undefined : { micros, source: 'docstring' };
}

const DOCSTRING_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant (microseconds since the epoch) of a `Create Date:` text as Python's `str(datetime)`
 * writes it; a naive one is wall clock in `zone`. Undefined when the text is not such a date.
 */
export function docstringInstant(text: string, zone: Zone): number | undefined {
  const match = DOCSTRING_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = dateFields(match);
  const microsecond = Number((match[7] ?? '').padEnd(6, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const wall: WallClock = { year, month, day, hour, minute, second, microsecond };
  if (match[8] === undefined) {
    const epoch = createDateFromWallClock(wall, zone).epoch;
    return epoch * 1_000_000 + microsecond;
  }
  const offset =
    (Number(match[9]) * 3600 + Number(match[10]) * 60 + Number(match[11] ?? 0)) *
    (match[8] === '-' ? -1 : 1);
  const utcSeconds = Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offset;
  return utcSeconds * 1_000_000 + microsecond;
}
