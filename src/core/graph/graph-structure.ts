// Links revisions into index-based adjacency lists, making the checks Alembic makes while it
// builds its RevisionMap and in the same order, so a history with several problems fails on the
// one Alembic fails on first: self-references (Revision.__init__), branch labels (each unique and
// different from every revision id), depends_on targets (_add_depends_on), then down_revision
// parents (the linking loop).
import type { FileLocation } from '../../errors.js';
import type { ReferenceGuess } from '../../messages/graph.js';
import { type Adjacency, AdjacencyBuilder, concatenate, reverse } from './adjacency.js';
import {
  DuplicateBranchLabelError,
  DuplicateRevisionError,
  type LinkAttribute,
  SelfReferenceError,
  UnknownReferenceError,
} from './graph-errors.js';
import type { Revision } from '../revision.js';

/** Revisions linked by position in load order; the other graph modules walk these lists. */
export interface GraphStructure {
  readonly revisions: readonly Revision[];
  readonly indexById: ReadonlyMap<string, number>;
  /** Branch label → index of the revision that declares it, in registration order. */
  readonly labelOwners: ReadonlyMap<string, number>;
  /** down_revision as indexes, repeats removed, in the order written. */
  readonly parents: Adjacency;
  /** depends_on as indexes (labels resolved), repeats removed, in the order written. */
  readonly dependencies: Adjacency;
  /** parents then dependencies, repeats removed (Alembic's `_all_down_revisions`). */
  readonly allParents: Adjacency;
  /** Revisions naming this one in down_revision, in load order (Alembic's `nextrev`). */
  readonly children: Adjacency;
  /** Revisions naming this one in down_revision or depends_on, in load order (`_all_nextrev`). */
  readonly allChildren: Adjacency;
}

/** Where a revision is defined, for messages. */
export function locationOf(revision: Revision): FileLocation {
  return { file: revision.file, line: revision.line };
}

/** Checks and links revisions given in load order; throws the first problem Alembic would hit. */
export function linkRevisions(revisions: readonly Revision[]): GraphStructure {
  const indexById = indexRevisions(revisions);
  const labelOwners = registerBranchLabels(revisions, indexById);
  const { parents, dependencies } = resolveReferences(revisions, indexById, labelOwners);
  const allParents =
    dependencies.targets.length === 0 ? parents : concatenate(parents, dependencies);
  const children = reverse(parents);
  const allChildren = allParents === parents ? children : reverse(allParents);
  return {
    revisions,
    indexById,
    labelOwners,
    parents,
    dependencies,
    allParents,
    children,
    allChildren,
  };
}

// Alembic raises self-references from Revision.__init__, before any map exists, so they win
// over a duplicate id (which Alembic only warns about and then mishandles; we refuse it).
function indexRevisions(revisions: readonly Revision[]): Map<string, number> {
  const indexById = new Map<string, number>();
  let duplicate: DuplicateRevisionError | undefined;
  for (let index = 0; index < revisions.length; index++) {
    const revision = revisions[index] as Revision;
    if (revision.downRevisions.includes(revision.id))
      throw new SelfReferenceError(revision.id, locationOf(revision), 'down_revision');
    if (revision.dependencies.includes(revision.id))
      throw new SelfReferenceError(revision.id, locationOf(revision), 'depends_on');
    const first = indexById.get(revision.id);
    if (first === undefined) indexById.set(revision.id, index);
    else
      duplicate ??= new DuplicateRevisionError(
        revision.id,
        locationOf(revisions[first] as Revision),
        locationOf(revision),
      );
  }
  if (duplicate !== undefined) throw duplicate;
  return indexById;
}

// Maps each branch label to its revision's index; throws on a label used twice or equal to an id.
function registerBranchLabels(
  revisions: readonly Revision[],
  indexById: ReadonlyMap<string, number>,
): Map<string, number> {
  const owners = new Map<string, number>();
  for (let index = 0; index < revisions.length; index++) {
    const revision = revisions[index]!;
    if (revision.branchLabels.length === 0) continue;
    for (const label of revision.branchLabels) {
      const otherIndex = indexById.get(label) ?? owners.get(label);
      if (otherIndex !== undefined) {
        const other = revisions[otherIndex] as Revision;
        const collidesWith = indexById.has(label) ? 'revision' : 'label';
        throw new DuplicateBranchLabelError(
          label,
          revision.id,
          locationOf(revision),
          collidesWith,
          other.id,
          locationOf(other),
        );
      }
      owners.set(label, index);
    }
  }
  return owners;
}

// depends_on may name branch labels, down_revision only ids. Alembic resolves every depends_on
// before it links any parent, so a missing dependency anywhere wins over a missing parent.
function resolveReferences(
  revisions: readonly Revision[],
  indexById: ReadonlyMap<string, number>,
  labelOwners: ReadonlyMap<string, number>,
): { parents: Adjacency; dependencies: Adjacency } {
  const parents = new AdjacencyBuilder(revisions.length);
  const dependencies = new AdjacencyBuilder(revisions.length);
  let missingParent: UnknownReferenceError | undefined;
  for (let index = 0; index < revisions.length; index++) {
    const revision = revisions[index]!;
    const { dependencies: dependencyNames, downRevisions } = revision;
    for (let position = 0; position < dependencyNames.length; position++) {
      const name = dependencyNames[position]!;
      const target = indexById.get(name) ?? labelOwners.get(name);
      if (target === undefined)
        throw unknownReference(revision, 'depends_on', name, revisions, labelOwners);
      dependencies.add(target);
    }
    for (let position = 0; position < downRevisions.length; position++) {
      const target = indexById.get(downRevisions[position]!);
      if (target !== undefined) parents.add(target);
      else
        missingParent ??= unknownReference(
          revision,
          'down_revision',
          downRevisions[position]!,
          revisions,
          labelOwners,
        );
    }
    parents.close();
    dependencies.close();
  }
  if (missingParent !== undefined) throw missingParent;
  return { parents: parents.build(), dependencies: dependencies.build() };
}

function unknownReference(
  revision: Revision,
  attribute: LinkAttribute,
  name: string,
  revisions: readonly Revision[],
  labelOwners: ReadonlyMap<string, number>,
): UnknownReferenceError {
  return new UnknownReferenceError(
    revision.id,
    locationOf(revision),
    attribute,
    name,
    guessReference(name, revisions, labelOwners),
  );
}

// Error path only: a label where an id belongs, or an abbreviated id, deserves a precise hint.
function guessReference(
  name: string,
  revisions: readonly Revision[],
  labelOwners: ReadonlyMap<string, number>,
): ReferenceGuess {
  const owner = labelOwners.get(name);
  if (owner !== undefined) return { kind: 'label', revisionId: (revisions[owner] as Revision).id };
  if (name.length >= 4) {
    const matches = revisions.filter((revision) => revision.id.startsWith(name));
    if (matches.length === 1) return { kind: 'prefix', revisionId: (matches[0] as Revision).id };
  }
  return { kind: 'none' };
}
