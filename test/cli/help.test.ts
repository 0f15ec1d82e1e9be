// --help of every command through the real CLI: the usage line, every option line and an
// example line, asserted exactly (no snapshots), plus --version and `help <command>`.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import test from 'ava';

import { runBin } from '../helpers/cli-process.js';

const CWD = os.tmpdir();
const QUIET = '  -q, --quiet         print only results, warnings and errors';
const VERBOSE = '  -v, --verbose       print more detail (what was read, and how long it took)';
const HELP = '  -h, --help          show this help';
const CONFIG = '  -c, --config FILE   alembic.ini or pyproject.toml to read (default: discover)';
const NAME = '  -n, --name SECTION  ini section of the environment (default: alembic)';

/** What `git-alembic <command> --help` must contain, line for line. */
interface HelpCase {
  readonly usage: string;
  readonly options: readonly string[];
  readonly example: string;
}

const CASES: Readonly<Record<string, HelpCase>> = {
  heads: {
    usage: 'Usage: git-alembic heads [-c FILE] [-n SECTION] [--json] [--write]',
    options: [
      CONFIG,
      NAME,
      '      --json          print {"environments":[{name, config, heads, realHeads, bases, revisions}]}',
      '      --write         rewrite stale or missing heads files instead of listing heads',
      HELP,
      QUIET,
      VERBOSE,
    ],
    example: '  git-alembic heads --json | jq ".environments[].heads"',
  },
  check: {
    usage: 'Usage: git-alembic check [-c FILE] [-n SECTION] [--json | --format text|json|github]',
    options: [
      '  -c, --config FILE    alembic.ini or pyproject.toml to read (default: discover)',
      '  -n, --name SECTION   ini section of the environment (default: alembic)',
      '      --json           same as --format json',
      '      --format FORMAT  text (default), json, or github (workflow annotations)',
      '  -h, --help           show this help',
      '  -q, --quiet          print only results, warnings and errors',
      '  -v, --verbose        print more detail (what was read, and how long it took)',
    ],
    example: '  git-alembic check --format github   # in a GitHub Actions workflow',
  },
  merge: {
    usage:
      'Usage: git-alembic merge [-c FILE] [-n SECTION] [-m MSG] [--rev-id ID] [--random-id] [--date DATE] [--dry-run] [HEAD...]',
    options: [
      CONFIG,
      NAME,
      '  -m, --message MSG   message of the merge (default: the configured one, "merge heads {heads}")',
      '      --rev-id ID     use this revision id',
      "      --random-id     Alembic's behaviour: a random id (uuid4().hex[-12:]) and the current time",
      '      --date DATE     Create Date "YYYY-MM-DD HH:MM:SS[.ffffff]", wall clock in the configured timezone',
      '      --dry-run       print the path and content; write nothing',
      HELP,
      QUIET,
      VERBOSE,
    ],
    example: '  git-alembic merge --dry-run            # show what would be written',
  },
  'merge-branch': {
    usage: 'Usage: git-alembic merge-branch [-m MSG] [--no-commit] REF',
    options: [
      "  -m, --message MSG  message of the merge commit (default: git's own)",
      '      --no-commit    merge and stage the merge revision, but leave the commit to you',
      '  -h, --help         show this help',
      '  -q, --quiet        print only results, warnings and errors',
      '  -v, --verbose      print more detail (what was read, and how long it took)',
    ],
    example:
      '  git fetch origin && npx git-alembic merge-branch origin/main   # bring main into this branch',
  },
  graph: {
    usage: 'Usage: git-alembic graph [-c FILE] [-n SECTION] [--format ascii|mermaid|markdown|dot]',
    options: [
      '  -c, --config FILE    alembic.ini or pyproject.toml to read (default: discover)',
      '  -n, --name SECTION   ini section of the environment (default: alembic)',
      '  -f, --format FORMAT  ascii (default), mermaid, markdown (mermaid in a fence: renders on GitHub/GitLab) or dot (Graphviz)',
      '  -h, --help           show this help',
      '  -q, --quiet          print only results, warnings and errors',
      '  -v, --verbose        print more detail (what was read, and how long it took)',
    ],
    example: '  git-alembic graph --format markdown > docs/migrations.md',
  },
  setup: {
    usage:
      'Usage: git-alembic setup [--cwd DIR] [--yes] [--no-install] [--hooks husky|pre-commit] [-c FILE] [-n SECTION] | --prepare',
    options: [
      '  -c, --config FILE             alembic.ini or pyproject.toml to read (default: discover)',
      '  -n, --name SECTION            ini section of the environment (default: alembic)',
      '      --cwd DIR                 the directory to set up (with or below a package.json); default: here',
      '  -y, --yes                     create a minimal private package.json (and ignore node_modules/) when there is none',
      '      --no-install              do not run the package manager to update the lock file; print what to run',
      '      --prepare                 only register the driver and husky; for the npm prepare script',
      '      --hooks husky|pre-commit  the hook manager to set up for (default: the one the repository uses)',
      '      --pre-commit              same as --hooks pre-commit: the Python pre-commit framework',
      "      --pre-commit-repo URL     with pre-commit: the `repo:` of our entry (default: this package's repository)",
      '      --pre-commit-rev REV      with pre-commit: its `rev:` (default: v<this version>)',
      '  -h, --help                    show this help',
      '  -q, --quiet                   print only results, warnings and errors',
      '  -v, --verbose                 print more detail (what was read, and how long it took)',
    ],
    example: '  npx git-alembic setup --cwd frontend     # package.json in a subdirectory',
  },
  uninstall: {
    usage: 'Usage: git-alembic uninstall [--cwd DIR]',
    options: [
      '      --cwd DIR  the directory setup ran in (with or below its package.json); default: here',
      '  -h, --help     show this help',
      '  -q, --quiet    print only results, warnings and errors',
      '  -v, --verbose  print more detail (what was read, and how long it took)',
    ],
    example: '  npx git-alembic uninstall',
  },
  doctor: {
    usage: 'Usage: git-alembic doctor [--json]',
    options: [
      '      --json     print {"ok": …, "hooks": …, "findings": […]}',
      '  -h, --help     show this help',
      '  -q, --quiet    print only results, warnings and errors',
      '  -v, --verbose  print more detail (what was read, and how long it took)',
    ],
    example: '  npx git-alembic doctor',
  },
  driver: {
    usage: 'Usage: git-alembic driver %O %A %B %L %P',
    // git owns the driver's arguments: only a lone --help is ours.
    options: ['  -h, --help  show this help'],
    example:
      '  git config merge.git-alembic.driver "node_modules/.bin/git-alembic driver %O %A %B %L %P"',
  },
  hook: {
    usage:
      'Usage: git-alembic hook <post-merge|pre-commit|post-rewrite|post-commit> [ARGS...] | pre-commit-framework [post-commit]',
    options: ['  -h, --help  show this help'],
    example:
      '  git-alembic hook post-merge 0          # as .husky/post-merge runs it after `git merge`',
  },
  demo: {
    usage: 'Usage: git-alembic demo [--clean]',
    options: [
      '      --clean    remove the temporary repository at the end',
      '  -h, --help     show this help',
      '  -q, --quiet    print only results, warnings and errors',
      '  -v, --verbose  print more detail (what was read, and how long it took)',
    ],
    example: '  git-alembic demo --clean',
  },
};

