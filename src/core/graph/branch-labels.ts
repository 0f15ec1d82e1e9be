// Branch labels, propagated the way Alembic's RevisionMap._add_branches does (registering them,
// each unique and different from every revision id, is part of linking: graph-structure.ts).
//
// Alembic gives a label to the labelled revision and all its descendants (down_revision edges
// only), and then walks from the last descendant it visited back down through ancestors until a
// revision with two or more children (depends_on included) or a merge. That walk only leaves the
// labelled revision's descendants when those descendants form a single unbranched chain; it then
// labels the ancestors below the labelled revision up to (not including) the first branch point or
// merge, bases included. Each part is one pass over a topological order (Alembic walks the
// descendants of every labelled revision again), sharing label sets wherever they do not change.
import { degree, firstNeighbour } from './adjacency.js';
import { compareCodePoints } from '../code-point-order.js';
import type { GraphStructure } from './graph-structure.js';
import type { Revision } from '../revision.js';

/** A label set shared between revisions wherever it does not change (most of a history). */
export type LabelSet = ReadonlySet<string>;

const NO_LABELS: LabelSet = new Set();

/**
 * Each revision's propagated labels (Alembic's `Revision.branch_labels` after the map is built).
 * `order` is a topological order of down_revision edges, parents first.
 */
export function propagateBranchLabels(structure: GraphStructure, order: Int32Array): LabelSet[] {
  if (structure.labelOwners.size === 0)
    return new Array<LabelSet>(structure.revisions.length).fill(NO_LABELS);
  const inherited = inheritFromAncestors(structure, order);
  const walkedBack = labelsFromWalkBack(structure, order);
  return inherited.map((labels, index) => union(labels, walkedBack[index] ?? NO_LABELS));
}

/** The labels in code-point order, as a fresh array. */
export function sortedLabels(labels: LabelSet): string[] {
  return [...labels].sort(compareCodePoints);
}

// A revision carries its own labels and every label of its down_revision parents.
function inheritFromAncestors(
  { revisions, parents }: GraphStructure,
  order: Int32Array,
): LabelSet[] {
  const labels: LabelSet[] = new Array<LabelSet>(revisions.length).fill(NO_LABELS);
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!;
    let carried = NO_LABELS;
    for (let edge = parents.offsets[index]!; edge < parents.offsets[index + 1]!; edge++) {
      carried = union(carried, labels[parents.targets[edge]!] as LabelSet);
    }
    const own = (revisions[index] as Revision).branchLabels;
    labels[index] = own.length === 0 ? carried : union(carried, new Set(own));
  }
  return labels;
}

// The ancestors Alembic's walk-back reaches, with the labels it gives them. Children are visited
// before parents, so a revision inherits what the walk brings down through its only child.
function labelsFromWalkBack(structure: GraphStructure, order: Int32Array): LabelSet[] {
  const { revisions, children } = structure;
  const chainIsClean = new Uint8Array(revisions.length);
  const walkedBack: LabelSet[] = new Array<LabelSet>(revisions.length).fill(NO_LABELS);
  for (let position = order.length - 1; position >= 0; position--) {
    const index = order[position]!;
    if (stopsWalk(structure, index)) continue;
    const onlyChild = firstNeighbour(children, index);
    chainIsClean[index] = onlyChild === -1 || chainIsClean[onlyChild] === 1 ? 1 : 0;
    if (onlyChild === -1 || stopsWalk(structure, onlyChild)) continue;
    const own = (revisions[onlyChild] as Revision).branchLabels;
    const brought = chainIsClean[onlyChild] === 1 && own.length > 0 ? new Set(own) : NO_LABELS;
    walkedBack[index] = union(walkedBack[onlyChild] as LabelSet, brought);
  }
  return walkedBack;
}

// A real branch point (two or more children, depends_on included) or a merge ends the walk.
function stopsWalk({ revisions, allChildren }: GraphStructure, index: number): boolean {
  return degree(allChildren, index) > 1 || (revisions[index] as Revision).downRevisions.length > 1;
}

function union(left: LabelSet, right: LabelSet): LabelSet {
  if (right.size === 0 || left === right) return left;
  if (left.size === 0) return right;
  if (isSubset(right, left)) return left;
  if (isSubset(left, right)) return right;
  return new Set([...left, ...right]);
}

function isSubset(small: LabelSet, large: LabelSet): boolean {
  for (const label of small) if (!large.has(label)) return false;
  return true;
}
