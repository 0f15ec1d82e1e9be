// Alembic's `create_date`: a Python datetime, naive local time without `timezone`, aware in the
// configured zone with it. We model it as wall-clock fields plus the UTC offset, and compute
// zones with Intl so the result matches Python's zoneinfo (fold=0 for ambiguous and missing times).
import { dateFields } from './date-fields.js';

/** Calendar fields of a datetime, microseconds included. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
}

/** A datetime as Alembic holds it. */
export interface CreateDate {
  readonly wall: WallClock;
  /** UTC offset in seconds for an aware datetime (a `timezone` is configured); undefined when naive. */
  readonly offsetSeconds: number | undefined;
  /** `int(create_date.timestamp())`: seconds since the epoch, used by `%(epoch)s`. */
  readonly epoch: number;
}

/** The zone to compute in: an IANA name, or the machine's local zone for naive datetimes. */
export type Zone = { readonly kind: 'iana'; readonly name: string } | { readonly kind: 'local' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: Zone): Intl.DateTimeFormat {
  const key = zone.kind === 'iana' ? zone.name : '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      ...(zone.kind === 'iana' ? { timeZone: zone.name } : {}),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Offset (seconds) of `zone` at the instant `epochMs`. */
function offsetAt(zone: Zone, epochMs: number): number {
  // UTC needs no zone database: skipping Intl spares loading ICU's time zone data (~30 ms) on
  // the default, deterministic merge path.
  if (zone.kind === 'iana' && zone.name === 'UTC') return 0;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal' && part.type !== 'era') fields[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    fields['year'] ?? 0,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    fields['hour'] ?? 0,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  );
  return Math.round((asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 1000);
}

function wallAsUtcMs(wall: WallClock): number {
  const date = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second));
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.getTime();
}

/** The datetime Python's `now()` would return at `epochMicros`, in `zone`. */
export function createDateAtInstant(epochMicros: number, zone: Zone): CreateDate {
  const epochMs = Math.floor(epochMicros / 1000);
  const offset = offsetAt(zone, epochMs);
  const local = new Date(Math.floor(epochMicros / 1_000_000) * 1000 + offset * 1000);
  const wall: WallClock = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    microsecond: ((epochMicros % 1_000_000) + 1_000_000) % 1_000_000,
  };
  return {
    wall,
    offsetSeconds: zone.kind === 'iana' ? offset : undefined,
    epoch: Math.floor(epochMicros / 1_000_000),
  };
}

/**
 * A wall-clock time in `zone`, as Python builds it with fold=0: an ambiguous time takes the
 * offset before the transition, and so does a time that falls in a gap.
 */
export function createDateFromWallClock(wall: WallClock, zone: Zone): CreateDate {
  const wallMs = wallAsUtcMs(wall);
  const before = offsetAt(zone, wallMs - 86_400_000);
  const after = offsetAt(zone, wallMs + 86_400_000);
  let offset = before;
  if (before !== after) {
    const beforeValid = offsetAt(zone, wallMs - before * 1000) === before;
    const afterValid = offsetAt(zone, wallMs - after * 1000) === after;
    offset = afterValid && !beforeValid ? after : before;
  }
  return {
    wall,
    offsetSeconds: zone.kind === 'iana' ? offset : undefined,
    epoch: Math.floor((wallMs - offset * 1000) / 1000),
  };
}

const two = (value: number): string => String(value).padStart(2, '0');

/** Python's `str(datetime)`: `YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM[:SS]]`. */
export function formatCreateDate(date: CreateDate): string {
  const { wall } = date;
  let text = `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`;
  if (wall.microsecond !== 0) text += `.${String(wall.microsecond).padStart(6, '0')}`;
  if (date.offsetSeconds !== undefined) {
    const magnitude = Math.abs(date.offsetSeconds);
    text += `${date.offsetSeconds < 0 ? '-' : '+'}${two(Math.floor(magnitude / 3600))}:${two(Math.floor((magnitude % 3600) / 60))}`;
    if (magnitude % 60 !== 0) text += `:${two(magnitude % 60)}`;
  }
  return text;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/** Parses `YYYY-MM-DD HH:MM:SS[.ffffff]` (the `--date` option); undefined when malformed. */
export function parseWallClock(text: string): WallClock | undefined {
  const match = WALL_CLOCK.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = dateFields(match);
  const wall = {
    year,
    month,
    day,
    hour,
    minute,
    second,
    microsecond: Number((match[7] ?? '').padEnd(6, '0')),
  };
  const check = new Date(wallAsUtcMs(wall));
  const valid =
    check.getUTCMonth() + 1 === month &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? wall : undefined;
}

/**
 * Looks a `timezone` setting up the way Alembic does: the name as written, then upper-cased
 * (so `utc` works), and case-sensitively, like zoneinfo on Linux (so `asia/kolkata` fails).
 */
export function resolveTimeZone(name: string): Zone | undefined {
  for (const candidate of [name, name.toUpperCase()]) {
    if (isZoneNameAsWritten(candidate)) return { kind: 'iana', name: candidate };
  }
  return undefined;
}

function isZoneNameAsWritten(name: string): boolean {
  if (name === '' || name.trim() !== name) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    // RangeError: not a time zone Intl knows.
    return false;
  }
  if (resolved === name || Intl.supportedValuesOf('timeZone').includes(name)) return true;
  // Intl matches case-insensitively; zoneinfo does not. Aliases Intl renames (Asia/Kolkata,
  // US/Eastern) cannot be checked letter by letter, but tzdb segments always start upper-case.
  if (resolved.toLowerCase() === name.toLowerCase()) return false;
  // All-capital names in tzdb are short single words (EST5EDT, NZ-CHAT), never paths.
  if (!/[a-z]/.test(name)) return !name.includes('/') && name.length <= 7;
  return name.split('/').every((segment) => /^[A-Z]/.test(segment));
}
