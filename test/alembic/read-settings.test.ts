// readEnvironment on real layouts (fixtures made with `alembic init`, hand-written pyproject
// layouts) and on small temporary projects; ini layouts are also compared with real Alembic.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { readEnvironment, type EnvironmentSpec } from '../../src/alembic/read-settings.js';
import type { AlembicEnvironment } from '../../src/alembic/environment.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/alembic-config/', import.meta.url));
const NO_CONSTANTS = new Map<string, null>();

function read(
  repoRoot: string,
  configFile: string,
  extra: Partial<EnvironmentSpec> = {},
): Promise<AlembicEnvironment> {
  return readEnvironment({
    configFile,
    section: 'alembic',
    repoRoot,
    constants: NO_CONSTANTS,
    ...extra,
  });
}

// The environment with paths relative to `root` and the lazy mainOptions as entries.
function relativeTo(root: string, environment: AlembicEnvironment): Record<string, unknown> {
  const relative = (file: string | undefined): string | undefined =>
    file === undefined ? undefined : path.relative(root, file).split(path.sep).join('/');
  return {
    ...environment,
    configFile: relative(environment.configFile),
    pyprojectFile: relative(environment.pyprojectFile),
    scriptLocation: relative(environment.scriptLocation),
    versionLocations: environment.versionLocations.map(relative),
    headsFile: relative(environment.headsFile),
    mainOptions: [...environment.mainOptions.keys()],
    constants: [...environment.constants],
  };
}

test('generic layout from alembic init', async (t) => {
  const environment = await read(FIXTURES, 'generic/alembic.ini');
  t.deepEqual(relativeTo(FIXTURES, environment), {
    name: 'generic/alembic.ini',
    configFile: 'generic/alembic.ini',
    pyprojectFile: undefined,
    section: 'alembic',
    scriptLocation: 'generic/migrations',
    versionLocations: ['generic/migrations/versions'],
    recursiveVersionLocations: false,
    fileTemplate: '%(rev)s_%(slug)s',
    truncateSlugLength: 40,
    timezone: undefined,
    outputEncoding: 'utf-8',
    revisionEnvironment: false,
    postWriteHooks: [],
    constants: [],
    mainOptions: [
      'here',
      'script_location',
      'prepend_sys_path',
      'version_path_separator',
      'sqlalchemy.url',
    ],
    headsFile: 'generic/migrations/heads.txt',
  });
  t.is(
    environment.mainOptions.get('version_path_separator'),
    'os  # Use os.pathsep. Default configuration used for new projects.',
  );
  t.is(
    environment.mainOptions.get('here'),
    path.join(FIXTURES, 'generic').split(path.sep).join('/'),
  );
});

test('multidb layout: the template reads `databases` from the main options', async (t) => {
  const environment = await read(FIXTURES, 'multidb/alembic.ini');
  t.is(environment.mainOptions.get('databases'), 'engine1, engine2');
  t.is(environment.scriptLocation, path.join(FIXTURES, 'multidb', 'migrations'));
});

test('pyproject-only layout', async (t) => {
  const environment = await read(FIXTURES, 'pyproject/pyproject.toml');
  const here = path.join(FIXTURES, 'pyproject');
  t.like(relativeTo(FIXTURES, environment), {
    name: 'pyproject/pyproject.toml',
    configFile: 'pyproject/pyproject.toml',
    pyprojectFile: 'pyproject/pyproject.toml',
    scriptLocation: 'pyproject/migrations',
    versionLocations: ['pyproject/migrations/versions'],
    recursiveVersionLocations: true,
    fileTemplate: '%(year)d_%(month).2d_%(day).2d_%(rev)s_%(slug)s',
    truncateSlugLength: 32,
    timezone: 'UTC',
    mainOptions: [],
  });
  t.deepEqual(environment.postWriteHooks, [
    {
      name: 'ruff',
      type: 'exec',
      options: {
        executable: `${here.split(path.sep).join('/')}/.venv/bin/ruff`,
        options: 'format REVISION_SCRIPT_FILENAME',
      },
    },
    {
      name: 'black',
      type: 'console_scripts',
      options: { entrypoint: 'black', options: '-l 100 REVISION_SCRIPT_FILENAME' },
    },
  ]);
});

