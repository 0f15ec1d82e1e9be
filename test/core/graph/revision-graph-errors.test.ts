// Histories Alembic cannot load (and the two it loads but mishandles): the error class, its
// data, its exact message naming the files, and which problem wins when there are several.
import test from 'ava';

import { InputError, UserError } from '../../../src/errors.js';
import {
  DuplicateBranchLabelError,
  EmptyDependsOnBaseError,
  DuplicateRevisionError,
  RevisionCycleError,
  SelfReferenceError,
  UnknownReferenceError,
} from '../../../src/core/graph/graph-errors.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { rev, toRevisions } from './revision-graph-cases.js';
import type { RevisionSpec } from './revision-graph-random.js';

type ErrorClass = abstract new (...args: never[]) => Error;

const fails = test.macro({
  exec(
    t,
    revisions: RevisionSpec[],
    expected: {
      class: ErrorClass;
      message: string;
      hint?: string;
      fields?: Record<string, unknown>;
    },
  ) {
    const error = t.throws(() => buildRevisionGraph(toRevisions(revisions)), {
      instanceOf: expected.class,
    });
    t.is(error?.message, expected.message);
    t.true(error instanceof UserError && error.exitCode === 2);
    if (expected.hint !== undefined) t.is((error as UserError).hint, expected.hint);
    for (const [field, value] of Object.entries(expected.fields ?? {}))
      t.deepEqual((error as unknown as Record<string, unknown>)[field], value, field);
  },
  title: (title = '') => `refuses ${title}`,
});

test('a self-loop in down_revision', fails, [rev('a'), rev('b', ['a', 'b'])], {
  class: SelfReferenceError,
  message:
    'versions/b.py:10: revision b names itself in down_revision (Alembic: LoopDetected, "Self-loop is detected in revisions (b)")',
  fields: { revisionId: 'b', attribute: 'down_revision', label: undefined },
});

test('a self-dependency', fails, [rev('a', [], { deps: ['a'] })], {
  class: SelfReferenceError,
  message:
    'versions/a.py:10: revision a names itself in depends_on (Alembic: DependencyLoopDetected, "Dependency self-loop is detected in revisions (a)")',
  fields: { attribute: 'depends_on' },
});

test(
  'a self-dependency through the revision’s own label',
  fails,
  [rev('a'), rev('b', 'a', { labels: ['mine'], deps: ['mine'] })],
  {
    class: SelfReferenceError,
    message:
      "versions/b.py:10: revision b depends on its own branch label 'mine', so it depends on itself",
    fields: { attribute: 'depends_on', label: 'mine' },
  },
);

test(
  'a duplicate revision id, naming both files',
  fails,
  [rev('a'), rev('b', 'a'), { ...rev('b', 'a') }],
  {
    class: DuplicateRevisionError,
    message:
      'versions/b.py:10: revision id b is also defined in versions/b.py:10; Alembic would list b twice in its heads ' +
      'and `alembic merge heads` would fail with "Duplicate head revisions specified"',
    fields: { revisionId: 'b', first: { file: 'versions/b.py', line: 10 } },
  },
);

test(
  'a branch label used twice',
  fails,
  [rev('a', [], { labels: ['x'] }), rev('b', 'a', { labels: ['x'] })],
  {
    class: DuplicateBranchLabelError,
    message:
      "versions/b.py:10: branch label 'x' of revision b is already used by revision a (versions/a.py:10); " +
      'Alembic fails with "Branch name \'x\' in revision b already used by revision a"',
    hint: 'branch labels must be unique and must differ from every revision id',
    fields: { label: 'x', revisionId: 'b', collidesWith: 'label', otherRevisionId: 'a' },
  },
);

test(
  'a branch label equal to a later revision id',
  fails,
  [rev('a', [], { labels: ['b'] }), rev('b', 'a')],
  {
    class: DuplicateBranchLabelError,
    message:
      "versions/a.py:10: branch label 'b' of revision a is also the id of revision b (versions/b.py:10); " +
      'Alembic fails with "Branch name \'b\' in revision a already used by revision b"',
    fields: { collidesWith: 'revision', otherLocation: { file: 'versions/b.py', line: 10 } },
  },
);

