// Finds where a Python string literal ends, without decoding it. This runs on every string of
// every revision file, including the bodies of upgrade() we never read, so it jumps with
// indexOf where it can and never allocates. f-strings follow PEP 701 (Python 3.12), which
// allows the enclosing quote inside a replacement field; older f-strings are a subset.
import { PythonSyntaxMessages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from './python-syntax-error.js';

const NEWLINE = 10;
const HASH = 35;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COLON = 58;
const OPEN_SQUARE = 91;
const BACKSLASH = 92;
const CLOSE_SQUARE = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const UPPER_N = 78;

/** Prefix flag: `r` (backslashes are kept). */
export const PREFIX_RAW = 1;
/** Prefix flag: `f` (replacement fields). */
export const PREFIX_FORMAT = 2;
/** Prefix flag: `b` (a bytes literal, never a str). */
export const PREFIX_BYTES = 4;
/** Prefix flag: `t` (a Python 3.14 template string, never a str). */
export const PREFIX_TEMPLATE = 8;
/** Prefix flag: `u` (a plain str; kept for Python 2 compatibility). */
export const PREFIX_UNICODE = 16;

/** Whether a character can be part of a Python identifier (non-ASCII is accepted loosely). */
export function isIdentifierChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code >= 128
  );
}

/** Whether a character is `'` or `"`. */
export function isQuote(code: number): boolean {
  return code === DOUBLE_QUOTE || code === SINGLE_QUOTE;
}

function prefixLetterFlag(code: number): number {
  switch (code | 32) {
    case 114:
      return PREFIX_RAW; // r
    case 102:
      return PREFIX_FORMAT; // f
    case 98:
      return PREFIX_BYTES; // b
    case 116:
      return PREFIX_TEMPLATE; // t
    case 117:
      return PREFIX_UNICODE; // u
    default:
      return 0;
  }
}

/** Flags of the prefix `source[start, end)`, or -1 when it is not a valid string prefix. */
export function prefixFlags(source: string, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return 0;
  if (length > 2) return -1;
  const first = prefixLetterFlag(source.charCodeAt(start));
  if (length === 1) return first === 0 ? -1 : first;
  const second = prefixLetterFlag(source.charCodeAt(start + 1));
  const combined = first | second;
  const isRawPair =
    first !== second && (combined & PREFIX_RAW) !== 0 && (combined & PREFIX_UNICODE) === 0;
  return first !== 0 && second !== 0 && isRawPair ? combined : -1;
}

/** Where the literal `source[start, end)` (prefix and quotes included) has its opening quote, and its body. */
export function literalBody(
  source: string,
  start: number,
  end: number,
): { readonly quote: number; readonly from: number; readonly to: number } {
  let quote = start;
  while (!isQuote(source.charCodeAt(quote))) quote++;
  const code = source.charCodeAt(quote);
  const width =
    end - quote >= 6 &&
    source.charCodeAt(quote + 1) === code &&
    source.charCodeAt(quote + 2) === code
      ? 3
      : 1;
  return { quote, from: quote + width, to: end - width };
}

/** Start of the string token whose quote is at `quote`: before its prefix letters, if any. */
export function stringTokenStart(source: string, quote: number): number {
  let start = quote;
  while (start > 0 && isIdentifierChar(source.charCodeAt(start - 1))) {
    // Three identifier characters or more are a name followed by a string, not a prefix.
    if (quote - start === 2) return quote;
    start--;
  }
  return prefixFlags(source, start, quote) === -1 ? quote : start;
}

/** Flags of the prefix of the string whose opening quote is at `quote`: 0 when it has none. */
export function prefixFlagsBefore(source: string, quote: number): number {
  // Most quotes have no prefix; this spares them the walk back.
  if (!isIdentifierChar(source.charCodeAt(quote - 1))) return 0;
  return prefixFlags(source, stringTokenStart(source, quote), quote);
}

/** Offset just past the string literal whose opening quote is at `quote`. */
export function skipString(source: string, quote: number, flags: number): number {
  const quoteCode = source.charCodeAt(quote);
  const triple =
    source.charCodeAt(quote + 1) === quoteCode && source.charCodeAt(quote + 2) === quoteCode;
  if ((flags & (PREFIX_FORMAT | PREFIX_TEMPLATE)) !== 0)
    return skipFormatString(source, quote, quoteCode, triple, flags);
  return triple
    ? skipTripleQuoted(source, quote, quoteCode)
    : skipSingleQuoted(source, quote, quoteCode);
}

function skipSingleQuoted(source: string, quote: number, quoteCode: number): number {
  const length = source.length;
  for (let i = quote + 1; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code === quoteCode) return i + 1;
    if (code === BACKSLASH) i++;
    else if (code === NEWLINE) break;
  }
  throw new PythonSyntaxError(quote, PythonSyntaxMessages.UNTERMINATED_STRING);
}

