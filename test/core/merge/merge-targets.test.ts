// Which heads a merge names: divergences by default (never across branch labels), or the heads
// the user named, resolved as Alembic resolves `merge` arguments.
import test from 'ava';

import { selectMerges } from '../../../src/core/merge/merge-targets.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { UnknownRevisionError } from '../../../src/core/graph/graph-errors.js';
import { UserError } from '../../../src/errors.js';
import { MergeMessages } from '../../../src/messages/merge.js';
import { rev, toRevisions } from '../graph/revision-graph-cases.js';
import type { RevisionSpec } from '../graph/revision-graph-random.js';

const graphOf = (...specs: RevisionSpec[]) => buildRevisionGraph(toRevisions(specs));
const parentsOf = (selection: ReturnType<typeof selectMerges>) =>
  selection.kind === 'merge' ? selection.groups.map((group) => group.parents) : selection;

test('two heads of one branch: one merge, in load order', (t) => {
  const graph = graphOf(rev('a'), rev('c', 'a'), rev('b', 'a'));
  t.deepEqual(parentsOf(selectMerges(graph, [])), [['c', 'b']]);
});

test('nothing to merge with one head, or an empty history', (t) => {
  t.deepEqual(selectMerges(graphOf(rev('a'), rev('b', 'a')), []), {
    kind: 'nothing',
    reason: 'no-divergence',
  });
  t.deepEqual(selectMerges(graphOf(), []), { kind: 'nothing', reason: 'no-divergence' });
});

test('heads of different branch labels are never merged together by default', (t) => {
  const graph = graphOf(
    rev('a'),
    rev('e', 'a', { labels: ['expand'] }),
    rev('c', 'a', { labels: ['contract'] }),
  );
  t.deepEqual(selectMerges(graph, []), { kind: 'nothing', reason: 'no-divergence' });
});

test('each divergence gets its own merge, labels kept apart', (t) => {
  const graph = graphOf(
    rev('a'),
    rev('e', 'a', { labels: ['expand'] }),
    rev('e1', 'e'),
    rev('e2', 'e'),
    rev('c', 'a', { labels: ['contract'] }),
    rev('c1', 'c'),
    rev('c2', 'c'),
  );
  const selection = selectMerges(graph, []);
  t.deepEqual(parentsOf(selection), [
    ['e1', 'e2'],
    ['c1', 'c2'],
  ]);
  t.deepEqual(selection.kind === 'merge' ? selection.groups.map((group) => group.labels) : [], [
    ['expand'],
    ['contract'],
  ]);
});

test('an effective head (kept by a depends_on) is merged too, unlike `alembic merge heads`', (t) => {
  const graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a', { deps: ['b'] }));
  t.deepEqual(graph.realHeads, ['c']);
  t.deepEqual(parentsOf(selectMerges(graph, [])), [['b', 'c']]);
});

test('named heads keep the order typed, even across labels', (t) => {
  const graph = graphOf(
    rev('a'),
    rev('eeee1', 'a', { labels: ['expand'] }),
    rev('cccc1', 'a', { labels: ['contract'] }),
  );
  const selection = selectMerges(graph, ['contract@head', 'eeee']);
  t.deepEqual(parentsOf(selection), [['cccc1', 'eeee1']]);
  t.true(selection.kind === 'merge' && selection.groups[0]?.explicit === true);
});

test('`heads` names the real heads in load order, as in `alembic merge heads`', (t) => {
  const graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a', { deps: ['b'] }), rev('d', 'a'));
  t.deepEqual(parentsOf(selectMerges(graph, ['heads'])), [['c', 'd']]);
});

test('a branch label names the revision that carries it', (t) => {
  const graph = graphOf(rev('a'), rev('bbbb', 'a', { labels: ['feature'] }), rev('c', 'a'));
  t.deepEqual(parentsOf(selectMerges(graph, ['feature', 'c'])), [['bbbb', 'c']]);
});

test('a head named twice fails like Alembic', (t) => {
  const graph = graphOf(rev('a'), rev('bbbb', 'a'), rev('cccc', 'a'));
  const error = t.throws(() => selectMerges(graph, ['bbbb', 'bbb', 'cccc']), {
    instanceOf: UserError,
  });
  t.is(error?.message, 'Duplicate head revisions specified');
});

test('an unknown or ambiguous name fails with the graph error', (t) => {
  const graph = graphOf(rev('a'), rev('abcd1', 'a'), rev('abcd2', 'a'));
  t.throws(() => selectMerges(graph, ['zzzz', 'abcd1']), { instanceOf: UnknownRevisionError });
  t.throws(() => selectMerges(graph, ['abcd', 'a']), { instanceOf: UnknownRevisionError });
});

test('one named head: nothing to merge; a named non-head fails', (t) => {
  const graph = graphOf(rev('a'), rev('b', 'a'));
  t.deepEqual(selectMerges(graph, ['b']), { kind: 'nothing', reason: 'single-head', heads: ['b'] });
  t.throws(() => selectMerges(graph, ['a']), { message: MergeMessages.notAHead('a') });
});
