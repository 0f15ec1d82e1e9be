// Head symbols on a small history with an unlabelled fork, a labelled branch and an effective head.
import test from 'ava';

import {
  MultipleHeadsError,
  UnknownRevisionError,
  UnsupportedHeadSymbolError,
} from '../../../src/core/graph/graph-errors.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { rev, toRevisions } from './revision-graph-cases.js';

// base → 1111aaaa → 2222bbbb (head) and 3333cccc (head); base → 4444dddd (label feature) → 5555eeee;
// 6666ffff is a second root that depends_on 2222bbbb, so 2222bbbb is only an effective head.
const graph = buildRevisionGraph(
  toRevisions([
    rev('base'),
    rev('1111aaaa', 'base'),
    rev('2222bbbb', '1111aaaa'),
    rev('3333cccc', '1111aaaa'),
    rev('4444dddd', 'base', { labels: ['feature'] }),
    rev('5555eeee', '4444dddd'),
    rev('6666ffff', [], { deps: ['2222bbbb'] }),
  ]),
);

const resolves = test.macro({
  exec(t, symbol: string, expected: string[]) {
    t.deepEqual(graph.resolveHeadSymbol(symbol), expected);
  },
  title: (_title, symbol: string) => `${symbol} resolves`,
});

test('setup', (t) => {
  t.deepEqual(graph.heads, ['2222bbbb', '3333cccc', '5555eeee', '6666ffff']);
  t.deepEqual(graph.realHeads, ['3333cccc', '5555eeee', '6666ffff']);
});
test(resolves, 'heads', ['3333cccc', '5555eeee', '6666ffff']);
test(resolves, '@heads', ['3333cccc', '5555eeee', '6666ffff']);
test(resolves, 'feature@heads', ['5555eeee']);
test(resolves, 'feature@head', ['5555eeee']);
test(resolves, 'feat@head', ['5555eeee']);
test(resolves, '1111aaaa@heads', ['2222bbbb', '3333cccc']);
test(resolves, '1111@heads', ['2222bbbb', '3333cccc']);
test(resolves, 'base@heads', ['2222bbbb', '3333cccc', '5555eeee']);
test(resolves, '3333cccc@head', ['3333cccc']);
test(resolves, 'ba@heads', ['2222bbbb', '3333cccc', '5555eeee']); // a short prefix of a key longer than three characters
test(resolves, '2222bbbb@head', ['2222bbbb']);

const refuses = test.macro({
  exec(
    t,
    symbol: string,
    expected: { instanceOf: abstract new (...args: never[]) => Error; message: string | RegExp },
  ) {
    t.throws(() => graph.resolveHeadSymbol(symbol), expected);
  },
  title: (_title, symbol: string) => `${symbol} is refused`,
});

test(refuses, 'head', {
  instanceOf: MultipleHeadsError,
  message:
    "'head' names 4 heads (2222bbbb, 3333cccc, 5555eeee, 6666ffff); Alembic fails with " +
    '"Multiple heads are present for given argument \'head\'; 2222bbbb, 3333cccc, 5555eeee, 6666ffff"',
});
test(refuses, '1111aaaa@head', {
  instanceOf: MultipleHeadsError,
  message: /^'1111aaaa@head' names 2 heads \(2222bbbb, 3333cccc\)/,
});
test(refuses, 'nothing@heads', {
  instanceOf: UnknownRevisionError,
  message: "no revision or branch label 'nothing'",
});
test(refuses, 'zz@heads', {
  instanceOf: UnknownRevisionError,
  message:
    "no revision or branch label 'zz' (a partial revision id needs at least four characters)",
});
test(refuses, 'base@tip', {
  instanceOf: UnsupportedHeadSymbolError,
  message: "'base@tip' is not a head symbol",
});
test(refuses, '1111aaaa', {
  instanceOf: UnsupportedHeadSymbolError,
  message: "'1111aaaa' is not a head symbol",
});

test('an ambiguous prefix lists what it matches', (t) => {
  const ambiguous = buildRevisionGraph(
    toRevisions([rev('abcd0001'), rev('abcd0002', 'abcd0001'), rev('abcd0003', 'abcd0001')]),
  );
  const error = t.throws(() => ambiguous.resolveHeadSymbol('abcd@heads'), {
    instanceOf: UnknownRevisionError,
  });
  t.is(error?.message, "'abcd' is the start of several revisions: abcd0001, abcd0002, abcd0003");
  t.deepEqual((error as UnknownRevisionError).matches, ['abcd0001', 'abcd0002', 'abcd0003']);
});

test('an empty history has no heads for any branch', (t) => {
  const empty = buildRevisionGraph([]);
  t.deepEqual(empty.resolveHeadSymbol('heads'), []);
  t.deepEqual(empty.resolveHeadSymbol('head'), []);
  t.deepEqual(empty.resolveHeadSymbol('anything@heads'), []);
});
