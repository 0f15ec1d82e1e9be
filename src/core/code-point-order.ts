// Python sorts str by code point; JavaScript compares UTF-16 code units, which puts
// characters above U+FFFF (surrogate pairs, 0xD800–0xDFFF) before U+E000–U+FFFF.

/** Compares two strings by Unicode code point, as Python's `sorted()` does. */
export function compareCodePoints(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const a = left.charCodeAt(i);
    const b = right.charCodeAt(i);
    if (a !== b) return a >= 0xd800 && b >= 0xd800 ? codePointRank(a) - codePointRank(b) : a - b;
  }
  return left.length - right.length;
}

// Moves surrogates above U+E000–U+FFFF so code-unit order becomes code-point order.
function codePointRank(codeUnit: number): number {
  if (codeUnit >= 0xe000) return codeUnit - 0x800;
  return codeUnit <= 0xdfff ? codeUnit + 0x2000 : codeUnit;
}

/** Paths as name lists in code-point order segment by segment: `a` < `a/b` < `a-b` (a directory before its contents). */
export function compareSegments(left: readonly string[], right: readonly string[]): number {
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const order = compareCodePoints(left[i] as string, right[i] as string);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