test('a down_revision naming nothing', fails, [rev('a'), rev('b', 'gone')], {
  class: UnknownReferenceError,
  message:
    "versions/b.py:10: down_revision of revision b names 'gone', which no revision file defines (Alembic: KeyError: 'gone')",
  hint: 'was the file that defines it deleted or renamed, or is its directory missing from version_locations?',
  fields: { attribute: 'down_revision', reference: 'gone', guess: { kind: 'none' } },
});

test(
  'a branch label in down_revision',
  fails,
  [rev('a', [], { labels: ['core'] }), rev('b', 'core')],
  {
    class: UnknownReferenceError,
    message:
      "versions/b.py:10: down_revision of revision b names 'core', a branch label, not a revision id " +
      '(Alembic fails on it too: KeyError, CycleDetected or "broken map")',
    hint: "that is a branch label of revision a; down_revision needs the revision id: write 'a'",
  },
);

test('a partial id in down_revision', fails, [rev('1a2b3c4d5e6f'), rev('b', '1a2b3c')], {
  class: UnknownReferenceError,
  message:
    "versions/b.py:10: down_revision of revision b names '1a2b3c', which no revision file defines (Alembic: KeyError: '1a2b3c')",
  hint: "Alembic needs the full revision id here: write '1a2b3c4d5e6f'",
});

test('a depends_on naming nothing', fails, [rev('a'), rev('b', 'a', { deps: ['elsewhere'] })], {
  class: UnknownReferenceError,
  message:
    "versions/b.py:10: depends_on of revision b names 'elsewhere', which is neither a revision id nor a branch label (Alembic: KeyError: 'elsewhere')",
  fields: { attribute: 'depends_on' },
});

test(
  'a cycle in down_revision that Alembic reports',
  fails,
  [rev('a', 'c'), rev('b', 'a'), rev('c', 'b'), rev('d'), rev('e', 'd')],
  {
    class: RevisionCycleError,
    message:
      'the history has a cycle in down_revision: a (versions/a.py:10) → b (versions/b.py:10) → c (versions/c.py:10) → a; ' +
      'Alembic fails with "Cycle is detected in revisions (a, b, c)"',
    fields: { kind: 'down_revision', cycle: ['a', 'b', 'c'], alembicRevisions: ['a', 'b', 'c'] },
  },
);

test(
  'a cycle in down_revision that Alembic misses (a way in and a way out)',
  fails,
  [rev('a'), rev('b', ['a', 'c']), rev('c', 'b'), rev('d', 'c')],
  {
    class: RevisionCycleError,
    message:
      'the history has a cycle in down_revision: b (versions/b.py:10) → c (versions/c.py:10) → b; ' +
      'Alembic 1.8.1 does not report this cycle, but no upgrade order exists for it',
    fields: { alembicRevisions: [] },
  },
);

test('a cycle through depends_on', fails, [rev('a', [], { deps: ['b'] }), rev('b', 'a')], {
  class: RevisionCycleError,
  message:
    'the history has a cycle through depends_on: a (versions/a.py:10) → b (versions/b.py:10) → a; ' +
    'Alembic fails with "Dependency cycle is detected in revisions (a, b)"',
  hint: 'a revision must never be (directly or indirectly) its own ancestor: fix down_revision / depends_on in one of these files',
  fields: {
    kind: 'depends_on',
    locations: [
      { file: 'versions/a.py', line: 10 },
      { file: 'versions/b.py', line: 10 },
    ],
  },
});

test(
  'a history where every revision has a parent (no base)',
  fails,
  [rev('b', 'a'), rev('a', 'b')],
  {
    class: RevisionCycleError,
    message:
      'the history has a cycle in down_revision: b (versions/b.py:10) → a (versions/a.py:10) → b; Alembic fails with "Cycle is detected in revisions (b, a)"',
  },
);

