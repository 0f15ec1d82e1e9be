// Edits of a text as splices at offsets a parser reported, so every byte outside them stays as
// it was. The `.pre-commit-config.yaml` edits use them; lines keep the file's own line breaks,
// a file without a final newline keeps having none, and flow collections keep their layout.

/** Replace text[at, end) with `text`. */
export interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/** Where a flow collection's item is: [its first offset, its end], separators and brackets outside. */
export type Span = readonly [number, number];

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
export function insertLines(
  text: string,
  after: number,
  lines: readonly string[],
  eol: string,
): Splice {
  const end = lineEnd(text, Math.max(0, after - 1));
  const body = lines.join(eol);
  if (end === text.length && text !== '' && !text.endsWith('\n'))
    return { at: end, end, text: `${eol}${body}` };
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
  const result = [...splices]
    .sort((a, b) => b.at - a.at)
    .reduce(
      (current, splice) => current.slice(0, splice.at) + splice.text + current.slice(splice.end),
      text,
    );
  const removedAtEnd = splices.some(
    (splice) => splice.end === text.length && splice.text === '' && splice.at < splice.end,
  );
  if (!removedAtEnd || text === '' || text.endsWith('\n') || !result.endsWith('\n')) return result;
  return result.slice(0, result.endsWith('\r\n') ? -2 : -1);
}

// ---- Flow collections (`[a, b]`, `{k: v}`): items are spans between separators ----

/**
 * New items after the last span (a trailing comma stays after them), or just inside the opening
 * bracket at `open` of an empty collection.
 */
export function appendFlow(spans: readonly Span[], open: number, added: readonly string[]): Splice {
  const last = spans.at(-1);
  if (last === undefined) return { at: open, end: open, text: added.join(', ') };
  return { at: last[1], end: last[1], text: `, ${added.join(', ')}` };
}

/**
 * Removes each span `removed` picks with the separator before it (a leading run goes up to the
 * first span kept), which undoes appendFlow byte for byte.
 */
export function removeFlow(spans: readonly Span[], removed: readonly boolean[]): Splice[] {
  if (!removed.includes(true)) return [];
  const firstKept = removed.indexOf(false);
  const leading = firstKept === -1 ? spans.length : firstKept;
  const splices: Splice[] =
    leading === 0
      ? []
      : [
          {
            at: spans[0]?.[0] ?? 0,
            end: (firstKept === -1 ? spans.at(-1)?.[1] : spans[firstKept]?.[0]) ?? 0,
            text: '',
          },
        ];
  for (let index = leading + 1; index < spans.length; index += 1) {
    if (removed[index])
      splices.push({ at: spans[index - 1]?.[1] ?? 0, end: spans[index]?.[1] ?? 0, text: '' });
  }
  return splices;
}
