// Adding and removing our lines in `.gitattributes`. We own whole lines, never parts of the
// user's lines: a line of ours is one whose text (blanks at either end aside) equals a line we
// write, and everything else passes through byte for byte.
import { AttributeMessages } from '../../messages/edits.js';
import { appendLines, detectEol, joinLines, removeLines, splitLines } from './line-endings.js';

/** The merge driver name setup registers (`merge.git-alembic.driver`). */
export const DEFAULT_DRIVER_NAME = 'git-alembic';

const DRIVER_NAME = /^[A-Za-z0-9_-]+$/;
// fnmatch specials, escaped with a backslash so the pattern matches only the literal path.
const GLOB_SPECIAL = /[*?[\\]/g;
// Blanks git splits a line on (or strips), other ASCII controls and `"` cannot be written bare:
// these need the C-style quoted form ("…") that gitattributes(5) documents for patterns.
// Non-ASCII text, Unicode spaces included, works bare.
const NEEDS_QUOTES = /[\u0000-\u0020"\u007f]/;
const C_ESCAPED = /["\\\u0000-\u001f\u007f]/g;
// One pattern ("quoted" with escapes, or bare and not starting with a quote), then our LF
// attributes and nothing else.
const LF_ATTRIBUTE_LINE = /^(?:"(?:[^"\\]|\\.)*"|[^"\s]\S*) text eol=lf$/;

/** The attributes that pin a file to LF line endings in every work tree (`core.autocrlf` aside). */
export const LF_ATTRIBUTES = 'text eol=lf';

/**
 * The attribute line that gives `path` our merge driver, e.g. `migrations/heads.txt merge=git-alembic`.
 * `path` is written as `attributePatternFor` writes it.
 * @throws RangeError for a path or driver name that cannot be right (a caller's bug).
 */
export function attributeLineFor(path: string, driverName: string = DEFAULT_DRIVER_NAME): string {
  if (!DRIVER_NAME.test(driverName))
    throw new RangeError(AttributeMessages.badDriverName(driverName));
  return `${attributePatternFor(path)} merge=${driverName}`;
}

/**
 * The attribute line that keeps `path` LF in every checkout, e.g. `.husky/pre-commit text eol=lf`:
 * `sh` cannot run a hook file that `core.autocrlf=true` (Git for Windows' default) wrote with CRLF.
 * @throws RangeError for a path that cannot be right (a caller's bug).
 */
export function lfAttributeLineFor(path: string): string {
  return `${attributePatternFor(path)} ${LF_ATTRIBUTES}`;
}

/**
 * The pattern that matches exactly `path` (relative to the repository root, forward slashes).
 * Glob characters are escaped, a leading `!` or `#` too, a path without a slash is anchored with
 * `/` (else it would match in every directory), and a path with blanks, control characters or
 * `"` is written in C-style double quotes. Verified against git 2.39 by
 * test/integration/gitattributes-quoting.test.ts.
 * @throws RangeError for a path that cannot be right (a caller's bug).
 */
export function attributePatternFor(path: string): string {
  if (!isRepositoryPath(path)) throw new RangeError(AttributeMessages.badPath(path));
  let pattern = path.replace(GLOB_SPECIAL, (special) => `\\${special}`);
  if (pattern.startsWith('!') || pattern.startsWith('#')) pattern = `\\${pattern}`;
  if (!path.includes('/')) pattern = `/${pattern}`;
  return NEEDS_QUOTES.test(pattern) ? cQuote(pattern) : pattern;
}

/** Whether `line` has the shape `lfAttributeLineFor` writes: one pattern, then exactly `text eol=lf`. */
export function isLfAttributeLine(line: string): boolean {
  return LF_ATTRIBUTE_LINE.test(line);
}

/**
 * Appends each line not yet present, at the end, where it overrides earlier lines for the
 * same path. Keeps the file's line breaks and its final-newline state.
 */
export function addAttributeLines(
  text: string,
  lines: readonly string[],
): { text: string; added: string[] } {
  const existing = splitLines(text);
  const present = new Set(existing.map((line) => line.content.trim()));
  const added = [...new Set(lines.map((line) => line.trim()))].filter((line) => !present.has(line));
  if (added.length === 0) return { text, added };
  return { text: joinLines(appendLines(existing, added, detectEol(text))), added };
}

/** Removes every line equal to one of `lines`, wherever it is; other lines stay as they were. */
export function removeAttributeLines(
  text: string,
  lines: readonly string[],
): { text: string; removed: string[] } {
  const ours = new Set(lines.map((line) => line.trim()));
  let result = splitLines(text);
  const removed: string[] = [];
  // From the end, so indexes stay valid and removeLines can undo a missing final newline.
  for (let index = result.length - 1; index >= 0; index--) {
    const content = result[index]?.content.trim() ?? '';
    if (!ours.has(content)) continue;
    result = removeLines(result, index, index + 1);
    if (!removed.includes(content)) removed.unshift(content);
  }
  return removed.length === 0 ? { text, removed } : { text: joinLines(result), removed };
}

// A relative path with forward slashes and real segments; NUL cannot be in a git path.
function isRepositoryPath(path: string): boolean {
  if (path === '' || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

// git unquotes "…" like C: \" \\ and octal byte escapes; other text, UTF-8 included, stays as it is.
function cQuote(pattern: string): string {
  const body = pattern.replace(C_ESCAPED, (character) => {
    if (character === '"' || character === '\\') return `\\${character}`;
    return `\\${character.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
  return `"${body}"`;
}
