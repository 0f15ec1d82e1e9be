// Every failure ends in one line on stderr, `git-alembic: <what> (hint: <how to fix>)`, with the
// exit status of its kind; GIT_ALEMBIC_DEBUG=1 adds the stack trace. Through the real CLI,
// except the internal error, which needs a fault injected in-process.
import os from 'node:os';
import test from 'ava';

import { main, oneLine } from '../../src/cli/main.js';
import { alembicFiles, runBin } from '../helpers/cli-process.js';
import { tempProject } from '../helpers/temp-project.js';

const CWD = os.tmpdir();

const usage = test.macro(async (t, args: readonly string[], line: string) => {
  t.deepEqual(await runBin(CWD, args), { status: 64, stdout: '', stderr: `${line}\n` });
});

test(
  'unknown command',
  usage,
  ['nope'],
  "git-alembic: unknown command 'nope' (hint: run `git-alembic --help` for the list of commands)",
);
test(
  'a misspelt command',
  usage,
  ['chek'],
  "git-alembic: unknown command 'chek' (hint: did you mean `git-alembic check`?)",
);
test(
  'an option before the command',
  usage,
  ['-q', 'check'],
  "git-alembic: unknown option '-q' (hint: options go after the command, as in `git-alembic check -q`)",
);
test(
  'unknown option',
  usage,
  ['heads', '--bogus'],
  "git-alembic: unknown option '--bogus' (hint: run `git-alembic heads --help`)",
);
test(
  'a misspelt option',
  usage,
  ['graph', '--formt', 'dot'],
  "git-alembic: unknown option '--formt' (hint: did you mean `--format`?)",
);
test(
  'a misspelt option with its value',
  usage,
  ['check', '--formt=json'],
  "git-alembic: unknown option '--formt' (hint: did you mean `--format`?)",
);
test(
  'a misspelt option, dashes aside',
  usage,
  ['merge', '--dryrun'],
  "git-alembic: unknown option '--dryrun' (hint: did you mean `--dry-run`?)",
);
test(
  'unknown short option, on a command that takes arguments',
  usage,
  ['merge', '-x'],
  "git-alembic: unknown option '-x' (hint: run `git-alembic merge --help`)",
);
test(
  'an option without its value',
  usage,
  ['heads', '-c'],
  'git-alembic: option --config needs a value (FILE) (hint: run `git-alembic heads --help`)',
);
test(
  'a value for a flag',
  usage,
  ['check', '--json=yes'],
  'git-alembic: option --json takes no value (hint: run `git-alembic check --help`)',
);
test(
  'an argument where none are taken',
  usage,
  ['graph', 'extra'],
  "git-alembic: graph takes no arguments, got 'extra' (hint: run `git-alembic graph --help`)",
);
test(
  'bad check --format',
  usage,
  ['check', '--format', 'xml'],
  "git-alembic: unknown --format 'xml' (hint: use text, json or github)",
);
test(
  'bad graph --format',
  usage,
  ['graph', '-f', 'svg'],
  "git-alembic: unknown --format 'svg' (hint: use ascii, mermaid, markdown or dot)",
);
test(
  'bad setup --hooks',
  usage,
  ['setup', '--hooks', 'lefthook'],
  "git-alembic: unknown --hooks 'lefthook' (hint: use husky or pre-commit)",
);

test('a missing config file: exit 2, the file named', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null }));
  t.deepEqual(await runBin(root, ['heads', '-c', 'nothere.ini']), {
    status: 2,
    stdout: '',
    stderr: 'git-alembic: nothere.ini: Alembic config file not found\n',
  });
});

test('no Alembic environment: exit 2 with a hint', async (t) => {
  const root = await tempProject(t, { 'README.md': 'nothing here\n' });
  const run = await runBin(root, ['check']);
  t.is(run.status, 2);
  t.is(
    run.stderr,
    `git-alembic: no Alembic environment found from ${root} (hint: run inside a repository with an Alembic ini (a section with script_location) or a pyproject.toml with [tool.alembic], pass -c FILE, or list environments in the git-alembic config)\n`,
  );
});

test('a revision file Python cannot import: exit 2, file and line', async (t) => {
  const root = await tempProject(t, {
    ...alembicFiles({ a1: null }),
    'migrations/versions/b1_rev.py': 'revision = "b1"\ndown_revision = (\n',
  });
  const run = await runBin(root, ['check']);
  t.is(run.status, 2);
  t.is(
    run.stderr,
    "git-alembic: migrations/versions/b1_rev.py:2: Python syntax error: '(' was never closed (Alembic cannot import this file either)\n",
  );
});

