// discoverEnvironments: -c first, then the configured environments, then (below the top level)
// the working directory, then every Alembic config of the repository: every ini with a section
// that has script_location, alembic.ini, and pyproject.toml with [tool.alembic].
import path from 'node:path';
import test from 'ava';

import { discoverEnvironments, type DiscoverInput } from '../../src/alembic/discover.js';
import type { AlembicEnvironment } from '../../src/alembic/environment.js';
import { defaultConfig, validateConfig } from '../../src/config/validate-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const ini = (script: string, extra = ''): string =>
  `[alembic]\nscript_location = ${script}\n${extra}`;
const TOML = '[tool.alembic]\nscript_location = "%(here)s/migrations"\n';

// A repository with a root project, a service with ini + pyproject, a pyproject-only package,
// a two-section ini and some distractors.
const LAYOUT = {
  'alembic.ini': ini('migrations'),
  'migrations/versions/': '',
  'services/api/alembic.ini': ini('db'),
  'services/api/pyproject.toml': TOML,
  'services/api/db/versions/': '',
  'services/api/migrations/versions/': '',
  'packages/inventory/pyproject.toml': TOML,
  'packages/inventory/migrations/versions/': '',
  'multi/alembic.ini':
    '[core]\nscript_location = core\n[tenant]\nscript_location = tenant\n[loggers]\nkeys = root\n',
  'multi/core/versions/': '',
  'multi/tenant/versions/': '',
  'tools/pyproject.toml': '[project]\nname = "tools"\n[tool.ruff]\nline-length = 100\n',
  'broken/pyproject.toml': 'this is [not toml',
};
const TRACKED = Object.keys(LAYOUT).filter((file) => !file.endsWith('/'));

interface Setup {
  readonly root: string;
  readonly calls: { count: number };
  readonly input: (extra?: Partial<DiscoverInput>) => DiscoverInput;
}

async function setup(
  t: import('ava').ExecutionContext,
  layout: Record<string, string> = LAYOUT,
  tracked: readonly string[] = TRACKED,
): Promise<Setup> {
  const root = await tempProject(t, layout);
  const calls = { count: 0 };
  const input = (extra: Partial<DiscoverInput> = {}): DiscoverInput => ({
    cwd: root,
    repoRoot: root,
    config: defaultConfig(root),
    listTrackedFiles: async () => {
      calls.count += 1;
      return tracked;
    },
    ...extra,
  });
  return { root, calls, input };
}

const names = (environments: readonly AlembicEnvironment[]): string[] =>
  environments.map((environment) => environment.name);

test('below the top level, the working directory wins over the rest of the repository', async (t) => {
  const { root, input, calls } = await setup(t);
  t.deepEqual(names(await discoverEnvironments(input({ cwd: path.join(root, 'multi') }))), [
    'multi/alembic.ini[core]',
    'multi/alembic.ini[tenant]',
  ]);
  t.is(calls.count, 0);
});

test('at the top level, a root alembic.ini hides no other environment', async (t) => {
  const { input, calls } = await setup(t);
  const all = [
    'alembic.ini',
    'multi/alembic.ini[core]',
    'multi/alembic.ini[tenant]',
    'packages/inventory/pyproject.toml',
    'services/api/alembic.ini',
  ];
  t.deepEqual(names(await discoverEnvironments(input())), all);
  t.is(calls.count, 1);
});

test('an ini and a pyproject.toml in the working directory are one environment', async (t) => {
  const { root, input } = await setup(t);
  const [environment, ...rest] = await discoverEnvironments(
    input({ cwd: path.join(root, 'services/api') }),
  );
  t.deepEqual(rest, []);
  t.is(environment?.name, 'services/api/alembic.ini');
  t.is(environment?.pyprojectFile, path.join(root, 'services/api/pyproject.toml'));
  t.is(environment?.scriptLocation, path.join(root, 'services/api/db'));
});

test('a pyproject-only working directory', async (t) => {
  const { root, input } = await setup(t);
  t.deepEqual(
    names(await discoverEnvironments(input({ cwd: path.join(root, 'packages/inventory') }))),
    ['packages/inventory/pyproject.toml'],
  );
});

test('without anything in the working directory, every tracked environment in code-point order', async (t) => {
  const { root, input, calls } = await setup(t);
  const environments = await discoverEnvironments(input({ cwd: path.join(root, 'tools') }));
  t.deepEqual(names(environments), [
    'alembic.ini',
    'multi/alembic.ini[core]',
    'multi/alembic.ini[tenant]',
    'packages/inventory/pyproject.toml',
    'services/api/alembic.ini',
  ]);
  t.is(calls.count, 1);
});

test('-n picks the section in the repository-wide search', async (t) => {
  const { root, input } = await setup(t);
  t.deepEqual(
    names(await discoverEnvironments(input({ cwd: path.join(root, 'tools'), section: 'tenant' }))),
    ['multi/alembic.ini[tenant]'],
  );
});

test('tracked files deleted from the work tree are skipped', async (t) => {
  const { input } = await setup(t, { 'a/alembic.ini': ini('m'), 'a/m/versions/': '', 'sub/': '' }, [
    'a/alembic.ini',
    'gone/alembic.ini',
    'gone/pyproject.toml',
    'gone/x.ini',
  ]);
  t.deepEqual(names(await discoverEnvironments(input({ cwd: path.join(input().cwd, 'sub') }))), [
    'a/alembic.ini',
  ]);
});

