// Where diverged heads forked: their nearest common ancestors along down_revision.
import test from 'ava';

import { forkPoints } from '../../../src/core/graph/fork-point.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { rev, toRevisions } from './revision-graph-cases.js';
import type { RevisionSpec } from './revision-graph-random.js';

const forks = test.macro({
  exec(t, revisions: RevisionSpec[], heads: string[], expected: string[]) {
    t.deepEqual(forkPoints(buildRevisionGraph(toRevisions(revisions)), heads), expected);
  },
  title: (title = '') => `fork points: ${title}`,
});

test('two heads on one parent', forks, [rev('a'), rev('b', 'a'), rev('c', 'a')], ['b', 'c'], ['a']);
test(
  'the nearest shared ancestor, not the base',
  forks,
  [rev('a'), rev('m', 'a'), rev('b', 'm'), rev('b2', 'b'), rev('c', 'm')],
  ['b2', 'c'],
  ['m'],
);
test('independent bases share nothing', forks, [rev('a'), rev('b')], ['a', 'b'], []);
test(
  'three heads: what all of them share',
  forks,
  [rev('a'), rev('m', 'a'), rev('b', 'm'), rev('c', 'm'), rev('d', 'a')],
  ['b', 'c', 'd'],
  ['a'],
);
test(
  'a criss-cross: two nearest shared ancestors, in load order',
  forks,
  [
    rev('a'),
    rev('x', 'a'),
    rev('y', 'a'),
    rev('m1', ['x', 'y']),
    rev('m2', ['y', 'x']),
    rev('b', 'm1'),
    rev('c', 'm2'),
  ],
  ['b', 'c'],
  ['x', 'y'],
);
test(
  'depends_on is no part of the fork',
  forks,
  [rev('a'), rev('z'), rev('b', 'a', { deps: ['z'] }), rev('c', 'a', { deps: ['z'] })],
  ['b', 'c'],
  ['a'],
);
test('one head: no fork', forks, [rev('a'), rev('b', 'a')], ['b'], []);
