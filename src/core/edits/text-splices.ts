// Edits of a text as splices at offsets a parser reported, so every byte outside them stays as
// it was. The `.pre-commit-config.yaml` edits use them; lines keep the file's own line breaks,
// and a file without a final newline keeps having none.

/** Replace text[at, end) with `text`. */
export interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the line break that ends the line holding `offset` (or the end of text). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The column of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * New lines (joined by `eol`) after the line holding the character before `after`. At the end of
 * a text without a final newline they go after a new break instead, so there is still none.
 */
export function insertLines(text: string, after: number, lines: readonly string[], eol: string): Splice {
  const end = lineEnd(text, Math.max(0, after - 1));
  const body = lines.join(eol);
  if (end === text.length && text !== '' && !text.endsWith('\n')) return { at: end, end, text: `${eol}${body}` };
  return { at: end, end, text: `${body}${eol}` };
}

/** Removes the lines from the one holding `from` to the one holding the character before `to`, breaks included. */
export function wholeLines(text: string, from: number, to: number): Splice {
  return { at: lineStart(text, from), end: lineEnd(text, Math.max(from, to - 1)), text: '' };
}

/**
 * Applies the splices back to front, so earlier offsets stay valid (a stable sort keeps splices
 * at one offset in order: the later one's text ends up first). When the text had no final
 * newline and a removal reached its end, the break now ending the text goes too, which undoes
 * insertLines at the end of such a text byte for byte.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const result = [...splices].sort((a, b) => b.at - a.at).reduce((current, splice) => current.slice(0, splice.at) + splice.text + current.slice(splice.end), text);
  const removedAtEnd = splices.some((splice) => splice.end === text.length && splice.text === '' && splice.at < splice.end);
  if (!removedAtEnd || text === '' || text.endsWith('\n') || !result.endsWith('\n')) return result;
  return result.slice(0, result.endsWith('\r\n') ? -2 : -1);
}
