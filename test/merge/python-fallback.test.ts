// The Mako fallback of `git-alembic merge`: a template git-alembic's own renderer refuses (each of
// ours uses the `<%def>` tag, which it does not support) is rendered by Mako in a Python, with the
// variables `alembic merge` passes. The result is compared byte for byte with real `alembic
// merge` given the same id, date and message, and goes through the same read-back check as our own
// output. Also: which Python is used, the opt-outs, and that the project's code is never imported.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';

import { TrustMessages } from '../../src/messages/trust.js';
import { cleanEnv, runCli, writeMergeProject, type ParentSpec } from '../helpers/merge-project.js';
import { oracleTest, runPython } from '../helpers/python.js';
import { tempProject } from '../helpers/temp-project.js';

const MERGE_ORACLE = fileURLToPath(new URL('../oracle/merge_oracle.py', import.meta.url));
const RENDER_ORACLE = fileURLToPath(new URL('../oracle/render_mako.py', import.meta.url));
const FORK: ParentSpec[] = [
  { id: 'aaaa0001' },
  { id: 'bbbb0001', down: ['aaaa0001'] },
  { id: 'cccc0001', down: ['aaaa0001'] },
];
const MERGE = [
  'merge',
  '-m',
  'merge the two heads',
  '--rev-id',
  'feedface0001',
  '--date',
  '2024-03-31 02:30:00.000250',
];
const DATE = [2024, 3, 31, 2, 30, 0, 250];

function fixture(name: string): string {
  return readFileSync(
    new URL(`../fixtures/templates/python-fallback/${name}`, import.meta.url),
    'utf8',
  );
}

async function project(
  t: ExecutionContext,
  template: string,
  settings: readonly string[] = [],
  files: Record<string, string> = {},
): Promise<string> {
  const root = await tempProject(t, files);
  writeMergeProject(root, { template, revisions: FORK, settings });
  return root;
}

function newFiles(root: string): string[] {
  return readdirSync(join(root, 'migrations', 'versions')).filter(
    (name) => !name.endsWith('_rev.py'),
  );
}

// Real `alembic merge` of a copy of the same project, with Alembic's now() pinned to DATE.
function alembicMerge(
  python: string,
  root: string,
  timezone: string | null,
): { path: string; bytes: Buffer } {
  const request = {
    cases: [
      {
        name: 'fallback',
        merge_ini: join(root, 'alembic.ini'),
        heads: ['bbbb0001', 'cccc0001'],
        message: 'merge the two heads',
        rev_id: 'feedface0001',
        date: DATE,
        timezone,
        check_ini: null,
      },
    ],
  };
  const [result] = (
    JSON.parse(runPython(python, MERGE_ORACLE, [], JSON.stringify(request))) as {
      results: Array<{ ok: boolean; error: string; path: string; content_b64: string }>;
    }
  ).results;
  if (result?.ok !== true) throw new Error(`alembic merge failed: ${result?.error ?? 'no result'}`);
  return { path: relative(root, result.path), bytes: Buffer.from(result.content_b64, 'base64') };
}

for (const timezone of [null, 'Europe/Paris']) {
  oracleTest(
    test,
    `the fallback renders a template the native renderer refuses, byte for byte as alembic merge (timezone ${timezone ?? 'none'})`,
    async (t, python) => {
      const settings = timezone === null ? [] : [`timezone = ${timezone}`];
      const [ours, theirs] = [
        await project(t, fixture('def-tag.mako'), settings),
        await project(t, fixture('def-tag.mako'), settings),
      ];
      const run = await runCli(ours, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: python }));
      t.is(run.code, 0, run.stderr);
      const expected = alembicMerge(python, theirs, timezone);
      t.deepEqual(
        newFiles(ours).map((name) => join('migrations', 'versions', name)),
        [expected.path],
      );
      t.is(
        readFileSync(join(ours, expected.path)).toString('latin1'),
        expected.bytes.toString('latin1'),
      );
      t.is(
        run.stderr,
        `git-alembic: ${TrustMessages.renderedWithPython('migrations/script.py.mako', python, 'migrations/script.py.mako:1: `<%def>` is not supported')}\n`,
      );
    },
  );
}

