// Which merges to write: one per divergence by default, or one of the heads the user named.
//
// Default: every group of heads sharing a branch-label set (a divergence) gets its own merge
// naming *every* versioned head of the group, in heads order (load order, which Alembic ≥ 1.10
// uses for `down_revision`). `alembic merge heads` names only the real heads, and names them
// all, whatever their labels. The two differ only when a depends_on points at a head: a merge
// of the real heads alone would leave that effective head in place, so `upgrade head` would
// still fail. Heads with different labels (expand/contract) are never merged together unless
// the user names them.
//
// Explicit heads resolve as Alembic resolves `merge` arguments: exact ids, branch labels,
// unique prefixes of either, and `heads`, `head`, `<x>@head`, `<x>@heads`; the user's order is
// kept.
import { UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';
import { divergences } from '../graph/divergences.js';
import type { RevisionGraph } from '../graph/revision-graph.js';

/** The parents of one merge revision, in `down_revision` order. */
export interface MergeGroup {
  readonly parents: readonly string[];
  /** The branch labels the parents share (empty for the unlabelled branch and for named heads). */
  readonly labels: readonly string[];
  /** True when the user named the heads on the command line. */
  readonly explicit: boolean;
}

/** What to merge, or why there is nothing to do. */
export type MergeSelection =
  | { readonly kind: 'merge'; readonly groups: readonly MergeGroup[] }
  | { readonly kind: 'nothing'; readonly reason: 'no-divergence' }
  | { readonly kind: 'nothing'; readonly reason: 'single-head'; readonly heads: readonly string[] };

/** Chooses the merges for a graph: the divergences, or the named heads when `named` is not empty. */
export function selectMerges(graph: RevisionGraph, named: readonly string[]): MergeSelection {
  if (named.length > 0) return selectNamed(graph, named);
  const groups = divergences(graph).map((divergence) => ({
    parents: divergence.heads,
    labels: divergence.labels,
    explicit: false,
  }));
  return groups.length === 0
    ? { kind: 'nothing', reason: 'no-divergence' }
    : { kind: 'merge', groups };
}

function selectNamed(graph: RevisionGraph, named: readonly string[]): MergeSelection {
  const parents = named.flatMap((name) => resolveMergeArgument(graph, name));
  if (new Set(parents).size !== parents.length)
    throw new UserError(MergeMessages.DUPLICATE_HEADS, {
      hint: MergeMessages.DUPLICATE_HEADS_HINT,
    });
  if (parents.length >= 2)
    return { kind: 'merge', groups: [{ parents, labels: [], explicit: true }] };
  requireHeads(graph, parents);
  return { kind: 'nothing', reason: 'single-head', heads: parents };
}

/** Fails unless every parent is a (versioned) head: git-alembic has no `--splice`. */
export function requireHeads(graph: RevisionGraph, parents: readonly string[]): void {
  const heads = new Set(graph.heads);
  const notHead = parents.find((id) => !heads.has(id));
  if (notHead !== undefined)
    throw new UserError(MergeMessages.notAHead(notHead), { hint: MergeMessages.NOT_A_HEAD_HINT });
}

/** The revision ids one command-line argument stands for, as Alembic's get_revisions resolves it. */
export function resolveMergeArgument(graph: RevisionGraph, name: string): readonly string[] {
  if (name.includes('@') || name === 'heads' || name === 'head')
    return graph.resolveHeadSymbol(name);
  return [graph.resolveRevision(name)];
}