test('ini + pyproject.toml: the ini wins key by key; either file names the same environment', async (t) => {
  const fromIni = await read(FIXTURES, 'pyproject-and-ini/alembic.ini');
  const fromToml = await read(FIXTURES, 'pyproject-and-ini/pyproject.toml');
  t.deepEqual(relativeTo(FIXTURES, fromToml), relativeTo(FIXTURES, fromIni));
  t.like(relativeTo(FIXTURES, fromIni), {
    name: 'pyproject-and-ini/alembic.ini',
    configFile: 'pyproject-and-ini/alembic.ini',
    pyprojectFile: 'pyproject-and-ini/pyproject.toml',
    scriptLocation: 'pyproject-and-ini/alembic',
    versionLocations: ['pyproject-and-ini/alembic/versions', 'pyproject-and-ini/shared/versions'],
    fileTemplate: 'ini_%(rev)s',
    truncateSlugLength: 20,
    revisionEnvironment: true,
    postWriteHooks: [{ name: 'toml-hook', type: 'exec', options: { executable: 'ruff' } }],
    mainOptions: ['here', 'sqlalchemy.url', 'file_template'],
  });
});

test('one ini, several sections', async (t) => {
  const core = await read(FIXTURES, 'sections/alembic.ini', { section: 'core' });
  const tenant = await read(FIXTURES, 'sections/alembic.ini', { section: 'tenant' });
  t.like(relativeTo(FIXTURES, core), {
    name: 'sections/alembic.ini[core]',
    section: 'core',
    scriptLocation: 'sections/core',
    versionLocations: ['sections/core/versions'],
  });
  t.like(relativeTo(FIXTURES, tenant), {
    name: 'sections/alembic.ini[tenant]',
    scriptLocation: 'sections/tenant',
    fileTemplate: '%(year)d-%(month).2d-%(day).2d_%(rev)s',
  });
  t.is(core.mainOptions.get('sqlalchemy.url'), 'postgresql://localhost/app');
  const error = await t.throwsAsync(read(FIXTURES, 'sections/alembic.ini'), {
    instanceOf: ConfigError,
  });
  t.is(
    error?.message,
    "sections/alembic.ini: [alembic]: no [alembic] section in the file (Alembic's -n/--name picks the section)",
  );
});

test('package resources resolve to the package directory in the repository', async (t) => {
  const dotted = await read(FIXTURES, 'package-resource/alembic.ini');
  const colons = await read(FIXTURES, 'package-resource/alembic.ini', { section: 'colons' });
  t.is(dotted.scriptLocation, path.join(FIXTURES, 'package-resource/src/myapp/db/migrations'));
  t.is(colons.scriptLocation, dotted.scriptLocation);
  const error = await t.throwsAsync(
    read(FIXTURES, 'package-resource/alembic.ini', { section: 'elsewhere' }),
    { instanceOf: ConfigError },
  );
  t.is(
    error?.message,
    'package-resource/alembic.ini:13: [elsewhere] script_location: cannot find the package of "somelib:migrations" in the repository (searched package-resource, ., src)',
  );
  t.is(
    error?.hint,
    'set environments[].scriptLocation (or versionLocations) in the git-alembic config to the directory the package resource points to',
  );
});

test('the override replaces an unresolvable package resource', async (t) => {
  const environment = await read(FIXTURES, 'package-resource/alembic.ini', {
    section: 'elsewhere',
    overrides: { scriptLocation: 'package-resource/src/myapp/db/migrations' },
  });
  t.is(environment.scriptLocation, path.join(FIXTURES, 'package-resource/src/myapp/db/migrations'));
  t.deepEqual(environment.versionLocations, [path.join(environment.scriptLocation, 'versions')]);
});

test('relative paths resolve against the ini directory; %(here)s and absolute paths too', async (t) => {
  const root = await tempProject(t, {
    'db/migrations/': '',
    'db/a/': '',
    'config/b/': '',
    'abs/c/': '',
  });
  const ini = `[alembic]\nscript_location = ../db/migrations\npath_separator = ;\nversion_locations = ../db/a; %(here)s/b; ;${path.join(root, 'abs//c')}\n`;
  await writeFile(path.join(root, 'config/alembic.ini'), ini);
  const environment = await read(root, 'config/alembic.ini');
  t.is(environment.scriptLocation, path.join(root, 'db/migrations'));
  // The whitespace-only entry becomes '' (Alembic: the cwd; here: the ini's directory).
  t.deepEqual(environment.versionLocations, [
    path.join(root, 'db/a'),
    path.join(root, 'config/b'),
    path.join(root, 'config'),
    path.join(root, 'abs/c'),
  ]);
});