oracleTest(
  test,
  'the fallback passes `config` with the main section, as Alembic’s Config reads it',
  async (t, python) => {
    const settings = ['databases = engine1, engine2'];
    const root = await project(t, fixture('def-tag-config.mako'), settings);
    const run = await runCli(root, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: python }));
    t.is(run.code, 0, run.stderr);
    const options = {
      'sqlalchemy.url': `sqlite:///${root}/test.sqlite`,
      databases: 'engine1, engine2',
      script_location: `${root}/migrations`,
    };
    const request = {
      templates: [
        {
          name: 'config',
          source_b64: Buffer.from(fixture('def-tag-config.mako')).toString('base64'),
        },
      ],
      variable_sets: [
        {
          name: 'merge',
          parents: ['bbbb0001', 'cccc0001'],
          rev_id: 'feedface0001',
          message: 'merge the two heads',
          branch_labels: null,
          create_date: [...DATE, null],
          main_options: options,
        },
      ],
    };
    const [result] = (
      JSON.parse(runPython(python, RENDER_ORACLE, [], JSON.stringify(request))) as {
        results: Array<{ ok: boolean; output_b64: string; error: string }>;
      }
    ).results;
    t.true(result?.ok, result?.error);
    const [file = ''] = newFiles(root);
    t.is(
      readFileSync(join(root, 'migrations', 'versions', file), 'utf8'),
      Buffer.from(result?.output_b64 ?? '', 'base64').toString('utf8'),
    );
  },
);

oracleTest(
  test,
  'what Python renders goes through the same read-back: `down_revision = "${down_revision}"` stays refused',
  async (t, python) => {
    const root = await project(t, fixture('def-tag-quoted-down-revision.mako'));
    const run = await runCli(root, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: python }));
    t.is(run.code, 2);
    t.regex(
      run.stderr,
      /^git-alembic: rendered migrations\/script\.py\.mako with Mako in .*\ngit-alembic: migrations\/script\.py\.mako writes down_revision as the text \('bbbb0001', 'cccc0001'\) inside quotes: .* is not a revision id.*\(hint: .*nothing was written\)\n$/,
    );
    t.deepEqual(newFiles(root), []);
  },
);

oracleTest(
  test,
  'a template Mako cannot render either: one line with its line and Mako’s error, nothing written',
  async (t, python) => {
    const root = await project(t, fixture('def-tag-undefined.mako'));
    const run = await runCli(root, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: python }));
    t.is(run.code, 2);
    t.is(
      run.stderr,
      `git-alembic: migrations/script.py.mako:6: ${TrustMessages.makoFailed('NameError: Undefined')} (hint: ${TrustMessages.MAKO_FAILED_HINT})\n`,
    );
    t.deepEqual(newFiles(root), []);
  },
);

oracleTest(
  test,
  'Python never imports the project’s code: the template cannot import a module of the repository',
  async (t, python) => {
    const root = await project(t, fixture('def-tag-project-import.mako'), [], {
      'project_module.py': "open('imported', 'w').write('yes')\n",
      'migrations/project_module.py': "open('imported', 'w').write('yes')\n",
    });
    const run = await runCli(
      root,
      MERGE,
      cleanEnv({ GIT_ALEMBIC_PYTHON: python, PYTHONPATH: root }),
    );
    t.is(run.code, 2);
    t.regex(
      run.stderr,
      /^git-alembic: migrations\/script\.py\.mako: Mako cannot render the template either: ModuleNotFoundError: No module named 'project_module'/,
    );
    t.deepEqual(
      readdirSync(root).filter((name) => name === 'imported'),
      [],
    );
  },
);

