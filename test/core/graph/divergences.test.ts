// Divergences: heads grouped by their propagated branch-label set; a group of two or more heads
// is a divergence, with its real and effective heads and the files that define them.
import test from 'ava';

import { type Divergence, divergences } from '../../../src/core/graph/divergences.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { rev, toRevisions } from './revision-graph-cases.js';
import type { RevisionSpec } from './revision-graph-random.js';

const diverges = test.macro({
  exec(t, revisions: RevisionSpec[], expected: Array<Partial<Divergence>>) {
    const found = divergences(buildRevisionGraph(toRevisions(revisions)));
    t.deepEqual(
      found.map((divergence, index) =>
        Object.fromEntries(
          Object.keys(expected[index] ?? {}).map((key) => [
            key,
            divergence[key as keyof Divergence],
          ]),
        ),
      ),
      expected,
    );
  },
  title: (title = '') => `divergences: ${title}`,
});

test('one head: none', diverges, [rev('a'), rev('b', 'a')], []);
test('an empty history: none', diverges, [], []);
test(
  'two unlabelled heads from one parent',
  diverges,
  [rev('a'), rev('b', 'a'), rev('c', 'a')],
  [
    {
      labels: [],
      heads: ['b', 'c'],
      realHeads: ['b', 'c'],
      effectiveHeads: [],
      locations: [
        { file: 'versions/b.py', line: 10 },
        { file: 'versions/c.py', line: 10 },
      ],
    },
  ],
);
test(
  'two independent unlabelled roots',
  diverges,
  [rev('a'), rev('b')],
  [{ labels: [], heads: ['a', 'b'] }],
);
test(
  'expand and contract heads: none',
  diverges,
  [rev('a'), rev('e', 'a', { labels: ['expand'] }), rev('c', 'a', { labels: ['contract'] })],
  [],
);
test(
  'two heads inside one labelled branch, next to a separate branch',
  diverges,
  [
    rev('a'),
    rev('e', 'a', { labels: ['expand'] }),
    rev('e2', 'e'),
    rev('e3', 'e'),
    rev('c', 'a', { labels: ['contract'] }),
  ],
  [{ labels: ['expand'], heads: ['e2', 'e3'] }],
);
test(
  'a depends_on keeps one head effective: it still diverges, and is reported as such',
  diverges,
  [rev('a'), rev('b', 'a'), rev('c', 'a', { deps: ['b'] })],
  [{ heads: ['b', 'c'], realHeads: ['c'], effectiveHeads: ['b'] }],
);
test(
  'groups come in the order of their first head',
  diverges,
  [
    rev('x', [], { labels: ['xl'] }),
    rev('x1', 'x'),
    rev('a'),
    rev('a1', 'a'),
    rev('a2', 'a'),
    rev('x2', 'x'),
  ],
  [
    { labels: ['xl'], heads: ['x1', 'x2'] },
    { labels: [], heads: ['a1', 'a2'] },
  ],
);
