// The progress indicator, with a fake clock, a fake timer and a fake terminal: silent for the
// first second, at most ten redraws a second, erased when done; never on a pipe or with -q.
import test from 'ava';

import type { CommandContext } from '../../src/cli/context.js';
import { reportLoading } from '../../src/cli/load-report.js';
import { Printer } from '../../src/cli/output.js';
import { ProgressIndicator, progressEnabled } from '../../src/cli/progress.js';
import type { Verbosity } from '../../src/runtime/output.js';
import type { AlembicEnvironment } from '../../src/alembic/environment.js';
import type { Workspace } from '../../src/project/workspace.js';

const ERASE = '\r\u001B[K';

/** A terminal that records writes, a clock the test moves, and a timer the test fires. */
function fakes(isTTY = true) {
  const writes: string[] = [];
  let now = 0;
  const timers: Array<() => void> = [];
  let cancelled = 0;
  return {
    writes,
    stream: { write: (text: string) => writes.push(text), isTTY },
    now: () => now,
    advance: (ms: number) => (now += ms),
    schedule: (tick: () => void) => {
      timers.push(tick);
      return () => (cancelled += 1);
    },
    fire: () => {
      for (const tick of timers) tick();
    },
    timers,
    cancelled: () => cancelled,
  };
}

function indicator(fake: ReturnType<typeof fakes>, enabled = true): ProgressIndicator {
  return new ProgressIndicator({
    stream: fake.stream,
    enabled,
    now: fake.now,
    schedule: fake.schedule,
  });
}

test('nothing in the first second: a fast load prints nothing, not even the erase', (t) => {
  const fake = fakes();
  const progress = indicator(fake);
  progress.update('reading revisions…');
  fake.advance(999);
  progress.update('reading revisions… 10/20');
  fake.fire();
  progress.stop();
  t.deepEqual(fake.writes, []);
  t.is(fake.cancelled(), 1, 'the timer is cancelled');
});

test('after a second: drawn, redrawn at most every 100 ms, erased at the end', (t) => {
  const fake = fakes();
  const progress = indicator(fake);
  fake.advance(1000);
  progress.update('reading revisions… 4,200/10,000');
  fake.advance(50);
  progress.update('reading revisions… 4,300/10,000');
  fake.advance(50);
  progress.update('reading revisions… 4,400/10,000');
  fake.advance(100);
  progress.update('reading revisions… 4,400/10,000');
  progress.stop();
  progress.stop();
  t.deepEqual(fake.writes, [
    `${ERASE}reading revisions… 4,200/10,000`,
    `${ERASE}reading revisions… 4,400/10,000`,
    ERASE,
  ]);
});

test('the timer draws the latest text while no update comes', (t) => {
  const fake = fakes();
  const progress = indicator(fake);
  progress.update('looking for Alembic environments…');
  fake.fire();
  fake.advance(1200);
  fake.fire();
  fake.fire();
  t.deepEqual(fake.writes, [`${ERASE}looking for Alembic environments…`]);
  progress.stop();
  fake.fire();
  t.deepEqual(
    fake.writes,
    [`${ERASE}looking for Alembic environments…`, ERASE],
    'nothing after stop',
  );
});

test('erase clears the line for other output; the next update draws it again at once', (t) => {
  const fake = fakes();
  const progress = indicator(fake);
  fake.advance(1500);
  progress.update('reading revisions…');
  progress.erase();
  progress.erase();
  progress.update('reading revisions…');
  t.deepEqual(fake.writes, [`${ERASE}reading revisions…`, ERASE, `${ERASE}reading revisions…`]);
});

test('disabled: never writes and never starts a timer', (t) => {
  const fake = fakes();
  const progress = indicator(fake, false);
  fake.advance(5000);
  progress.update('reading revisions…');
  progress.stop();
  t.deepEqual(fake.writes, []);
  t.is(fake.timers.length, 0);
});

test('progressEnabled: a terminal, not TERM=dumb, not --quiet', (t) => {
  t.true(progressEnabled({ write: () => true, isTTY: true }, {}, false));
  t.false(progressEnabled({ write: () => true, isTTY: true }, {}, true));
  t.false(progressEnabled({ write: () => true }, {}, false));
  t.false(progressEnabled({ write: () => true, isTTY: true }, { TERM: 'dumb' }, false));
  t.true(
    progressEnabled({ write: () => true, isTTY: true }, { NO_COLOR: '1' }, false),
    'NO_COLOR is about colour only',
  );
});

