// Reads one Python string literal in a template (any quote form, r/u prefixes, escapes), the
// way the CPython tokenizer reads it: this finds where it ends and joins its lines (`\r\n` and
// `\r` become `\n`), the one escape decoder (../python-escapes.ts) gives its value. Bytes and
// f-strings are refused: they need Python.
import {
  BAD_ESCAPE,
  NAMED_UNICODE_ESCAPE,
  UNSUPPORTED_STRING_PREFIX,
  UNTERMINATED_STRING,
} from '../../messages/template.js';
import { decodeEscapes } from '../python-escapes.js';
import { atLine, failAt, type SourceSite } from './template-site.js';

/** A decoded literal and where it ends in the source. */
export interface StringLiteral {
  readonly value: string;
  /** Offset just after the closing quote. */
  readonly end: number;
  /** Number of `\n` characters inside the literal. */
  readonly newlines: number;
}

/** Matches a literal's prefix and opening quote at an offset. */
export const STRING_START = /([A-Za-z]{0,2})('''|"""|'|")/y;

/** Reads the literal whose prefix starts at `start`; `site.line` is the line of `start`. */
export function readStringLiteral(source: string, start: number, site: SourceSite): StringLiteral {
  STRING_START.lastIndex = start;
  const opening = STRING_START.exec(source);
  if (!opening) return failAt(site, UNTERMINATED_STRING);
  const prefix = (opening[1] ?? '').toLowerCase();
  if (prefix !== '' && prefix !== 'r' && prefix !== 'u')
    failAt(site, UNSUPPORTED_STRING_PREFIX(opening[1] ?? ''));
  const { body, end, newlines } = literalText(
    source,
    STRING_START.lastIndex,
    opening[2] ?? "'",
    site,
  );
  if (prefix === 'r') return { value: body, end, newlines };
  const value = decodeEscapes(body);
  if (typeof value === 'string') return { value, end, newlines };
  // The line of the escape: the literal's first line plus the newlines before it.
  const at = atLine(site, site.line + lineBreaksBefore(body, value.at));
  return value.problem === 'named' || value.problem === 'malformed-name'
    ? failAt(at, NAMED_UNICODE_ESCAPE)
    : failAt(at, BAD_ESCAPE(value.letter));
}

// The literal's body up to its closing quote, line breaks as `\n`; escapes stay as written: a
// backslash keeps the next character (a quote, a line break) in the body.
function literalText(
  source: string,
  from: number,
  quote: string,
  site: SourceSite,
): { body: string; end: number; newlines: number } {
  let body = '';
  let newlines = 0;
  let pos = from;
  for (;;) {
    if (pos >= source.length) failAt(site, UNTERMINATED_STRING);
    if (source.startsWith(quote, pos)) return { body, end: pos + quote.length, newlines };
    const escaped = source.charAt(pos) === '\\';
    if (escaped) {
      body += '\\';
      pos += 1;
      if (pos >= source.length) failAt(site, UNTERMINATED_STRING);
    }
    const char = source.charAt(pos);
    if (char === '\n' || char === '\r') {
      // Only a triple-quoted literal, or a backslash, carries a line break.
      if (quote.length === 1 && !escaped)
        failAt(atLine(site, site.line + newlines), UNTERMINATED_STRING);
      pos += source.startsWith('\r\n', pos) ? 2 : 1;
      body += '\n';
      newlines += 1;
    } else {
      body += char;
      pos += 1;
    }
  }
}

function lineBreaksBefore(text: string, end: number): number {
  let count = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < end;
    index = text.indexOf('\n', index + 1)
  )
    count++;
  return count;
}
