// readAlembicSettings on in-memory sources: defaults, ini and TOML value rules, precedence,
// post-write hooks and the exact errors.
import test from 'ava';

import {
  readAlembicSettings,
  type AlembicSettings,
} from '../../../src/core/config/alembic-settings/settings.js';
import type { AlembicSources } from '../../../src/core/config/alembic-settings/sources.js';
import { parseConfigParser } from '../../../src/core/config/configparser.js';
import { ConfigError } from '../../../src/errors.js';

function sources(
  ini: string | undefined,
  toml?: Record<string, unknown>,
  section = 'alembic',
): AlembicSources {
  return {
    ini:
      ini === undefined
        ? undefined
        : {
            document: parseConfigParser(ini, 'alembic.ini', { here: '/srv/app' }),
            section,
            directory: '/srv/app',
          },
    toml:
      toml === undefined
        ? undefined
        : { file: 'pyproject.toml', here: '/srv/toml', directory: '/srv/toml', table: toml },
  };
}

const read = (ini: string | undefined, toml?: Record<string, unknown>): AlembicSettings =>
  readAlembicSettings(sources(ini, toml), { osPathSeparator: ':' });

const setting = test.macro({
  exec<K extends keyof AlembicSettings>(
    t: import('ava').ExecutionContext,
    ini: string | undefined,
    toml: Record<string, unknown> | undefined,
    key: K,
    expected: unknown,
  ) {
    const value = read(ini, toml)[key];
    t.deepEqual(
      typeof value === 'object' && value !== null && 'value' in value ? value.value : value,
      expected,
    );
  },
  title: (title) => `setting: ${title ?? ''}`,
});

test(
  'defaults: file_template',
  setting,
  '[alembic]\n',
  undefined,
  'fileTemplate',
  '%(rev)s_%(slug)s',
);
test('defaults: truncate_slug_length', setting, '[alembic]\n', undefined, 'truncateSlugLength', 40);
test('defaults: output_encoding', setting, '[alembic]\n', undefined, 'outputEncoding', 'utf-8');
test('defaults: timezone', setting, '[alembic]\n', undefined, 'timezone', undefined);
test('defaults: booleans', setting, '[alembic]\n', undefined, 'recursiveVersionLocations', false);
test('defaults: hooks', setting, '[alembic]\n', undefined, 'postWriteHooks', []);
test(
  'ini file_template is interpolated',
  setting,
  '[alembic]\nfile_template = %%(year)d_%%(rev)s\n',
  undefined,
  'fileTemplate',
  '%(year)d_%(rev)s',
);
test(
  'truncate_slug_length as Python int()',
  setting,
  '[alembic]\ntruncate_slug_length =  1_2 \n',
  undefined,
  'truncateSlugLength',
  12,
);
test(
  'truncate_slug_length 0 means 40',
  setting,
  '[alembic]\ntruncate_slug_length = 0\n',
  undefined,
  'truncateSlugLength',
  40,
);
test(
  'truncate_slug_length from a TOML integer',
  setting,
  undefined,
  { truncate_slug_length: 25n },
  'truncateSlugLength',
  25,
);
test(
  'truncate_slug_length from a TOML string',
  setting,
  undefined,
  { truncate_slug_length: '25' },
  'truncateSlugLength',
  25,
);
test(
  'ini recursive_version_locations = true',
  setting,
  '[alembic]\nrecursive_version_locations = true\n',
  undefined,
  'recursiveVersionLocations',
  true,
);
test(
  'ini recursive_version_locations = True is false (exact match)',
  setting,
  '[alembic]\nrecursive_version_locations = True\n',
  undefined,
  'recursiveVersionLocations',
  false,
);
test(
  'ini recursive_version_locations = yes is false',
  setting,
  '[alembic]\nrecursive_version_locations = yes\n',
  undefined,
  'recursiveVersionLocations',
  false,
);
test(
  'ini sourceless = True is false, so accepted',
  setting,
  '[alembic]\nsourceless = True\n',
  undefined,
  'fileTemplate',
  '%(rev)s_%(slug)s',
);
test(
  'TOML recursive_version_locations = true',
  setting,
  undefined,
  { recursive_version_locations: true },
  'recursiveVersionLocations',
  true,
);
test(
  'revision_environment asbool: yes',
  setting,
  '[alembic]\nrevision_environment = Yes\n',
  undefined,
  'revisionEnvironment',
  true,
);
test(
  'revision_environment asbool: 0',
  setting,
  '[alembic]\nrevision_environment = 0\n',
  undefined,
  'revisionEnvironment',
  false,
);
test(
  'revision_environment from a TOML boolean',
  setting,
  undefined,
  { revision_environment: true },
  'revisionEnvironment',
  true,
);
test(
  'revision_environment from a TOML string',
  setting,
  undefined,
  { revision_environment: 'on' },
  'revisionEnvironment',
  true,
);
test('timezone verbatim', setting, '[alembic]\ntimezone = utc\n', undefined, 'timezone', 'utc');
test(
  'TOML strings are %-formatted with {here}',
  setting,
  undefined,
  { script_location: '%(here)s/alembic' },
  'scriptLocation',
  '/srv/toml/alembic',
);
test(
  'TOML %% is a literal percent',
  setting,
  undefined,
  { file_template: '%%(rev)s_%%(slug)s' },
  'fileTemplate',
  '%(rev)s_%(slug)s',
);
test(
  'ini key wins over TOML',
  setting,
  '[alembic]\nfile_template = ini\n',
  { file_template: 'toml' },
  'fileTemplate',
  'ini',
);
test(
  'ini DEFAULT key wins over TOML too',
  setting,
  '[DEFAULT]\nfile_template = default\n[alembic]\n',
  { file_template: 'toml' },
  'fileTemplate',
  'default',
);
test(
  'TOML fills keys the ini lacks',
  setting,
  '[alembic]\nsqlalchemy.url = x\n',
  { file_template: 'toml' },
  'fileTemplate',
  'toml',
);
test(
  'an ini value wins over TOML even when it means the default',
  setting,
  '[alembic]\ntruncate_slug_length = 0\n',
  { truncate_slug_length: 10n },
  'truncateSlugLength',
  40,
);
test(
  'ini recursive flag wins over TOML',
  setting,
  '[alembic]\nrecursive_version_locations = false\n',
  { recursive_version_locations: true },
  'recursiveVersionLocations',
  false,
);

