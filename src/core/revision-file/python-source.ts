// Turns the bytes of a Python file into the text Python's tokenizer sees: a UTF-8 BOM is
// dropped, a PEP 263 coding cookie on line 1 or 2 picks the codec, and `\r\n` and lone `\r`
// become `\n` (universal newlines), so every later offset counts lines by `\n` alone.
import {
  EncodingMessages,
  PythonSyntaxMessages,
  pythonSyntaxError,
} from '../../messages/revision-file.js';
import { type Codec, codecFor, decodeUtf8, tryDecodeUtf8 } from './python-codecs.js';
import { lineAt } from './python-syntax-error.js';

/** Why the bytes could not become source text; `line` is 1-based when known. */
export class SourceDecodingError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'SourceDecodingError';
    this.line = line;
  }
}

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#|$)/;
// The first two lines as findCodingCookie splits them (`\r\n`, `\r` or `\n` ends line 1).
const FIRST_TWO_LINES = /[^\r\n]*(?:\r\n?|\n)?[^\r\n]*/y;

/**
 * Decodes a Python source file; throws SourceDecodingError with the line when it cannot. A
 * string stands for its UTF-8 encoding: the text of a file a reader decoded as UTF-8 as it read
 * it, with no byte replaced (src/fs/file-reader.ts), so that it is not encoded and decoded
 * again.
 */
export function decodePythonSource(content: Uint8Array | string): string {
  if (typeof content === 'string') {
    // Only a BOM or a coding cookie makes the bytes mean anything but this text.
    return content.charCodeAt(0) === 0xfeff || mayHoldCookie(content)
      ? decodePythonSource(new TextEncoder().encode(content))
      : normalizedSource(content);
  }
  const hasBom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  const body = hasBom ? content.subarray(3) : content;
  // Most files are valid UTF-8 without a cookie; UTF-8 keeps ASCII bytes as they are, so a
  // cookie would show in the decoded text. Anything else takes the cookie-aware path.
  const utf8 = tryDecodeUtf8(body);
  return normalizedSource(
    utf8 !== undefined && !mayHoldCookie(utf8) ? utf8 : decodeDeclared(body, hasBom),
  );
}

// Universal newlines, and no NUL (which Python refuses before it tokenizes).
function normalizedSource(decoded: string): string {
  const text = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
  const nul = text.indexOf('\0');
  if (nul !== -1)
    throw new SourceDecodingError(
      pythonSyntaxError(PythonSyntaxMessages.NULL_BYTES),
      lineAt(text, nul),
    );
  return text;
}

// Whether "coding" starts within the first two lines: searched backwards from their end, so
// that a file without a cookie is not read to its end for it.
function mayHoldCookie(text: string): boolean {
  FIRST_TWO_LINES.lastIndex = 0;
  FIRST_TWO_LINES.test(text);
  const end = FIRST_TWO_LINES.lastIndex;
  return end > 0 && text.lastIndexOf('coding', end - 1) !== -1;
}

// The codec a coding cookie names (UTF-8 without one), with PEP 263's errors.
function decodeDeclared(body: Uint8Array, hasBom: boolean): string {
  const cookie = findCodingCookie(body);
  let codec: Codec = decodeUtf8;
  let encodingName = 'utf-8';
  if (cookie !== undefined) {
    if (hasBom && !isCpythonUtf8Name(cookie.name))
      throw new SourceDecodingError(
        EncodingMessages.bomWithOtherEncoding(cookie.name),
        cookie.line,
      );
    const found = codecFor(cookie.name);
    if (found === undefined)
      throw new SourceDecodingError(EncodingMessages.unknownEncoding(cookie.name), cookie.line);
    codec = found;
    encodingName = cookie.name;
  }
  const decoded = codec(body);
  if (typeof decoded !== 'string')
    throw new SourceDecodingError(
      EncodingMessages.undecodable(encodingName),
      lineOfByte(body, decoded.invalidByte),
    );
  return decoded;
}

// The cookie counts on line 1, or on line 2 when line 1 is blank or only a comment.
function findCodingCookie(bytes: Uint8Array): { name: string; line: number } | undefined {
  const first = asciiLine(bytes, 0);
  const onFirst = first.text.includes('coding') ? COOKIE.exec(first.text)?.[1] : undefined;
  if (onFirst !== undefined) return { name: onFirst, line: 1 };
  if (first.next >= bytes.length || !BLANK_OR_COMMENT.test(first.text)) return undefined;
  const second = asciiLine(bytes, first.next);
  const onSecond = second.text.includes('coding') ? COOKIE.exec(second.text)?.[1] : undefined;
  return onSecond === undefined ? undefined : { name: onSecond, line: 2 };
}

// Non-ASCII bytes become U+FFFD, which cannot be part of a cookie anyway.
function asciiLine(bytes: Uint8Array, start: number): { text: string; next: number } {
  let end = start;
  while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) end++;
  let text = '';
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    text += byte < 128 ? String.fromCharCode(byte) : '\ufffd';
  }
  const next = bytes[end] === 13 && bytes[end + 1] === 10 ? end + 2 : end + 1;
  return { text, next };
}

// CPython accepts a BOM only with a cookie it normalises to "utf-8" (its get_normal_name).
function isCpythonUtf8Name(name: string): boolean {
  const normal = name.slice(0, 12).toLowerCase().replaceAll('_', '-');
  return normal === 'utf-8' || normal.startsWith('utf-8-');
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++)
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  return line;
}
