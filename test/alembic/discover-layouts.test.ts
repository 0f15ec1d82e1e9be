// Real-world layouts discovery must read whole: inis with any name, several sections per ini,
// sections that share a history or would share a heads file, broken and huge files, -n that
// matches nothing, environments the git-alembic config describes without an Alembic config, and
// glob patterns in versionLocations.
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { discoverEnvironments, type DiscoverInput } from '../../src/alembic/discover.js';
import type { AlembicEnvironment } from '../../src/alembic/environment.js';
import { INI_SIZE_LIMIT } from '../../src/alembic/discover-files.js';
import { defaultConfig, validateConfig } from '../../src/config/validate-config.js';
import { ConfigError, UserError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const section = (name: string, script: string, extra = ''): string =>
  `[${name}]\nscript_location = ${script}\n${extra}`;

async function setup(
  t: ExecutionContext,
  layout: Record<string, string | Uint8Array>,
  tracked?: readonly string[],
) {
  const root = await tempProject(t, layout);
  const files = tracked ?? Object.keys(layout).filter((file) => !file.endsWith('/'));
  const input = (extra: Partial<DiscoverInput> = {}): DiscoverInput => ({
    cwd: root,
    repoRoot: root,
    config: defaultConfig(root),
    listTrackedFiles: async () => files,
    ...extra,
  });
  return { root, input };
}

const names = (environments: readonly AlembicEnvironment[]): string[] =>
  environments.map((environment) => environment.name);
const relative = (root: string, files: readonly string[]): string[] =>
  files.map((file) => path.relative(root, file).split(path.sep).join('/'));

test('every ini with a section that has script_location is found, whatever its name; other inis are never parsed', async (t) => {
  const { input } = await setup(t, {
    'configs/manager/halfstack.alembic.ini': section('alembic', 'models/alembic'),
    'configs/manager/models/alembic/versions/': '',
    'services/tenant/alembic-tenant.ini': section('tenant', 'migrations'),
    'services/tenant/migrations/versions/': '',
    'tox.ini': '[tox]\nthis line is no ini syntax\n',
    'docs/locale.ini': Buffer.from('[fr]\nname = caf\u00e9\n', 'latin1'),
    'deploy/uwsgi.ini': '[uwsgi]\nmodule = app\n# no alembic here\n',
  });
  t.deepEqual(names(await discoverEnvironments(input())), [
    'configs/manager/halfstack.alembic.ini',
    'services/tenant/alembic-tenant.ini[tenant]',
  ]);
});

test('each section with a script_location is an environment, [alembic] first', async (t) => {
  const { input } = await setup(t, {
    'alembic.ini': `${section('tenant', 'tenant')}${section('alembic', 'core')}[loggers]\nkeys = root\n`,
    'core/versions/': '',
    'tenant/versions/': '',
  });
  t.deepEqual(names(await discoverEnvironments(input())), ['alembic.ini', 'alembic.ini[tenant]']);
});

test('Script_Location in capitals counts: ConfigParser lower-cases keys', async (t) => {
  const { input } = await setup(t, {
    'db/tenant.ini': '[tenant]\nScript_Location = m\n',
    'db/m/versions/': '',
  });
  t.deepEqual(names(await discoverEnvironments(input())), ['db/tenant.ini[tenant]']);
});

test('sections that read the same revisions (one history, several databases) are one environment', async (t) => {
  const { input } = await setup(t, {
    'alembic.ini': `${section('test', 'm', 'sqlalchemy.url = sqlite://\n')}${section('alembic', 'm', 'sqlalchemy.url = postgresql://db\n')}`,
    'm/versions/': '',
  });
  t.deepEqual(names(await discoverEnvironments(input())), ['alembic.ini']);
});

const DIALECTS = {
  'alembic.ini': `${section('postgresql', 'm', 'version_locations = %(here)s/m/versions/postgresql\n')}${section('sqlite', 'm', 'version_locations = %(here)s/m/versions/sqlite\n')}`,
  'm/versions/postgresql/': '',
  'm/versions/sqlite/': '',
};

test('two environments that would share a heads file stop discovery, naming both', async (t) => {
  const { input } = await setup(t, DIALECTS);
  const error = await t.throwsAsync(discoverEnvironments(input()), { instanceOf: UserError });
  t.is(
    error?.message,
    'alembic.ini[sqlite]: its heads file m/heads.txt is also the heads file of alembic.ini[postgresql], which reads other version locations',
  );
  t.is(
    error?.hint,
    'list both environments in the git-alembic config, each with its own headsFile',
  );
});

test('with a reporter (the hooks), a broken environment is reported and the others are kept', async (t) => {
  const { input } = await setup(t, {
    ...DIALECTS,
    'a/alembic.ini': section('alembic', 'gone'),
    'b/bad.ini': `${section('alembic', 'm')}script_location = again\n`,
    'c/alembic.ini': section('alembic', 'm'),
    'c/m/versions/': '',
  });
  const reported: string[] = [];
  const environments = await discoverEnvironments(
    input({ onUnreadable: (error) => reported.push(error.message) }),
  );
  t.deepEqual(names(environments), ['alembic.ini[postgresql]', 'c/alembic.ini']);
  // Files that cannot be parsed first, then environments that cannot be read, then overlaps.
  t.deepEqual(reported, [
    "b/bad.ini:3: [alembic] script_location: option appears twice in the section (first on line 2); Python's ConfigParser rejects duplicates",
    `a/alembic.ini:2: [alembic] script_location: script directory does not exist: a/gone (Alembic: "Path doesn't exist … Please use the 'init' command")`,
    'alembic.ini[sqlite]: its heads file m/heads.txt is also the heads file of alembic.ini[postgresql], which reads other version locations',
  ]);
  await t.throwsAsync(
    discoverEnvironments(input()),
    { instanceOf: ConfigError, message: /^b\/bad\.ini:3: / },
    'without a reporter the first one ends discovery',
  );
});

test("an ini too large to be Alembic's is not read, and said so", async (t) => {
  const huge = `${section('alembic', 'm')}${'# script_location\n'.repeat(INI_SIZE_LIMIT / 16)}`;
  const { input } = await setup(t, {
    'data/huge.ini': huge,
    'alembic.ini': section('alembic', 'm'),
    'm/versions/': '',
  });
  const skipped: string[] = [];
  t.deepEqual(
    names(
      await discoverEnvironments(
        input({ onSkipped: (file, reason) => skipped.push(`${file}: ${reason}`) }),
      ),
    ),
    ['alembic.ini'],
  );
  t.deepEqual(skipped, [
    `data/huge.ini: not read: ${Buffer.byteLength(huge)} bytes is more than an Alembic ini needs (1048576); list it in the git-alembic config if it is one`,
  ]);
});

test('-n that no ini has is an error naming the inis read; with one ini, its own error', async (t) => {
  const { input } = await setup(t, {
    'a/alembic.ini': section('alembic', 'm'),
    'b/db.ini': section('core', 'm'),
    'tox.ini': '[tox]\n',
  });
  const error = await t.throwsAsync(discoverEnvironments(input({ section: 'tenant' })), {
    instanceOf: UserError,
  });
  t.is(error?.message, 'no Alembic ini has a [tenant] section (read a/alembic.ini, b/db.ini)');
  const one = await setup(t, { 'alembic.ini': section('alembic', 'm'), 'm/versions/': '' });
  await t.throwsAsync(discoverEnvironments(one.input({ section: 'tenant' })), {
    instanceOf: ConfigError,
    message:
      "alembic.ini: [tenant]: no [tenant] section in the file (Alembic's -n/--name picks the section)",
  });
});

test('-n with pyproject.toml alone is an error, not the TOML settings', async (t) => {
  const { root, input } = await setup(t, {
    'pyproject.toml': '[tool.alembic]\nscript_location = "m"\n',
    'm/versions/': '',
  });
  await t.throwsAsync(
    discoverEnvironments(input({ configFile: 'pyproject.toml', section: 'tenant' })),
    {
      instanceOf: ConfigError,
      message:
        "pyproject.toml: [tenant]: no alembic.ini beside it to take the section from, and [tool.alembic] has no sections (Alembic's -n/--name picks an ini section)",
    },
  );
  await t.throwsAsync(discoverEnvironments(input({ section: 'tenant' })), {
    instanceOf: UserError,
    message: 'no Alembic ini has a [tenant] section',
  });
  t.deepEqual(names(await discoverEnvironments(input({ cwd: root }))), ['pyproject.toml']);
});

test("alembic.ini without [alembic] beside [tool.alembic]: the TOML environment and the ini's own sections", async (t) => {
  const { input } = await setup(t, {
    'alembic.ini': section('core', 'core'),
    'pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/m"\n',
    'core/versions/': '',
    'm/versions/': '',
  });
  const environments = await discoverEnvironments(input());
  t.deepEqual(names(environments), ['alembic.ini', 'alembic.ini[core]']);
  t.is(path.basename(environments[0]?.scriptLocation ?? ''), 'm');
});

test('untracked configs in the top-level directory count (a project not yet committed)', async (t) => {
  const { input } = await setup(
    t,
    { 'alembic.ini': section('alembic', 'm'), 'm/versions/': '' },
    [],
  );
  t.deepEqual(names(await discoverEnvironments(input())), ['alembic.ini']);
});

function configured(root: string, environments: unknown[]): DiscoverInput['config'] {
  return validateConfig({ environments }, '.git-alembicrc.json', root);
}

test("scriptLocation without config: Alembic's defaults for everything else", async (t) => {
  const { root, input } = await setup(t, { 'app/migrations/versions/': '' });
  const [environment, ...rest] = await discoverEnvironments(
    input({ config: configured(root, [{ scriptLocation: 'app/migrations' }]) }),
  );
  t.deepEqual(rest, []);
  t.like(environment, {
    name: 'app/migrations',
    configFile: path.join(root, '.git-alembicrc.json'),
    pyprojectFile: undefined,
    section: 'alembic',
    scriptLocation: path.join(root, 'app/migrations'),
    versionLocations: [path.join(root, 'app/migrations/versions')],
    recursiveVersionLocations: false,
    fileTemplate: '%(rev)s_%(slug)s',
    truncateSlugLength: 40,
    timezone: undefined,
    outputEncoding: 'utf-8',
    revisionEnvironment: false,
    postWriteHooks: [],
    headsFile: path.join(root, 'app/migrations/heads.txt'),
  });
  t.is(environment?.mainOptions.size, 0);
});

const NEUTRON = {
  'alembic.ini': section('alembic', 'm'),
  'm/versions/README': '',
  'm/versions/2023.2/expand/': '',
  'm/versions/2023.2/contract/': '',
  'm/versions/2024.1/expand/': '',
  'm/versions/2024.1/contract/': '',
  'm/versions/__pycache__/': '',
};

test('versionLocations patterns expand in config order, each in code-point order of its directories', async (t) => {
  const { root, input } = await setup(t, NEUTRON);
  const config = configured(root, [
    {
      config: 'alembic.ini',
      versionLocations: [
        'm/versions',
        'm/versions/*/expand',
        'm/versions/*/contract',
        'm/versions/**',
      ],
    },
  ]);
  const [environment] = await discoverEnvironments(input({ config }));
  t.deepEqual(relative(root, environment?.versionLocations ?? []), [
    'm/versions',
    'm/versions/2023.2/expand',
    'm/versions/2024.1/expand',
    'm/versions/2023.2/contract',
    'm/versions/2024.1/contract',
    'm/versions/2023.2',
    'm/versions/2024.1',
  ]);
});

test('a pattern that matches nothing, or a configured directory that does not exist, names the key', async (t) => {
  const { root, input } = await setup(t, NEUTRON);
  const typo = configured(root, [
    { config: 'alembic.ini', versionLocations: ['m/versions/*/expand', 'm/versions/*/contarct'] },
  ]);
  const error = await t.throwsAsync(discoverEnvironments(input({ config: typo })), {
    instanceOf: ConfigError,
  });
  t.is(
    error?.message,
    '.git-alembicrc.json: environments[0].versionLocations[1]: "m/versions/*/contarct" matches no directory',
  );
  const missing = configured(root, [
    { config: 'alembic.ini', versionLocations: ['m/versions/2025.1'] },
  ]);
  await t.throwsAsync(discoverEnvironments(input({ config: missing })), {
    instanceOf: ConfigError,
    message:
      '.git-alembicrc.json: environments[0].versionLocations[0]: version directory does not exist: m/versions/2025.1',
  });
});

test('a missing default versions/ directory names the script_location it comes from', async (t) => {
  const { input } = await setup(t, {
    'db/alembic.ini': `# settings\n${section('alembic', '%(here)s/scripts')}`,
    'db/scripts/': '',
  });
  const error = await t.throwsAsync(discoverEnvironments(input()), { instanceOf: ConfigError });
  t.is(
    error?.message,
    'db/alembic.ini:3: [alembic] script_location: version directory does not exist: db/scripts/versions (without version_locations Alembic reads <script_location>/versions)',
  );
  t.regex(error?.hint ?? '', /versionLocations in the git-alembic config/);
});

test('a tracked link to /dev/zero is never read: skipped in discovery, an error with -c', async (t) => {
  const { root, input } = await setup(
    t,
    { 'alembic.ini': section('alembic', 'm'), 'm/versions/': '' },
    ['alembic.ini', 'zero.ini', 'sub/pyproject.toml'],
  );
  await symlink('/dev/zero', path.join(root, 'zero.ini'));
  await mkdir(path.join(root, 'sub'));
  await symlink('/dev/zero', path.join(root, 'sub/pyproject.toml'));
  const skipped: string[] = [];
  t.deepEqual(
    names(
      await discoverEnvironments(
        input({ onSkipped: (file, reason) => skipped.push(`${file}: ${reason}`) }),
      ),
    ),
    ['alembic.ini'],
  );
  t.deepEqual(skipped, [
    'sub/pyproject.toml: not read: not a regular file',
    'zero.ini: not read: not a regular file',
  ]);
  await t.throwsAsync(discoverEnvironments(input({ configFile: 'zero.ini' })), {
    instanceOf: ConfigError,
    message:
      'zero.ini: not a regular file (a directory, a device or a pipe); an Alembic config is a plain file',
  });
});