const rejects = test.macro({
  exec(
    t,
    ini: string | undefined,
    toml: Record<string, unknown> | undefined,
    message: string,
    hint?: string,
  ) {
    const error = t.throws(() => read(ini, toml), { instanceOf: ConfigError });
    t.is(error?.message, message);
    if (hint !== undefined) t.is(error?.hint, hint);
  },
  title: (title) => `rejects: ${title ?? ''}`,
});

test(
  'sourceless = true',
  rejects,
  '[alembic]\nsourceless = true\n',
  undefined,
  'alembic.ini:2: [alembic] sourceless: sourceless = true is not supported: git-alembic reads revision sources and cannot read .pyc files',
);
test(
  'TOML sourceless = true',
  rejects,
  undefined,
  { sourceless: true },
  'pyproject.toml: tool.alembic.sourceless: sourceless = true is not supported: git-alembic reads revision sources and cannot read .pyc files',
);
test(
  'TOML boolean given as a string',
  rejects,
  undefined,
  { recursive_version_locations: 'false' },
  'pyproject.toml: tool.alembic.recursive_version_locations: boolean value expected for TOML parameter, found a string (Alembic needs a TOML true/false, not a string)',
);
test(
  'bad truncate_slug_length',
  rejects,
  '[alembic]\ntruncate_slug_length = forty\n',
  undefined,
  'alembic.ini:2: [alembic] truncate_slug_length: "forty" is not an integer',
);
test(
  'TOML float truncate_slug_length',
  rejects,
  undefined,
  { truncate_slug_length: 40.5 },
  'pyproject.toml: tool.alembic.truncate_slug_length: expected an integer, found a float',
);
test(
  'bad revision_environment',
  rejects,
  '[alembic]\nrevision_environment =\n',
  undefined,
  'alembic.ini:2: [alembic] revision_environment: "" is not a boolean; expected true/false, yes/no, on/off, y/n, t/f or 1/0',
);
test(
  'empty timezone',
  rejects,
  '[alembic]\ntimezone =\n',
  undefined,
  'alembic.ini:2: [alembic] timezone: empty value (Alembic fails with "ZoneInfo keys must be normalized relative paths")',
  'remove the key for naive local time, or name a zone such as UTC',
);
test(
  'unescaped % in TOML (KeyError like Alembic)',
  rejects,
  undefined,
  { file_template: '%(epoch)d_%(rev)s' },
  "pyproject.toml: tool.alembic.file_template: Python %-formatting with {here} fails: KeyError: 'epoch'",
  'every string in [tool.alembic] is %-formatted: write %% for a literal percent sign, e.g. "%%(rev)s_%%(slug)s"',
);
test(
  'stray % in TOML',
  rejects,
  undefined,
  { script_location: '100%' },
  'pyproject.toml: tool.alembic.script_location: Python %-formatting with {here} fails: ValueError: incomplete format at position 3',
);
test(
  'TOML script_location that is not a string',
  rejects,
  undefined,
  { script_location: ['a'] },
  'pyproject.toml: tool.alembic.script_location: expected a string, found an array',
);
test(
  'ini interpolation error names the key',
  rejects,
  '[alembic]\nfile_template = %(rev)s\n',
  undefined,
  'alembic.ini:2: [alembic] file_template: %(rev)s refers to an option that is neither in the section nor in [DEFAULT]',
);