const separators = test.macro({
  async exec(t, lines: string, expected: readonly string[]) {
    const directories = Object.fromEntries(
      ['m/', 'a/', 'b/', 'c/', 'b c/', 'lib/pkg/versions/'].map((directory) => [directory, '']),
    );
    const root = await tempProject(t, {
      ...directories,
      'alembic.ini': `[alembic]\nscript_location = m\n${lines}\n`,
    });
    const environment = await read(root, 'alembic.ini');
    t.deepEqual(
      environment.versionLocations,
      expected.map((location) => path.join(root, location)),
    );
  },
  title: (title) => `version locations: ${title ?? ''}`,
});
test('os', separators, `path_separator = os\nversion_locations = a${path.delimiter}b`, ['a', 'b']);
test('space', separators, 'path_separator = space\nversion_locations = a  b', ['a', 'b']);
test('newline', separators, 'path_separator = newline\nversion_locations =\n  a\n  b c', [
  'a',
  'b c',
]);
test(
  'semicolon via version_path_separator',
  separators,
  'version_path_separator = ;\nversion_locations = a;b',
  ['a', 'b'],
);
test('colon', separators, 'path_separator = :\nversion_locations = a:b', ['a', 'b']);
test('legacy comma and space split', separators, 'version_locations = a, b c', ['a', 'b', 'c']);
test(
  'legacy split keeps an empty entry (the ini directory, as Alembic reads the cwd)',
  separators,
  'version_locations = a , b',
  ['a', '', 'b'],
);
test(
  'package resource in version_locations',
  separators,
  'path_separator = space\nprepend_sys_path = lib\nversion_locations = pkg:versions',
  ['lib/pkg/versions'],
);

test('the inline comment of alembic init 1.8.1 fails only once version_locations is set', async (t) => {
  const generic = await readFile(path.join(FIXTURES, 'generic/alembic.ini'), 'utf8');
  const root = await tempProject(t, {
    'migrations/': '',
    'alembic.ini': generic.replace(
      '[post_write_hooks]',
      'version_locations = a:b\n\n[post_write_hooks]',
    ),
  });
  const error = await t.throwsAsync(read(root, 'alembic.ini'), { instanceOf: ConfigError });
  t.regex(
    error?.message ?? '',
    /^alembic\.ini:\d+: \[alembic\] version_path_separator: "os {2}# Use os\.pathsep\. Default configuration used for new projects\." is not a valid value/,
  );
});

