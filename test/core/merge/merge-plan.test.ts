// Planning one merge: deterministic ids (and their collisions), --rev-id, random ids, message,
// directory and file name.
import { createHash } from 'node:crypto';
import test from 'ava';

import { deterministicMergeId, MERGE_ID_SCHEME } from '../../../src/core/merge/merge-id.js';
import {
  type MergeRequest,
  type MergeServices,
  type MergeSettings,
  planMerge,
} from '../../../src/core/merge/merge-plan.js';
import type { MergeGroup } from '../../../src/core/merge/merge-targets.js';
import { buildRevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { ConfigError, UserError } from '../../../src/errors.js';
import { MergeMessages } from '../../../src/messages/merge.js';
import { rev, toRevisions } from '../graph/revision-graph-cases.js';
import type { RevisionSpec } from '../graph/revision-graph-random.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const graphOf = (...specs: RevisionSpec[]) => buildRevisionGraph(toRevisions(specs));
const group = (parents: string[], explicit = false): MergeGroup => ({
  parents,
  labels: [],
  explicit,
});

const SETTINGS: MergeSettings = {
  configFile: 'alembic.ini',
  fileTemplate: '%(rev)s_%(slug)s',
  truncateSlugLength: 40,
  versionLocations: ['/repo/versions'],
  recursiveVersionLocations: false,
  messageTemplate: 'merge heads {heads}',
};
const REQUEST: MergeRequest = {
  mode: 'deterministic',
  message: undefined,
  revisionId: undefined,
  wallClock: undefined,
  timezone: undefined,
  nowMicros: () => 1_700_000_000_123_456,
};
const SERVICES: MergeServices = {
  hash: sha256,
  randomId: () => '0123456789ab',
  absolutePath: (file) => `/repo/${file}`,
  gitAuthorTimes: new Map(),
};

function plan(
  graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a')),
  parents = ['b', 'c'],
  changes: {
    settings?: Partial<MergeSettings>;
    request?: Partial<MergeRequest>;
    services?: Partial<MergeServices>;
    explicit?: boolean;
  } = {},
) {
  return planMerge(
    graph,
    group(parents, changes.explicit),
    { ...SETTINGS, ...changes.settings },
    { ...REQUEST, ...changes.request },
    { ...SERVICES, ...changes.services },
    new Set(),
  );
}

test('the deterministic id: 12 hex characters of SHA-256 over the scheme and the sorted parents', (t) => {
  t.is(deterministicMergeId(['c', 'b'], sha256), sha256(`${MERGE_ID_SCHEME}\nb\nc`).slice(0, 12));
  t.is(deterministicMergeId(['b', 'c'], sha256), deterministicMergeId(['c', 'b'], sha256));
  t.regex(deterministicMergeId(['b', 'c'], sha256), /^[0-9a-f]{12}$/);
});

test('a plan: id, message in down_revision order, file name, directory', (t) => {
  const planned = plan(undefined, ['c', 'b']);
  const id = deterministicMergeId(['b', 'c'], sha256);
  t.like(planned, {
    kind: 'write',
    id,
    parents: ['c', 'b'],
    message: 'merge heads c, b',
    location: '/repo/versions',
    fileName: `${id}_merge_heads_c_b.py`,
  });
});

test('-m is used verbatim, {heads} included', (t) => {
  t.like(plan(undefined, undefined, { request: { message: 'release {heads}' } }), {
    message: 'release {heads}',
  });
});

test('the deterministic id taken by a merge of the same parents: the merge exists', (t) => {
  const id = deterministicMergeId(['b', 'c'], sha256);
  const graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a'), rev(id, ['c', 'b']));
  t.deepEqual(plan(graph, ['b', 'c'], { explicit: true }), {
    kind: 'exists',
    id,
    parents: ['b', 'c'],
    file: `versions/${id}.py`,
  });
});

test('the deterministic id taken by another revision: the next candidate, the same everywhere', (t) => {
  const first = deterministicMergeId(['b', 'c'], sha256);
  const graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a'), rev(first, 'a'));
  const planned = plan(graph, ['b', 'c']);
  t.like(planned, { kind: 'write', id: deterministicMergeId(['b', 'c'], sha256, 1) });
  t.not(deterministicMergeId(['b', 'c'], sha256, 1), first);
});

test('a deterministic id equal to a branch label is skipped too', (t) => {
  const first = deterministicMergeId(['b', 'c'], sha256);
  const graph = graphOf(
    rev('a'),
    rev('b', 'a', { labels: [first] }),
    rev('c', 'a', { labels: ['other'] }),
  );
  t.like(plan(graph, ['b', 'c'], { explicit: true }), {
    id: deterministicMergeId(['b', 'c'], sha256, 1),
  });
});

test('--rev-id: used as given; in use or illegal it is an error', (t) => {
  t.like(plan(undefined, undefined, { request: { revisionId: 'Mix_ID.1' } }), {
    id: 'Mix_ID.1',
    fileName: 'Mix_ID.1_merge_heads_b_c.py',
  });
  t.throws(() => plan(undefined, undefined, { request: { revisionId: 'a' } }), {
    instanceOf: UserError,
    message: MergeMessages.revIdTaken('a', 'versions/a.py'),
  });
  t.throws(() => plan(undefined, undefined, { request: { revisionId: 'bad@id-1' } }), {
    message: "Character(s) '-, @' not allowed in revision identifier 'bad@id-1'",
  });
  t.throws(() => plan(undefined, undefined, { request: { revisionId: '' } }), {
    message: MergeMessages.EMPTY_REV_ID,
  });
});

test('random mode: a taken random id is drawn again', (t) => {
  const ids = ['a', 'b', 'fedcba987654'];
  t.like(
    plan(undefined, undefined, {
      request: { mode: 'random' },
      services: { randomId: () => ids.shift() as string },
    }),
    { id: 'fedcba987654' },
  );
});

test('named parents must be heads (no --splice)', (t) => {
  const graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a'), rev('d', 'c'));
  t.throws(() => plan(graph, ['b', 'c'], { explicit: true }), {
    message: MergeMessages.notAHead('c'),
  });
});

test('the directory is the version location of the first parent', (t) => {
  const graph = buildRevisionGraph([
    { id: 'a', downRevisions: [], dependencies: [], branchLabels: [], file: 'va/a.py' },
    { id: 'b', downRevisions: ['a'], dependencies: [], branchLabels: [], file: 'va/sub/b.py' },
    { id: 'c', downRevisions: ['a'], dependencies: [], branchLabels: [], file: 'vb/c.py' },
  ]);
  const settings = { versionLocations: ['/repo/va', '/repo/vb'] };
  t.like(plan(graph, ['c', 'b'], { settings }), { location: '/repo/vb' });
  t.like(plan(graph, ['b', 'c'], { settings }), { location: '/repo/va' });
});

test('file_template errors name the setting, as Python would fail', (t) => {
  const error = t.throws(
    () => plan(undefined, undefined, { settings: { fileTemplate: '%(revision)s' } }),
    { instanceOf: ConfigError },
  );
  t.is(
    error?.message,
    `alembic.ini: file_template: ${MergeMessages.badFileTemplate('%(revision)s', 'KeyError', "'revision'")}`,
  );
});

test('a subdirectory in file_template needs recursive_version_locations', (t) => {
  const settings = { fileTemplate: '%(year)d/%(rev)s' };
  t.throws(() => plan(undefined, undefined, { settings }), { instanceOf: ConfigError });
  const id = deterministicMergeId(['b', 'c'], sha256);
  t.like(
    plan(undefined, undefined, {
      settings: { ...settings, recursiveVersionLocations: true },
      request: { nowMicros: () => 0 },
    }),
    { fileName: `1970/${id}.py` },
  );
});

test('ids planned earlier in the same run are taken', (t) => {
  const graph = graphOf(rev('a'), rev('b', 'a'), rev('c', 'a'));
  const taken = new Set(['0123456789ab']);
  const planned = planMerge(
    graph,
    group(['b', 'c']),
    SETTINGS,
    { ...REQUEST, mode: 'random' },
    {
      ...SERVICES,
      randomId: (() => {
        const ids = ['0123456789ab', 'ba9876543210'];
        return () => ids.shift() as string;
      })(),
    },
    taken,
  );
  t.like(planned, { id: 'ba9876543210' });
  t.true(taken.has('ba9876543210'));
});
