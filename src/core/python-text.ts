// Python's idea of whitespace, lines and integers. JavaScript's trim() and `\s` use a different
// whitespace set (they strip U+FEFF, Python strips U+001C–U+001F and U+0085), and Python reads
// files with universal newlines, so code that must agree with Python uses these helpers.

/** Exactly the characters for which Python's `str.isspace()` (and `re`'s `\s`) is true. */
const WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${WHITESPACE}]+`);
const TRAILING = new RegExp(`[${WHITESPACE}]+$`);
const NON_SPACE = new RegExp(`[^${WHITESPACE}]`);

/** Python `s.strip()`. */
export function pythonStrip(text: string): string {
  return pythonRstrip(text.replace(LEADING, ''));
}

/** Python `s.rstrip()`. */
export function pythonRstrip(text: string): string {
  return text.replace(TRAILING, '');
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
