// The value of Python string literals: prefixes, escapes (../python-escapes.ts), and implicit
// concatenation of adjacent literals. Only `str` values are produced; bytes, template strings
// and f-strings with replacement fields are expressions whose value we cannot know here.
import { decodeEscapes } from '../python-escapes.js';
import type { Token } from './python-lexer.js';
import {
  PREFIX_BYTES,
  PREFIX_FORMAT,
  PREFIX_RAW,
  PREFIX_TEMPLATE,
  literalBody,
  prefixFlags,
} from './python-string-scan.js';

/** The prefix flags (`PREFIX_*`) of a string token. */
export function stringTokenFlags(token: Token): number {
  return prefixFlags(token.text, 0, literalBody(token.text, 0, token.text.length).quote);
}

/** The str value of one string token, or undefined when it is not a plain str literal. */
export function decodeStringToken(token: Token): string | undefined {
  return decodeStringLiteral(token.text);
}

/** The str value of the source text of one string literal (prefix and quotes included), or undefined. */
export function decodeStringLiteral(text: string): string | undefined {
  const { quote, from, to } = literalBody(text, 0, text.length);
  const flags = prefixFlags(text, 0, quote);
  if ((flags & (PREFIX_BYTES | PREFIX_TEMPLATE)) !== 0) return undefined;
  let body = text.slice(from, to);
  if ((flags & PREFIX_FORMAT) !== 0) {
    const literal = formatStringText(body);
    if (literal === undefined) return undefined;
    body = literal;
  }
  if ((flags & PREFIX_RAW) !== 0 || !body.includes('\\')) return body;
  // `\N{name}` is unreadable too: the name table is not carried.
  const value = decodeEscapes(body);
  return typeof value === 'string' ? value : undefined;
}

/** The str value of adjacent string tokens (implicit concatenation), or undefined. */
export function decodeStringTokens(
  tokens: readonly Token[],
  from: number,
  to: number,
): string | undefined {
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
