// Bad input and a hostile environment end in one line naming the file and the reason (exit 2)
// or in a finding, never in exit 70 ("internal error … please report"), which is for our bugs.
// Control characters from the repository never reach the terminal. Through the real CLI.
import { chmod, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import {
  BIN,
  createTempRepo,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

const HEADS = 'migrations/heads.txt';

async function project(t: Parameters<typeof createTempRepo>[0]): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  return repo;
}

test('a revision file with conflict markers: exit 2, file:line, unresolved conflict markers', async (t) => {
  const repo = await project(t);
  await repo.write(
    'migrations/versions/b1_rev.py',
    [
      '"""b1"""',
      'revision = "b1"',
      '<<<<<<< HEAD',
      'down_revision = "a1"',
      '=======',
      'down_revision = None',
      '>>>>>>> feature',
      '',
    ].join('\n'),
  );
  for (const command of ['check', 'heads']) {
    const result = await repo.cli([command], { allowFailure: true });
    t.is(result.status, 2, command);
    t.is(
      result.stderr,
      'git-alembic: migrations/versions/b1_rev.py:3: the file has unresolved conflict markers (<<<<<<<, =======, >>>>>>>) from a git merge; resolve the conflict, remove the markers and add the file again\n',
    );
  }
});

test('package.json with a syntax error and a "git-alembic" key: exit 2 with file, line and reason', async (t) => {
  const repo = await project(t);
  await repo.write('package.json', '{\n  "name": "app",\n  "git-alembic": {,}\n}\n');
  const result = await repo.cli(['heads'], { allowFailure: true });
  t.is(result.status, 2);
  t.is(
    result.stderr,
    'git-alembic: package.json:3: cannot load the git-alembic config: invalid JSON: expected a "quoted" key (column 19)\n',
  );
});

test('a heads file that is a directory is GA201 in check and exit 2 on heads --write', async (t) => {
  const repo = await project(t);
  await mkdir(repo.path(HEADS));
  const check = await repo.cli(['check'], { allowFailure: true });
  t.is(check.status, 1);
  t.regex(
    check.stdout + check.stderr,
    /GA201 .*migrations\/heads\.txt cannot be read \(it is a directory\); the heads are a1/,
  );
  const write = await repo.cli(['heads', '--write'], { allowFailure: true });
  t.is(write.status, 2);
  t.is(
    write.stderr,
    'git-alembic: migrations/heads.txt: cannot read the heads file: it is a directory\n',
  );
});

test('an unreadable heads file (a symbolic-link loop) is GA201, not an internal error', async (t) => {
  const repo = await project(t);
  await symlink('heads.txt', repo.path(HEADS));
  const check = await repo.cli(['check'], { allowFailure: true });
  t.is(check.status, 1);
  t.regex(
    check.stdout + check.stderr,
    /GA201 .*migrations\/heads\.txt cannot be read \(too many levels of symbolic links\)/,
  );
});

test('heads --write into a read-only migrations/: exit 2 naming the heads file, nothing left behind', async (t) => {
  const repo = await project(t);
  await chmod(repo.path('migrations'), 0o555);
  t.teardown(() => chmod(repo.path('migrations'), 0o755));
  // root writes anywhere: run as nobody, with the temporary directories made readable to it.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(path.dirname(repo.root), 0o755);
  const argv = asRoot
    ? ([
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          BIN,
          'heads',
          '--write',
        ],
      ] as const)
    : ([process.execPath, [BIN, 'heads', '--write']] as const);
  const result = await repo.run(argv[0], argv[1], {
    allowFailure: true,
    env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' },
  });
  t.is(result.status, 2, result.stderr);
  t.is(
    result.stderr,
    'git-alembic: migrations/heads.txt: cannot write the heads file: permission denied\n',
  );
  t.false(await repo.exists(HEADS));
});

test('a bare repository is named as one (exit 2), not "not a git repository"', async (t) => {
  const repo = await createTempRepo(t);
  await repo.git(['init', '-q', '--bare', 'bare.git']);
  for (const command of ['heads', 'check', 'graph', 'doctor', 'setup']) {
    const result = await repo.cli([command], { cwd: 'bare.git', allowFailure: true });
    t.is(result.status, 2, command);
    t.regex(
      result.stderr,
      /^git-alembic: a bare repository: .*bare\.git \(it has no work tree to read migrations from\) \(hint: run git-alembic in a clone with a work tree\)\n$/,
      command,
    );
  }
});

test('control characters in revision ids and docs are escaped in heads, graph and check', async (t) => {
  const repo = await project(t);
  const hostile = 'b1\u001b]0;owned\u0007\u001b[8m\u202e';
  await repo.write(
    'migrations/versions/b1_rev.py',
    `"""hidden\u001b[2Jdoc"""\nrevision = ${JSON.stringify(hostile)}\ndown_revision = "a1"\n`,
  );
  await writeRevision(repo, 'c1', 'a1');
  const escaped = 'b1\\u001b]0;owned\\u0007\\u001b[8m\\u202e';
  const outputs = [
    await repo.cli(['heads']),
    await repo.cli(['graph']),
    await repo.cli(['check'], { allowFailure: true }),
  ];
  for (const { stdout, stderr } of outputs) {
    t.false(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(stdout + stderr),
      JSON.stringify(stdout + stderr),
    );
    t.true((stdout + stderr).includes(escaped));
  }
  t.true(outputs[1]?.stdout.includes('hidden\\u001b[2Jdoc'));
  // JSON output keeps the id exactly: the escape is JSON's own.
  const json = JSON.parse((await repo.cli(['heads', '--json'])).stdout) as {
    environments: Array<{ heads: string[] }>;
  };
  t.true(json.environments[0]?.heads.includes(hostile));
});

test('check compiles every revision file completely: a syntax error deep in a body is exit 2 with file:line', async (t) => {
  const repo = await project(t);
  await repo.write(
    'migrations/versions/b1_rev.py',
    'revision = "b1"\ndown_revision = "a1"\n\n\ndef upgrade():\n    op.execute("x")\n    x = = 1\n',
  );
  const check = await repo.cli(['check'], { allowFailure: true });
  t.is(check.status, 2);
  t.is(
    check.stderr,
    'git-alembic: migrations/versions/b1_rev.py:7: Python syntax error: invalid syntax (Alembic cannot import this file either)\n',
  );
  // heads reads without the complete check (it runs where a file comes in: check and the hooks).
  t.is((await repo.cli(['heads'])).stdout, 'b1 (head)\n');
});