test('a revision naming a parent that does not exist: exit 2, one line with its hint', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null, b1: 'zz' }));
  const run = await runBin(root, ['heads']);
  t.is(run.status, 2);
  t.is(
    run.stderr,
    "git-alembic: migrations/versions/b1_rev.py:1: down_revision of revision b1 names 'zz', which no revision file defines (Alembic: KeyError: 'zz') (hint: was the file that defines it deleted or renamed, or is its directory missing from version_locations?)\n",
  );
});

test('an invalid git-alembic config: exit 2, file and key', async (t) => {
  const root = await tempProject(t, {
    ...alembicFiles({ a1: null }),
    '.git-alembicrc.json': '{"bogus": 1}\n',
    '.git/': '',
  });
  t.deepEqual(await runBin(root, ['heads']), {
    status: 2,
    stdout: '',
    stderr: 'git-alembic: .git-alembicrc.json: bogus: unknown key\n',
  });
});

test('a git-alembic config that is not JSON stays one line, with the file and line', async (t) => {
  const root = await tempProject(t, {
    ...alembicFiles({ a1: null }),
    '.git-alembicrc.json': '{"environments": [\n\n',
    '.git/': '',
  });
  const run = await runBin(root, ['heads']);
  t.is(run.status, 2);
  t.is(
    run.stderr,
    'git-alembic: .git-alembicrc.json:3: cannot load the git-alembic config: invalid JSON: unexpected end of file (column 1)\n',
  );
});

test('--cwd naming no directory: exit 2 instead of an internal error', async (t) => {
  t.deepEqual(await runBin(CWD, ['setup', '--cwd', 'no-such-dir-here']), {
    status: 2,
    stdout: '',
    stderr:
      'git-alembic: --cwd no-such-dir-here: no such directory (hint: name the directory with the package.json (or a subdirectory of the repository), relative to here)\n',
  });
});

test('GIT_ALEMBIC_DEBUG=1 adds the stack trace after the same line', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null, b1: 'zz' }));
  const run = await runBin(root, ['heads'], { GIT_ALEMBIC_DEBUG: '1' });
  const [first, second] = run.stderr.split('\n');
  t.is(run.status, 2);
  t.true(
    first?.startsWith(
      "git-alembic: migrations/versions/b1_rev.py:1: down_revision of revision b1 names 'zz'",
    ),
  );
  t.regex(second ?? '', /^UnknownReferenceError: /);
  t.true(run.stderr.includes('    at '));
});

// A stdout that fails is a fault no user input can cause: it reaches the internal-error path.
function brokenContext(env: Record<string, string | undefined>) {
  let stderr = '';
  const ctx = {
    cwd: CWD,
    env,
    stdout: {
      write: (): never => {
        throw new TypeError('stdout\nis broken');
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => '',
  };
  return { ctx, stderr: () => stderr };
}

test('an internal error: one line, exit 70, pointing at GIT_ALEMBIC_DEBUG', async (t) => {
  const { ctx, stderr } = brokenContext({});
  t.is(await main(['--help'], ctx), 70);
  t.is(
    stderr(),
    'git-alembic: internal error: stdout is broken (hint: this is a bug in git-alembic; run again with GIT_ALEMBIC_DEBUG=1 and report the stack trace)\n',
  );
});

test('an internal error with GIT_ALEMBIC_DEBUG=1: the line, then the stack', async (t) => {
  const { ctx, stderr } = brokenContext({ GIT_ALEMBIC_DEBUG: '1' });
  t.is(await main(['--help'], ctx), 70);
  const lines = stderr().split('\n');
  t.is(lines[0], 'git-alembic: internal error: stdout is broken');
  t.is(lines[1], 'TypeError: stdout');
  t.true(stderr().includes('    at '));
});

test('oneLine joins the lines of a message quoted from elsewhere', (t) => {
  t.is(
    oneLine('JSON Error in a.json:\n\n  Unexpected token }\r\n'),
    'JSON Error in a.json: Unexpected token }',
  );
  t.is(oneLine('one line'), 'one line');
  t.is(oneLine('fatal: bad\rhint: do this'), 'fatal: bad hint: do this');
});
