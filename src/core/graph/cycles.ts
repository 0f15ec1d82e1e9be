// Cycle detection in linear time, first over down_revision edges, then over down_revision plus
// depends_on edges (Alembic's CycleDetected, then DependencyCycleDetected).
//
// Alembic's own test (_detect_cycles) flags every revision that is not both an ancestor of a head
// and a descendant of a base. That catches every cycle without a way out, but misses a cycle that
// has revisions above and below it. Such a history has no upgrade order (`alembic upgrade` 1.8.1
// loops forever on a dependency cycle of that shape), so we refuse every cycle. Alembic's set is
// still computed, so the message can quote the error Alembic itself prints.
import { type Adjacency, degree, neighbours } from './adjacency.js';
import { compareCodePoints } from '../code-point-order.js';
import {
  EmptyDependsOnBaseError,
  type LinkAttribute,
  RevisionCycleError,
  SelfReferenceError,
} from './graph-errors.js';
import { type GraphStructure, locationOf } from './graph-structure.js';
import type { Revision } from '../revision.js';

/** Throws on any cycle; returns a topological order of down_revision edges, parents first. */
export function checkCycles(structure: GraphStructure): Int32Array {
  const versionedOrder = topologicalOrder(structure.parents, structure.children);
  if (versionedOrder.length < structure.revisions.length) {
    throw cycleError(
      'down_revision',
      structure,
      structure.parents,
      structure.children,
      versionedOrder,
    );
  }
  if (structure.allParents === structure.parents) {
    rejectStrandingEmptyDependsOn(structure);
    return versionedOrder;
  }
  rejectSelfDependencyThroughLabel(structure);
  const fullOrder = topologicalOrder(structure.allParents, structure.allChildren);
  if (fullOrder.length < structure.revisions.length) {
    throw cycleError(
      'depends_on',
      structure,
      structure.allParents,
      structure.allChildren,
      fullOrder,
    );
  }
  rejectStrandingEmptyDependsOn(structure);
  return versionedOrder;
}

// Alembic's dependency-space check: every revision must be reachable upwards from a real base.
// Without cycles only a `depends_on = ""` base (never a real base in Alembic) can strand some.
function rejectStrandingEmptyDependsOn({
  revisions,
  allParents,
  allChildren,
}: GraphStructure): void {
  const flagged = revisions.flatMap((revision, index) =>
    revision.dependsOnEmptyString === true && degree(allParents, index) === 0 ? [index] : [],
  );
  if (flagged.length === 0) return;
  const realBases = revisions.flatMap((revision, index) =>
    revision.dependsOnEmptyString !== true && degree(allParents, index) === 0 ? [index] : [],
  );
  const reached = reachable(realBases, allChildren);
  const stranded = revisions.filter((_, index) => reached[index] === 0);
  if (stranded.length === 0) return;
  const bases = flagged
    .filter((index) => reached[index] === 0)
    .map((index) => revisions[index] as Revision);
  const first = bases[0] as Revision;
  throw new EmptyDependsOnBaseError(
    bases.map((revision) => revision.id),
    locationOf(first),
    stranded.map((revision) => revision.id).sort(compareCodePoints),
  );
}

// Kahn's algorithm, ready revisions taken in load order; shorter than the graph when it has a cycle.
function topologicalOrder(parents: Adjacency, children: Adjacency): Int32Array {
  const count = parents.offsets.length - 1;
  const waitingFor = new Int32Array(count);
  const order = new Int32Array(count);
  let length = 0;
  for (let index = 0; index < count; index++) {
    waitingFor[index] = degree(parents, index);
    if (waitingFor[index] === 0) order[length++] = index;
  }
  for (let position = 0; position < length; position++) {
    const done = order[position]!;
    for (let edge = children.offsets[done]!; edge < children.offsets[done + 1]!; edge++) {
      const child = children.targets[edge]!;
      waitingFor[child] = waitingFor[child]! - 1;
      if (waitingFor[child] === 0) order[length++] = child;
    }
  }
  return order.subarray(0, length);
}

// A depends_on naming the revision's own label: Alembic has no check for it (its id check misses it).
function rejectSelfDependencyThroughLabel({
  revisions,
  dependencies,
  labelOwners,
}: GraphStructure): void {
  for (const index of labelOwners.values()) {
    if (!neighbours(dependencies, index).includes(index)) continue;
    const revision = revisions[index] as Revision;
    const label = revision.dependencies.find((name) => labelOwners.get(name) === index);
    throw new SelfReferenceError(revision.id, locationOf(revision), 'depends_on', label);
  }
}

function cycleError(
  kind: LinkAttribute,
  structure: GraphStructure,
  parents: Adjacency,
  children: Adjacency,
  order: Int32Array,
): RevisionCycleError {
  const sorted = new Uint8Array(structure.revisions.length);
  for (const index of order) sorted[index] = 1;
  const cycle = findCycle(parents, sorted).map((index) => structure.revisions[index] as Revision);
  const alembicIds = alembicCycleIds(structure.revisions, parents, children);
  return new RevisionCycleError(
    kind,
    cycle.map((revision) => revision.id),
    cycle.map(locationOf),
    alembicIds,
  );
}

// Every revision left out of the topological order has a parent also left out, so following
// such parents must revisit one: the loop found is a cycle. Returned parent first.
function findCycle(parents: Adjacency, sorted: Uint8Array): number[] {
  const positionInPath = new Int32Array(sorted.length).fill(-1);
  const path: number[] = [];
  let current = sorted.indexOf(0);
  while (positionInPath[current] === -1) {
    positionInPath[current] = path.length;
    path.push(current);
    let edge = parents.offsets[current]!;
    while (sorted[parents.targets[edge]!] === 1) edge++;
    current = parents.targets[edge]!;
  }
  const cycle = path.slice(positionInPath[current]!).reverse();
  const start = cycle.indexOf(cycle.reduce((lowest, index) => Math.min(lowest, index)));
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

// The revisions Alembic names: all of them without a head or a base, else those not both
// reachable from a head going down and from a base going up (sorted, as Alembic sorts them).
function alembicCycleIds(
  revisions: readonly Revision[],
  parents: Adjacency,
  children: Adjacency,
): string[] {
  const heads = revisions.map((_, index) => index).filter((index) => degree(children, index) === 0);
  const bases = revisions.map((_, index) => index).filter((index) => degree(parents, index) === 0);
  if (heads.length === 0 || bases.length === 0) return revisions.map((revision) => revision.id);
  const belowHeads = reachable(heads, parents);
  const aboveBases = reachable(bases, children);
  return revisions
    .filter((_, index) => belowHeads[index] === 0 || aboveBases[index] === 0)
    .map((revision) => revision.id)
    .sort(compareCodePoints);
}

function reachable(starts: readonly number[], next: Adjacency): Uint8Array {
  const seen = new Uint8Array(next.offsets.length - 1);
  const todo = [...starts];
  for (const start of starts) seen[start] = 1;
  while (todo.length > 0) {
    const current = todo.pop() as number;
    for (let edge = next.offsets[current]!; edge < next.offsets[current + 1]!; edge++) {
      const following = next.targets[edge]!;
      if (seen[following] === 0) {
        seen[following] = 1;
        todo.push(following);
      }
    }
  }
  return seen;
}