test('no environment at all is an empty list', async (t) => {
  const { input } = await setup(t, { 'README.md': 'hi' }, ['README.md']);
  t.deepEqual(await discoverEnvironments(input()), []);
});

test('-c is relative to the working directory and takes -n', async (t) => {
  const { root, input, calls } = await setup(t);
  const environments = await discoverEnvironments(
    input({ cwd: path.join(root, 'multi'), configFile: 'alembic.ini', section: 'core' }),
  );
  t.deepEqual(names(environments), ['multi/alembic.ini[core]']);
  t.is(calls.count, 0);
});

test('-c with a pyproject.toml reads the ini beside it too', async (t) => {
  const { root, input } = await setup(t);
  const [environment] = await discoverEnvironments(
    input({ configFile: 'services/api/pyproject.toml' }),
  );
  t.is(environment?.configFile, path.join(root, 'services/api/alembic.ini'));
});

test('-c of a missing file fails', async (t) => {
  const { input } = await setup(t);
  await t.throwsAsync(discoverEnvironments(input({ configFile: 'nope/alembic.ini' })), {
    instanceOf: ConfigError,
    message: 'nope/alembic.ini: Alembic config file not found',
  });
});

function configured(root: string, environments: unknown[]): DiscoverInput['config'] {
  return validateConfig(
    { environments, constants: { 'cli.EXPAND_BRANCH': 'expand' } },
    '.git-alembicrc.json',
    root,
  );
}

test('configured environments come before the working directory, in config order', async (t) => {
  const { root, input, calls } = await setup(t);
  const config = configured(root, [
    {
      config: 'multi/alembic.ini',
      section: 'tenant',
      name: 'tenants',
      constants: { 'cli.CONTRACT_BRANCH': 'contract' },
    },
    {
      config: 'services/api/pyproject.toml',
      scriptLocation: 'services/api/migrations',
      headsFile: 'HEADS.txt',
    },
  ]);
  const environments = await discoverEnvironments(input({ config }));
  t.deepEqual(names(environments), ['tenants', 'services/api/alembic.ini']);
  t.deepEqual(
    [...(environments[0]?.constants ?? [])],
    [
      ['cli.EXPAND_BRANCH', 'expand'],
      ['cli.CONTRACT_BRANCH', 'contract'],
    ],
  );
  t.is(environments[1]?.scriptLocation, path.join(root, 'services/api/migrations'));
  t.is(environments[1]?.headsFile, path.join(root, 'HEADS.txt'));
  t.is(calls.count, 0);
});

test('-n filters the configured environments; no match is an error naming the config', async (t) => {
  const { root, input } = await setup(t);
  const config = configured(root, [
    { config: 'alembic.ini' },
    { config: 'multi/alembic.ini', section: 'core' },
  ]);
  t.deepEqual(names(await discoverEnvironments(input({ config, section: 'core' }))), [
    'multi/alembic.ini[core]',
  ]);
  const error = await t.throwsAsync(discoverEnvironments(input({ config, section: 'tenant' })), {
    instanceOf: ConfigError,
  });
  t.is(
    error?.message,
    '.git-alembicrc.json: environments: no configured environment uses the section [tenant]',
  );
});

test('-c naming a configured environment uses its overrides', async (t) => {
  const { root, input } = await setup(t);
  const config = configured(root, [
    { config: 'services/api/alembic.ini', name: 'api', scriptLocation: 'services/api/migrations' },
  ]);
  const [environment] = await discoverEnvironments(
    input({ config, cwd: path.join(root, 'services'), configFile: 'api/alembic.ini' }),
  );
  t.is(environment?.name, 'api');
  t.is(environment?.scriptLocation, path.join(root, 'services/api/migrations'));
});

test('errors in a configured override name the config file and entry', async (t) => {
  const { root, input } = await setup(t);
  const config = configured(root, [
    { config: 'alembic.ini' },
    { config: 'alembic.ini', section: 'alembic', scriptLocation: 'missing' },
  ]);
  const error = await t.throwsAsync(discoverEnvironments(input({ config })), {
    instanceOf: ConfigError,
  });
  t.is(
    error?.message,
    `.git-alembicrc.json: environments[1].scriptLocation: script directory does not exist: missing (Alembic: "Path doesn't exist … Please use the 'init' command")`,
  );
});

test('a pyproject.toml that only mentions alembic is not an environment; a broken one that might be fails', async (t) => {
  const layout = {
    'a/pyproject.toml': '# alembic lives elsewhere\n[project]\nname = "a"\n',
    'b/pyproject.toml': '[tool.alembic\nscript_location = "x"\n',
    'c/': '',
  };
  const { root, input } = await setup(t, layout, ['a/pyproject.toml']);
  t.deepEqual(await discoverEnvironments(input({ cwd: path.join(root, 'c') })), []);
  const broken = await setup(t, layout, ['a/pyproject.toml', 'b/pyproject.toml']);
  const error = await t.throwsAsync(
    discoverEnvironments(broken.input({ cwd: path.join(broken.root, 'c') })),
    { instanceOf: ConfigError },
  );
  t.regex(error?.message ?? '', /^b\/pyproject\.toml:1: invalid TOML: /);
});
