// Python's notions of whitespace and word characters, which differ from JavaScript's `\s`
// and `\w`; used by str methods, the `re` translation and the Mako lexer alike.

/** Body of a character class matching exactly the characters for which str.isspace() is true (= re's `\s`). */
export const PY_SPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Body of a character class matching CPython's Unicode `\w` (needs the `u` flag). */
export const PY_WORD_CLASS = '\\p{L}\\p{N}_';

const SPACE = new RegExp(`^[${PY_SPACE_CLASS}]$`);

/** str.isspace() for one character. */
export function isPythonSpace(char: string): boolean {
  return SPACE.test(char);
}
