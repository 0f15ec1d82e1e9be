// The revision graph on small hand-written histories: heads, real heads, bases, real bases and
// propagated branch labels exactly as Alembic computes them (the oracle test checks the same
// cases against Alembic itself), plus the accessors and a guard against quadratic walks.
import test from 'ava';

import { divergences } from '../../../src/core/graph/divergences.js';
import { buildRevisionGraph, type RevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { type Expected, GRAPH_CASES, rev, toRevisions } from './revision-graph-cases.js';
import type { RevisionSpec } from './revision-graph-random.js';

const matchesAlembic = test.macro({
  exec(t, revisions: RevisionSpec[], expected: Expected) {
    const graph = buildRevisionGraph(toRevisions(revisions));
    t.deepEqual(
      {
        heads: graph.heads,
        realHeads: graph.realHeads,
        bases: graph.bases,
        realBases: graph.realBases,
      },
      {
        heads: expected.heads,
        realHeads: expected.realHeads,
        bases: expected.bases,
        realBases: expected.realBases,
      },
    );
    const labelled = graph.revisions.filter(
      (revision) => graph.branchLabelsOf(revision.id).length > 0,
    );
    const labels = Object.fromEntries(
      labelled.map((revision) => [revision.id, graph.branchLabelsOf(revision.id)]),
    );
    t.deepEqual(labels, expected.labels);
  },
  title: (title = '') => `graph: ${title}`,
});

for (const { title, revisions, expected } of GRAPH_CASES)
  test(title, matchesAlembic, revisions, expected);

function build(...revisions: RevisionSpec[]): RevisionGraph {
  return buildRevisionGraph(toRevisions(revisions));
}

test('revisions keep load order; get and has look up exact ids only', (t) => {
  const graph = build(rev('b', 'a'), rev('a'));
  t.deepEqual(
    graph.revisions.map((revision) => revision.id),
    ['b', 'a'],
  );
  t.is(graph.get('a')?.file, 'versions/a.py');
  t.is(graph.get('abc'), undefined);
  t.true(graph.has('b'));
  t.false(graph.has('x'));
});

test('children, dependents and resolved dependencies, in load order', (t) => {
  const graph = build(
    rev('a', [], { labels: ['core'] }),
    rev('c', 'a'),
    rev('b', 'a'),
    rev('d', [], { deps: ['core', 'c'] }),
    rev('e', 'b', { deps: ['b'] }),
  );
  t.deepEqual(graph.children('a'), ['c', 'b']);
  t.deepEqual(graph.children('d'), []);
  t.deepEqual(graph.dependenciesOf('d'), ['a', 'c']);
  t.deepEqual(graph.dependents('a'), ['d']);
  t.deepEqual(graph.dependents('b'), ['e']);
  t.deepEqual(graph.dependenciesOf('e'), ['b']);
});

test('accessors refuse an unknown id (a caller bug, not bad input)', (t) => {
  const graph = build(rev('a'));
  t.throws(() => graph.children('nope'), {
    instanceOf: RangeError,
    message: 'no revision nope in this graph',
  });
  t.throws(() => graph.branchLabelsOf('nope'), { instanceOf: RangeError });
});

test('branch labels come back sorted by code point', (t) => {
  const graph = build(rev('a', [], { labels: ['zeta', 'Alpha', 'beta'] }));
  t.deepEqual(graph.branchLabelsOf('a'), ['Alpha', 'beta', 'zeta']);
});

test('10,000 revisions with labels, forks and merges: built and checked in linear time', (t) => {
  const revisions: RevisionSpec[] = [rev('r0', [], { labels: ['main'] })];
  for (let index = 1; index < 10_000; index++) {
    const down =
      index % 50 === 0
        ? [`r${index - 1}`, `r${index - 2}`]
        : index % 50 === 49
          ? [`r${index - 2}`]
          : [`r${index - 1}`];
    revisions.push(rev(`r${index}`, down, { labels: index % 500 === 0 ? [`l${index}`] : [] }));
  }
  const started = performance.now();
  const graph = buildRevisionGraph(toRevisions(revisions));
  const diverged = divergences(graph);
  const elapsed = performance.now() - started;
  t.deepEqual(
    diverged.map((divergence) => divergence.heads),
    [['r9998', 'r9999']],
  );
  t.is(graph.branchLabelsOf('r9999').length, 20);
  t.true(elapsed < 1000, `took ${elapsed.toFixed(1)} ms`);
});
