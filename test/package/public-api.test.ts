// The public API (`import … from 'git-alembic'`): what src/index.ts exports works end to end on
// small inputs, and the built dist/index.js exports the same names (build first).
import test from 'ava';

import * as api from '../../src/index.js';
import { alembicFiles } from '../helpers/cli-process.js';
import { tempProject } from '../helpers/temp-project.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('the exported names, in src and in dist', async (t) => {
  const names = Object.keys(api).sort();
  t.deepEqual(names, [
    'ConfigError',
    'InputError',
    'UserError',
    'buildRevisionGraph',
    'divergences',
    'loadHistories',
    'mergeHeadSets',
    'readRevisionFile',
    'renderGraph',
    'renderMakoTemplate',
  ]);
  const built = (await import(new URL('../../dist/index.js', import.meta.url).href)) as Record<
    string,
    unknown
  >;
  t.deepEqual(Object.keys(built).sort(), names);
});

test('read revision files, build the graph, find the divergence, draw it', (t) => {
  const read = (id: string, parent: string | null) =>
    api.readRevisionFile(
      {
        fileName: `${id}.py`,
        displayPath: `versions/${id}.py`,
        bytes: bytes(
          `revision = '${id}'\ndown_revision = ${parent === null ? 'None' : `'${parent}'`}\n`,
        ),
      },
      { constants: new Map() },
    );
  const graph = api.buildRevisionGraph([read('a1', null), read('b1', 'a1'), read('c1', 'a1')]);
  t.deepEqual(graph.heads, ['b1', 'c1']);
  t.deepEqual(
    api.divergences(graph).map((divergence) => [divergence.labels, divergence.heads]),
    [[[], ['b1', 'c1']]],
  );
  t.true(api.renderGraph(graph, 'mermaid').startsWith('flowchart'));
});

test('a bad revision file throws an InputError naming the file and line', (t) => {
  const error = t.throws(() =>
    api.readRevisionFile(
      { fileName: 'x.py', displayPath: 'versions/x.py', bytes: bytes('revision = (\n') },
      { constants: new Map() },
    ),
  );
  t.true(error instanceof api.InputError && error instanceof api.UserError);
  t.is((error as InstanceType<typeof api.InputError>).location.file, 'versions/x.py');
});

test('mergeHeadSets and renderMakoTemplate', (t) => {
  t.deepEqual(api.mergeHeadSets(['a'], ['a', 'b'], ['c']), ['b', 'c']);
  const text = api.renderMakoTemplate(
    'revision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n',
    'script.py.mako',
    {
      upRevision: 'ffff',
      downRevision: ['b1', 'c1'],
      branchLabels: null,
      dependsOn: null,
      createDate: '2024-01-02 03:04:05',
      message: 'merge',
      mainOptions: new Map(),
    },
  );
  t.is(text, "revision = 'ffff'\ndown_revision = ('b1', 'c1')\n");
});

test('loadHistories reads a project as the CLI does', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null, b1: 'a1' }));
  const { workspace, histories } = await api.loadHistories(root, {}, {});
  t.is(workspace.repoRoot, root);
  t.deepEqual(
    histories.map((history) => history.graph.heads),
    [['b1']],
  );
});
