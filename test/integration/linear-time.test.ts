// "Nothing hangs": every reader of repository input is linear. Each input below is a megabyte
// of one shape that made a backtracking pattern retry every split of a long run of blanks
// (minutes to hours before the fix). The budgets are generous (tens of seconds for a few
// seconds' work on a busy machine) and far below quadratic time: a correctness test for "no
// hang", not a benchmark. Deep inputs end in a clear result or error, never exit 70.
// Build first (`npm run build`): the inputs go through the built entry points.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { BIN, createTempRepo, writeAlembicProject, writeRevision } from '../helpers/temp-repo.js';

const MEGABYTE = 1_000_000;
const INDEX = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const HEAD = 'revision = "a1"\ndown_revision = None\n';

/** A megabyte of blanks, spaces and tabs mixed (the worst case for `[ \t]*` next to `\s`). */
function blanks(size = MEGABYTE): string {
  return ' \t'.repeat(size / 2);
}

// Revision-file shapes: a run of blanks (where `|` stands) after each construct a pattern stops at.
const REVISION_SHAPES: Readonly<Record<string, string>> = {
  'after dict': `${HEAD}dict|x\n`,
  'after class A': `${HEAD}class A|x\n`,
  'after class A, before a colon and no body': `${HEAD}class A(B)|:\n`,
  'after a return arrow': `${HEAD}def f() ->|:\n    pass\n`,
  'after x =': `${HEAD}x =|)\n`,
  'after x, before a bracket': `${HEAD}x|)\n`,
  'after @x': `${HEAD}@x|)\n`,
  'after lambda': `${HEAD}lambda|)\n`,
  'after revision': 'revision|,\ndown_revision = None\n',
  'after revision:': 'revision:|=\ndown_revision = None\n',
  'after down_revision =': 'revision = "a1"\ndown_revision =|None x\n',
  'inside a tuple value': 'revision = ("a1"|, "b")\ndown_revision = None\n',
  'before a missing =': `${HEAD}foo|bar\n`,
  'inside the docstring': `"""dict|x\n"""\n${HEAD}`,
  'after Create Date:': `"""\nCreate Date:|x\n"""\n${HEAD}`,
  'inside a function body': `${HEAD}def upgrade():\n    return (|1)\n`,
  'inside an unclosed bracket in a body': `${HEAD}def upgrade():\n    f(|x\n`,
};

// Reads every shape with the public readRevisionFile in one child process, printing each name
// first, so a hang is killed at the budget and named.
const READ_ALL = `
import { readRevisionFile } from ${JSON.stringify(INDEX)};
const blanks = ' \\t'.repeat(${MEGABYTE / 2});
for (const [name, shape] of Object.entries(JSON.parse(process.env.SHAPES))) {
  console.log(name);
  const bytes = new TextEncoder().encode(shape.replace('|', blanks));
  // The readers alone (heads), then with the complete syntax check (check, the hooks).
  for (const completeSyntaxCheck of [false, true]) {
    try {
      readRevisionFile({ fileName: 'a1_x.py', displayPath: 'a1_x.py', bytes }, { constants: new Map(), completeSyntaxCheck });
    } catch (error) {
      if (error.name !== 'InputError') throw error;
    }
  }
}
console.log('done');
`;

function runNode(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout: number },
): Promise<{ status: number; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { ...options, maxBuffer: 64 * MEGABYTE, encoding: 'utf8' },
      (error, stdout, stderr) => {
        resolve({
          status: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
          killed: error?.killed === true,
        });
      },
    );
  });
}

test('the revision reader reads a megabyte of blanks in every pathological shape without hanging', async (t) => {
  const result = await runNode(['--input-type=module', '-e', READ_ALL], {
    env: { ...process.env, SHAPES: JSON.stringify(REVISION_SHAPES) },
    timeout: 60_000,
  });
  const reached = result.stdout.trim().split('\n');
  t.false(result.killed, `still reading "${reached.at(-1)}" after 60 s`);
  t.is(result.status, 0, result.stderr);
  t.deepEqual(reached, [...Object.keys(REVISION_SHAPES), 'done']);
});

test('heads reads a megabyte-long pathological revision file through the real scan', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write(
    'migrations/versions/b1_rev.py',
    `revision = "b1"\ndown_revision = "a1"\nclass A${blanks()}:\n    pass\n`,
  );
  const result = await runNode([BIN, 'heads'], { cwd: repo.root, env: repo.env, timeout: 30_000 });
  t.false(result.killed);
  t.is(result.status, 0, result.stderr);
  t.is(result.stdout, 'b1 (head)\n');
});

test('an ini value or a key without = of a megabyte of blanks is read without hanging', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write(
    'alembic.ini',
    `[alembic]\nscript_location = %(here)s/migrations\nfile_template = x${blanks()}y\n`,
  );
  const value = await runNode([BIN, 'heads'], { cwd: repo.root, env: repo.env, timeout: 30_000 });
  t.false(value.killed);
  t.is(value.status, 0, value.stderr);
  await repo.write(
    'alembic.ini',
    `[alembic]\nscript_location = %(here)s/migrations\nfile_template${blanks()}y\n`,
  );
  const noDelimiter = await runNode([BIN, 'heads'], {
    cwd: repo.root,
    env: repo.env,
    timeout: 30_000,
  });
  t.false(noDelimiter.killed);
  t.is(noDelimiter.status, 2);
  t.regex(noDelimiter.stderr, /alembic\.ini:3: /);
});