test('ini hooks: names split like Alembic, options by prefix, DEFAULT included', (t) => {
  const ini =
    '[DEFAULT]\nfmt.cwd = %(here)s\n[alembic]\n[post_write_hooks]\nhooks = fmt,  lint\nfmt.type = exec\nfmt.executable = ruff\nfmt.options = format REVISION_SCRIPT_FILENAME\nlint.type = console_scripts\nlint.entrypoint = flake8\nother.type = exec\n';
  t.deepEqual(read(ini).postWriteHooks, [
    {
      name: 'fmt',
      type: 'exec',
      options: { cwd: '/srv/app', executable: 'ruff', options: 'format REVISION_SCRIPT_FILENAME' },
    },
    { name: 'lint', type: 'console_scripts', options: { entrypoint: 'flake8' } },
  ]);
});

test('ini hook names are case-sensitive against lower-cased keys (Alembic finds no options)', (t) => {
  t.deepEqual(
    read('[alembic]\n[post_write_hooks]\nhooks = Ruff\nRuff.type = exec\n').postWriteHooks,
    [{ name: 'Ruff', type: undefined, options: {} }],
  );
});

test('an ini [post_write_hooks] section, even empty, hides the TOML hooks', (t) => {
  const toml = { post_write_hooks: [{ name: 'black', type: 'console_scripts' }] };
  t.deepEqual(read('[alembic]\n[post_write_hooks]\n', toml).postWriteHooks, []);
  t.deepEqual(read('[alembic]\n', toml).postWriteHooks, [
    { name: 'black', type: 'console_scripts', options: {} },
  ]);
});

test('TOML hooks are %-formatted and need a name', (t) => {
  const hooks = [
    { name: 'ruff', type: 'exec', executable: '%(here)s/bin/ruff', options: '--line-length=100%%' },
  ];
  t.deepEqual(read(undefined, { post_write_hooks: hooks }).postWriteHooks, [
    {
      name: 'ruff',
      type: 'exec',
      options: { executable: '/srv/toml/bin/ruff', options: '--line-length=100%' },
    },
  ]);
  const error = t.throws(() => read(undefined, { post_write_hooks: [{ type: 'exec' }] }), {
    instanceOf: ConfigError,
  });
  t.is(
    error?.message,
    "pyproject.toml: tool.alembic.post_write_hooks[0]: missing the 'name' key (Alembic raises KeyError: 'name')",
  );
  const notTable = t.throws(() => read(undefined, { post_write_hooks: ['black'] }), {
    instanceOf: ConfigError,
  });
  t.is(
    notTable?.message,
    'pyproject.toml: tool.alembic.post_write_hooks[0]: expected a table, found a string',
  );
  const notString = t.throws(
    () => read(undefined, { post_write_hooks: [{ name: 'x', cwd: true }] }),
    { instanceOf: ConfigError },
  );
  t.is(
    notString?.message,
    'pyproject.toml: tool.alembic.post_write_hooks[0].cwd: expected a string, found a boolean',
  );
});

test('a missing ini section falls back to TOML for every key', (t) => {
  const settings = readAlembicSettings(
    sources('[other]\nfile_template = no\n', { file_template: 'toml' }),
    { osPathSeparator: ':' },
  );
  t.is(settings.fileTemplate, 'toml');
});
