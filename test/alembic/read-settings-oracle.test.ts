// Differential test: readEnvironment against real Alembic's ScriptDirectory.from_config for ini
// layouts, with Alembic run from the ini's directory (where git-alembic resolves relative paths).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import test from 'ava';

import { readEnvironment } from '../../src/alembic/read-settings.js';
import { ConfigError } from '../../src/errors.js';
import { findAlembicPython, oracleTest, runPython } from '../helpers/python.js';
import { tempProject } from '../helpers/temp-project.js';

const ORACLE = fileURLToPath(new URL('../oracle/settings_oracle.py', import.meta.url));
const GENERIC = readFileSync(
  new URL('../fixtures/alembic-config/generic/alembic.ini', import.meta.url),
  'utf8',
);

interface Case {
  readonly title: string;
  readonly files: Readonly<Record<string, string>>;
  readonly section?: string;
  /** The first Alembic version with the behaviour (path_separator is 1.16). */
  readonly since?: readonly [number, number];
  /** Where Alembic reads nothing and stays silent (or fails, depending on the version), our error. */
  readonly stricter?: string;
}
type Answer = { ok: Record<string, unknown> } | { error: string };

const DIRECTORIES = { 'm/versions/': '', 'a/': '', 'b/': '', 'b c/': '', 'c/': '' };
const ini = (body: string): Record<string, string> => ({
  ...DIRECTORIES,
  'alembic.ini': `[alembic]\nscript_location = m\n${body}\n`,
});

const CASES: readonly Case[] = [
  {
    title: 'generic alembic.ini from alembic init',
    files: { 'migrations/versions/': '', 'alembic.ini': GENERIC },
  },
  {
    title: 'generic alembic.ini plus version_locations (inline comment)',
    files: {
      'migrations/': '',
      'alembic.ini': GENERIC.replace(
        '[post_write_hooks]',
        'version_locations = a:b\n[post_write_hooks]',
      ),
    },
  },
  {
    title: 'version_path_separator = ;',
    files: ini('version_path_separator = ;\nversion_locations = a;%(here)s/b'),
  },
  {
    title: 'version_path_separator = space',
    files: ini('version_path_separator = space\nversion_locations = a b'),
  },
  {
    title: 'version_path_separator = os',
    files: ini(`version_path_separator = os\nversion_locations = a${path.delimiter}b`),
  },
  {
    title: 'version_path_separator = :',
    files: ini('version_path_separator = :\nversion_locations = a:b'),
  },
  {
    title: 'unknown version_path_separator',
    files: ini('version_path_separator = comma\nversion_locations = a,b'),
  },
  {
    title: 'empty version_path_separator',
    files: ini('version_path_separator =\nversion_locations = a'),
  },
  { title: 'legacy split', files: ini('version_locations = a, b  c') },
  { title: 'legacy split with an empty entry', files: ini('version_locations = a , b') },
  {
    title: 'path_separator = newline',
    files: ini('path_separator = newline\nversion_locations =\n  a\n  %(here)s/b c'),
    since: [1, 16],
  },
  {
    title: 'path_separator = ; with blank entries',
    files: ini('path_separator = ;\nversion_locations = a; ;b;;'),
    since: [1, 16],
  },
  {
    title: 'absolute version location that does not exist',
    files: ini('version_locations = /nonexistent/git-alembic/versions'),
    stricter:
      'alembic.ini:3: [alembic] version_locations: version directory does not exist: /nonexistent/git-alembic/versions',
  },
  {
    title: 'here-relative script_location',
    files: {
      'sub/dir/versions/': '',
      'alembic.ini': '[alembic]\nscript_location = %(here)s/sub/dir\n',
    },
  },
  {
    title: 'script directory without versions/',
    files: { 'sub/dir/': '', 'alembic.ini': '[alembic]\nscript_location = %(here)s/sub/dir\n' },
    stricter:
      'alembic.ini:2: [alembic] script_location: version directory does not exist: sub/dir/versions (without version_locations Alembic reads <script_location>/versions)',
  },
  {
    title: 'a version location that does not exist, beside one that does',
    files: ini('version_locations = a gone'),
    stricter: 'alembic.ini:3: [alembic] version_locations: version directory does not exist: gone',
  },
  {
    title: 'empty script_location (1.8.1 fails, 1.19 reads nothing)',
    files: { 'versions/': '', 'alembic.ini': '[alembic]\nscript_location =\n' },
    stricter:
      'alembic.ini:2: [alembic] script_location: empty value: name the directory that holds env.py and script.py.mako',
  },
  {
    title: 'script_location from DEFAULT',
    files: { 'm/versions/': '', 'alembic.ini': '[DEFAULT]\nscript_location = m\n[alembic]\n' },
  },
  {
    title: 'file_template and truncate_slug_length 0',
    files: ini('file_template = %%(year)d_%%(rev)s\ntruncate_slug_length = 0'),
  },
  {
    title: 'truncate_slug_length with spaces and underscores',
    files: ini('truncate_slug_length =  1_2 '),
  },
  { title: 'bad truncate_slug_length', files: ini('truncate_slug_length = twelve') },
  {
    title: 'timezone and output_encoding verbatim',
    files: ini('timezone = Europe/Berlin\noutput_encoding = latin-1'),
  },
  {
    title: 'missing script directory',
    files: { 'alembic.ini': '[alembic]\nscript_location = nowhere\n' },
  },
  {
    title: 'no script_location',
    files: { 'alembic.ini': '[alembic]\nsqlalchemy.url = sqlite://\n' },
  },
  {
    title: 'missing section',
    files: { 'm/': '', 'alembic.ini': '[alembic]\nscript_location = m\n' },
    section: 'tenant',
  },
  {
    title: 'second section',
    files: {
      'core/versions/': '',
      'alembic.ini': '[DEFAULT]\nurl = x\n[core]\nscript_location = %(here)s/core\n',
    },
    section: 'core',
  },
  {
    title: 'bad interpolation in script_location',
    files: { 'alembic.ini': '[alembic]\nscript_location = 100%\n' },
  },
  {
    title: 'duplicate option',
    files: { 'm/': '', 'alembic.ini': '[alembic]\nscript_location = m\nscript_location = m\n' },
  },
  {
    title: 'package resource, dotted',
    files: {
      'src/ga_dotted/__init__.py': '',
      'src/ga_dotted/db/__init__.py': '',
      'src/ga_dotted/db/migrations/versions/': '',
      'alembic.ini':
        '[alembic]\nprepend_sys_path = src\nscript_location = ga_dotted.db:migrations\n',
    },
  },
  {
    title: 'package resource, several colons',
    files: {
      'src/ga_colons/__init__.py': '',
      'src/ga_colons/db/migrations/': '',
      'alembic.ini':
        '[alembic]\nprepend_sys_path = src\nscript_location = ga_colons:db:migrations\nversion_locations = ga_colons:db\n',
    },
  },
];

