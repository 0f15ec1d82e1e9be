// Python's repr() and str() for the value model, exactly as CPython 3 prints them, because
// rendered revisions contain `down_revision = ('a', 'b')` and must match Alembic byte for byte.
import { NOT_RENDERABLE, UNDEFINED_RENDERED, UNORDERED_SET } from '../../messages/template.js';
import { reprDate, strDate } from './python-datetime.js';
import { failAt, type SourceSite } from './template-site.js';
import { type PySet, type PyValue, pyTypeName } from './python-values.js';

// Python's str.isprintable() is false for these categories (the ASCII space is handled apart).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

const NAMED_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\\\'],
  ['\t', '\\t'],
  ['\n', '\\n'],
  ['\r', '\\r'],
]);

/** Python's repr() of a str: quote choice, escapes, and printable non-ASCII kept as is. */
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    body += char === quote ? `\\${char}` : escapeCharacter(char);
  }
  return quote + body + quote;
}

function escapeCharacter(char: string): string {
  const named = NAMED_ESCAPES.get(char);
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return char;
  if (code >= 0x80 && !NON_PRINTABLE.test(char)) return char;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** Python's repr(); values whose repr shows a memory address are refused. */
export function pyRepr(value: PyValue, site: SourceSite): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
      return String(value);
    case 'string':
      return reprString(value);
    default:
      if (value.kind === 'tuple')
        return reprItems(value.items, site, '(', value.items.length === 1 ? ',)' : ')');
      if (value.kind === 'list') return reprItems(value.items, site, '[', ']');
      if (value.kind === 'datetime' || value.kind === 'date') return reprDate(value, site);
      if (value.kind === 'dict')
        return `{${Array.from(value.entries.values(), ([key, item]) => `${pyRepr(key, site)}: ${pyRepr(item, site)}`).join(', ')}}`;
      if (value.kind === 'set') return reprSet(value, site);
      return failAt(site, NOT_RENDERABLE('repr()', pyTypeName(value)));
  }
}

// Python orders a set by hash, which for str changes between runs: only 0 or 1 item is certain.
function reprSet(set: PySet, site: SourceSite): string {
  if (set.entries.size > 1) return failAt(site, UNORDERED_SET('repr()'));
  return set.entries.size === 0 ? 'set()' : reprItems([...set.entries.values()], site, '{', '}');
}

function reprItems(
  items: readonly PyValue[],
  site: SourceSite,
  open: string,
  close: string,
): string {
  return open + items.map((item) => pyRepr(item, site)).join(', ') + close;
}

/** Python's str(); UNDEFINED fails as it does in Mako (`NameError: Undefined`). */
export function pyStr(value: PyValue, site: SourceSite): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    if (value.kind === 'datetime' || value.kind === 'date') return strDate(value);
    if (value.kind === 'undefined') return failAt(site, UNDEFINED_RENDERED);
    if (value.kind === 'function' || value.kind === 'object')
      return failAt(site, NOT_RENDERABLE('str()', pyTypeName(value)));
  }
  return pyRepr(value, site);
}
