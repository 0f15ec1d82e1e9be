// Adjacency lists packed into two typed arrays (compressed sparse rows). Git hooks build the
// graph of histories with 10,000 revisions in a fresh process, where code runs mostly
// unoptimised: one small array per revision per edge kind, iterators and helper calls in the
// inner loops made the build spend its time allocating, collecting garbage and interpreting.
// Hence plain indexed loops here, with `!` on typed-array reads whose index is in range.

/** The list of revision `i` is `targets[offsets[i]]` up to (excluding) `targets[offsets[i + 1]]`. */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** How many entries the list of `index` has. */
export function degree(adjacency: Adjacency, index: number): number {
  return adjacency.offsets[index + 1]! - adjacency.offsets[index]!;
}

/** The first entry of the list of `index`, or -1 when it is empty. */
export function firstNeighbour({ offsets, targets }: Adjacency, index: number): number {
  return offsets[index + 1]! > offsets[index]! ? targets[offsets[index]!]! : -1;
}

/** The list of `index` as a fresh array (for callers off the hot path). */
export function neighbours({ offsets, targets }: Adjacency, index: number): number[] {
  const list: number[] = [];
  for (let position = offsets[index]!; position < offsets[index + 1]!; position++)
    list.push(targets[position]!);
  return list;
}

/** Collects one list per revision, in index order, dropping repeats within a list. */
export class AdjacencyBuilder {
  private readonly offsets: Int32Array;
  private readonly targets: number[] = [];
  private closed = 0;

  constructor(count: number) {
    this.offsets = new Int32Array(count + 1);
  }

  /** Appends `target` to the list being collected, unless it is already there. */
  add(target: number): void {
    const targets = this.targets;
    for (let position = this.offsets[this.closed]!; position < targets.length; position++)
      if (targets[position] === target) return;
    targets.push(target);
  }

  /** Ends the current list; the next `add` starts the list of the next revision. */
  close(): void {
    this.offsets[++this.closed] = this.targets.length;
  }

  /** The packed lists (every list must have been closed). */
  build(): Adjacency {
    return { offsets: this.offsets, targets: Int32Array.from(this.targets) };
  }
}

/** Both lists of each revision concatenated, repeats dropped (first occurrence kept). */
export function concatenate(first: Adjacency, second: Adjacency): Adjacency {
  const count = first.offsets.length - 1;
  const offsets = new Int32Array(count + 1);
  const targets = new Int32Array(first.targets.length + second.targets.length);
  let length = 0;
  for (let index = 0; index < count; index++) {
    const start = length;
    for (let position = first.offsets[index]!; position < first.offsets[index + 1]!; position++)
      targets[length++] = first.targets[position]!;
    for (let position = second.offsets[index]!; position < second.offsets[index + 1]!; position++) {
      const target = second.targets[position]!;
      if (!targets.subarray(start, length).includes(target)) targets[length++] = target;
    }
    offsets[index + 1] = length;
  }
  return { offsets, targets: targets.slice(0, length) };
}

/** The same edges pointing the other way; each list in increasing index (load) order. */
export function reverse({ offsets, targets }: Adjacency): Adjacency {
  const count = offsets.length - 1;
  const reversedOffsets = new Int32Array(count + 1);
  for (let position = 0; position < targets.length; position++)
    reversedOffsets[targets[position]! + 1]!++;
  for (let index = 0; index < count; index++)
    reversedOffsets[index + 1]! += reversedOffsets[index]!;
  const cursor = reversedOffsets.slice(0, count);
  const reversedTargets = new Int32Array(targets.length);
  for (let index = 0; index < count; index++) {
    for (let position = offsets[index]!; position < offsets[index + 1]!; position++)
      reversedTargets[cursor[targets[position]!]!++] = index;
  }
  return { offsets: reversedOffsets, targets: reversedTargets };
}
