// Divergence: two or more heads on the same branch, i.e. heads carrying the same propagated
// branch-label set (the empty set included). That is what makes `alembic upgrade head` (or
// `<label>@head`) fail with MultipleHeads. Heads with different label sets, like neutron's
// `expand` and `contract`, are separate on purpose and never a divergence.
//
// Detection uses the versioned heads (`heads`), because those are what break `upgrade head`.
// `alembic merge heads` merges the real heads only; the two differ when a depends_on points at a
// head (an "effective head"). A merge that names only the real heads leaves such an effective
// head in place, so a merge meant to end the divergence must name every entry of `heads`.
import type { FileLocation } from '../../errors.js';
import type { RevisionGraph } from './revision-graph.js';

/** One group of heads that share a branch-label set. */
export interface Divergence {
  /** The shared propagated branch labels, sorted; empty for the unlabelled branch. */
  readonly labels: readonly string[];
  /** The heads of the group, in heads order (load order): the parents a resolving merge names. */
  readonly heads: readonly string[];
  /** The heads of the group that are real heads (what `alembic merge heads` would merge of them). */
  readonly realHeads: readonly string[];
  /** The heads of the group only a depends_on keeps from being real heads (`(effective head)`). */
  readonly effectiveHeads: readonly string[];
  /** Where each of `heads` is defined, in the same order. */
  readonly locations: readonly FileLocation[];
}

/** Every divergence of the graph, ordered by the position of its first head. */
export function divergences(graph: RevisionGraph): Divergence[] {
  const groups = new Map<string, string[]>();
  for (const head of graph.heads) {
    const key = JSON.stringify(graph.branchLabelsOf(head));
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [head]);
    else group.push(head);
  }
  const real = new Set(graph.realHeads);
  return [...groups.values()]
    .filter((heads) => heads.length > 1)
    .map((heads) => ({
      labels: graph.branchLabelsOf(heads[0] as string),
      heads,
      realHeads: heads.filter((head) => real.has(head)),
      effectiveHeads: heads.filter((head) => !real.has(head)),
      locations: heads.map((head) => {
        const revision = graph.get(head);
        return { file: revision?.file ?? head, line: revision?.line };
      }),
    }));
}
