// Seeded random revision histories for the differential test against Alembic's RevisionMap:
// several bases, 2- and 3-parent merges (some naming a parent and that parent's own ancestor),
// branch labels on bases and mid-graph, depends_on to ids, labels and heads; shuffled into a
// random load order. Mutations then break a good history in each way Alembic refuses.
import { pick } from '../../helpers/random.js';

/** One revision as the oracle reads it (Alembic's attribute names). */
export interface RevisionSpec {
  id: string;
  down: string[];
  depends_on: string[];
  branch_labels: string[];
}

type Random = () => number;

/** The ways `breakGraph` can break a history. */
export const MUTATIONS = [
  'missing-parent',
  'label-as-parent',
  'prefix-as-parent',
  'missing-dependency',
  'self-loop',
  'self-dependency',
  'self-dependency-through-label',
  'label-equals-label',
  'label-equals-id',
  'cycle',
  'dependency-cycle',
  'base-made-child',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** A valid history of `size` revisions, in a random load order. */
export function randomGraph(random: Random, size: number): RevisionSpec[] {
  const built: RevisionSpec[] = [];
  const heads = new Set<string>();
  const ids = new Set<string>();
  for (let index = 0; index < size; index++) {
    const id = freshId(random, ids);
    const down = index === 0 || random() < 0.08 ? [] : chooseParents(random, built, heads);
    const revision: RevisionSpec = { id, down, depends_on: [], branch_labels: [] };
    if (random() < 0.15)
      revision.branch_labels = random() < 0.85 ? [`lbl${index}`] : [`lbl${index}`, `alt${index}`];
    if (built.length > 0 && random() < 0.14)
      revision.depends_on = chooseDependencies(random, built, heads);
    for (const parent of down) heads.delete(parent);
    heads.add(id);
    built.push(revision);
  }
  return random() < 0.2 ? built : shuffle(random, built);
}

/** A copy of `graph` broken by `mutation` (the result may still be valid for some graphs). */
export function breakGraph(
  random: Random,
  graph: readonly RevisionSpec[],
  mutation: Mutation,
): RevisionSpec[] {
  const copy = graph.map((revision) => ({
    ...revision,
    down: [...revision.down],
    depends_on: [...revision.depends_on],
    branch_labels: [...revision.branch_labels],
  }));
  const target = pick(random, copy);
  const labelled = copy.filter((revision) => revision.branch_labels.length > 0);
  const other = pick(
    random,
    copy.filter((revision) => revision !== target).concat(copy.length === 1 ? [target] : []),
  );
  switch (mutation) {
    case 'missing-parent':
      target.down.push('deadbeef0000');
      break;
    case 'label-as-parent':
      if (labelled.length === 0) other.branch_labels.push('orphanlabel');
      target.down.push(
        labelled.length === 0 ? 'orphanlabel' : (pick(random, labelled).branch_labels[0] as string),
      );
      break;
    case 'prefix-as-parent':
      target.down = [other.id.slice(0, 3 + Math.floor(random() * 3))];
      break;
    case 'missing-dependency':
      target.depends_on.push(random() < 0.5 ? 'nothere' : 'feedface0000');
      break;
    case 'self-loop':
      target.down.push(target.id);
      break;
    case 'self-dependency':
      target.depends_on.push(target.id);
      break;
    case 'self-dependency-through-label':
      if (target.branch_labels.length === 0) target.branch_labels.push('selflabel');
      target.depends_on.push(target.branch_labels[0] as string);
      break;
    case 'label-equals-label':
      other.branch_labels.push(
        labelled.length === 0
          ? `${other.id}x`
          : (pick(random, labelled).branch_labels[0] as string),
      );
      if (labelled.length === 0) target.branch_labels.push(`${other.id}x`);
      break;
    case 'label-equals-id':
      target.branch_labels.push(other.id);
      break;
    case 'cycle':
      target.down.push(pick(random, above(copy, target.id, false)));
      break;
    case 'dependency-cycle':
      target.depends_on.push(pick(random, above(copy, target.id, true)));
      break;
    case 'base-made-child':
      for (const base of copy.filter((revision) => revision.down.length === 0))
        base.down = [pick(random, copy).id];
      break;
  }
  return copy;
}

/** Whether the history has a cycle over down_revision (and, with `dependencies`, depends_on) edges. */
export function hasCycle(graph: readonly RevisionSpec[], dependencies: boolean): boolean {
  const byKey = new Map<string, RevisionSpec>();
  for (const revision of graph) byKey.set(revision.id, revision);
  for (const revision of graph)
    for (const label of revision.branch_labels) byKey.set(label, revision);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (revision: RevisionSpec): boolean => {
    if (state.get(revision.id) === 'done') return false;
    if (state.get(revision.id) === 'open') return true;
    state.set(revision.id, 'open');
    const next = dependencies ? [...revision.down, ...revision.depends_on] : revision.down;
    const found = next.some((name) => {
      const parent = byKey.get(name);
      return parent !== undefined && visit(parent);
    });
    state.set(revision.id, 'done');
    return found;
  };
  return graph.some((revision) => visit(revision));
}

function freshId(random: Random, taken: Set<string>): string {
  for (;;) {
    const length = 4 + Math.floor(random() * 9);
    const id = Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

// Mostly the previous revision (long chains), else a current head (merging heads) or any.
function chooseParents(
  random: Random,
  built: readonly RevisionSpec[],
  heads: ReadonlySet<string>,
): string[] {
  const roll = random();
  const count = roll < 0.72 ? 1 : roll < 0.93 ? 2 : 3;
  const first =
    random() < 0.55
      ? (built[built.length - 1] as RevisionSpec).id
      : random() < 0.5
        ? pick(random, [...heads])
        : pick(random, built).id;
  const parents = [first];
  for (let extra = 1; extra < count; extra++) {
    const roll2 = random();
    if (roll2 < 0.5) parents.push(pick(random, [...heads]));
    else if (roll2 < 0.7) parents.push(pick(random, ancestors(built, first)));
    else parents.push(pick(random, built).id);
  }
  return random() < 0.02 ? parents : [...new Set(parents)];
}

function chooseDependencies(
  random: Random,
  built: readonly RevisionSpec[],
  heads: ReadonlySet<string>,
): string[] {
  const count = random() < 0.8 ? 1 : 2;
  return Array.from({ length: count }, () => {
    const head = pick(random, [...heads]);
    const target =
      random() < 0.5
        ? (built.find((revision) => revision.id === head) as RevisionSpec)
        : pick(random, built);
    return target.branch_labels.length > 0 && random() < 0.5
      ? (target.branch_labels[0] as string)
      : target.id;
  });
}

// The revision itself and everything below it (down_revision only).
function ancestors(built: readonly RevisionSpec[], id: string): string[] {
  const byId = new Map(built.map((revision) => [revision.id, revision]));
  const found = new Set([id]);
  const todo = [id];
  while (todo.length > 0) {
    for (const parent of byId.get(todo.pop() as string)?.down ?? []) {
      if (found.has(parent)) continue;
      found.add(parent);
      todo.push(parent);
    }
  }
  return [...found];
}

// The revision itself and everything above it.
function descendants(graph: readonly RevisionSpec[], id: string, dependencies: boolean): string[] {
  const found = new Set([id]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const revision of graph) {
      const links = dependencies ? [...revision.down, ...revision.depends_on] : revision.down;
      const labelsOf = (name: string) =>
        graph.find((other) => other.branch_labels.includes(name))?.id ?? name;
      if (!found.has(revision.id) && links.some((name) => found.has(labelsOf(name)))) {
        found.add(revision.id);
        changed = true;
      }
    }
  }
  return [...found];
}

// What lies above a revision (itself only when nothing does).
function above(graph: readonly RevisionSpec[], id: string, dependencies: boolean): string[] {
  const found = descendants(graph, id, dependencies).filter((other) => other !== id);
  return found.length > 0 ? found : [id];
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T];
  }
  return shuffled;
}
