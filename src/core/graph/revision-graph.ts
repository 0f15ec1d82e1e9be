// The revision graph: a faithful re-implementation of Alembic's RevisionMap (heads, real heads,
// bases, real bases, propagated branch labels, head symbols) built from revisions in load order.
// Where Alembic fails to build its map we fail too, with an error that names the files; we also
// refuse two things Alembic lets through and then trips over: duplicate ids and hidden cycles.
// The reader already refuses what Alembic refuses per file (no down_revision attribute, an empty
// string in it, illegal id characters), so here `downRevisions: []` simply means a base.
import { degree, neighbours } from './adjacency.js';
import { type LabelSet, propagateBranchLabels, sortedLabels } from './branch-labels.js';
import { checkCycles } from './cycles.js';
import { type GraphStructure, linkRevisions } from './graph-structure.js';
import { resolveHeadSymbol, resolveIdentifier } from './head-symbols.js';
import type { Revision } from '../revision.js';

/** A built revision graph. Every list is in load order (Alembic's order) unless it says otherwise. */
export interface RevisionGraph {
  /** Every revision, in load order. */
  readonly revisions: readonly Revision[];
  /** Revisions no other revision names in down_revision (Alembic's `heads`, what `alembic heads` lists). */
  readonly heads: readonly string[];
  /** Heads also not named in any depends_on (`_real_heads`: what the `heads` symbol and `merge heads` use). */
  readonly realHeads: readonly string[];
  /** Revisions with no down_revision (`bases`). */
  readonly bases: readonly string[];
  /** Bases that have no depends_on either (`_real_bases`). */
  readonly realBases: readonly string[];
  /** Whether a revision id exists. */
  has(id: string): boolean;
  /** The revision with this exact id. */
  get(id: string): Revision | undefined;
  /** Revisions naming `id` in down_revision, in load order. */
  children(id: string): readonly string[];
  /** depends_on of `id` resolved to revision ids (labels replaced by their revision), as written. */
  dependenciesOf(id: string): readonly string[];
  /** Revisions naming `id` (or one of its labels) in depends_on, in load order. */
  dependents(id: string): readonly string[];
  /** The propagated branch labels of `id` (Alembic's `Revision.branch_labels`), sorted. */
  branchLabelsOf(id: string): readonly string[];
  /** The revision an id, a branch label, or a unique prefix of either names (Alembic's lookup); UnknownRevisionError otherwise. */
  resolveRevision(name: string): string;
  /** Resolves `head`, `heads`, `<label>@head` or `<label>@heads` to revision ids, as Alembic does. */
  resolveHeadSymbol(symbol: string): readonly string[];
}

/**
 * Builds the graph from revisions in load order (the order Alembic reads the files in, which
 * fixes the order of heads and bases). Throws a UserError subclass from ./graph-errors.js on
 * every history Alembic cannot load, and on duplicate revision ids and cycles.
 */
export function buildRevisionGraph(revisions: readonly Revision[]): RevisionGraph {
  const structure = linkRevisions(revisions);
  const order = checkCycles(structure);
  return new BuiltRevisionGraph(structure, propagateBranchLabels(structure, order));
}

class BuiltRevisionGraph implements RevisionGraph {
  readonly revisions: readonly Revision[];
  readonly heads: readonly string[];
  readonly realHeads: readonly string[];
  readonly bases: readonly string[];
  readonly realBases: readonly string[];
  readonly #structure: GraphStructure;
  readonly #labels: readonly LabelSet[];
  readonly #sortedLabels = new WeakMap<LabelSet, readonly string[]>();

  constructor(structure: GraphStructure, labels: readonly LabelSet[]) {
    this.#structure = structure;
    this.#labels = labels;
    this.revisions = structure.revisions;
    const { parents, allParents, children, allChildren } = structure;
    const heads: string[] = [];
    const realHeads: string[] = [];
    const bases: string[] = [];
    const realBases: string[] = [];
    structure.revisions.forEach(({ id, dependsOnEmptyString }, index) => {
      if (degree(children, index) === 0) heads.push(id);
      if (degree(allChildren, index) === 0) realHeads.push(id);
      if (degree(parents, index) === 0) bases.push(id);
      // Alembic tests `dependencies is None`, and `depends_on = ""` is not None.
      if (degree(allParents, index) === 0 && dependsOnEmptyString !== true) realBases.push(id);
    });
    this.heads = heads;
    this.realHeads = realHeads;
    this.bases = bases;
    this.realBases = realBases;
  }

  has(id: string): boolean {
    return this.#structure.indexById.has(id);
  }

  get(id: string): Revision | undefined {
    const index = this.#structure.indexById.get(id);
    return index === undefined ? undefined : this.revisions[index];
  }

  children(id: string): readonly string[] {
    return this.#ids(neighbours(this.#structure.children, this.#indexOf(id)));
  }

  dependenciesOf(id: string): readonly string[] {
    return this.#ids(neighbours(this.#structure.dependencies, this.#indexOf(id)));
  }

  dependents(id: string): readonly string[] {
    const index = this.#indexOf(id);
    const { allChildren, dependencies } = this.#structure;
    return this.#ids(
      neighbours(allChildren, index).filter((child) =>
        neighbours(dependencies, child).includes(index),
      ),
    );
  }

  branchLabelsOf(id: string): readonly string[] {
    const labels = this.#labels[this.#indexOf(id)] as LabelSet;
    let sorted = this.#sortedLabels.get(labels);
    if (sorted === undefined) {
      sorted = sortedLabels(labels);
      this.#sortedLabels.set(labels, sorted);
    }
    return sorted;
  }

  resolveRevision(name: string): string {
    return (this.revisions[resolveIdentifier(this.#structure, name)] as Revision).id;
  }

  resolveHeadSymbol(symbol: string): readonly string[] {
    return resolveHeadSymbol(
      { structure: this.#structure, heads: this.heads, realHeads: this.realHeads },
      symbol,
    );
  }

  #indexOf(id: string): number {
    const index = this.#structure.indexById.get(id);
    if (index === undefined) throw new RangeError(`no revision ${id} in this graph`);
    return index;
  }

  #ids(indexes: readonly number[]): string[] {
    return indexes.map((index) => (this.revisions[index] as Revision).id);
  }
}
