// Hand-written revision histories with the heads, bases and propagated labels Alembic gives
// them. The unit test asserts our graph matches; the oracle test asserts Alembic agrees too.
import type { Revision } from '../../../src/core/revision.js';
import type { RevisionSpec } from './revision-graph-random.js';

/** What Alembic's RevisionMap reports for a history. */
export interface Expected {
  heads: string[];
  realHeads: string[];
  bases: string[];
  realBases: string[];
  /** Propagated labels of every labelled revision (unlisted revisions have none). */
  labels: Record<string, string[]>;
}

export interface GraphCase {
  title: string;
  revisions: RevisionSpec[];
  expected: Expected;
}

/** One revision: `rev('b', 'a')`, `rev('m', ['a', 'b'], { labels: ['x'], deps: ['c'] })`. */
export function rev(
  id: string,
  down: string | string[] = [],
  options: { deps?: string[]; labels?: string[] } = {},
): RevisionSpec {
  return {
    id,
    down: typeof down === 'string' ? [down] : down,
    depends_on: options.deps ?? [],
    branch_labels: options.labels ?? [],
  };
}

/** The specs as the graph's input, each in `versions/<id>.py` at line 10. */
export function toRevisions(specs: readonly RevisionSpec[]): Revision[] {
  return specs.map((spec) => ({
    id: spec.id,
    downRevisions: spec.down,
    dependencies: spec.depends_on,
    branchLabels: spec.branch_labels,
    file: `versions/${spec.id}.py`,
    line: 10,
  }));
}

function expect(
  heads: string[],
  bases: string[],
  labels: Record<string, string[]> = {},
  real: { heads?: string[]; bases?: string[] } = {},
): Expected {
  return { heads, realHeads: real.heads ?? heads, bases, realBases: real.bases ?? bases, labels };
}

