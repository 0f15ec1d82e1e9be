// Whether a heads file says what the history says, and what to write when it does not. Used by
// `heads --write`, `check`, `doctor`, setup and the pre-commit hook.
import { detectEol } from '../edits/line-endings.js';
import {
  formatHeadsFile,
  type HeadsFileStyle,
  keptComment,
  parseHeadsFile,
  sortHeads,
} from './heads-file.js';

/** A heads file compared with the actual heads. `listed` is sorted. */
export type HeadsFileStatus =
  | { readonly kind: 'missing' }
  | { readonly kind: 'current' }
  | { readonly kind: 'stale'; readonly listed: readonly string[] }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly line?: number | undefined };

/**
 * Compares a heads file (`undefined` when there is no file) with `heads`. Only the set of heads
 * counts: the comment, order, blank lines and line breaks do not.
 */
export function headsFileStatus(
  text: string | undefined,
  heads: readonly string[],
): HeadsFileStatus {
  if (text === undefined) return { kind: 'missing' };
  const parsed = parseHeadsFile(text);
  if (parsed.kind === 'unreadable')
    return { kind: 'unreadable', reason: parsed.reason, line: parsed.line };
  const wanted = sortHeads(heads);
  const same =
    parsed.heads.length === wanted.length &&
    parsed.heads.every((id, index) => id === wanted[index]);
  return same ? { kind: 'current' } : { kind: 'stale', listed: parsed.heads };
}

/**
 * The text a heads file should have, or undefined when `existing` is current already. Keeps the
 * existing file's line breaks, comment line (unless an earlier version wrote it) and
 * final-newline state; a new file gets LF.
 */
export function headsFileUpdate(
  existing: string | undefined,
  heads: readonly string[],
): string | undefined {
  if (headsFileStatus(existing, heads).kind === 'current') return undefined;
  return formatHeadsFile(heads, existingStyle(existing));
}

function existingStyle(existing: string | undefined): HeadsFileStyle {
  if (existing === undefined || existing === '') return { eol: '\n' };
  const parsed = parseHeadsFile(existing);
  if (parsed.kind === 'unreadable') return { eol: detectEol(existing) };
  return {
    eol: parsed.eol,
    comment: keptComment(parsed.comment),
    finalNewline: parsed.finalNewline,
  };
}

/**
 * `existing` with the current standard comment when it has one an earlier version wrote, else
 * undefined: setup brings the conflict instruction to heads files that are otherwise current.
 */
export function headsFileCommentUpdate(existing: string | undefined): string | undefined {
  if (existing === undefined) return undefined;
  const parsed = parseHeadsFile(existing);
  if (parsed.kind === 'unreadable' || keptComment(parsed.comment) === parsed.comment)
    return undefined;
  return formatHeadsFile(parsed.heads, { eol: parsed.eol, finalNewline: parsed.finalNewline });
}
