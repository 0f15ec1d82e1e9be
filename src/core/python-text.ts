// Python's idea of whitespace, lines and integers. JavaScript's trim() and `\s` use a different
// whitespace set (they strip U+FEFF, Python strips U+001C–U+001F and U+0085), and Python reads
// files with universal newlines, so code that must agree with Python uses these helpers.

/** Exactly the characters for which Python's `str.isspace()` (and `re`'s `\s`) is true. */
const WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const NON_SPACE = new RegExp(`[^${WHITESPACE}]`);

/** Whether a UTF-16 code unit is in WHITESPACE (each of those characters is one unit). */
function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  if (code < 0x2000) return code === 0x85 || code === 0xa0 || code === 0x1680;
  return (
    code <= 0x200a ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Python `s.strip()`. */
export function pythonStrip(text: string): string {
  const start = NON_SPACE.exec(text)?.index;
  return start === undefined ? '' : pythonRstrip(start === 0 ? text : text.slice(start));
}

/**
 * Python `s.rstrip()`. A loop from the end rather than `/\s+$/`, which retries every start in a
 * long run of spaces not at the end: quadratic time on one line of a megabyte of blanks.
 */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Index of the first character that is not Python whitespace (0 when there is none). */
export function firstNonSpaceIndex(text: string): number {
  const match = NON_SPACE.exec(text);
  return match === null ? 0 : match.index;
}

/** Splits text into lines the way Python's text files do (universal newlines: `\r\n`, `\r`, `\n`). */
export function splitUniversalLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const PYTHON_INT = /^[+-]?[0-9]+(?:_[0-9]+)*$/;

/** Python `int(text)` for ASCII digits (whitespace, sign and `_` separators allowed); undefined when Python would raise. */
export function parsePythonInt(text: string): number | undefined {
  const trimmed = pythonStrip(text);
  if (!PYTHON_INT.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(/_/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', 'y', 't', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', 'n', 'f', '0']);

/** SQLAlchemy's `asbool()` on a string (Alembic reads `revision_environment` with it); undefined when it raises. */
export function parseAsBool(text: string): boolean | undefined {
  const word = pythonStrip(text).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

// A dotted name of ASCII letters, digits and `_`: what nearly every name is.
const ASCII_DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
// Made on first use: a pattern with these Unicode classes costs about 1.5 ms to build, which a
// hook would pay on every commit for names that are ASCII anyway.
let unicodeDottedName: RegExp | undefined;

/**
 * Whether `name` is a dotted Python name (`pkg.module`): identifiers of letters, letter numbers,
 * marks, digits and connector punctuation, not starting with a digit.
 */
export function isDottedPythonName(name: string): boolean {
  if (ASCII_DOTTED_NAME.test(name)) return true;
  unicodeDottedName ??=
    /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)*$/u;
  return unicodeDottedName.test(name);
}
