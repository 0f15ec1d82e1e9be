// Alembic's `create_date` as a real datetime: naive without `timezone`, aware with it (a
// zoneinfo.ZoneInfo since Alembic 1.13, a dateutil tz before). Attributes, strftime,
// isoformat, date() and str() are the same in every version and follow CPython; what prints
// the tzinfo itself (repr of an aware value, str of tzinfo, most %Z) differs and is refused.
import {
  AWARE_REPR,
  NOT_A_DATETIME,
  PYTHON_ERROR,
  UNSUPPORTED_ATTRIBUTE,
} from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import {
  type CalendarFields,
  daysInMonth,
  isoDate,
  isoTime,
  utcOffsetText,
} from './python-calendar.js';
import { strftime, type StrftimeInput } from './python-strftime.js';
import { failAt, type SourceSite } from './template-site.js';
import {
  type CallArguments,
  type DateTimeParts,
  type PyDate,
  type PyDateTime,
  pyFunction,
  pyObject,
  type PyValue,
} from './python-values.js';
import { dateFields } from '../naming/date-fields.js';

const STR_FORM =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{6}))?(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/;
// Zones whose tzname() is "UTC" under both zoneinfo and dateutil.
const UTC_ZONES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/Universal',
  'Universal',
  'Etc/Zulu',
  'Zulu',
  'UCT',
  'Etc/UCT',
]);
const ATTRIBUTES = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond'] as const;
// The tzinfo of an aware create_date: usable in `is None` and truth tests, not printable.
const TZINFO = pyObject('tzinfo', 'create_date.tzinfo', []);

/** The datetime whose str() is `text`; `zone` names the tzinfo of an aware one. */
export function pyDateTime(text: string, zone: string | null): PyDateTime {
  return { kind: 'datetime', text, parts: parseStrForm(text, zone) };
}

// The fields of Python's `str(datetime)` text, or null when the text is not one.
function parseStrForm(text: string, zone: string | null): DateTimeParts | null {
  const match = STR_FORM.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = dateFields(match);
  const microsecond = Number(match[7] ?? 0);
  const sign = match[8] === '-' ? -1 : 1;
  const offsetSeconds =
    match[8] === undefined
      ? null
      : sign * (Number(match[9]) * 3600 + Number(match[10]) * 60 + Number(match[11] ?? 0));
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid || (match[7] !== undefined && microsecond === 0)) return null;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    microsecond,
    offsetSeconds,
    zone: offsetSeconds === null ? null : zone,
  };
}

/** `value.name` for a datetime or date. */
export function dateAttribute(value: PyDateTime | PyDate, name: string, site: SourceSite): PyValue {
  if (value.kind === 'date') return dateOnlyAttribute(value, name, site);
  const parts = value.parts ?? failAt(site, NOT_A_DATETIME(value.text));
  const field = ATTRIBUTES.find((attribute) => attribute === name);
  if (field !== undefined) return parts[field];
  switch (name) {
    case 'tzinfo':
      return parts.offsetSeconds === null ? null : TZINFO;
    case 'date':
      return pyFunction('datetime.date', (args, callSite) => {
        bindArguments('date', [], args, callSite);
        return { kind: 'date', year: parts.year, month: parts.month, day: parts.day };
      });
    case 'isoformat':
      return pyFunction('datetime.isoformat', (args, callSite) => isoformat(parts, args, callSite));
    case 'strftime':
      return strftimeMethod('datetime', { ...parts, tzname: tzname(parts) });
    default:
      return failAt(site, UNSUPPORTED_ATTRIBUTE('datetime', name));
  }
}

function dateOnlyAttribute(date: PyDate, name: string, site: SourceSite): PyValue {
  if (name === 'year' || name === 'month' || name === 'day') return date[name];
  if (name === 'isoformat') {
    return pyFunction('date.isoformat', (args, callSite) => {
      bindArguments('isoformat', [], args, callSite);
      return isoDate(date);
    });
  }
  const midnight = {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: 0,
    minute: 0,
    second: 0,
    microsecond: 0,
  };
  if (name === 'strftime')
    return strftimeMethod('date', { ...midnight, offsetSeconds: null, tzname: null });
  return failAt(site, UNSUPPORTED_ATTRIBUTE('date', name));
}

function strftimeMethod(owner: string, input: StrftimeInput): PyValue {
  return pyFunction(`${owner}.strftime`, (args, site) => {
    const [format] = bindArguments('strftime', [{ name: 'format', keyword: true }], args, site);
    if (typeof format !== 'string')
      return failAt(site, PYTHON_ERROR('TypeError', 'strftime() argument 1 must be str'));
    return strftime(format, input, site);
  });
}

// datetime.isoformat(sep='T', timespec='auto').
function isoformat(parts: DateTimeParts, args: CallArguments, site: SourceSite): string {
  const parameters = [
    { name: 'sep', keyword: true, default: 'T' },
    { name: 'timespec', keyword: true, default: 'auto' },
  ];
  const [sep, timespec] = bindArguments('isoformat', parameters, args, site);
  if (typeof sep !== 'string' || Array.from(sep).length !== 1) {
    return failAt(
      site,
      PYTHON_ERROR('TypeError', 'isoformat() argument 1 must be a unicode character'),
    );
  }
  const time = typeof timespec === 'string' ? isoTime(parts, timespec) : null;
  if (time === null)
    return failAt(
      site,
      PYTHON_ERROR(
        typeof timespec === 'string' ? 'ValueError' : 'TypeError',
        'Unknown timespec value',
      ),
    );
  return `${isoDate(parts)}${sep}${time}${parts.offsetSeconds === null ? '' : utcOffsetText(parts.offsetSeconds, ':')}`;
}

// tzname(): empty when naive; "UTC" for the UTC zones; unknown (null) for other zones.
function tzname(parts: DateTimeParts): string | null {
  return parts.offsetSeconds === null
    ? null
    : parts.zone !== null && UTC_ZONES.has(parts.zone)
      ? 'UTC'
      : null;
}

/** repr() of a datetime or date, as CPython prints it. */
export function reprDate(value: PyDateTime | PyDate, site: SourceSite): string {
  if (value.kind === 'date') return `datetime.date(${value.year}, ${value.month}, ${value.day})`;
  const parts = value.parts ?? failAt(site, NOT_A_DATETIME(value.text));
  if (parts.offsetSeconds !== null) return failAt(site, AWARE_REPR);
  return `datetime.datetime(${reprFields(parts).join(', ')})`;
}

// CPython leaves out a zero microsecond, and a zero second when the microsecond is zero too.
function reprFields(fields: CalendarFields): number[] {
  const shown = [fields.year, fields.month, fields.day, fields.hour, fields.minute];
  if (fields.second !== 0 || fields.microsecond !== 0) shown.push(fields.second);
  if (fields.microsecond !== 0) shown.push(fields.microsecond);
  return shown;
}

/** str() of a datetime (its text) or a date (its isoformat). */
export function strDate(value: PyDateTime | PyDate): string {
  return value.kind === 'date' ? isoDate(value) : value.text;
}
