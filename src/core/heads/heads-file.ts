// The heads file: a tracked text file per Alembic environment listing its heads, one id per
// line, sorted, under one comment line. Every new migration changes it, so git calls our merge
// driver on it. Reading is strict where a wrong guess would corrupt a merge (conflict markers,
// stray comments, binary or mis-decoded text) and lenient only about blank lines and trailing
// blanks, which editors add.
import {
  EARLIER_HEADS_FILE_COMMENTS,
  HEADS_FILE_COMMENT,
  HeadsFileMessages,
} from '../../messages/edits.js';
import { compareCodePoints } from '../code-point-order.js';
import { type Eol, detectEol, hasFinalNewline, splitLines } from '../edits/line-endings.js';

/** Conflict-marker size git uses unless the `conflict-marker-size` attribute says otherwise. */
export const DEFAULT_MARKER_SIZE = 7;

/** How a heads file is written: its line breaks, its comment line, its final newline. */
export interface HeadsFileStyle {
  readonly eol: Eol;
  /** The whole first line, `#` included; the standard comment when absent. */
  readonly comment?: string | undefined;
  /** Whether the file ends with a line break (default true). */
  readonly finalNewline?: boolean | undefined;
}

/** A heads file we could read. `heads` is sorted in code-point order, without duplicates. */
export interface ReadableHeadsFile {
  readonly kind: 'ok';
  readonly heads: string[];
  readonly eol: Eol;
  readonly comment: string | undefined;
  readonly finalNewline: boolean;
}

/** A heads file we must not interpret; `line` is 1-based. */
export interface UnreadableHeadsFile {
  readonly kind: 'unreadable';
  readonly reason: string;
  readonly line?: number;
}

/** Either outcome of `parseHeadsFile`. */
export type ParsedHeadsFile = ReadableHeadsFile | UnreadableHeadsFile;

// Alembic refuses @ - + (and : since 1.17.1); whitespace would split the line. Control
// characters, lone surrogates and U+FFFD (what a lenient decoder makes of bad bytes) never
// belong to an id we wrote.
const REVISION_ID = /^[^\s\p{Cc}\p{Cs}\uFFFD@+\-:]+$/u;
const BAD_TEXT = /[\p{Cs}\uFFFD]/u;
const MARKER_CHARACTERS = '<=>|';

/** Whether `id` can be written as one line of a heads file (and read back as an id). */
export function isHeadsFileId(id: string): boolean {
  return REVISION_ID.test(id) && !id.startsWith('#') && !isConflictMarker(id, DEFAULT_MARKER_SIZE);
}

/** Sorts ids in code-point order (as Python's `sorted()`) and drops duplicates. */
export function sortHeads(heads: Iterable<string>): string[] {
  return [...new Set(heads)].sort(compareCodePoints);
}

/**
 * Writes a heads file: the comment line, then the heads sorted in code-point order.
 * @throws RangeError when an id or the comment cannot be written (a caller's bug).
 */
export function formatHeadsFile(
  heads: readonly string[],
  style: HeadsFileStyle = { eol: '\n' },
): string {
  const comment = style.comment ?? HEADS_FILE_COMMENT;
  if (!comment.startsWith('#') || /[\r\n]/.test(comment))
    throw new RangeError(HeadsFileMessages.badComment(comment));
  const bad = heads.find((id) => !isHeadsFileId(id));
  if (bad !== undefined) throw new RangeError(HeadsFileMessages.badHeadId(bad));
  const body = [comment, ...sortHeads(heads)].join(style.eol);
  return style.finalNewline === false ? body : body + style.eol;
}

/**
 * Reads a heads file. The first line may be a comment; every other non-blank line must be one
 * revision id. A line that starts with `min(markerSize, 7)` or more of the same conflict-marker
 * character (`<`, `=`, `>`, `|`) makes the file unreadable, so merges of merges (marker size
 * grows by 2 per level) and a larger `conflict-marker-size` are both caught.
 */
