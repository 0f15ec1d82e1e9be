// version_locations and prepend_sys_path splitting: every separator, the legacy split and its
// quirks, the inline-comment trap, and the ini → TOML fallback.
import test from 'ava';

import type { AlembicSources } from '../../../src/core/config/alembic-settings/sources.js';
import { parseConfigParser } from '../../../src/core/config/configparser.js';
import { ConfigError } from '../../../src/errors.js';
import {
  prependSysPathOf,
  separatorCharacter,
  splitLegacy,
  splitOnSeparator,
  versionLocationsOf,
  type PathListOptions,
} from '../../../src/core/config/version-locations.js';

const POSIX = { osPathSeparator: ':' };
const WINDOWS = { osPathSeparator: ';' };

function sources(ini: string | undefined, toml?: Record<string, unknown>): AlembicSources {
  return {
    ini:
      ini === undefined
        ? undefined
        : {
            document: parseConfigParser(ini, 'alembic.ini', { here: '/srv/app' }),
            section: 'alembic',
            directory: '/srv/app',
          },
    toml:
      toml === undefined
        ? undefined
        : { file: 'pyproject.toml', here: '/srv/app', directory: '/srv/app', table: toml },
  };
}

const locations = test.macro({
  exec(t, ini: string, expected: string[] | undefined, options: PathListOptions = POSIX) {
    t.deepEqual(versionLocationsOf(sources(ini), options)?.value, expected);
  },
  title: (title) => `version_locations: ${title ?? ''}`,
});

test('unset means <script_location>/versions', locations, '[alembic]\n', undefined);
test('empty value means unset', locations, '[alembic]\nversion_locations =\n', undefined);
test(
  'path_separator = os on POSIX',
  locations,
  '[alembic]\npath_separator = os\nversion_locations = %(here)s/a:%(here)s/b\n',
  ['/srv/app/a', '/srv/app/b'],
);
test(
  'path_separator = os on Windows',
  locations,
  '[alembic]\npath_separator = os\nversion_locations = a;b:c\n',
  ['a', 'b:c'],
  WINDOWS,
);
test(
  'path_separator = ;',
  locations,
  '[alembic]\npath_separator = ;\nversion_locations = a ; b;;c\n',
  ['a', 'b', 'c'],
);
test('path_separator = :', locations, '[alembic]\npath_separator = :\nversion_locations = a: b\n', [
  'a',
  'b',
]);
test(
  'path_separator = space',
  locations,
  '[alembic]\npath_separator = space\nversion_locations = a  b\n',
  ['a', 'b'],
);
test(
  'path_separator = newline',
  locations,
  '[alembic]\npath_separator = newline\nversion_locations =\n    a dir\n    b\n',
  ['a dir', 'b'],
);
test(
  'whitespace-only entries become empty strings (1.19 strips after filtering)',
  locations,
  '[alembic]\npath_separator = :\nversion_locations = a: :b\n',
  ['a', '', 'b'],
);
test(
  'version_path_separator (deprecated) still works',
  locations,
  '[alembic]\nversion_path_separator = ;\nversion_locations = a;b\n',
  ['a', 'b'],
);
test(
  'path_separator wins over version_path_separator',
  locations,
  '[alembic]\npath_separator = space\nversion_path_separator = ;\nversion_locations = a;b c\n',
  ['a;b', 'c'],
);
test(
  'path_separator wins even over a broken version_path_separator',
  locations,
  '[alembic]\npath_separator = space\nversion_path_separator = os  # comment\nversion_locations = a b\n',
  ['a', 'b'],
);
test('legacy split on commas and spaces', locations, '[alembic]\nversion_locations = a, b  c,d\n', [
  'a',
  'b',
  'c',
  'd',
]);
test(
  'legacy split keeps empty entries (space before comma)',
  locations,
  '[alembic]\nversion_locations = a , b\n',
  ['a', '', 'b'],
);
test(
  'legacy split does not split on newlines',
  locations,
  '[alembic]\nversion_locations =\n  a\n  b\n',
  ['\na\nb'],
);
test('legacy split does not split on colons', locations, '[alembic]\nversion_locations = a:b\n', [
  'a:b',
]);
test(
  'DEFAULT provides version_locations',
  locations,
  '[DEFAULT]\nversion_locations = x y\n[alembic]\n',
  ['x', 'y'],
);

