// What every graph picture shows, whatever its format: the revisions from heads down to bases
// (each after everything that revises or depends on it, one line of descent at a time, like
// `git log --graph`), each with its markers (head, effective head, diverged, base, own branch
// labels, depends_on), its doc line, and summary lines (counts and divergences).
import { GraphPictureText } from '../../messages/graph.js';
import { divergences } from './divergences.js';
import type { Revision } from '../revision.js';
import type { RevisionGraph } from './revision-graph.js';

/** How a revision is highlighted. */
export type NodeKind = 'diverged' | 'head' | 'effective-head' | 'revision';

/** One revision as the pictures draw it. */
export interface PictureNode {
  readonly id: string;
  /** Position in load order: a stable, format-safe key (`r0`, `r1`, … in Mermaid). */
  readonly index: number;
  /** down_revision without repeats, in the order written: the edges drawn. */
  readonly parents: readonly string[];
  /** depends_on resolved to ids: drawn dashed, or listed. */
  readonly dependencies: readonly string[];
  readonly kind: NodeKind;
  /** Markers such as `head`, `diverged`, `base`, `branch: x`, `depends on: y`. */
  readonly markers: readonly string[];
  readonly doc: string | undefined;
}

/** A graph ready to draw. */
export interface Picture {
  /** Heads first, bases last. */
  readonly nodes: readonly PictureNode[];
  /** Counts, then one line per divergence (or "no divergence"). */
  readonly summary: readonly string[];
}

/** Describes a graph for the renderers; deterministic for a given graph. */
export function describeGraph(graph: RevisionGraph): Picture {
  const diverged = divergences(graph);
  const divergedHeads = new Set(diverged.flatMap((divergence) => divergence.heads));
  const heads = new Set(graph.heads);
  const realHeads = new Set(graph.realHeads);
  const indexOf = new Map(graph.revisions.map((revision, index) => [revision.id, index]));
  const nodes = displayOrder(graph).map((id): PictureNode => {
    const revision = graph.get(id) as Revision;
    const kind: NodeKind = divergedHeads.has(id)
      ? 'diverged'
      : !heads.has(id)
        ? 'revision'
        : realHeads.has(id)
          ? 'head'
          : 'effective-head';
    const dependencies = graph.dependenciesOf(id);
    return {
      id,
      index: indexOf.get(id) as number,
      parents: [...new Set(revision.downRevisions)],
      dependencies,
      kind,
      markers: markersOf(revision, kind, heads.has(id), realHeads.has(id), dependencies),
      doc: revision.doc,
    };
  });
  const summary = [
    GraphPictureText.summary(graph.revisions.length, graph.heads.length, graph.bases.length),
    ...(diverged.length === 0
      ? [GraphPictureText.NOT_DIVERGED]
      : diverged.map((divergence) =>
          GraphPictureText.diverged(divergence.heads, divergence.labels),
        )),
  ];
  return { nodes, summary };
}

function markersOf(
  revision: Revision,
  kind: NodeKind,
  isHead: boolean,
  isRealHead: boolean,
  dependencies: readonly string[],
): string[] {
  const markers: string[] = [];
  if (isHead) markers.push(isRealHead ? GraphPictureText.HEAD : GraphPictureText.EFFECTIVE_HEAD);
  if (kind === 'diverged') markers.push(GraphPictureText.DIVERGED);
  if (revision.downRevisions.length === 0) markers.push(GraphPictureText.BASE);
  if (revision.branchLabels.length > 0)
    markers.push(GraphPictureText.branchLabels(revision.branchLabels));
  if (dependencies.length > 0) markers.push(GraphPictureText.dependsOn(dependencies));
  return markers;
}

// Depth-first from the revisions nothing revises or depends on, in load order: a revision comes out
// once everything that revises or depends on it has, and its first parent is followed first, so
// each line of descent stays together.
function displayOrder(graph: RevisionGraph): string[] {
  const below = new Map<string, readonly string[]>();
  const waiting = new Map<string, number>();
  for (const { id, downRevisions } of graph.revisions) {
    const dependencies = graph.dependenciesOf(id);
    below.set(
      id,
      dependencies.length === 0 && downRevisions.length < 2
        ? downRevisions
        : [...new Set([...downRevisions, ...dependencies])],
    );
    waiting.set(id, 0);
  }
  for (const parents of below.values())
    for (const parent of parents) waiting.set(parent, (waiting.get(parent) as number) + 1);
  const stack = graph.revisions
    .filter(({ id }) => waiting.get(id) === 0)
    .map(({ id }) => id)
    .reverse();
  const order: string[] = [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    order.push(id);
    const parents = below.get(id) as readonly string[];
    for (let position = parents.length - 1; position >= 0; position--) {
      const parent = parents[position] as string;
      const remaining = (waiting.get(parent) as number) - 1;
      waiting.set(parent, remaining);
      if (remaining === 0) stack.push(parent);
    }
  }
  return order;
}
