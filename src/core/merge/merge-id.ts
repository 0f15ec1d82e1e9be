// The revision id of a merge. By default it is derived from the parents alone, so everyone who
// merges the same heads gets the same id (and, with the date and message also derived from the
// parents, the same file): git then sees two identical additions instead of a new fork.
import { UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';
import { compareCodePoints } from '../code-point-order.js';
import type { RevisionGraph } from '../graph/revision-graph.js';

/** A hash function returning lowercase hex (the adapter passes SHA-256: merge/plan-environment.ts). */
export type HexHash = (text: string) => string;

/** Namespaces our ids, so no other tool's hash of the same parent ids gives the same id. */
export const MERGE_ID_SCHEME = 'git-alembic merge v1';

/** Length of a generated id, as Alembic's `uuid4().hex[-12:]`. */
export const MERGE_ID_LENGTH = 12;

// Alembic ≥ 1.17.1 refuses these in an id (1.8.1 allowed `:`), and names them sorted.
const ILLEGAL_ID_CHARACTERS = ['+', '-', ':', '@'];

/**
 * The deterministic id for a set of parents: 12 hex characters of the hash of the scheme and
 * the parent ids sorted by code point. `attempt` > 0 derives the next candidate after a clash.
 */
export function deterministicMergeId(
  parents: readonly string[],
  hash: HexHash,
  attempt = 0,
): string {
  const sorted = [...parents].sort(compareCodePoints);
  const text = [MERGE_ID_SCHEME, ...sorted, ...(attempt === 0 ? [] : [`#${attempt}`])].join('\n');
  return hash(text).slice(0, MERGE_ID_LENGTH).toLowerCase();
}

/** Whether an id is already used by a revision or, as a name, by a branch label. */
export function isIdTaken(graph: RevisionGraph, taken: ReadonlySet<string>, id: string): boolean {
  return (
    taken.has(id) ||
    graph.has(id) ||
    graph.revisions.some((revision) => revision.branchLabels.includes(id))
  );
}

/** Whether revision `id` exists and merges exactly `parents` (in any order). */
export function mergeExists(graph: RevisionGraph, id: string, parents: readonly string[]): boolean {
  const existing = graph.get(id);
  if (existing === undefined || existing.downRevisions.length !== parents.length) return false;
  const wanted = new Set(parents);
  return existing.downRevisions.every((parent) => wanted.has(parent));
}

/** Fails like Alembic's verify_rev_id for ids it refuses (and for an empty id). */
export function checkRevisionId(id: string): void {
  if (id === '') throw new UserError(MergeMessages.EMPTY_REV_ID);
  const illegal = ILLEGAL_ID_CHARACTERS.filter((character) => id.includes(character));
  if (illegal.length > 0) throw new UserError(MergeMessages.illegalRevId(illegal, id));
}
