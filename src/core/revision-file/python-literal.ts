// The value of Python string literals: prefixes, escapes, and implicit concatenation of
// adjacent literals. Only `str` values are produced; bytes, template strings and f-strings
// with replacement fields are expressions whose value we cannot know here.
import type { Token } from './python-lexer.js';
import { PREFIX_BYTES, PREFIX_FORMAT, PREFIX_RAW, PREFIX_TEMPLATE, isQuote, prefixFlags } from './python-string-scan.js';

/** The prefix flags (`PREFIX_*`) of a string token. */
export function stringTokenFlags(token: Token): number {
  return prefixFlags(token.text, 0, quoteIndex(token.text));
}

function quoteIndex(text: string): number {
  let quote = 0;
  while (!isQuote(text.charCodeAt(quote))) quote++;
  return quote;
}

/** The str value of one string token, or undefined when it is not a plain str literal. */
export function decodeStringToken(token: Token): string | undefined {
  return decodeStringLiteral(token.text);
}

/** The str value of the source text of one string literal (prefix and quotes included), or undefined. */
export function decodeStringLiteral(text: string): string | undefined {
  const quote = quoteIndex(text);
  const flags = prefixFlags(text, 0, quote);
  if ((flags & (PREFIX_BYTES | PREFIX_TEMPLATE)) !== 0) return undefined;
  const quoteCode = text.charCodeAt(quote);
  const triple = text.length - quote >= 6 && text.charCodeAt(quote + 1) === quoteCode && text.charCodeAt(quote + 2) === quoteCode;
  const width = triple ? 3 : 1;
  let body = text.slice(quote + width, text.length - width);
  if ((flags & PREFIX_FORMAT) !== 0) {
    const literal = formatStringText(body);
    if (literal === undefined) return undefined;
    body = literal;
  }
  if ((flags & PREFIX_RAW) !== 0 || !body.includes('\\')) return body;
  return decodeEscapes(body);
}

/** The str value of adjacent string tokens (implicit concatenation), or undefined. */
export function decodeStringTokens(tokens: readonly Token[], from: number, to: number): string | undefined {
  let value = '';
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    const part = token?.kind === 'string' ? decodeStringToken(token) : undefined;
    if (part === undefined) return undefined;
    value += part;
  }
  return value;
}

/** Whether tokens `[from, to)` are all bytes literals (a value, but never a str). */
export function areBytesLiterals(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token?.kind !== 'string' || (stringTokenFlags(token) & PREFIX_BYTES) === 0) return false;
  }
  return from < to;
}

// An f-string without replacement fields is a plain str once `{{` and `}}` are undoubled.
function formatStringText(body: string): string | undefined {
  if (!body.includes('{') && !body.includes('}')) return body;
  let text = '';
  for (let i = 0; i < body.length; i++) {
    const character = body.charAt(i);
    if (character === '{' || character === '}') {
      if (body.charAt(i + 1) !== character) return undefined;
      i++;
    }
    text += character;
  }
  return text;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

// Python's escape rules for str literals; unknown escapes keep their backslash. `\N{name}`
// needs the Unicode name table, which we do not carry, so such a literal is unreadable.
function decodeEscapes(body: string): string | undefined {
  let value = '';
  let from = 0;
  for (let backslash = body.indexOf('\\'); backslash !== -1; backslash = body.indexOf('\\', from)) {
    value += body.slice(from, backslash);
    const escaped = decodeEscape(body, backslash + 1);
    if (escaped === undefined) return undefined;
    value += escaped.text;
    from = escaped.next;
  }
  return value + body.slice(from);
}

function decodeEscape(body: string, at: number): { text: string; next: number } | undefined {
  const character = body.charAt(at);
  const simple = SIMPLE_ESCAPES[character];
  if (simple !== undefined) return { text: simple, next: at + 1 };
  if (character >= '0' && character <= '7') {
    let end = at + 1;
    while (end < at + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') end++;
    return { text: String.fromCodePoint(parseInt(body.slice(at, end), 8)), next: end };
  }
  const hexLength = character === 'x' ? 2 : character === 'u' ? 4 : character === 'U' ? 8 : 0;
  if (hexLength === 0) return character === 'N' ? undefined : { text: `\\${character}`, next: at + 1 };
  const digits = body.slice(at + 1, at + 1 + hexLength);
  if (digits.length !== hexLength || !HEX_DIGITS.test(digits)) return undefined;
  const codePoint = parseInt(digits, 16);
  return codePoint > 0x10ffff ? undefined : { text: String.fromCodePoint(codePoint), next: at + 1 + hexLength };
}