// The lines between "Options:" and the next blank line.
function optionBlock(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Options:');
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

const commandHelp = test.macro(async (t, command: string) => {
  const expected = CASES[command] as HelpCase;
  const run = await runBin(CWD, [command, '--help']);
  t.is(run.status, 0);
  t.is(run.stderr, '');
  const lines = run.stdout.split('\n');
  t.is(lines[0], expected.usage);
  t.deepEqual(optionBlock(run.stdout), expected.options);
  t.true(lines.includes('Examples:'));
  t.true(lines.includes(expected.example), `example line: ${expected.example}`);
  t.true(run.stdout.endsWith('\n') && !run.stdout.endsWith('\n\n'));
});

for (const command of Object.keys(CASES)) test(`${command} --help`, commandHelp, command);

test('every command has a help case here', async (t) => {
  const run = await runBin(CWD, ['--help']);
  const listed = run.stdout
    .split('\n')
    .filter((line) => /^ {2}[a-z-]+ {2,}\S/.test(line) && !line.includes('#'))
    .map((line) => line.trim().split(/\s+/)[0]);
  t.deepEqual(listed, Object.keys(CASES));
});

test('--help: usage, commands, options and examples of the program', async (t) => {
  const run = await runBin(CWD, ['--help']);
  t.is(run.status, 0);
  const lines = run.stdout.split('\n');
  t.is(lines[0], 'Usage: git-alembic <command> [options]');
  t.true(lines.includes('  heads         list the heads of each Alembic environment'));
  t.true(
    lines.includes(
      '  check         fail when an environment has diverged (two heads on one branch)',
    ),
  );
  t.true(
    lines.includes(
      '  merge-branch  git merge a branch with git-alembic applied, in any clone (no setup needed)',
    ),
  );
  t.deepEqual(optionBlock(run.stdout), [
    '  -h, --help     show this help',
    '  -V, --version  print the version',
  ]);
  t.true(
    lines.includes('Every command but driver and hook also takes -q/--quiet and -v/--verbose.'),
  );
  t.true(
    lines.includes(
      '  npx git-alembic setup         # heads files, merge driver and hooks in this repository',
    ),
  );
});

test('no arguments: the program help, and exit 64', async (t) => {
  const run = await runBin(CWD, []);
  t.is(run.status, 64);
  t.is(run.stdout.split('\n')[0], 'Usage: git-alembic <command> [options]');
});

test('`help <command>` is `<command> --help`', async (t) => {
  const [viaHelp, viaFlag] = await Promise.all([
    runBin(CWD, ['help', 'check']),
    runBin(CWD, ['check', '-h']),
  ]);
  t.is(viaHelp.status, 0);
  t.is(viaHelp.stdout, viaFlag.stdout);
});

test('--version and -V print the version in package.json', async (t) => {
  const { version } = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  for (const flag of ['--version', '-V'])
    t.deepEqual(await runBin(CWD, [flag]), { status: 0, stdout: `${version}\n`, stderr: '' });
});
