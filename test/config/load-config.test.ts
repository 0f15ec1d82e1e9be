// loadProjectConfig (JSON and YAML data files, repository root only) and validateConfig (defaults, types,
// unknown keys with suggestions, key paths in every message).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { loadProjectConfig, SEARCH_PLACES } from '../../src/config/load-config.js';
import type { ResolvedConfig } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const DEFAULTS = {
  enabled: true,
  environments: [],
  onMerge: 'amend',
  revisionId: 'deterministic',
  message: 'merge heads {heads}',
  mergeExistingDivergences: false,
  guard: false,
  pythonFallback: true,
};

const CONFIG = { onMerge: 'stage', guard: true };

const finds = test.macro({
  async exec(t, files: Record<string, string>, expectedFile: string | undefined) {
    const root = await tempProject(t, files);
    const config = await loadProjectConfig(root);
    t.is(config.file, expectedFile);
    t.is(config.baseDirectory, root);
    if (expectedFile !== undefined) t.like(config, { onMerge: 'stage', guard: true });
  },
  title: (title) => `finds: ${title ?? ''}`,
});

test('nothing: defaults', finds, { 'package.json': '{"name": "app"}' }, undefined);
test(
  'package.json key',
  finds,
  { 'package.json': JSON.stringify({ name: 'app', 'git-alembic': CONFIG }) },
  'package.json',
);
test(
  '.git-alembicrc as YAML',
  finds,
  { '.git-alembicrc': 'onMerge: stage\nguard: true\n' },
  '.git-alembicrc',
);
test(
  '.git-alembicrc.json',
  finds,
  { 'package.json': '{"name": "app"}', '.git-alembicrc.json': JSON.stringify(CONFIG) },
  '.git-alembicrc.json',
);
test(
  '.git-alembicrc.yaml',
  finds,
  { '.git-alembicrc.yaml': 'onMerge: stage\nguard: true\n' },
  '.git-alembicrc.yaml',
);
test(
  '.git-alembicrc.yml',
  finds,
  { '.git-alembicrc.yml': 'onMerge: stage\nguard: true\n' },
  '.git-alembicrc.yml',
);
test(
  '.config/git-alembicrc as YAML',
  finds,
  { '.config/git-alembicrc': 'onMerge: stage\nguard: true\n' },
  '.config/git-alembicrc',
);
test(
  '.config/git-alembicrc.yml',
  finds,
  { '.config/git-alembicrc.yml': 'onMerge: stage\nguard: true\n' },
  '.config/git-alembicrc.yml',
);
test(
  '.config/git-alembicrc.json',
  finds,
  { '.config/git-alembicrc.json': JSON.stringify(CONFIG) },
  '.config/git-alembicrc.json',
);
test(
  'package.json comes first',
  finds,
  {
    'package.json': JSON.stringify({ 'git-alembic': CONFIG }),
    '.git-alembicrc.json': '{"onMerge": "amend"}',
  },
  'package.json',
);
test(
  'an empty rc file is skipped',
  finds,
  { '.git-alembicrc.json': '', '.git-alembicrc.yaml': 'onMerge: stage\nguard: true\n' },
  '.git-alembicrc.yaml',
);
test(
  'a YAML rc file with only comments is skipped',
  finds,
  { '.git-alembicrc': '# nothing yet\n', '.git-alembicrc.json': JSON.stringify(CONFIG) },
  '.git-alembicrc.json',
);
test(
  'the setup record in package.json does not hide an rc file',
  finds,
  {
    'package.json': JSON.stringify({ 'git-alembic': { setup: {} } }),
    '.git-alembicrc.json': JSON.stringify(CONFIG),
  },
  '.git-alembicrc.json',
);

// Each of these would write `executed` into the repository if anything ran it.
const CODE =
  "require('node:fs').writeFileSync(require('node:path').join(__dirname, '..', 'executed'), 'ran');\nmodule.exports = { onMerge: 'stage' };\n";
const ESM =
  "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('executed', import.meta.url), 'ran');\nexport default { onMerge: 'stage' };\n";

