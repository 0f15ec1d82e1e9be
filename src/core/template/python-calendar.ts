// Calendar arithmetic on Python's proleptic Gregorian dates, without JavaScript's Date (whose
// years 0-99 and time zones get in the way), and the text forms datetime prints.
import type { WallClock } from '../naming/create-date.js';

/** The fields of a datetime (a `date` has zeros for the time): Alembic's wall clock. */
export type CalendarFields = WallClock;

/** Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day of the week, 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday). */
export function weekdayFromSunday(fields: Pick<CalendarFields, 'year' | 'month' | 'day'>): number {
  return (((daysFromCivil(fields.year, fields.month, fields.day) + 4) % 7) + 7) % 7;
}

/** The number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** ISO 8601 week-numbering year and week (what %G and %V print). */
export function isoWeekDate(fields: CalendarFields): {
  readonly year: number;
  readonly week: number;
} {
  const days = daysFromCivil(fields.year, fields.month, fields.day);
  const isoWeekday = ((weekdayFromSunday(fields) + 6) % 7) + 1; // Monday is 1
  const thursday = days - isoWeekday + 4;
  const year = civilYear(thursday);
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

// The year of a day number: the year whose 1 January is the last one not after it.
function civilYear(days: number): number {
  let year = 1970 + Math.floor(days / 365.2425);
  while (daysFromCivil(year, 1, 1) > days) year -= 1;
  while (daysFromCivil(year + 1, 1, 1) <= days) year += 1;
  return year;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD`, as date.isoformat() and str() print it. */
export function isoDate(fields: Pick<CalendarFields, 'year' | 'month' | 'day'>): string {
  return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`;
}

/** The time part of isoformat() for a timespec Python accepts; null for an unknown timespec. */
export function isoTime(fields: CalendarFields, timespec: string): string | null {
  const hours = pad(fields.hour);
  const minutes = `${hours}:${pad(fields.minute)}`;
  const seconds = `${minutes}:${pad(fields.second)}`;
  switch (timespec) {
    case 'auto':
      return fields.microsecond === 0 ? seconds : `${seconds}.${pad(fields.microsecond, 6)}`;
    case 'hours':
      return hours;
    case 'minutes':
      return minutes;
    case 'seconds':
      return seconds;
    case 'milliseconds':
      return `${seconds}.${pad(Math.floor(fields.microsecond / 1000), 3)}`;
    case 'microseconds':
      return `${seconds}.${pad(fields.microsecond, 6)}`;
    default:
      return null;
  }
}

/** A UTC offset as `+HH:MM[:SS]` (separator `:`, isoformat and str) or `+HHMM[SS]` (`''`, %z). */
export function utcOffsetText(offsetSeconds: number, separator: ':' | ''): string {
  const magnitude = Math.abs(offsetSeconds);
  const parts = [Math.floor(magnitude / 3600), Math.floor((magnitude % 3600) / 60)];
  if (magnitude % 60 !== 0) parts.push(magnitude % 60);
  return (offsetSeconds < 0 ? '-' : '+') + parts.map((part) => pad(part)).join(separator);
}