function atLeast(version: string, since: readonly [number, number] | undefined): boolean {
  if (since === undefined) return true;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > since[0] || (major === since[0] && minor >= since[1]);
}

async function ours(root: string, section: string): Promise<Answer> {
  try {
    const environment = await readEnvironment({
      configFile: 'alembic.ini',
      section,
      repoRoot: root,
      constants: new Map(),
    });
    const {
      scriptLocation,
      versionLocations,
      fileTemplate,
      truncateSlugLength,
      timezone,
      outputEncoding,
    } = environment;
    return {
      ok: {
        scriptLocation,
        versionLocations,
        fileTemplate,
        truncateSlugLength,
        timezone: timezone ?? null,
        outputEncoding,
        sourceless: false,
      },
    };
  } catch (error) {
    if (error instanceof ConfigError) return { error: error.message };
    throw error;
  }
}

oracleTest(test, 'read-settings agrees with real Alembic on ini layouts', async (t, python) => {
  const version = findAlembicPython()?.alembicVersion ?? '0';
  const cases = CASES.filter((testCase) => atLeast(version, testCase.since));
  const roots = await Promise.all(cases.map((testCase) => tempProject(t, testCase.files)));
  const input = cases.map((testCase, index) => ({
    ini: path.join(roots[index] as string, 'alembic.ini'),
    section: testCase.section ?? 'alembic',
  }));
  const answers = JSON.parse(runPython(python, ORACLE, [], JSON.stringify(input))) as Answer[];
  for (const [index, testCase] of cases.entries()) {
    const expected = answers[index] as Answer;
    const actual = await ours(roots[index] as string, testCase.section ?? 'alembic');
    if (testCase.stricter !== undefined)
      t.deepEqual(
        actual,
        { error: testCase.stricter },
        `${testCase.title}: Alembic says ${JSON.stringify(expected)}`,
      );
    else if ('error' in expected)
      t.true(
        'error' in actual,
        `${testCase.title}: Alembic fails (${expected.error}) but we read ${JSON.stringify(actual)}`,
      );
    else t.deepEqual(actual, expected, testCase.title);
  }
});