export const GRAPH_CASES: readonly GraphCase[] = [
  { title: 'empty history', revisions: [], expected: expect([], []) },
  { title: 'one base', revisions: [rev('a')], expected: expect(['a'], ['a']) },
  {
    title: 'linear',
    revisions: [rev('a'), rev('b', 'a'), rev('c', 'b')],
    expected: expect(['c'], ['a']),
  },
  {
    title: 'fork: heads in load order',
    revisions: [rev('c', 'a'), rev('b', 'a'), rev('a')],
    expected: expect(['c', 'b'], ['a']),
  },
  {
    title: 'two bases merged',
    revisions: [rev('a'), rev('b'), rev('m', ['a', 'b'])],
    expected: expect(['m'], ['a', 'b']),
  },
  {
    title: 'three-parent merge',
    revisions: [rev('a'), rev('b', 'a'), rev('c', 'a'), rev('d', 'a'), rev('m', ['b', 'c', 'd'])],
    expected: expect(['m'], ['a']),
  },
  {
    title: 'merge of a parent and its own ancestor',
    revisions: [rev('a'), rev('b', 'a'), rev('c', ['a', 'b'])],
    expected: expect(['c'], ['a']),
  },
  {
    title: 'revises and depends on the same parent',
    revisions: [rev('a'), rev('b', 'a', { deps: ['a'] })],
    expected: expect(['b'], ['a']),
  },
  {
    title: 'effective head: a depends_on target drops out of the real heads',
    revisions: [rev('a'), rev('b', [], { deps: ['a'] })],
    expected: expect(['a', 'b'], ['a', 'b'], {}, { heads: ['b'], bases: ['a'] }),
  },
  {
    title: 'depends_on a branch label resolves to the labelled revision',
    revisions: [rev('a', [], { labels: ['x'] }), rev('b', [], { deps: ['x'] })],
    expected: expect(['a', 'b'], ['a', 'b'], { a: ['x'] }, { heads: ['b'], bases: ['a'] }),
  },
  {
    title: 'a base label reaches every descendant',
    revisions: [rev('a', [], { labels: ['x'] }), rev('b', 'a'), rev('c', 'b'), rev('d', 'b')],
    expected: expect(['c', 'd'], ['a'], { a: ['x'], b: ['x'], c: ['x'], d: ['x'] }),
  },
  {
    title: 'a label on the head of a chain walks back down to the base',
    revisions: [rev('a'), rev('b', 'a'), rev('c', 'b', { labels: ['y'] })],
    expected: expect(['c'], ['a'], { a: ['y'], b: ['y'], c: ['y'] }),
  },
  {
    title: 'the walk back stops below a branch point, which keeps no label',
    revisions: [rev('a'), rev('b', 'a'), rev('c', 'b', { labels: ['y'] }), rev('d', 'a')],
    expected: expect(['c', 'd'], ['a'], { b: ['y'], c: ['y'] }),
  },
  {
    title: 'a depends_on child makes a branch point that stops the walk',
    revisions: [
      rev('a'),
      rev('b', 'a'),
      rev('c', 'b', { labels: ['y'] }),
      rev('d', [], { deps: ['b'] }),
    ],
    expected: expect(['c', 'd'], ['a', 'd'], { c: ['y'] }, { heads: ['c', 'd'], bases: ['a'] }),
  },
  {
    title: 'a single depends_on child does not stop the walk',
    revisions: [rev('a'), rev('b', 'a', { labels: ['q'] }), rev('c', [], { deps: ['b'] })],
    expected: expect(
      ['b', 'c'],
      ['a', 'c'],
      { a: ['q'], b: ['q'] },
      { heads: ['c'], bases: ['a'] },
    ),
  },
  {
    title: 'no walk back when the labelled revision has a branch above it',
    revisions: [rev('a'), rev('b', 'a', { labels: ['x'] }), rev('c', 'b'), rev('d', 'b')],
    expected: expect(['c', 'd'], ['a'], { b: ['x'], c: ['x'], d: ['x'] }),
  },
  {
    title: 'a merge of x@head and y@head carries both labels',
    revisions: [
      rev('a'),
      rev('b', 'a', { labels: ['x'] }),
      rev('c', 'a', { labels: ['y'] }),
      rev('d', ['b', 'c']),
    ],
    expected: expect(['d'], ['a'], { b: ['x'], c: ['y'], d: ['x', 'y'] }),
  },
  {
    title: 'the walk back stops at a merge',
    revisions: [
      rev('a'),
      rev('b'),
      rev('m', ['a', 'b']),
      rev('n', 'm'),
      rev('o', 'n', { labels: ['z'] }),
    ],
    expected: expect(['o'], ['a', 'b'], { n: ['z'], o: ['z'] }),
  },
  {
    title: 'a down_revision naming one parent twice is a merge point',
    revisions: [rev('a'), rev('b', ['a', 'a'], { labels: ['w'] })],
    expected: expect(['b'], ['a'], { b: ['w'] }),
  },
  {
    title: 'expand and contract: two heads with different labels',
    revisions: [
      rev('a'),
      rev('e1', 'a', { labels: ['expand'] }),
      rev('e2', 'e1'),
      rev('c1', 'a', { labels: ['contract'] }),
      rev('c2', 'c1'),
    ],
    expected: expect(['e2', 'c2'], ['a'], {
      e1: ['expand'],
      e2: ['expand'],
      c1: ['contract'],
      c2: ['contract'],
    }),
  },
  {
    title: 'nested labels: the inner chain walks back through the outer label',
    revisions: [
      rev('a', [], { labels: ['outer'] }),
      rev('b', 'a'),
      rev('c', 'b', { labels: ['inner', 'second'] }),
    ],
    expected: expect(['c'], ['a'], {
      a: ['inner', 'outer', 'second'],
      b: ['inner', 'outer', 'second'],
      c: ['inner', 'outer', 'second'],
    }),
  },
];
