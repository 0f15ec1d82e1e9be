// Line handling shared by every text edit: each line keeps its own ending, so lines we do not
// touch come back byte for byte, even in files that mix LF and CRLF.

/** A line break style. */
export type Eol = '\n' | '\r\n';

/** One line of a text and the break that ends it ('' only on a last line without a newline). */
export interface TextLine {
  readonly content: string;
  readonly ending: '' | Eol;
}

/** The style of the first line break in `text`, or `fallback` when it has none. */
export function detectEol(text: string, fallback: Eol = '\n'): Eol {
  const newline = text.indexOf('\n');
  if (newline === -1) return fallback;
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Splits text into lines with their endings; `''` has no lines. A lone CR stays in the content. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ content: text.slice(start), ending: '' });
      break;
    }
    const crlf = newline > start && text[newline - 1] === '\r';
    lines.push({
      content: text.slice(start, crlf ? newline - 1 : newline),
      ending: crlf ? '\r\n' : '\n',
    });
    start = newline + 1;
  }
  return lines;
}

/** The inverse of `splitLines`. */
export function joinLines(lines: readonly TextLine[]): string {
  return lines.map((line) => line.content + line.ending).join('');
}

/** Whether the text ends with a line break (false for `''`). */
export function hasFinalNewline(text: string): boolean {
  return text.endsWith('\n');
}

/**
 * Appends lines after the last one, keeping the file's final-newline state: an empty file gets
 * a newline after every line; a file that ended without one still does, so that removing the
 * appended lines with `removeLines` restores the original bytes.
 */
export function appendLines(
  lines: readonly TextLine[],
  contents: readonly string[],
  eol: Eol,
): TextLine[] {
  if (contents.length === 0) return [...lines];
  const last = lines.at(-1);
  const endsOpen = last !== undefined && last.ending === '';
  const result = endsOpen
    ? [...lines.slice(0, -1), { content: last.content, ending: eol }]
    : [...lines];
  contents.forEach((content, index) => {
    const isLast = index === contents.length - 1;
    result.push({ content, ending: endsOpen && isLast ? '' : eol });
  });
  return result;
}

/**
 * Removes lines `from` (inclusive) to `to` (exclusive). When they were the last lines and the
 * file ended without a newline, the new last line loses its break, undoing `appendLines`.
 */
export function removeLines(lines: readonly TextLine[], from: number, to: number): TextLine[] {
  const result = [...lines.slice(0, from), ...lines.slice(to)];
  const removedLast = to === lines.length && to > from && lines[to - 1]?.ending === '';
  const newLast = result.at(-1);
  if (removedLast && from === result.length && newLast !== undefined) {
    result[result.length - 1] = { content: newLast.content, ending: '' };
  }
  return result;
}