const failure = test.macro({
  async exec(t, files: Record<string, string | Uint8Array>, configFile: string, message: string) {
    const root = await tempProject(t, files);
    const error = await t.throwsAsync(read(root, configFile), { instanceOf: ConfigError });
    t.is(error?.message, message);
  },
  title: (title) => `fails: ${title ?? ''}`,
});
test('missing ini file', failure, {}, 'alembic.ini', 'alembic.ini: Alembic config file not found');
test(
  'missing pyproject.toml',
  failure,
  {},
  'pyproject.toml',
  'pyproject.toml: Alembic config file not found',
);
test(
  'pyproject.toml without [tool.alembic]',
  failure,
  { 'pyproject.toml': '[project]\nname = "x"\n' },
  'pyproject.toml',
  'pyproject.toml: pyproject.toml has no [tool.alembic] table',
);
test(
  'tool.alembic that is not a table',
  failure,
  { 'pyproject.toml': '[tool]\nalembic = 1\n' },
  'pyproject.toml',
  'pyproject.toml: tool.alembic: must be a table',
);
test(
  'invalid TOML names the line',
  failure,
  { 'pyproject.toml': '[tool.alembic]\nscript_location = \n' },
  'pyproject.toml',
  'pyproject.toml:2: invalid TOML: Invalid TOML document: invalid value',
);
test(
  'missing script_location',
  failure,
  { 'alembic.ini': '[alembic]\nsqlalchemy.url = x\n' },
  'alembic.ini',
  "alembic.ini: [alembic] script_location: no 'script_location' key found in configuration",
);
test(
  'missing script directory',
  failure,
  { 'alembic.ini': '[alembic]\n\nscript_location = %(here)s/nowhere\n' },
  'alembic.ini',
  `alembic.ini:3: [alembic] script_location: script directory does not exist: nowhere (Alembic: "Path doesn't exist … Please use the 'init' command")`,
);
test(
  'script_location that is a file',
  failure,
  { 'alembic.ini': '[alembic]\nscript_location = alembic.ini\n' },
  'alembic.ini',
  `alembic.ini:2: [alembic] script_location: script directory does not exist: alembic.ini (Alembic: "Path doesn't exist … Please use the 'init' command")`,
);
test(
  'byte order mark',
  failure,
  { 'alembic.ini': '\ufeff[alembic]\nscript_location = .\n' },
  'alembic.ini',
  'alembic.ini:1: file contains no section header before "\ufeff[alembic]"',
);
test(
  'not UTF-8',
  failure,
  { 'alembic.ini': Buffer.from('[alembic]\nscript_location = caf\u00e9\n', 'latin1') },
  'alembic.ini',
  'alembic.ini: the file is not valid UTF-8',
);
test(
  'sourceless',
  failure,
  { 'm/': '', 'alembic.ini': '[alembic]\nscript_location = m\nsourceless = true\n' },
  'alembic.ini',
  'alembic.ini:3: [alembic] sourceless: sourceless = true is not supported: git-alembic reads revision sources and cannot read .pyc files',
);
test(
  'TOML % escaping',
  failure,
  { 'pyproject.toml': '[tool.alembic]\nscript_location = "."\nfile_template = "%(epoch)d"\n' },
  'pyproject.toml',
  "pyproject.toml: tool.alembic.file_template: Python %-formatting with {here} fails: KeyError: 'epoch'",
);

test('overrides, a given name and constants pass through', async (t) => {
  const root = await tempProject(t, {
    'm/': '',
    'other/v1/': '',
    'v2/': '',
    'alembic.ini': '[alembic]\nscript_location = m\n',
  });
  const constants = new Map([['cli.EXPAND_BRANCH', 'expand']]);
  const environment = await read(root, 'alembic.ini', {
    name: 'main db',
    constants,
    overrides: {
      scriptLocation: 'other',
      versionLocations: ['other/v1', path.join(root, 'v2')],
      headsFile: 'HEADS',
    },
  });
  t.like(relativeTo(root, environment), {
    name: 'main db',
    scriptLocation: 'other',
    versionLocations: ['other/v1', 'v2'],
    headsFile: 'HEADS',
  });
  t.is(environment.constants, constants);
});

test('an override pointing nowhere names the git-alembic config and key', async (t) => {
  const root = await tempProject(t, {
    'm/': '',
    'alembic.ini': '[alembic]\nscript_location = m\n',
  });
  const spec = {
    overrides: { scriptLocation: 'gone' },
    overridesSource: { file: '.git-alembicrc', key: 'environments[2]' },
  };
  const error = await t.throwsAsync(read(root, 'alembic.ini', spec), { instanceOf: ConfigError });
  t.is(
    error?.message,
    `.git-alembicrc: environments[2].scriptLocation: script directory does not exist: gone (Alembic: "Path doesn't exist … Please use the 'init' command")`,
  );
});

test('a pyproject.toml beside the ini without [tool.alembic] is ignored', async (t) => {
  const root = await tempProject(t, {
    'm/versions/': '',
    'alembic.ini': '[alembic]\nscript_location = m\n',
    'pyproject.toml': '[project]\nname = "x"\n',
  });
  t.is((await read(root, 'alembic.ini')).pyprojectFile, undefined);
});

test('an ini without [alembic] beside [tool.alembic] uses the TOML settings', async (t) => {
  const root = await tempProject(t, {
    'm/versions/': '',
    'alembic.ini': '[loggers]\nkeys = root\n',
    'pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/m"\n',
  });
  const environment = await read(root, 'alembic.ini');
  t.is(environment.scriptLocation, path.join(root, 'm'));
  t.is(environment.mainOptions.size, 0);
  await t.throwsAsync(read(root, 'alembic.ini', { section: 'tenant' }), {
    message:
      "alembic.ini: [tenant]: no [tenant] section in the file (Alembic's -n/--name picks the section)",
  });
});
