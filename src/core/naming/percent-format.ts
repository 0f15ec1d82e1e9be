// Python's printf-style `%` formatting with a mapping, as Alembic applies it to
// `file_template` (`%(rev)s_%(slug)s`, `%(month).2d`, `%(rev).8s`). JavaScript has no equivalent.

/** A value in the mapping: Alembic passes strings (rev, slug) and ints (epoch, year, …). */
export type PercentValue = string | number;

/** Why formatting failed, mirroring the Python exception (KeyError, TypeError, ValueError). */
export class PercentFormatError extends Error {
  readonly pythonError: 'KeyError' | 'TypeError' | 'ValueError';

  constructor(pythonError: 'KeyError' | 'TypeError' | 'ValueError', message: string) {
    super(message);
    this.pythonError = pythonError;
  }
}

const SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])?/y;

/** `template % mapping`, exactly as Python formats it for the conversions Alembic users write. */
export function percentFormat(
  template: string,
  mapping: Readonly<Record<string, PercentValue>>,
): string {
  let output = '';
  let index = 0;
  while (index < template.length) {
    const percent = template.indexOf('%', index);
    if (percent === -1) return output + template.slice(index);
    output += template.slice(index, percent);
    SPEC.lastIndex = percent;
    const match = SPEC.exec(template);
    const conversion = match?.[5];
    if (!match || conversion === undefined)
      throw new PercentFormatError('ValueError', `incomplete format at position ${percent}`);
    index = SPEC.lastIndex;
    if (conversion === '%' && match[1] === undefined) {
      output += '%';
      continue;
    }
    const key = match[1];
    if (key === undefined) throw new PercentFormatError('TypeError', 'format requires a mapping');
    if (!Object.hasOwn(mapping, key)) throw new PercentFormatError('KeyError', `'${key}'`);
    const value = mapping[key] as PercentValue;
    output += formatOne(value, match[2] ?? '', match[3], match[4], conversion);
  }
  return output;
}

function formatOne(
  value: PercentValue,
  flags: string,
  width: string | undefined,
  precision: string | undefined,
  conversion: string,
): string {
  const digits = precision === undefined ? undefined : Number(precision || '0');
  let body: string;
  let sign = '';
  switch (conversion) {
    case 's':
    case 'r':
    case 'a': {
      const text =
        conversion === 's' || typeof value === 'number' ? String(value) : pythonStringRepr(value);
      body = digits === undefined ? text : Array.from(text).slice(0, digits).join('');
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      if (typeof value !== 'number')
        throw new PercentFormatError(
          'TypeError',
          `%${conversion} format: a real number is required, not str`,
        );
      const integer = Math.trunc(value);
      sign = integer < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      const radix = conversion === 'x' || conversion === 'X' ? 16 : conversion === 'o' ? 8 : 10;
      let magnitude = Math.abs(integer).toString(radix);
      if (conversion === 'X') magnitude = magnitude.toUpperCase();
      if (digits !== undefined) magnitude = magnitude.padStart(digits, '0');
      if (flags.includes('#') && radix !== 10)
        magnitude = (conversion === 'o' ? '0o' : conversion === 'x' ? '0x' : '0X') + magnitude;
      body = magnitude;
      break;
    }
    default:
      throw new PercentFormatError('ValueError', `unsupported format character '${conversion}'`);
  }
  return pad(sign, body, flags, width === undefined ? 0 : Number(width), conversion);
}

function pad(sign: string, body: string, flags: string, width: number, conversion: string): string {
  const length = sign.length + Array.from(body).length;
  if (length >= width) return sign + body;
  const fill = width - length;
  if (flags.includes('-')) return sign + body + ' '.repeat(fill);
  // Zero padding applies to numbers only; Python ignores the 0 flag for %s.
  if (flags.includes('0') && !'sra'.includes(conversion)) return sign + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + body;
}

function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}