test('a template with a megabyte of blanks in a control line or a tag is refused without hanging', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await writeRevision(repo, 'b1', 'a1');
  await writeRevision(repo, 'c1', 'a1');
  for (const line of [`% if${blanks()}x`, `<%def a=${blanks()}b${blanks()}!`]) {
    await repo.write('migrations/script.py.mako', `revision = \${repr(up_revision)}\n${line}\n`);
    const result = await runNode([BIN, 'merge', '--dry-run'], {
      cwd: repo.root,
      env: { ...repo.env, GIT_ALEMBIC_PYTHON: '0' },
      timeout: 30_000,
    });
    t.false(result.killed, line.slice(0, 8));
    t.is(result.status, 2, result.stderr.slice(0, 300));
    t.regex(result.stderr, /script\.py\.mako:2: /);
  }
});

test('the merge driver reads a heads file with a megabyte of blanks on one line without hanging', async (t) => {
  const repo = await createTempRepo(t);
  const line = `${' '.repeat(MEGABYTE)}x\n`;
  await repo.write('base', '# heads\na1\n');
  await repo.write('ours', `# heads\nb1\n${line}`);
  await repo.write('theirs', '# heads\nc1\n');
  const result = await runNode([BIN, 'driver', 'base', 'ours', 'theirs', '7', 'heads.txt'], {
    cwd: repo.root,
    env: repo.env,
    timeout: 30_000,
  });
  t.false(result.killed);
  t.not(result.status, 70, result.stderr);
});

test('check compiles a 4 MB revision file of short string literals in linear time', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  const line = '    x = ("", "", "", "", "", "", "", "")\n';
  const body = line.repeat((4 * MEGABYTE) / line.length);
  await repo.write(
    'migrations/versions/b1_rev.py',
    `revision = "b1"\ndown_revision = "a1"\n\ndef upgrade():\n${body}`,
  );
  const result = await runNode([BIN, 'check'], { cwd: repo.root, env: repo.env, timeout: 30_000 });
  t.false(result.killed, 'each literal once searched the rest of the file for a backslash');
  t.is(result.status, 0, result.stderr);
});

test('a function body of tens of megabytes is read, not a stack overflow (exit 70)', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  const body = '    op.execute("x")\n'.repeat((24 * MEGABYTE) / 20);
  await repo.write(
    'migrations/versions/b1_rev.py',
    `revision = "b1"\ndown_revision = "a1"\n\ndef upgrade():\n${body}`,
  );
  const result = await runNode([BIN, 'heads'], { cwd: repo.root, env: repo.env, timeout: 60_000 });
  t.is(result.status, 0, result.stderr);
  t.is(result.stdout, 'b1 (head)\n');
  // check's complete syntax check stops at 4 MB: a file this size gets the readers' checks only.
  const check = await runNode([BIN, 'check'], { cwd: repo.root, env: repo.env, timeout: 60_000 });
  t.is(check.status, 0, check.stderr);
});

test('brackets nested a hundred thousand deep are a syntax error (exit 2), not a stack overflow', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write(
    'migrations/versions/b1_rev.py',
    `revision = "b1"\ndown_revision = "a1"\nx = ${'('.repeat(100_000)}${')'.repeat(100_000)}\n`,
  );
  const result = await runNode([BIN, 'heads'], { cwd: repo.root, env: repo.env, timeout: 30_000 });
  t.is(result.status, 2);
  t.regex(result.stderr, /b1_rev\.py:3: Python syntax error: too many nested parentheses/);
});

test('f-strings nested twenty thousand deep are a syntax error (exit 2), not a stack overflow', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write(
    'migrations/versions/b1_rev.py',
    `revision = "b1"\ndown_revision = "a1"\nx = ${'f"{'.repeat(20_000)}1${'}"'.repeat(20_000)}\n`,
  );
  for (const command of ['heads', 'check']) {
    const result = await runNode([BIN, command], {
      cwd: repo.root,
      env: repo.env,
      timeout: 30_000,
    });
    t.is(result.status, 2, command);
    t.regex(result.stderr, /b1_rev\.py:3: Python syntax error: too many nested f-strings/);
  }
});

test('graph of thousands of parallel heads stays proportional to the graph (a list past 64 lanes)', async (t) => {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  const count = 2000;
  await Promise.all(
    Array.from({ length: count }, (_, index) => writeRevision(repo, `h${index}`, 'a1')),
  );
  const result = await runNode([BIN, 'graph'], { cwd: repo.root, env: repo.env, timeout: 60_000 });
  t.is(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n');
  t.regex(lines[0] ?? '', /too wide to draw/);
  t.true(lines.includes('h0 (head, diverged) <- a1'));
  t.true(lines.includes('a1 (base)'));
  // One line per revision plus a few: the picture drawn would be thousands of columns wide.
  t.true(result.stdout.length < 60 * count, `${result.stdout.length} bytes`);
});
