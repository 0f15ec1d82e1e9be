// The setup record as the config layer sees it: validated, typed, and never hiding an rc file.
import test from 'ava';

import { loadProjectConfig } from '../../src/config/load-config.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../helpers/temp-project.js';

const RECORD = {
  devDependencies: ['git-alembic', 'husky'],
  prepare: 'chained',
  created: ['devDependencies'],
  files: ['.husky/pre-commit', 'migrations/heads.txt'],
};

test('validated into setupRecord; absent parts are empty; no record is undefined', (t) => {
  t.deepEqual(validateConfig({ setup: RECORD }, 'package.json', '/r').setupRecord, RECORD);
  t.deepEqual(validateConfig({ setup: {} }, 'package.json', '/r').setupRecord, {
    devDependencies: [],
    prepare: 'none',
    created: [],
    files: [],
  });
  t.is(validateConfig({}, undefined, '/r').setupRecord, undefined);
  const pinned = {
    ...RECORD,
    attributes: ['.husky/pre-commit text eol=lf', '"my app/.husky/pre-commit" text eol=lf'],
  };
  t.deepEqual(validateConfig({ setup: pinned }, 'package.json', '/r').setupRecord, pinned);
});

const rejects = test.macro({
  exec(t, setup: unknown, message: string | RegExp) {
    t.throws(() => validateConfig({ setup }, 'package.json', '/r'), {
      instanceOf: ConfigError,
      message,
    });
  },
  title: (title) => `rejects ${title ?? ''}`,
});

test(
  'a file outside the repository (uninstall would delete it)',
  rejects,
  { files: ['../x'] },
  'package.json: git-alembic.setup.files[0]: "../x" is not something setup records; this record is written by git-alembic setup and read by uninstall, do not edit it',
);
test(
  'an absolute file',
  rejects,
  { files: ['/etc/passwd'] },
  /setup\.files\[0\]: "\/etc\/passwd" is not something setup records/,
);
test(
  'a dependency setup never adds',
  rejects,
  { devDependencies: ['left-pad'] },
  /setup\.devDependencies\[0\]: "left-pad" is not something/,
);
test(
  'an attribute line that is not an LF pin (uninstall would remove it)',
  rejects,
  { attributes: ['* text=auto'] },
  /setup\.attributes\[0\]: "\* text=auto" is not something setup records/,
);
test(
  'an LF pin with more attributes',
  rejects,
  { attributes: ['.husky/x text eol=lf -diff'] },
  /setup\.attributes\[0\]: /,
);
test(
  'an unknown key',
  rejects,
  { extra: 1 },
  /^package\.json: git-alembic\.setup\.extra: unknown key/,
);
test(
  'a prepare value setup never writes',
  rejects,
  { prepare: 'yes' },
  /^package\.json: git-alembic\.setup\.prepare: /,
);

test('a package.json key holding only the record does not hide .git-alembicrc.json, and the record is kept', async (t) => {
  const root = await tempProject(t, {
    'package.json': JSON.stringify({ name: 'app', 'git-alembic': { setup: RECORD } }),
    '.git-alembicrc.json': JSON.stringify({ onMerge: 'stage' }),
  });
  const config = await loadProjectConfig(root);
  t.like(config, { file: '.git-alembicrc.json', onMerge: 'stage', setupRecord: RECORD });
});

test('only the record: all defaults, no config file, the record kept', async (t) => {
  const root = await tempProject(t, {
    'package.json': JSON.stringify({ 'git-alembic': { setup: RECORD } }),
  });
  t.like(await loadProjectConfig(root), { file: undefined, onMerge: 'amend', setupRecord: RECORD });
});

test('the record beside config keys: package.json is the config, as before', async (t) => {
  const root = await tempProject(t, {
    'package.json': JSON.stringify({ 'git-alembic': { guard: true, setup: RECORD } }),
    '.git-alembicrc.json': JSON.stringify({ onMerge: 'stage' }),
  });
  t.like(await loadProjectConfig(root), {
    file: 'package.json',
    guard: true,
    onMerge: 'amend',
    setupRecord: RECORD,
  });
});

test('an invalid record in package.json is reported even when an rc file holds the config', async (t) => {
  const root = await tempProject(t, {
    'package.json': JSON.stringify({ 'git-alembic': { setup: { files: [1] } } }),
    '.git-alembicrc.json': '{}',
  });
  await t.throwsAsync(loadProjectConfig(root), {
    instanceOf: ConfigError,
    message: 'package.json: git-alembic.setup.files[0]: expected a string, found a number',
  });
});