test('the config is data: JavaScript configs, cosmiconfig meta-configs and $import are never executed', async (t) => {
  const files = {
    'git-alembic.config.js': CODE.replace("'..', ", ''),
    'git-alembic.config.cjs': CODE.replace("'..', ", ''),
    'git-alembic.config.mjs': ESM,
    '.config/git-alembicrc.js': CODE,
    '.config/git-alembicrc.cjs': CODE,
    '.config/config.js': CODE,
    '.config/config.json': JSON.stringify({ searchPlaces: ['evil.js'] }),
    'evil.js': CODE.replace("'..', ", ''),
    'package.json': JSON.stringify({ name: 'app', cosmiconfig: { searchPlaces: ['evil.js'] } }),
  };
  for (const rc of [undefined, '.git-alembicrc.json', '.config/git-alembicrc.yaml']) {
    const root = await tempProject(
      t,
      rc === undefined
        ? files
        : {
            ...files,
            [rc]: rc.endsWith('.json') ? '{"$import": "evil.js"}' : '$import: ../evil.js\n',
          },
    );
    const config = await loadProjectConfig(root).catch((error: unknown) => error);
    t.false(existsSync(path.join(root, 'executed')), `nothing ran (${rc ?? 'no rc file'})`);
    t.false(existsSync(path.join(root, '.config', 'executed')));
    // Without a data config, the JavaScript one is named (not silently ignored); it is never run.
    const expected =
      rc === undefined
        ? 'git-alembic.config.js: JavaScript configs are not read'
        : `${rc}: $import: unknown key`;
    t.true(config instanceof ConfigError && config.message.startsWith(expected), String(config));
  }
});

test('defaults when there is no config at all', async (t) => {
  const root = await tempProject(t, {});
  const config = await loadProjectConfig(root);
  t.like(config, { ...DEFAULTS, file: undefined, baseDirectory: root });
  t.is(config.constants.size, 0);
});

test('only the repository root is searched, not its parents', async (t) => {
  const root = await tempProject(t, { '.git-alembicrc.json': JSON.stringify(CONFIG), 'repo/': '' });
  t.is((await loadProjectConfig(path.join(root, 'repo'))).file, undefined);
});

const syntaxError = test.macro({
  async exec(t, files: Record<string, string>, expected: string) {
    const root = await tempProject(t, files);
    const error = await t.throwsAsync(loadProjectConfig(root), { instanceOf: ConfigError });
    t.is(error?.message, expected);
  },
  title: (title) => `a syntax error names the file and line in one line: ${title ?? ''}`,
});

test(
  'JSON',
  syntaxError,
  { '.git-alembicrc.json': '{\n  "onMerge": "stage",\n}\n' },
  '.git-alembicrc.json:3: cannot load the git-alembic config: invalid JSON: expected a "quoted" key (column 1)',
);
test(
  'JSON cut short',
  syntaxError,
  { '.git-alembicrc.json': '{"onMerge": ' },
  '.git-alembicrc.json:1: cannot load the git-alembic config: invalid JSON: unexpected end of file (column 13)',
);
test(
  'package.json with the key',
  syntaxError,
  { 'package.json': '{\n  "name": "app",\n  "git-alembic": {"guard": true,}\n}\n' },
  'package.json:3: cannot load the git-alembic config: invalid JSON: expected a "quoted" key (column 33)',
);
test(
  'YAML',
  syntaxError,
  { '.git-alembicrc.yaml': 'onMerge: stage\n  guard: true\nenabled: true\n' },
  '.git-alembicrc.yaml:1: cannot load the git-alembic config: invalid YAML: Nested mappings are not allowed in compact mappings (column 10)',
);
test(
  'YAML duplicate key',
  syntaxError,
  { '.config/git-alembicrc': 'guard: true\nguard: false\n' },
  '.config/git-alembicrc:2: cannot load the git-alembic config: invalid YAML: Map keys must be unique (column 1)',
);

test('a package.json that does not mention git-alembic is not ours to judge', async (t) => {
  const root = await tempProject(t, { 'package.json': '{ "name": "app", }' });
  t.like(await loadProjectConfig(root), { file: undefined });
});