test('errors that name one file are InputErrors carrying its location', (t) => {
  const error = t.throws(() => buildRevisionGraph(toRevisions([rev('a', 'zz')])));
  t.true(error instanceof InputError);
  t.deepEqual((error as InputError).location, { file: 'versions/a.py', line: 10 });
});

const firstProblem = test.macro({
  exec(t, revisions: RevisionSpec[], expected: ErrorClass, fields: Record<string, unknown> = {}) {
    const error = t.throws(() => buildRevisionGraph(toRevisions(revisions)), {
      instanceOf: expected,
    });
    for (const [field, value] of Object.entries(fields))
      t.deepEqual((error as unknown as Record<string, unknown>)[field], value, field);
  },
  title: (title = '') => `when several problems exist, the one Alembic hits first wins: ${title}`,
});

test(
  'self-loop over duplicate label',
  firstProblem,
  [rev('a', [], { labels: ['x'] }), rev('b', [], { labels: ['x'] }), rev('c', 'c')],
  SelfReferenceError,
);
test(
  'self-loop over duplicate id',
  firstProblem,
  [rev('a'), rev('a'), rev('c', 'c')],
  SelfReferenceError,
);
test(
  'the first self-reference in load order',
  firstProblem,
  [rev('a', [], { deps: ['a'] }), rev('b', 'b')],
  SelfReferenceError,
  { revisionId: 'a' },
);
test(
  'duplicate label over missing parent',
  firstProblem,
  [rev('a', 'zz', { labels: ['x'] }), rev('b', [], { labels: ['x'] })],
  DuplicateBranchLabelError,
);
test(
  'missing dependency over missing parent',
  firstProblem,
  [rev('a', 'zz'), rev('b', [], { deps: ['yy'] })],
  UnknownReferenceError,
  { attribute: 'depends_on' },
);
test(
  'missing parent over cycle',
  firstProblem,
  [rev('a', 'b'), rev('b', 'a'), rev('c', 'zz')],
  UnknownReferenceError,
);
test(
  'cycle over dependency cycle',
  firstProblem,
  [rev('a', 'b'), rev('b', 'a'), rev('c', [], { deps: ['d'] }), rev('d', 'c')],
  RevisionCycleError,
  { kind: 'down_revision' },
);
test(
  'cycle over self-dependency through a label',
  firstProblem,
  [rev('a', 'b'), rev('b', 'a'), rev('c', [], { labels: ['l'], deps: ['l'] })],
  RevisionCycleError,
);

// Alembic keeps `depends_on = ""` as a value (not None), so such a base is never a real base, and
// its dependency-space check then names every revision above it. Verified on Alembic 1.8.1.
test('a base whose depends_on is the empty string', (t) => {
  const revisions = toRevisions([rev('a'), rev('b', ['a']), rev('c')]).map((revision) =>
    revision.id === 'a' ? { ...revision, dependsOnEmptyString: true } : revision,
  );
  const error = t.throws(() => buildRevisionGraph(revisions), {
    instanceOf: EmptyDependsOnBaseError,
  });
  t.is(
    error?.message,
    'versions/a.py:10: a has depends_on = "", which Alembic keeps as a value, so it is not a real base and a, b cannot be reached from one ' +
      '(Alembic: DependencyCycleDetected, "Dependency cycle is detected in revisions (a, b)")',
  );
  t.is(error?.hint, 'write depends_on = None in that file');
});

test('a non-base revision whose depends_on is the empty string is fine', (t) => {
  const revisions = toRevisions([rev('c'), rev('a', ['c'])]).map((revision) =>
    revision.id === 'a' ? { ...revision, dependsOnEmptyString: true } : revision,
  );
  const graph = buildRevisionGraph(revisions);
  t.deepEqual([graph.heads, graph.realBases], [['a'], ['c']]);
});

test('a branch label listed twice in one revision', fails, [rev('a', [], { labels: ['x', 'x'] })], {
  class: DuplicateBranchLabelError,
  message: `versions/a.py:10: revision a lists branch label 'x' twice (Alembic: RevisionError, "Branch name 'x' in revision a already used by revision a")`,
});
