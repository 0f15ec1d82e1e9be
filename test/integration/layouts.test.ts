// Layouts that used to read as empty or partial, through the built CLI on real repositories,
// with real Alembic as the oracle where it has an answer: a script directory whose revisions
// live where only env.py knows (GA102), every section and every ini of a monorepo, a missing
// section, a missing version directory, an empty script_location, and an environment with no
// alembic.ini at all (Flask-Migrate style). Build first (`npm run build`).
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { parentSource } from '../helpers/merge-project.js';
import { oracleTest, runPython } from '../helpers/python.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const CODE_CONFIG_ORACLE = fileURLToPath(
  new URL('../oracle/code_config_oracle.py', import.meta.url),
);
const TEMPLATE = await import('node:fs').then((fs) =>
  fs.readFileSync(new URL('../fixtures/templates/untyped-classic.mako', import.meta.url), 'utf8'),
);

async function revision(
  repo: TempRepo,
  directory: string,
  id: string,
  down: readonly string[] = [],
): Promise<void> {
  await repo.write(`${directory}/${id}_rev.py`, parentSource({ id, down: [...down] }));
}

async function commitAll(repo: TempRepo): Promise<void> {
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
}

// `alembic heads` as Alembic prints it, run where the ini is (as the team runs it).
async function alembicHeads(
  repo: TempRepo,
  python: string,
  args: readonly string[],
  cwd = '',
): Promise<{ status: number; ids: string[] }> {
  const run = await repo.run(python, ['-m', 'alembic', ...args, 'heads'], {
    cwd,
    allowFailure: true,
    env: { PYTHONWARNINGS: 'ignore' },
  });
  return {
    status: run.status,
    ids: run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ')[0] ?? '')
      .sort(),
  };
}

// prefect: one graph per dialect, versions/postgresql and versions/sqlite, chosen in env.py.
async function dialectProject(repo: TempRepo): Promise<void> {
  await repo.write('alembic.ini', '[alembic]\nscript_location = %(here)s/migrations\n');
  await revision(repo, 'migrations/versions/postgresql', 'aaaa00000001');
  await revision(repo, 'migrations/versions/postgresql', 'aaaa00000002', ['aaaa00000001']);
  await revision(repo, 'migrations/versions/sqlite', 'bbbb00000001');
  await commitAll(repo);
}

const GA102_HINT =
  'when env.py builds the version locations, list them in versionLocations of the git-alembic config (globs such as "migrations/versions/*" work); ' +
  'when it sets script_location in code, set scriptLocation there';

oracleTest(
  test,
  "GA102: revisions only env.py can find; Alembic's heads prints nothing, check fails and heads says why",
  async (t, python) => {
    const repo = await createTempRepo(t);
    await dialectProject(repo);
    t.deepEqual(
      await alembicHeads(repo, python, []),
      { status: 0, ids: [] },
      'Alembic reads migrations/versions and finds nothing',
    );

    const check = await repo.cli(['check'], { allowFailure: true });
    t.is(check.status, 1);
    t.is(
      check.stdout,
      `GA102 alembic.ini: no revisions found under migrations/versions\n  alembic.ini\n  hint: ${GA102_HINT}\n`,
    );
    const json = JSON.parse(
      (await repo.cli(['check', '--json'], { allowFailure: true })).stdout,
    ) as { ok: boolean; findings: { id: string }[] };
    t.false(json.ok);
    t.deepEqual(
      json.findings.map((finding) => finding.id),
      ['GA102'],
    );

    const heads = await repo.cli(['heads']);
    t.deepEqual(
      { stdout: heads.stdout, stderr: heads.stderr },
      {
        stdout: '',
        stderr: `git-alembic: warning: GA102 alembic.ini: no revisions found under migrations/versions (hint: ${GA102_HINT})\n`,
      },
    );
  },
);

