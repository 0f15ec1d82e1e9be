// The merge driver's own merge: heads files are sets, so a three-way set merge replaces git's
// line merge, which would conflict whenever both sides add a head next to the same line.
import {
  DEFAULT_MARKER_SIZE,
  formatHeadsFile,
  type HeadsFileStyle,
  keptComment,
  parseHeadsFile,
  sortHeads,
  type UnreadableHeadsFile,
} from './heads-file.js';

/** Which of the three inputs of a merge. */
export type MergeSide = 'base' | 'current' | 'incoming';

/** The outcome of `mergeHeadsFiles`. */
export type HeadsMergeResult =
  | { readonly kind: 'merged'; readonly text: string; readonly heads: string[] }
  | {
      readonly kind: 'unreadable';
      readonly side: MergeSide;
      readonly reason: string;
      readonly line?: number;
    };

/**
 * Merges three versions of a heads file as sets of heads:
 * (current ∩ incoming) ∪ (current − base) ∪ (incoming − base). A head both sides kept stays,
 * a head either side added comes in, a head either side removed goes.
 *
 * `base` is `%O` (empty for add/add), `current` is `%A`, `incoming` is `%B`. During a rebase
 * (and `pull --rebase`) `current` is the upstream being rebased onto and `incoming` is the
 * user's own commit being replayed; in a merge they are ours and theirs.
 *
 * The text keeps `current`'s line breaks, comment line (unless an earlier version of
 * git-alembic wrote it) and final-newline state (the standard comment and a final newline when
 * `current` is empty). Any side that cannot be read, such as
 * one holding conflict markers of `markerSize` or more, gives `unreadable`: the caller then
 * falls back to `git merge-file` with the same marker size.
 */
export function mergeHeadsFiles(
  base: string,
  current: string,
  incoming: string,
  markerSize: number = DEFAULT_MARKER_SIZE,
): HeadsMergeResult {
  const o = parseHeadsFile(base, { markerSize });
  if (o.kind === 'unreadable') return unreadable('base', o);
  const a = parseHeadsFile(current, { markerSize });
  if (a.kind === 'unreadable') return unreadable('current', a);
  const b = parseHeadsFile(incoming, { markerSize });
  if (b.kind === 'unreadable') return unreadable('incoming', b);
  const heads = mergeHeadSets(o.heads, a.heads, b.heads);
  const style: HeadsFileStyle =
    current === ''
      ? { eol: '\n' }
      : { eol: a.eol, comment: keptComment(a.comment), finalNewline: a.finalNewline };
  return { kind: 'merged', text: formatHeadsFile(heads, style), heads };
}

/** The three-way set merge itself, sorted in code-point order. */
export function mergeHeadSets(
  base: readonly string[],
  current: readonly string[],
  incoming: readonly string[],
): string[] {
  const inBase = new Set(base);
  const inCurrent = new Set(current);
  const inIncoming = new Set(incoming);
  const kept = current.filter((id) => inIncoming.has(id));
  const addedByCurrent = current.filter((id) => !inBase.has(id));
  const addedByIncoming = incoming.filter((id) => !inBase.has(id) && !inCurrent.has(id));
  return sortHeads([...kept, ...addedByCurrent, ...addedByIncoming]);
}

function unreadable(side: MergeSide, problem: UnreadableHeadsFile): HeadsMergeResult {
  return {
    kind: 'unreadable',
    side,
    reason: problem.reason,
    ...(problem.line === undefined ? {} : { line: problem.line }),
  };
}
