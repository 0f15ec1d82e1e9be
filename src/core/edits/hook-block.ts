// Our block in a husky hook file (`.husky/<hook>`). The file belongs to the user; we own the
// lines from `# >>> git-alembic` to `# <<< git-alembic` and nothing else. A new block goes at
// the end: husky runs the file with `sh -e`, and our body may `exit` early, which must not
// skip the user's commands. Markers that do not pair up are reported, never guessed at.
import { InputError } from '../../errors.js';
import { HookBlockMessages } from '../../messages/edits.js';
import {
  appendLines,
  detectEol,
  joinLines,
  removeLines,
  splitLines,
  type TextLine,
} from './line-endings.js';

/** First line of our block. */
export const HOOK_BLOCK_BEGIN = '# >>> git-alembic';
/** Last line of our block. */
export const HOOK_BLOCK_END = '# <<< git-alembic';

// Anything resembling a marker that is not exactly one, e.g. `#>>> git-alembic v1`.
const MARKER_LIKE = /^\s*#\s*(?:>>>|<<<)\s*git-alembic/;

interface BlockPosition {
  /** Index of the begin marker line. */
  readonly begin: number;
  /** Index of the end marker line. */
  readonly end: number;
}

/**
 * The body of our block (the lines between the markers, each ending in `\n`), or undefined
 * when the file has no block. `upsertHookBlock` with this body leaves the file unchanged.
 * @throws InputError naming `fileName` when the markers do not form exactly one block.
 */
export function findHookBlock(text: string, fileName: string): { body: string } | undefined {
  const lines = splitLines(text);
  const block = locateBlock(lines, fileName);
  if (block === undefined) return undefined;
  return {
    body: lines
      .slice(block.begin + 1, block.end)
      .map((line) => `${line.content}\n`)
      .join(''),
  };
}

/**
 * Puts `body` into our block: replaces the body of an existing block in place (an upgrade), or
 * appends a new block. A new or empty file gets just the block. Keeps the user's lines, the
 * file's line breaks and its final-newline state; `changed` is false when the block was current.
 * @throws InputError naming `fileName` when the markers do not form exactly one block.
 * @throws RangeError when `body` itself contains a marker (a caller's bug).
 */
export function upsertHookBlock(
  text: string,
  body: string,
  fileName: string,
): { text: string; changed: boolean } {
  const bodyLines = splitBody(body);
  const lines = splitLines(text);
  const block = locateBlock(lines, fileName);
  if (block === undefined) {
    const blockLines = [HOOK_BLOCK_BEGIN, ...bodyLines, HOOK_BLOCK_END];
    return { text: joinLines(appendLines(lines, blockLines, detectEol(text))), changed: true };
  }
  const current = lines.slice(block.begin + 1, block.end).map((line) => line.content);
  if (
    current.length === bodyLines.length &&
    current.every((content, index) => content === bodyLines[index])
  ) {
    return { text, changed: false };
  }
  const ending = lines[block.begin]?.ending || detectEol(text);
  const replaced = bodyLines.map((content): TextLine => ({ content, ending }));
  const result = [...lines.slice(0, block.begin + 1), ...replaced, ...lines.slice(block.end)];
  return { text: joinLines(result), changed: true };
}

/**
 * Removes our block, markers included, and nothing else; undoes `upsertHookBlock` byte for
 * byte. A file that held only the block becomes `''`.
 * @throws InputError naming `fileName` when the markers do not form exactly one block.
 */
export function removeHookBlock(
  text: string,
  fileName: string,
): { text: string; changed: boolean } {
  const lines = splitLines(text);
  const block = locateBlock(lines, fileName);
  if (block === undefined) return { text, changed: false };
  return { text: joinLines(removeLines(lines, block.begin, block.end + 1)), changed: true };
}

// Finds the one begin/end pair; any other arrangement of marker lines is the user's to sort out.
function locateBlock(lines: readonly TextLine[], fileName: string): BlockPosition | undefined {
  const begins: number[] = [];
  const ends: number[] = [];
  for (const [index, line] of lines.entries()) {
    const content = line.content.trim();
    if (content === HOOK_BLOCK_BEGIN) begins.push(index);
    else if (content === HOOK_BLOCK_END) ends.push(index);
    else if (MARKER_LIKE.test(content)) {
      const marker = content.includes('<<<') ? HOOK_BLOCK_END : HOOK_BLOCK_BEGIN;
      throw new InputError(
        { file: fileName, line: index + 1 },
        HookBlockMessages.editedMarker(marker),
      );
    }
  }
  const [begin] = begins;
  const [end] = ends;
  if (begin === undefined && end === undefined) return undefined;
  if (
    begins.length === 1 &&
    ends.length === 1 &&
    begin !== undefined &&
    end !== undefined &&
    begin < end
  )
    return { begin, end };
  const line = Math.min(begin ?? Infinity, end ?? Infinity) + 1;
  throw new InputError(
    { file: fileName, line },
    HookBlockMessages.unbalanced(HOOK_BLOCK_BEGIN, HOOK_BLOCK_END),
  );
}

// The body as lines, read like a file: a final line break ends the last line, it does not
// start a blank one.
function splitBody(body: string): string[] {
  const lines = body === '' ? [] : body.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines.some((line) => MARKER_LIKE.test(line))) {
    throw new RangeError(HookBlockMessages.badBody(`${HOOK_BLOCK_BEGIN} / ${HOOK_BLOCK_END}`));
  }
  return lines;
}
