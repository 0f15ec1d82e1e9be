// Colour only where it helps: on a terminal, unless NO_COLOR; FORCE_COLOR wins either way.
// Piped output (every real-CLI run here) never carries an escape sequence.
import test from 'ava';

import type { CommandContext, OutputStream } from '../../src/cli/context.js';
import { Printer, useColour } from '../../src/cli/output.js';
import { alembicFiles, runBin } from '../helpers/cli-process.js';
import { tempProject } from '../helpers/temp-project.js';

const ESC = '\u001B[';
const TTY: OutputStream = { write: () => true, isTTY: true };
const PIPE: OutputStream = { write: () => true };
const DIVERGED = alembicFiles({ a1: null, b1: 'a1', c1: 'a1' });

test('useColour: TTY, NO_COLOR, FORCE_COLOR and TERM=dumb', (t) => {
  t.true(useColour(TTY, {}));
  t.false(useColour(PIPE, {}));
  t.false(useColour(TTY, { NO_COLOR: '1' }));
  t.true(useColour(TTY, { NO_COLOR: '' }), 'an empty NO_COLOR does not count');
  t.false(useColour(TTY, { TERM: 'dumb' }));
  t.true(useColour(PIPE, { FORCE_COLOR: '1' }));
  t.true(useColour(PIPE, { FORCE_COLOR: '3', NO_COLOR: '1' }), 'FORCE_COLOR wins over NO_COLOR');
  t.false(useColour(TTY, { FORCE_COLOR: '0' }));
  t.false(useColour(TTY, { FORCE_COLOR: 'false' }));
});

test('Printer colours each stream by its own TTY', (t) => {
  const written: string[] = [];
  const ctx: CommandContext = {
    cwd: '/',
    env: {},
    stdout: PIPE,
    stderr: { write: (text: string) => written.push(text), isTTY: true },
    readStdin: async () => '',
  };
  const out = new Printer(ctx, 'normal');
  t.is(out.style('GA101', 'red'), 'GA101', 'stdout is a pipe');
  t.is(out.style('ok', 'green', 'stderr'), `${ESC}32mok${ESC}39m`);
  out.warn('careful');
  out.failure('bad', 'fix it');
  t.deepEqual(written, [
    `git-alembic: ${ESC}33mwarning${ESC}39m: careful\n`,
    `git-alembic: ${ESC}31mbad${ESC}39m${ESC}2m (hint: fix it)${ESC}22m\n`,
  ]);
});

test('piped: no escape sequence in findings, errors or verbose lines', async (t) => {
  const root = await tempProject(t, DIVERGED);
  for (const args of [['check', '-v'], ['heads', '-v'], ['graph'], ['nope']]) {
    const run = await runBin(root, args, { TERM: 'xterm-256color' });
    t.false(run.stdout.includes(ESC) || run.stderr.includes(ESC), args.join(' '));
    t.false(run.stderr.includes('\r'), 'no progress line');
  }
});

test('FORCE_COLOR=1: the finding ID red, the hint label dim', async (t) => {
  const root = await tempProject(t, DIVERGED);
  const run = await runBin(root, ['check'], { FORCE_COLOR: '1' });
  t.is(run.status, 1);
  t.deepEqual(run.stdout.split('\n'), [
    `${ESC}31mGA101${ESC}39m alembic.ini: 2 heads on one branch: b1 (migrations/versions/b1_rev.py) and c1 (migrations/versions/c1_rev.py), forked from a1 (migrations/versions/a1_rev.py)`,
    '  migrations/versions/b1_rev.py:1',
    '  migrations/versions/c1_rev.py:1',
    `  ${ESC}2mhint:${ESC}22m run \`git-alembic merge\` and commit the merge revision it writes (what \`alembic merge heads\` would write)`,
    '',
  ]);
});

test('FORCE_COLOR=1: the error line red, its hint dim', async (t) => {
  const run = await runBin(process.cwd(), ['nope'], { FORCE_COLOR: '1' });
  t.is(
    run.stderr,
    `git-alembic: ${ESC}31munknown command 'nope'${ESC}39m${ESC}2m (hint: run \`git-alembic --help\` for the list of commands)${ESC}22m\n`,
  );
});

test('NO_COLOR beside FORCE_COLOR=0: plain', async (t) => {
  const root = await tempProject(t, DIVERGED);
  const run = await runBin(root, ['check'], { FORCE_COLOR: '0', NO_COLOR: '1' });
  t.false(run.stdout.includes(ESC));
  t.true(
    run.stdout.startsWith(
      'GA101 alembic.ini: 2 heads on one branch: b1 (migrations/versions/b1_rev.py) and c1 (migrations/versions/c1_rev.py), forked from a1 (migrations/versions/a1_rev.py)\n',
    ),
  );
});

test('--format github and --json stay plain even with FORCE_COLOR', async (t) => {
  const root = await tempProject(t, DIVERGED);
  for (const format of ['github', 'json']) {
    const run = await runBin(root, ['check', '--format', format], { FORCE_COLOR: '1' });
    t.false(run.stdout.includes(ESC), format);
  }
});