oracleTest(
  test,
  'GA102 fixed: one environment per dialect with versionLocations and a heads file each, heads as Alembic reads each',
  async (t, python) => {
    const repo = await createTempRepo(t);
    await dialectProject(repo);
    const environments = ['postgresql', 'sqlite'].map((dialect) => ({
      name: dialect,
      config: 'alembic.ini',
      versionLocations: [`migrations/versions/${dialect}`],
      headsFile: `migrations/heads-${dialect}.txt`,
    }));
    await repo.write('.git-alembicrc.json', `${JSON.stringify({ environments })}\n`);
    await repo.cli(['heads', '--write']);
    t.true((await repo.read('migrations/heads-postgresql.txt')).endsWith('\naaaa00000002\n'));
    const check = await repo.cli(['check']);
    t.is(check.stderr, 'git-alembic: ok: all 2 environments have one head per branch\n');
    const ours = JSON.parse((await repo.cli(['heads', '--json'])).stdout) as {
      environments: { name: string; heads: string[] }[];
    };
    for (const dialect of ['postgresql', 'sqlite']) {
      await repo.write(
        `oracle-${dialect}.ini`,
        `[alembic]\nscript_location = %(here)s/migrations\nversion_locations = %(here)s/migrations/versions/${dialect}\n`,
      );
      const alembic = await alembicHeads(repo, python, ['-c', `oracle-${dialect}.ini`]);
      t.deepEqual(
        ours.environments.find((environment) => environment.name === dialect)?.heads,
        alembic.ids,
        dialect,
      );
    }
  },
);

oracleTest(
  test,
  'every section with a script_location and every Alembic ini, whatever its name: heads per section as Alembic reads them',
  async (t, python) => {
    const repo = await createTempRepo(t);
    await repo.write(
      'alembic.ini',
      '[core]\nscript_location = %(here)s/core\n\n[tenant]\nscript_location = %(here)s/tenant\n\n[loggers]\nkeys = root\n',
    );
    await revision(repo, 'core/versions', 'cccc00000001');
    await revision(repo, 'core/versions', 'cccc00000002', ['cccc00000001']);
    await revision(repo, 'core/versions', 'cccc00000003', ['cccc00000001']);
    await revision(repo, 'tenant/versions', 'dddd00000001');
    await repo.write(
      'services/billing/alembic-billing.ini',
      '[alembic]\nscript_location = %(here)s/migrations\n',
    );
    await revision(repo, 'services/billing/migrations/versions', 'eeee00000001');
    await repo.write('tox.ini', '[tox]\nenvlist = py311\n');
    await commitAll(repo);

    const ours = JSON.parse((await repo.cli(['heads', '--json'])).stdout) as {
      environments: { name: string; section: string; heads: string[] }[];
    };
    t.deepEqual(
      ours.environments.map((environment) => environment.name),
      ['alembic.ini[core]', 'alembic.ini[tenant]', 'services/billing/alembic-billing.ini'],
    );
    const oracle = [
      await alembicHeads(repo, python, ['-n', 'core']),
      await alembicHeads(repo, python, ['-n', 'tenant']),
      await alembicHeads(repo, python, ['-c', 'alembic-billing.ini'], 'services/billing'),
    ];
    t.deepEqual(
      ours.environments.map((environment) => [...environment.heads].sort()),
      oracle.map((answer) => answer.ids),
    );
    const check = await repo.cli(['check'], { allowFailure: true });
    t.is(check.status, 1);
    t.regex(
      check.stdout,
      /^GA101 alembic\.ini\[core\]: 2 heads on one branch: cccc00000002 \(core\/versions\/cccc00000002_rev\.py\) and cccc00000003 \(core\/versions\/cccc00000003_rev\.py\), forked from cccc00000001 /m,
    );
  },
);

oracleTest(
  test,
  'a section the ini does not have: Alembic fails, and so do we, naming the file and section',
  async (t, python) => {
    const repo = await createTempRepo(t);
    await repo.write('alembic.ini', '[alembic]\nscript_location = %(here)s/migrations\n');
    await revision(repo, 'migrations/versions', 'aaaa00000001');
    await commitAll(repo);
    t.not((await alembicHeads(repo, python, ['-n', 'tenant'])).status, 0);
    const ours = await repo.cli(['heads', '-n', 'tenant'], { allowFailure: true });
    t.deepEqual(
      { status: ours.status, stderr: ours.stderr },
      {
        status: 2,
        stderr:
          "git-alembic: alembic.ini: [tenant]: no [tenant] section in the file (Alembic's -n/--name picks the section)\n",
      },
    );
  },
);

