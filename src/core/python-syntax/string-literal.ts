// What CPython refuses inside a string literal whose extent is already known: non-ASCII
// characters in bytes, and escapes that cannot be decoded (`\x4`, `\u12`, `\U00110000`, `\N`
// without braces), found by the one escape decoder (../python-escapes.ts). Unknown escapes such
// as `\d` are only warnings in Python, so they pass; `\N{…}` names are not looked up
// (JavaScript has no Unicode name table).
import { PythonSyntaxMessages as Messages } from '../../messages/revision-file.js';
import { type EscapeError, decodeEscapes } from '../python-escapes.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import { PREFIX_BYTES, PREFIX_RAW, literalBody } from '../revision-file/python-string-scan.js';

/** Checks the literal token `source[start, end)` (prefix and quotes included). */
export function checkStringLiteral(
  source: string,
  start: number,
  end: number,
  flags: number,
): void {
  const isBytes = (flags & PREFIX_BYTES) !== 0;
  const isRaw = (flags & PREFIX_RAW) !== 0;
  if (!isBytes && isRaw) return;
  const { quote, from, to } = literalBody(source, start, end);
  if (isBytes) {
    for (let i = from; i < to; i++)
      if (source.charCodeAt(i) >= 128) throw new PythonSyntaxError(quote, Messages.BYTES_NOT_ASCII);
    if (isRaw) return;
  }
  // The body alone: a search for the next backslash must not run on through the rest of the file.
  const body = source.slice(from, to);
  if (!body.includes('\\')) return;
  const decoded = decodeEscapes(body, { bytes: isBytes, anyName: true });
  if (typeof decoded !== 'string')
    throw new PythonSyntaxError(from + decoded.at, escapeMessage(decoded, isBytes));
}

function escapeMessage({ problem, letter }: EscapeError, isBytes: boolean): string {
  if (problem === 'beyond-unicode') return Messages.ILLEGAL_UNICODE_CHARACTER;
  if (problem === 'truncated') return Messages.truncatedEscape(letter, isBytes);
  return Messages.MALFORMED_NAMED_ESCAPE;
}