const ENVIRONMENT = {
  name: 'billing',
  configFile: '/repo/billing/alembic.ini',
  section: 'alembic',
  versionLocations: ['/repo/billing/migrations/versions'],
} as unknown as AlembicEnvironment;
const WORKSPACE = {
  repoRoot: '/repo',
  config: { file: undefined },
  environments: [ENVIRONMENT, ENVIRONMENT],
} as unknown as Workspace;

function runtime(fake: ReturnType<typeof fakes>, verbosity: Verbosity) {
  // NO_COLOR keeps verbose lines plain here; it does not touch progress.
  const ctx: CommandContext = {
    cwd: '/repo',
    env: { NO_COLOR: '1' },
    stdout: { write: () => true },
    stderr: fake.stream,
    readStdin: async () => '',
  };
  return { ctx, out: new Printer(ctx, verbosity) };
}

// A slow two-environment load: 2 s to discover, then 800 ms per environment with file counts.
async function slowLoad(
  fake: ReturnType<typeof fakes>,
  observer: Parameters<Parameters<typeof reportLoading>[1]>[0],
): Promise<string> {
  fake.advance(2000);
  fake.fire();
  observer.opened?.(WORKSPACE);
  for (const index of [0, 1]) {
    observer.reading?.(ENVIRONMENT, index, 2);
    fake.advance(400);
    observer.progress?.(ENVIRONMENT, 500, 1000);
    fake.advance(400);
    observer.read?.(ENVIRONMENT, 1000);
  }
  return 'loaded';
}

test('reportLoading: discovery, then each environment with its file count, then erased', async (t) => {
  const fake = fakes();
  t.is(
    await reportLoading(runtime(fake, 'normal'), (observer) => slowLoad(fake, observer), fake),
    'loaded',
  );
  t.deepEqual(fake.writes, [
    `${ERASE}looking for Alembic environments…`,
    // "environment 1/2" came in the same instant as the line above: throttled, then replaced.
    `${ERASE}reading revisions… environment 1/2, 500/1,000`,
    `${ERASE}reading revisions… environment 2/2`,
    `${ERASE}reading revisions… environment 2/2, 500/1,000`,
    ERASE,
  ]);
});

test('reportLoading -v: each verbose line starts on a clean line, with the time the reading took', async (t) => {
  const fake = fakes();
  await reportLoading(runtime(fake, 'verbose'), (observer) => slowLoad(fake, observer), fake);
  t.deepEqual(fake.writes, [
    `${ERASE}looking for Alembic environments…`,
    ERASE,
    'git-alembic: project config: none (defaults)\n',
    'git-alembic: environment billing: config billing/alembic.ini [alembic], version locations billing/migrations/versions\n',
    `${ERASE}reading revisions… environment 1/2`,
    `${ERASE}reading revisions… environment 1/2, 500/1,000`,
    ERASE,
    'git-alembic: environment billing: read 1000 revision files in 800 ms\n',
    'git-alembic: environment billing: config billing/alembic.ini [alembic], version locations billing/migrations/versions\n',
    `${ERASE}reading revisions… environment 2/2`,
    `${ERASE}reading revisions… environment 2/2, 500/1,000`,
    ERASE,
    'git-alembic: environment billing: read 1000 revision files in 800 ms\n',
  ]);
});

test('reportLoading -q and on a pipe: nothing at all', async (t) => {
  for (const [fake, verbosity] of [
    [fakes(true), 'quiet'],
    [fakes(false), 'normal'],
  ] as const) {
    await reportLoading(runtime(fake, verbosity), (observer) => slowLoad(fake, observer), fake);
    t.deepEqual(fake.writes, []);
  }
});

test('reportLoading erases the line when loading fails, so the error starts clean', async (t) => {
  const fake = fakes();
  const failing = reportLoading(
    runtime(fake, 'normal'),
    async () => {
      fake.advance(1500);
      fake.fire();
      throw new Error('broken');
    },
    fake,
  );
  await t.throwsAsync(failing, { message: 'broken' });
  t.deepEqual(fake.writes, [`${ERASE}looking for Alembic environments…`, ERASE]);
});