// A closing triple quote counts only if an even number of backslashes precedes it.
function skipTripleQuoted(source: string, quote: number, quoteCode: number): number {
  const closing = quoteCode === DOUBLE_QUOTE ? '"""' : "'''";
  const bodyStart = quote + 3;
  let from = bodyStart;
  for (;;) {
    const found = source.indexOf(closing, from);
    if (found === -1)
      throw new PythonSyntaxError(quote, PythonSyntaxMessages.UNTERMINATED_TRIPLE_QUOTED);
    let backslash = found - 1;
    while (backslash >= bodyStart && source.charCodeAt(backslash) === BACKSLASH) backslash--;
    if (((found - 1 - backslash) & 1) === 0) return found + 3;
    from = found + 1;
  }
}

function unterminated(quote: number, triple: boolean): PythonSyntaxError {
  return new PythonSyntaxError(
    quote,
    triple
      ? PythonSyntaxMessages.UNTERMINATED_TRIPLE_QUOTED
      : PythonSyntaxMessages.UNTERMINATED_STRING,
  );
}

function isClosingQuote(source: string, i: number, quoteCode: number, triple: boolean): boolean {
  if (source.charCodeAt(i) !== quoteCode) return false;
  return (
    !triple || (source.charCodeAt(i + 1) === quoteCode && source.charCodeAt(i + 2) === quoteCode)
  );
}

// CPython 3.12's limit on f-strings nested in f-strings (MAXFSTRINGLEVEL); deeper nesting
// would otherwise overflow our stack, since fields are scanned recursively.
const MAXIMUM_FSTRING_NESTING = 150;
let fstringNesting = 0;

function skipFormatString(
  source: string,
  quote: number,
  quoteCode: number,
  triple: boolean,
  flags: number,
): number {
  if (fstringNesting === MAXIMUM_FSTRING_NESTING)
    throw new PythonSyntaxError(quote, PythonSyntaxMessages.TOO_MANY_NESTED_FSTRINGS);
  fstringNesting++;
  try {
    return skipFormatStringBody(source, quote, quoteCode, triple, flags);
  } finally {
    fstringNesting--;
  }
}

// The literal part of an f-string: `{{`/`}}` are text, `{` opens a replacement field, and a
// backslash escapes the next character except a brace (`\{` is a backslash, then a field).
function skipFormatStringBody(
  source: string,
  quote: number,
  quoteCode: number,
  triple: boolean,
  flags: number,
): number {
  const length = source.length;
  let i = quote + (triple ? 3 : 1);
  while (i < length) {
    const code = source.charCodeAt(i);
    if (isClosingQuote(source, i, quoteCode, triple)) return i + (triple ? 3 : 1);
    if (code === BACKSLASH) {
      i = skipFormatEscape(source, i, flags);
    } else if (code === OPEN_BRACE) {
      i =
        source.charCodeAt(i + 1) === OPEN_BRACE
          ? i + 2
          : skipReplacementField(source, i + 1, quote, triple);
    } else if (code === CLOSE_BRACE) {
      if (source.charCodeAt(i + 1) !== CLOSE_BRACE)
        throw new PythonSyntaxError(i, PythonSyntaxMessages.FSTRING_SINGLE_BRACE);
      i += 2;
    } else {
      if (code === NEWLINE && !triple) break;
      i++;
    }
  }
  throw unterminated(quote, triple);
}

/** Past the escape at `backslash` in an f-string: `\{` is a backslash and then a field; `\N{…}` is one escape (not in raw strings). */
export function skipFormatEscape(source: string, backslash: number, flags: number): number {
  const next = source.charCodeAt(backslash + 1);
  if (next === OPEN_BRACE || next === CLOSE_BRACE) return backslash + 1;
  if (
    next === UPPER_N &&
    (flags & PREFIX_RAW) === 0 &&
    source.charCodeAt(backslash + 2) === OPEN_BRACE
  ) {
    const close = source.indexOf('}', backslash + 3);
    return close === -1 ? source.length : close + 1;
  }
  return backslash + 2;
}

// The expression of a replacement field, up to its closing `}`; a `:` at depth 0 starts the
// format spec, which is literal text that may hold nested fields.
function skipReplacementField(
  source: string,
  start: number,
  quote: number,
  triple: boolean,
): number {
  const length = source.length;
  let depth = 0;
  let i = start;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (isQuote(code)) {
      i = skipString(source, i, prefixFlagsBefore(source, i));
      continue;
    }
    if (code === OPEN_PAREN || code === OPEN_SQUARE || code === OPEN_BRACE) depth++;
    else if (code === CLOSE_PAREN || code === CLOSE_SQUARE) depth--;
    else if (code === CLOSE_BRACE) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (code === COLON && depth === 0) return skipFormatSpec(source, i + 1, quote, triple);
    else if (code === HASH) {
      const newline = source.indexOf('\n', i);
      i = newline === -1 ? length : newline;
      continue;
    }
    i++;
  }
  throw unterminated(quote, triple);
}

function skipFormatSpec(source: string, start: number, quote: number, triple: boolean): number {
  const quoteCode = source.charCodeAt(quote);
  for (let i = start; i < source.length; ) {
    const code = source.charCodeAt(i);
    if (code === CLOSE_BRACE) return i + 1;
    if (code === OPEN_BRACE) {
      i = skipReplacementField(source, i + 1, quote, triple);
      continue;
    }
    if (code === quoteCode || (code === NEWLINE && !triple)) break;
    i++;
  }
  throw unterminated(quote, triple);
}