test('the inline comment of 1.8.1-generated ini files is an error once version_locations is set', (t) => {
  const text =
    '[alembic]\nversion_path_separator = os  # Use os.pathsep. Default configuration used for new projects.\nversion_locations = a:b\n';
  const error = t.throws(() => versionLocationsOf(sources(text), POSIX), {
    instanceOf: ConfigError,
  });
  t.is(
    error?.message,
    'alembic.ini:2: [alembic] version_path_separator: "os  # Use os.pathsep. Default configuration used for new projects." is not a valid value; expected space, newline, os, : or ;',
  );
  t.is(
    error?.hint,
    'ConfigParser keeps text after the value, comments included; move the comment to a line of its own',
  );
});

test('the same inline comment is harmless without version_locations', (t) => {
  t.is(
    versionLocationsOf(
      sources('[alembic]\nversion_path_separator = os  # Use os.pathsep.\n'),
      POSIX,
    ),
    undefined,
  );
});

test('an empty separator value is an error', (t) => {
  const error = t.throws(
    () =>
      versionLocationsOf(sources('[alembic]\npath_separator =\nversion_locations = a\n'), POSIX),
    { instanceOf: ConfigError },
  );
  t.is(
    error?.message,
    'alembic.ini:2: [alembic] path_separator: "" is not a valid value; expected space, newline, os, : or ;',
  );
  t.is(error?.hint, undefined);
});

test('TOML list when the ini has none (or an empty one), %-formatted', (t) => {
  const toml = { version_locations: ['%(here)s/a', 'b%%'] };
  t.deepEqual(versionLocationsOf(sources(undefined, toml), POSIX)?.value, ['/srv/app/a', 'b%']);
  t.deepEqual(versionLocationsOf(sources('[alembic]\nversion_locations =\n', toml), POSIX)?.value, [
    '/srv/app/a',
    'b%',
  ]);
  t.deepEqual(
    versionLocationsOf(sources('[alembic]\nversion_locations = ini\n', toml), POSIX)?.value,
    ['ini'],
  );
});

test('TOML version_locations must be a list of strings', (t) => {
  const notList = t.throws(
    () => versionLocationsOf(sources(undefined, { version_locations: 'a b' }), POSIX),
    { instanceOf: ConfigError },
  );
  t.is(
    notList?.message,
    'pyproject.toml: tool.alembic.version_locations: expected a list of strings, found a string',
  );
  const badEntry = t.throws(
    () => versionLocationsOf(sources(undefined, { version_locations: ['a', 1n] }), POSIX),
    { instanceOf: ConfigError },
  );
  t.is(
    badEntry?.message,
    'pyproject.toml: tool.alembic.version_locations[1]: expected a list of strings, found an integer at index 1',
  );
});

test('prepend_sys_path: legacy split includes colons; only path_separator applies', (t) => {
  t.deepEqual(
    prependSysPathOf(sources('[alembic]\nprepend_sys_path = . src:lib\n'), POSIX)?.value,
    ['.', 'src', 'lib'],
  );
  t.deepEqual(
    prependSysPathOf(
      sources('[alembic]\nversion_path_separator = ;\nprepend_sys_path = a;b\n'),
      POSIX,
    )?.value,
    ['a;b'],
  );
  t.deepEqual(
    prependSysPathOf(sources('[alembic]\npath_separator = ;\nprepend_sys_path = a;b\n'), POSIX)
      ?.value,
    ['a', 'b'],
  );
  t.deepEqual(prependSysPathOf(sources(undefined, { prepend_sys_path: ['.'] }), POSIX)?.value, [
    '.',
  ]);
  t.is(prependSysPathOf(sources('[alembic]\n'), POSIX), undefined);
});

test('a bad path_separator fails through prepend_sys_path even without version_locations (1.19)', (t) => {
  t.throws(
    () =>
      prependSysPathOf(sources('[alembic]\npath_separator = comma\nprepend_sys_path = .\n'), POSIX),
    { instanceOf: ConfigError },
  );
});

test('separator names and raw splits', (t) => {
  t.is(separatorCharacter('os', ';'), ';');
  t.is(separatorCharacter('newline', ':'), '\n');
  t.is(separatorCharacter('OS', ':'), undefined);
  t.is(separatorCharacter('toString', ':'), undefined);
  t.deepEqual(splitOnSeparator('a;;b; ', ';'), ['a', 'b', '']);
  t.deepEqual(splitLegacy('a,b'), ['a', 'b']);
  t.deepEqual(splitLegacy('a,  b'), ['a', 'b']);
  t.deepEqual(splitLegacy('a  ,b'), ['a', '', 'b']);
});