test('validation errors from a loaded file name it and the key', async (t) => {
  const root = await tempProject(t, {
    'package.json': JSON.stringify({
      'git-alembic': { environments: [{ config: 'a.ini' }, { section: 'x' }] },
    }),
  });
  await t.throwsAsync(loadProjectConfig(root), {
    instanceOf: ConfigError,
    message:
      'package.json: git-alembic.environments[1].config: required key is missing (without it, scriptLocation is required and the other Alembic settings take their defaults)',
  });
});

test('the YAML parser is imported lazily; only data files are searched', async (t) => {
  const source = await readFile(
    new URL('../../src/config/read-config-file.ts', import.meta.url),
    'utf8',
  );
  t.notRegex(source, /^import[^;]*from 'yaml'/m);
  t.true(SEARCH_PLACES.includes('.config/git-alembicrc.yaml'));
  t.deepEqual(
    SEARCH_PLACES.filter(
      (place) => !/(^|\/)(package\.json|\.?git-alembicrc(\.json|\.ya?ml)?)$/.test(place),
    ),
    [],
  );
});

const validates = test.macro({
  exec(t, value: unknown, expected: Partial<Record<keyof ResolvedConfig, unknown>>) {
    t.like(validateConfig(value, '.git-alembicrc.json', '/repo'), expected);
  },
  title: (title) => `validates: ${title ?? ''}`,
});

test(
  'empty object',
  validates,
  {},
  { ...DEFAULTS, file: '.git-alembicrc.json', baseDirectory: '/repo' },
);
test(
  'every top-level key',
  validates,
  {
    enabled: false,
    onMerge: 'stage',
    revisionId: 'random',
    message: 'merge {heads}',
    mergeExistingDivergences: true,
    guard: true,
    pythonFallback: false,
  },
  {
    enabled: false,
    onMerge: 'stage',
    revisionId: 'random',
    message: 'merge {heads}',
    mergeExistingDivergences: true,
    guard: true,
    pythonFallback: false,
  },
);

test('environments with defaults and merged constants', (t) => {
  const config = validateConfig(
    {
      constants: { 'cli.EXPAND_BRANCH': 'expand', shared: ['a', 'b'], gone: null },
      environments: [
        { config: 'alembic.ini' },
        {
          config: 'db/alembic.ini',
          section: 'tenant',
          name: 'tenant',
          scriptLocation: 'db/t',
          versionLocations: ['db/t/v'],
          headsFile: 'db/HEADS',
          constants: { gone: 'back' },
        },
      ],
    },
    '.git-alembicrc.json',
    '/repo',
  );
  t.deepEqual(
    [...config.constants],
    [
      ['cli.EXPAND_BRANCH', 'expand'],
      ['shared', ['a', 'b']],
      ['gone', null],
    ],
  );
  t.deepEqual(
    config.environments.map((environment) => ({
      ...environment,
      constants: [...environment.constants],
    })),
    [
      {
        name: undefined,
        config: 'alembic.ini',
        section: undefined,
        scriptLocation: undefined,
        versionLocations: undefined,
        headsFile: undefined,
        constants: [
          ['cli.EXPAND_BRANCH', 'expand'],
          ['shared', ['a', 'b']],
          ['gone', null],
        ],
      },
      {
        name: 'tenant',
        config: 'db/alembic.ini',
        section: 'tenant',
        scriptLocation: 'db/t',
        versionLocations: ['db/t/v'],
        headsFile: 'db/HEADS',
        constants: [
          ['cli.EXPAND_BRANCH', 'expand'],
          ['shared', ['a', 'b']],
          ['gone', 'back'],
        ],
      },
    ],
  );
});

const rejects = test.macro({
  exec(t, value: unknown, message: string, file: string = '.git-alembicrc.json') {
    const error = t.throws(() => validateConfig(value, file, '/repo'), { instanceOf: ConfigError });
    t.is(error?.message, message);
  },
  title: (title) => `rejects: ${title ?? ''}`,
});

