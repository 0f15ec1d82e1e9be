// Where diverged heads forked: their nearest shared ancestors along down_revision, the revision
// both branches of the history revise. A finding names it so a reader sees the whole fork at once
// (two heads, and the parent they both build on), not just its two ends.
import type { RevisionGraph } from './revision-graph.js';

/**
 * The nearest common ancestors of `heads` along down_revision, in load order: ancestors of every
 * head that no other common ancestor descends from. Empty when the heads share no ancestor
 * (separate bases). Linear in the size of the heads' ancestries.
 */
export function forkPoints(graph: RevisionGraph, heads: readonly string[]): string[] {
  if (heads.length < 2) return [];
  const [first, ...rest] = heads.map((head) => ancestorsOf(graph, head));
  const common = [...(first ?? [])].filter((id) => rest.every((ancestors) => ancestors.has(id)));
  // Every ancestor of a common ancestor is common too, so "nearest" means: no common child.
  const covered = new Set(common.flatMap((id) => graph.get(id)?.downRevisions ?? []));
  const nearest = new Set(common.filter((id) => !covered.has(id)));
  return graph.revisions
    .filter((revision) => nearest.has(revision.id))
    .map((revision) => revision.id);
}

// The strict ancestors of a revision (down_revision only: depends_on is no part of the fork).
function ancestorsOf(graph: RevisionGraph, id: string): Set<string> {
  const ancestors = new Set<string>();
  const pending = [...(graph.get(id)?.downRevisions ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (ancestors.has(next) || !graph.has(next)) continue;
    ancestors.add(next);
    pending.push(...(graph.get(next)?.downRevisions ?? []));
  }
  return ancestors;
}
