// What CPython refuses inside a string literal whose extent is already known: non-ASCII
// characters in bytes, and escapes that cannot be decoded (`\x4`, `\u12`, `\U00110000`, `\N`
// without braces). Unknown escapes such as `\d` are only warnings in Python, so they pass;
// `\N{…}` names are not looked up (JavaScript has no Unicode name table).
import { PythonSyntaxMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import { PREFIX_BYTES, PREFIX_FORMAT, PREFIX_RAW, PREFIX_TEMPLATE } from '../revision-file/python-string-scan.js';

/** Checks the literal token `source[start, end)` (prefix and quotes included). */
export function checkStringLiteral(source: string, start: number, end: number, flags: number): void {
  let quote = start;
  while (source.charCodeAt(quote) !== 34 && source.charCodeAt(quote) !== 39) quote++;
  const isBytes = (flags & PREFIX_BYTES) !== 0;
  const isRaw = (flags & PREFIX_RAW) !== 0;
  if (!isBytes && isRaw) return;
  const quoteLength = source.charCodeAt(quote + 1) === source.charCodeAt(quote) && source.charCodeAt(quote + 2) === source.charCodeAt(quote) && end - quote >= 6 ? 3 : 1;
  const from = quote + quoteLength;
  const to = end - quoteLength;
  if (isBytes) {
    for (let i = from; i < to; i++) if (source.charCodeAt(i) >= 128) throw new PythonSyntaxError(quote, Messages.BYTES_NOT_ASCII);
    if (isRaw) return;
  }
  const isFormat = (flags & (PREFIX_FORMAT | PREFIX_TEMPLATE)) !== 0;
  // A loop bounded by the literal: indexOf would search past it, through the rest of the file.
  for (let i = from; i < to; i++) {
    if (source.charCodeAt(i) !== 92) continue;
    const backslash = i++; // the escaped character is skipped with it
    const escape = source.charAt(i);
    if (escape === 'x') requireHexDigits(source, backslash, 2, isBytes);
    else if (isBytes) continue;
    else if (escape === 'u') requireHexDigits(source, backslash, 4, false);
    else if (escape === 'U') requireHexDigits(source, backslash, 8, false);
    else if (escape === 'N' && !isFormat) checkNamedEscape(source, backslash, to);
  }
}

function requireHexDigits(source: string, backslash: number, count: number, isBytes: boolean): void {
  const digits = source.slice(backslash + 2, backslash + 2 + count);
  const escape = source.charAt(backslash + 1);
  if (!/^[0-9a-fA-F]*$/.test(digits) || digits.length < count) throw new PythonSyntaxError(backslash, Messages.truncatedEscape(escape, isBytes));
  if (count === 8 && Number.parseInt(digits, 16) > 0x10ffff) throw new PythonSyntaxError(backslash, Messages.ILLEGAL_UNICODE_CHARACTER);
}

function checkNamedEscape(source: string, backslash: number, to: number): void {
  const close = source.indexOf('}', backslash);
  if (source.charAt(backslash + 2) !== '{' || close === -1 || close >= to || close === backslash + 3) {
    throw new PythonSyntaxError(backslash, Messages.MALFORMED_NAMED_ESCAPE);
  }
}
