// Git's conflict markers left in a revision file. Alembic would fail to import most such files,
// but a conflict inside the docstring imports fine and silently keeps both sides' text; either
// way the file is unfinished, so it is refused before anything else is read. Cheap: two native
// substring searches on every file, a line walk only when one of them hits.

const OPENING = '<<<<<<<';
const CLOSING = '>>>>>>>';
// A marker is a run of at least seven of one character at the start of a line, then a space or
// the end of the line (git writes more than seven for merges of merges).
const MARKER_CHARACTERS = '<|=>';
const MARKER_SIZE = 7;

/**
 * The 1-based line of the first conflict marker in decoded, newline-normalised `source`, or
 * undefined. `=======` and `|||||||` lines count only in a file that also has a `<<<<<<<` or
 * `>>>>>>>` line: alone they may underline a heading in a docstring.
 */
export function conflictMarkerLine(source: string): number | undefined {
  if (!source.includes(OPENING) && !source.includes(CLOSING)) return undefined;
  let first: number | undefined;
  let sawOuterMarker = false;
  let line = 1;
  for (let start = 0; start < source.length; line++) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    const marker = markerAt(source, start, end);
    if (marker !== undefined) {
      first ??= line;
      sawOuterMarker ||= marker === '<' || marker === '>';
      if (sawOuterMarker) return first;
    }
    start = end + 1;
  }
  return undefined;
}

// The marker character when the line [start, end) is a conflict marker line.
function markerAt(source: string, start: number, end: number): string | undefined {
  const character = source.charAt(start);
  if (character === '' || !MARKER_CHARACTERS.includes(character)) return undefined;
  let run = start + 1;
  while (run < end && source.charAt(run) === character) run++;
  if (run - start < MARKER_SIZE) return undefined;
  return run === end || source.charCodeAt(run) === 32 ? character : undefined;
}
