// Which divergences a git operation introduced: no compared commit held revisions of two of the
// heads' own lineages. Commits are given as the sets of revision ids (files) their trees hold.
import test from 'ava';

import { divergences } from '../../../src/core/graph/divergences.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import {
  divergenceOrigins,
  exclusiveLineages,
  lineageFiles,
  type LineageView,
} from '../../../src/core/merge/divergence-origin.js';
import { rev, toRevisions } from '../graph/revision-graph-cases.js';
import type { RevisionSpec } from '../graph/revision-graph-random.js';

function classify(specs: RevisionSpec[], commits: string[][]) {
  const graph = buildRevisionGraph(toRevisions(specs));
  const view: LineageView = {
    fileOf: (id) => graph.get(id)?.file,
    parentsOf: (id) => graph.get(id)?.downRevisions ?? [],
  };
  const trees = commits.map((ids) => new Set(ids.map((id) => `versions/${id}.py`)));
  return { origins: divergenceOrigins(divergences(graph), view, trees), view, graph };
}

const origin = test.macro({
  exec(
    t,
    specs: RevisionSpec[],
    commits: string[][],
    expected: { kind: string; heads: string[]; sources: (number | undefined)[] }[],
  ) {
    const { origins } = classify(specs, commits);
    t.deepEqual(
      origins.map(({ kind, divergence, sources }) => ({ kind, heads: divergence.heads, sources })),
      expected,
    );
  },
  title: (title = '') => `divergence origin: ${title}`,
});

const FORK = [rev('base'), rev('a', 'base'), rev('b', 'base')];

test(
  'a merge of two branches that each added a revision introduced it',
  origin,
  FORK,
  [
    ['base', 'a'],
    ['base', 'b'],
  ],
  [{ kind: 'introduced', heads: ['a', 'b'], sources: [0, 1] }],
);
test(
  'a side that already held both heads had it before',
  origin,
  FORK,
  [['base', 'a', 'b'], ['base']],
  [{ kind: 'pre-existing', heads: ['a', 'b'], sources: [0, 0] }],
);
test(
  "a commit adding a head beside its parent's single head (a cherry-pick) introduced it",
  origin,
  FORK,
  [['base', 'a']],
  [{ kind: 'introduced', heads: ['a', 'b'], sources: [0, undefined] }],
);
test(
  'a divergence that only moved on (a child of one head) is still the old one',
  origin,
  [...FORK, rev('a2', 'a')],
  [
    ['base', 'a', 'b'],
    ['base', 'a', 'a2'],
  ],
  [{ kind: 'pre-existing', heads: ['b', 'a2'], sources: [0, 1] }],
);
test(
  'an octopus of three branches introduced a three-head divergence',
  origin,
  [...FORK, rev('c', 'base')],
  [
    ['base', 'a'],
    ['base', 'b'],
    ['base', 'c'],
  ],
  [{ kind: 'introduced', heads: ['a', 'b', 'c'], sources: [0, 1, 2] }],
);
test(
  'a side that held two of three heads had it before (nothing is merged silently)',
  origin,
  [...FORK, rev('c', 'base')],
  [
    ['base', 'a', 'b'],
    ['base', 'c'],
  ],
  [{ kind: 'pre-existing', heads: ['a', 'b', 'c'], sources: [0, 0, 1] }],
);
test(
  'labelled branches are separate groups, each judged alone',
  origin,
  [
    rev('base'),
    rev('e', 'base', { labels: ['expand'] }),
    rev('e2', 'e'),
    rev('e3', 'e'),
    rev('c', 'base', { labels: ['contract'] }),
  ],
  [
    ['base', 'e', 'e2', 'c'],
    ['base', 'e', 'e3', 'c'],
  ],
  [{ kind: 'introduced', heads: ['e2', 'e3'], sources: [0, 1] }],
);

test('exclusive lineages stop at the shared ancestry; lineageFiles lists their files once', (t) => {
  const { view, graph } = classify([...FORK, rev('a2', 'a'), rev('b2', 'b'), rev('b3', 'b2')], []);
  t.deepEqual(
    exclusiveLineages(['a2', 'b3'], view).map((lineage) => [...lineage].sort()),
    [
      ['a', 'a2'],
      ['b', 'b2', 'b3'],
    ],
  );
  t.deepEqual(
    lineageFiles(divergences(graph), view).sort(),
    ['a', 'a2', 'b', 'b2', 'b3'].map((id) => `versions/${id}.py`),
  );
});
