// `datetime.strftime` as CPython runs it on Linux: Python itself expands %f, %z and %Z, then
// glibc's strftime formats the rest in the C locale (Python never sets LC_TIME). We implement
// the glibc directives exactly and refuse what depends on more than the date itself: %s (the
// machine's zone), flags other than `-`, widths, E/O modifiers, and unknown directives (which
// glibc and newer Pythons treat differently).
import {
  EARLY_YEAR_STRFTIME,
  UNKNOWN_TZNAME,
  UNSUPPORTED_STRFTIME,
} from '../../messages/template.js';
import { failAt, type SourceSite } from './template-site.js';
import {
  type CalendarFields,
  daysFromCivil,
  isoWeekDate,
  utcOffsetText,
  weekdayFromSunday,
} from './python-calendar.js';

/** What strftime formats: a date's fields, zeros for a `date`'s time, and the zone if any. */
export interface StrftimeInput extends CalendarFields {
  /** UTC offset in seconds; null when naive (then %z and %Z are empty). */
  readonly offsetSeconds: number | null;
  /** tzname(), or null when aware and unknown to us. */
  readonly tzname: string | null;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// The C locale's composite formats.
const COMPOSITES: ReadonlyMap<string, string> = new Map([
  ['c', '%a %b %e %H:%M:%S %Y'],
  ['D', '%m/%d/%y'],
  ['x', '%m/%d/%y'],
  ['F', '%Y-%m-%d'],
  ['r', '%I:%M:%S %p'],
  ['R', '%H:%M'],
  ['T', '%H:%M:%S'],
  ['X', '%H:%M:%S'],
]);
const LITERALS: ReadonlyMap<string, string> = new Map([
  ['%', '%'],
  ['n', '\n'],
  ['t', '\t'],
]);

/** Formats `input` with `format` as `datetime.strftime(format)` does. */
export function strftime(format: string, input: StrftimeInput, site: SourceSite): string {
  if (input.year < 1000) failAt(site, EARLY_YEAR_STRFTIME);
  if (/[\0\p{Cs}]/u.test(format))
    failAt(site, UNSUPPORTED_STRFTIME('a NUL or lone surrogate character'));
  let result = '';
  for (let index = 0; index < format.length; index += 1) {
    const char = format[index] as string;
    if (char !== '%') {
      result += char;
      continue;
    }
    const unpadded = format[index + 1] === '-';
    if (unpadded) index += 1;
    const directive = format[index + 1];
    if (directive === undefined)
      return failAt(site, UNSUPPORTED_STRFTIME(`${format.slice(index)} at the end`));
    index += 1;
    result += expand(directive, unpadded, input, site);
  }
  return result;
}

function expand(
  directive: string,
  unpadded: boolean,
  input: StrftimeInput,
  site: SourceSite,
): string {
  const numeric = numericDirective(directive, input);
  if (numeric !== null) {
    const [value, width, pad] = numeric;
    return unpadded ? String(value) : String(value).padStart(width, pad);
  }
  if (unpadded) return failAt(site, UNSUPPORTED_STRFTIME(`%-${directive}`));
  const composite = COMPOSITES.get(directive);
  if (composite !== undefined) return strftime(composite, input, site);
  return LITERALS.get(directive) ?? textDirective(directive, input, site);
}

// [value, width, padding] of the numeric directives; null for the others.
function numericDirective(
  directive: string,
  input: StrftimeInput,
): readonly [number, number, string] | null {
  const weekday = weekdayFromSunday(input);
  const yearDay =
    daysFromCivil(input.year, input.month, input.day) - daysFromCivil(input.year, 1, 1); // 0-based
  const hour12 = input.hour % 12 === 0 ? 12 : input.hour % 12;
  switch (directive) {
    case 'Y':
      return [input.year, 1, '0'];
    case 'C':
      return [Math.floor(input.year / 100), 2, '0'];
    case 'y':
      return [input.year % 100, 2, '0'];
    case 'G':
      return [isoWeekDate(input).year, 1, '0'];
    case 'g':
      return [isoWeekDate(input).year % 100, 2, '0'];
    case 'm':
      return [input.month, 2, '0'];
    case 'd':
      return [input.day, 2, '0'];
    case 'e':
      return [input.day, 2, ' '];
    case 'j':
      return [yearDay + 1, 3, '0'];
    case 'H':
      return [input.hour, 2, '0'];
    case 'k':
      return [input.hour, 2, ' '];
    case 'I':
      return [hour12, 2, '0'];
    case 'l':
      return [hour12, 2, ' '];
    case 'M':
      return [input.minute, 2, '0'];
    case 'S':
      return [input.second, 2, '0'];
    case 'u':
      return [weekday === 0 ? 7 : weekday, 1, '0'];
    case 'w':
      return [weekday, 1, '0'];
    case 'U':
      return [Math.floor((yearDay + 7 - weekday) / 7), 2, '0'];
    case 'W':
      return [Math.floor((yearDay + 7 - ((weekday + 6) % 7)) / 7), 2, '0'];
    case 'V':
      return [isoWeekDate(input).week, 2, '0'];
    default:
      return null;
  }
}

function textDirective(directive: string, input: StrftimeInput, site: SourceSite): string {
  const weekday = DAYS[weekdayFromSunday(input)] as string;
  const month = MONTHS[input.month - 1] as string;
  switch (directive) {
    case 'a':
      return weekday.slice(0, 3);
    case 'A':
      return weekday;
    case 'b':
    case 'h':
      return month.slice(0, 3);
    case 'B':
      return month;
    case 'p':
      return input.hour < 12 ? 'AM' : 'PM';
    case 'P':
      return input.hour < 12 ? 'am' : 'pm';
    case 'f':
      return String(input.microsecond).padStart(6, '0');
    case 'z':
      return input.offsetSeconds === null ? '' : utcOffsetText(input.offsetSeconds, '');
    case 'Z':
      return input.offsetSeconds === null ? '' : (input.tzname ?? failAt(site, UNKNOWN_TZNAME));
    default:
      return failAt(site, UNSUPPORTED_STRFTIME(`%${directive}`));
  }
}