export function parseHeadsFile(
  text: string,
  options: { markerSize?: number } = {},
): ParsedHeadsFile {
  const markerSize = checkMarkerSize(options.markerSize ?? DEFAULT_MARKER_SIZE);
  if (text.includes('\0')) return { kind: 'unreadable', reason: HeadsFileMessages.NUL_BYTE };
  if (BAD_TEXT.test(text)) return { kind: 'unreadable', reason: HeadsFileMessages.INVALID_UTF8 };
  const heads: string[] = [];
  let comment: string | undefined;
  const lines = splitLines(text);
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    const content = withoutTrailingBlanks(line.content);
    if (isConflictMarker(content, Math.min(markerSize, DEFAULT_MARKER_SIZE))) {
      return { kind: 'unreadable', reason: HeadsFileMessages.conflictMarker(number), line: number };
    }
    if (content === '') continue;
    if (content.startsWith('#')) {
      if (index > 0)
        return {
          kind: 'unreadable',
          reason: HeadsFileMessages.commentNotFirst(number),
          line: number,
        };
      comment = line.content;
    } else if (REVISION_ID.test(content)) heads.push(content);
    else
      return {
        kind: 'unreadable',
        reason: HeadsFileMessages.notARevisionId(number, line.content),
        line: number,
      };
  }
  return {
    kind: 'ok',
    heads: sortHeads(heads),
    eol: detectEol(text),
    comment,
    finalNewline: hasFinalNewline(text),
  };
}

/**
 * The comment a rewritten heads file keeps: its own, unless it is one an earlier version of
 * git-alembic wrote, which gives way to the current one (undefined: the standard comment).
 */
export function keptComment(comment: string | undefined): string | undefined {
  return comment !== undefined && EARLIER_HEADS_FILE_COMMENTS.includes(comment)
    ? undefined
    : comment;
}

/**
 * Whether git-alembic may replace `text` with a heads file: it reads as one, or it is one that
 * holds git's conflict markers (every other line a revision id or a comment), which
 * `heads --write` resolves. Anything else is someone else's file and is never replaced.
 */
export function isReplaceableHeadsFile(text: string): boolean {
  if (parseHeadsFile(text).kind === 'ok') return true;
  if (text.includes('\0') || BAD_TEXT.test(text)) return false;
  let markers = 0;
  for (const line of splitLines(text)) {
    const content = withoutTrailingBlanks(line.content);
    if (isConflictMarker(content, DEFAULT_MARKER_SIZE)) markers++;
    else if (content !== '' && !content.startsWith('#') && !REVISION_ID.test(content)) return false;
  }
  return markers > 0;
}

/** Whether the file lists exactly `heads`; comment, order, blank lines and line breaks do not matter. */
export function isHeadsFileCurrent(text: string, heads: readonly string[]): boolean {
  const parsed = parseHeadsFile(text);
  if (parsed.kind !== 'ok') return false;
  const wanted = sortHeads(heads);
  return (
    parsed.heads.length === wanted.length && parsed.heads.every((id, index) => id === wanted[index])
  );
}

/** Validates a conflict-marker size (`%L`). @throws RangeError unless a positive integer. */
export function checkMarkerSize(size: number): number {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(HeadsFileMessages.badMarkerSize(size));
  return size;
}

// Spaces and tabs at the end dropped by a loop: `/[ \t]+$/` retries every start in a long run
// of blanks followed by text, which takes minutes on one line of a megabyte of spaces.
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  for (
    let code = text.charCodeAt(end - 1);
    code === 32 || code === 9;
    code = text.charCodeAt(end - 1)
  )
    end--;
  return end === text.length ? text : text.slice(0, end);
}

// A marker line starts with a run of one marker character; git writes `size` of them, and
// nested merges write more, so any run at least `threshold` long counts.
function isConflictMarker(content: string, threshold: number): boolean {
  const first = content[0];
  if (first === undefined || !MARKER_CHARACTERS.includes(first)) return false;
  let run = 1;
  while (content[run] === first) run++;
  return run >= threshold;
}