oracleTest(
  test,
  'opting out: GIT_ALEMBIC_PYTHON=0 for one command, "pythonFallback": false in the config',
  async (t, python) => {
    const root = await project(t, fixture('def-tag.mako'));
    const refusal =
      'git-alembic: migrations/script.py.mako:1: `<%def>` is not supported (hint: git-alembic renders script.py.mako without Python';
    const off = await runCli(root, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: '0' }));
    t.is(off.code, 2);
    t.true(off.stderr.startsWith(refusal), off.stderr);
    writeFileSync(join(root, '.git-alembicrc.json'), '{ "pythonFallback": false }\n');
    const configured = await runCli(root, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: python }));
    t.is(configured.code, 2);
    t.true(configured.stderr.startsWith(refusal), configured.stderr);
    t.deepEqual(newFiles(root), []);
    writeFileSync(join(root, '.git-alembicrc.json'), '{ "pythonFallback": true }\n');
    const on = await runCli(root, MERGE, cleanEnv({ GIT_ALEMBIC_PYTHON: python }));
    t.is(on.code, 0, on.stderr);
    t.is(newFiles(root).length, 1);
  },
);

oracleTest(
  test,
  'which Python: GIT_ALEMBIC_PYTHON, then the active virtualenv, then .venv or venv at the top level, then python3 on the PATH',
  async (t, python) => {
    const root = await project(t, fixture('def-tag.mako'), [], {
      'active/bin/': '',
      '.venv/bin/': '',
      'venv/bin/': '',
      'path/': '',
      'empty/': '',
    });
    for (const directory of ['active', '.venv', 'venv'])
      symlinkSync(python, join(root, directory, 'bin', 'python'));
    symlinkSync(python, join(root, 'path', 'python3'));
    const used = async (env: Record<string, string>): Promise<string> => {
      const run = await runCli(root, ['merge', '--dry-run', ...MERGE.slice(1)], {
        ...cleanEnv(env),
        GIT_ALEMBIC_PYTHON: env['GIT_ALEMBIC_PYTHON'],
        VIRTUAL_ENV: env['VIRTUAL_ENV'],
      });
      t.is(run.code, 0, run.stderr);
      return /with Mako in (.+), because/.exec(run.stderr)?.[1] ?? run.stderr;
    };
    const path = join(root, 'path');
    t.is(
      await used({ GIT_ALEMBIC_PYTHON: python, VIRTUAL_ENV: join(root, 'active'), PATH: path }),
      python,
    );
    t.is(
      await used({ VIRTUAL_ENV: join(root, 'active'), PATH: path }),
      join(root, 'active', 'bin', 'python'),
    );
    t.is(await used({ PATH: path }), join(root, '.venv', 'bin', 'python'));
    // Take the virtualenvs away one by one: the next candidate is used.
    mkdirSync(join(root, 'elsewhere'));
    renameSync(join(root, '.venv'), join(root, 'elsewhere', '.venv'));
    t.is(await used({ PATH: path }), join(root, 'venv', 'bin', 'python'));
    renameSync(join(root, 'venv'), join(root, 'elsewhere', 'venv'));
    t.is(await used({ PATH: path }), join(path, 'python3'));
    const none = await runCli(root, MERGE, {
      ...cleanEnv({ PATH: join(root, 'empty') }),
      GIT_ALEMBIC_PYTHON: undefined,
    });
    t.is(none.code, 2);
    t.true(none.stderr.endsWith(`(hint: ${TrustMessages.NO_PYTHON_HINT})\n`), none.stderr);
    const named = await runCli(
      root,
      MERGE,
      cleanEnv({ GIT_ALEMBIC_PYTHON: join(root, 'no-such-python') }),
    );
    t.is(
      named.stderr,
      `git-alembic: ${TrustMessages.namedPythonFailed(join(root, 'no-such-python'), TrustMessages.NOT_FOUND)}\n`,
    );
  },
);