oracleTest(
  test,
  'a missing version directory: Alembic silently reads the rest, we stop with the file, line and key',
  async (t, python) => {
    const repo = await createTempRepo(t);
    await repo.write(
      'alembic.ini',
      '[alembic]\nscript_location = %(here)s/migrations\nversion_locations = %(here)s/migrations/versions %(here)s/migrations/contract\n',
    );
    await revision(repo, 'migrations/versions', 'aaaa00000001');
    await commitAll(repo);
    t.deepEqual(await alembicHeads(repo, python, []), { status: 0, ids: ['aaaa00000001'] });
    const ours = await repo.cli(['check'], { allowFailure: true });
    t.deepEqual(
      { status: ours.status, stderr: ours.stderr },
      {
        status: 2,
        stderr:
          'git-alembic: alembic.ini:3: [alembic] version_locations: version directory does not exist: migrations/contract\n',
      },
    );
  },
);

test('an empty script_location is an error naming the file, line and key', async (t) => {
  const repo = await createTempRepo(t);
  await repo.write('alembic.ini', '[alembic]\nscript_location =\n');
  await repo.write('versions/.keep', '');
  await commitAll(repo);
  const ours = await repo.cli(['heads'], { allowFailure: true });
  t.deepEqual(
    { status: ours.status, stdout: ours.stdout, stderr: ours.stderr },
    {
      status: 2,
      stdout: '',
      stderr:
        'git-alembic: alembic.ini:2: [alembic] script_location: empty value: name the directory that holds env.py and script.py.mako\n',
    },
  );
});

oracleTest(
  test,
  "scriptLocation without config (no alembic.ini): heads and the merge revision as Alembic's defaults make them",
  async (t, python) => {
    const repo = await createTempRepo(t);
    await repo.write('migrations/script.py.mako', TEMPLATE);
    await revision(repo, 'migrations/versions', 'aaaa00000001');
    await revision(repo, 'migrations/versions', 'aaaa00000002', ['aaaa00000001']);
    await revision(repo, 'migrations/versions', 'aaaa00000003', ['aaaa00000001']);
    await repo.write(
      '.git-alembicrc.json',
      '{ "environments": [{ "scriptLocation": "migrations" }] }\n',
    );
    await commitAll(repo);
    const heads = JSON.parse((await repo.cli(['heads', '--json'])).stdout) as {
      environments: { name: string; config: string; heads: string[] }[];
    };
    t.like(heads.environments[0], { name: 'migrations', config: '.git-alembicrc.json' });

    // Heads named: Alembic 1.8.1 lists files unsorted, so `heads` would give its own order.
    const parents = ['aaaa00000002', 'aaaa00000003'];
    await repo.cli([
      'merge',
      '-m',
      'join',
      '--rev-id',
      'ffff00000001',
      '--date',
      '2024-05-06 07:08:09',
      ...parents,
    ]);
    const written = await repo.read('migrations/versions/ffff00000001_join.py');
    const oracleRoot = await createTempRepo(t);
    await oracleRoot.write('migrations/script.py.mako', TEMPLATE);
    for (const file of ['aaaa00000001', 'aaaa00000002', 'aaaa00000003'])
      await oracleRoot.write(
        `migrations/versions/${file}_rev.py`,
        await repo.read(`migrations/versions/${file}_rev.py`),
      );
    const oracle = JSON.parse(
      runPython(python, CODE_CONFIG_ORACLE, [
        oracleRoot.path('migrations'),
        'join',
        'ffff00000001',
        '2024,5,6,7,8,9',
        ...parents,
      ]),
    ) as { heads: string[]; path: string; content: string };
    t.deepEqual([...(heads.environments[0]?.heads ?? [])].sort(), [...oracle.heads].sort());
    t.true(oracle.path.endsWith('/migrations/versions/ffff00000001_join.py'), oracle.path);
    t.is(written, oracle.content);
  },
);