test('not an object', rejects, ['a'], '.git-alembicrc.json: expected an object, found an array');
test(
  'unknown key with a close spelling',
  rejects,
  { onmerge: 'stage' },
  '.git-alembicrc.json: onmerge: unknown key; did you mean "onMerge"?',
);
test(
  'snake_case key',
  rejects,
  { merge_existing_divergences: true },
  '.git-alembicrc.json: merge_existing_divergences: unknown key; did you mean "mergeExistingDivergences"?',
);
test(
  'unknown key without a suggestion',
  rejects,
  { colour: true },
  '.git-alembicrc.json: colour: unknown key',
);
test(
  'unknown key in package.json',
  rejects,
  { gaurd: true },
  'package.json: git-alembic.gaurd: unknown key; did you mean "guard"?',
  'package.json',
);
test(
  'wrong boolean',
  rejects,
  { enabled: 'no' },
  '.git-alembicrc.json: enabled: expected true or false, found a string',
);
test(
  'wrong choice',
  rejects,
  { onMerge: 'commit' },
  '.git-alembicrc.json: onMerge: expected one of "amend", "stage", found "commit"',
);
test(
  'wrong choice type',
  rejects,
  { revisionId: 1 },
  '.git-alembicrc.json: revisionId: expected one of "deterministic", "random", found a number',
);
test(
  'message not a string',
  rejects,
  { message: null },
  '.git-alembicrc.json: message: expected a string, found null',
);
test(
  'environments not an array',
  rejects,
  { environments: { config: 'a' } },
  '.git-alembicrc.json: environments: expected an array, found an object',
);
test(
  'environment not an object',
  rejects,
  { environments: ['alembic.ini'] },
  '.git-alembicrc.json: environments[0]: expected an object, found a string',
);
test(
  'environment without config',
  rejects,
  { environments: [{ config: 'a.ini' }, { name: 'b' }] },
  '.git-alembicrc.json: environments[1].config: required key is missing (without it, scriptLocation is required and the other Alembic settings take their defaults)',
);
test(
  'environment with an empty config',
  rejects,
  { environments: [{ config: ' ' }] },
  '.git-alembicrc.json: environments[0].config: must not be empty',
);
test(
  'unknown environment key',
  rejects,
  { environments: [{ config: 'a', script_location: 'x' }] },
  '.git-alembicrc.json: environments[0].script_location: unknown key; did you mean "scriptLocation"?',
);
test(
  'versionLocations not a list',
  rejects,
  { environments: [{ config: 'a', versionLocations: 'v' }] },
  '.git-alembicrc.json: environments[0].versionLocations: expected an array, found a string',
);
test(
  'versionLocations empty',
  rejects,
  { environments: [{ config: 'a', versionLocations: [] }] },
  '.git-alembicrc.json: environments[0].versionLocations: must not be empty',
);
test(
  'versionLocations entry',
  rejects,
  { environments: [{ config: 'a', versionLocations: ['v', 3] }] },
  '.git-alembicrc.json: environments[0].versionLocations[1]: expected a string, found a number',
);
test(
  'duplicate environment names',
  rejects,
  {
    environments: [
      { config: 'a', name: 'db' },
      { config: 'b', name: 'db' },
    ],
  },
  '.git-alembicrc.json: environments[1].name: duplicate name (also used by environments[0])',
);
test(
  'constants not an object',
  rejects,
  { constants: ['a'] },
  '.git-alembicrc.json: constants: expected an object, found an array',
);
test(
  'constant value',
  rejects,
  { constants: { 'cli.X': 3 } },
  '.git-alembicrc.json: constants["cli.X"]: expected a string, an array of strings or null, found a number',
);
test(
  'constant array value',
  rejects,
  { constants: { X: ['a', 1] } },
  '.git-alembicrc.json: constants["X"]: expected a string, an array of strings or null, found an array',
);
test(
  'constant name',
  rejects,
  { constants: { 'not a name': 'x' } },
  '.git-alembicrc.json: constants["not a name"]: not a Python name or dotted attribute (such as cli.EXPAND_BRANCH)',
);
test(
  'environment constant',
  rejects,
  { environments: [{ config: 'a', constants: { Y: {} } }] },
  '.git-alembicrc.json: environments[0].constants["Y"]: expected a string, an array of strings or null, found an object',
);
