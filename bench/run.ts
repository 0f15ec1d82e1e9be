// `npm run bench`: whole-process medians of git-alembic against Alembic on synthetic histories.
// Not a test: it prints figures for the issue notes; targets are printed next to them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  BIN,
  type Command,
  interleave,
  medianMs,
  nodeEnvironment,
  ours,
  peakRssMb,
  pythonEnvironment,
} from './measure.js';
import { benchCommits } from './commit-bench.js';
import { benchDriver } from './driver-bench.js';
import { benchHooks } from './hook-bench.js';
import { gitEnvironment, gitIn } from './hook-repository.js';
import { benchMerge } from './merge-bench.js';
import { writeSyntheticHistory } from './synthetic-history.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
// BENCH_ONLY=heads,commits (say): only those parts, while working on one of them.
const ONLY = process.env['BENCH_ONLY']?.split(',');
const PARTS = ['heads', 'merge', 'driver', 'hooks', 'commits'] as const;
// The Alembic to compare with; GIT_ALEMBIC_PYTHON is git-alembic's own variable (off here: see measure.ts).
const PYTHON = process.env['GIT_ALEMBIC_ORACLE_PYTHON'] ?? '/usr/bin/python3';

function hasAlembic(): boolean {
  return spawnSync(PYTHON, ['-c', 'import alembic'], { stdio: 'ignore' }).status === 0;
}

function alembic(label: string, cwd: string, args: readonly string[]): Command {
  return { label, argv: [PYTHON, '-m', 'alembic', ...args], cwd, env: pythonEnvironment() };
}

function line(label: string, ms: number, extra = ''): void {
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${extra}`);
}

// The same history twice: in a plain directory (no git, so no revision cache) and committed in a
// repository (where heads keeps the revision cache in .git, warmed by the first round).
function benchHeads(root: string): void {
  const small = join(root, 'h1000');
  writeSyntheticHistory(small, 1000);
  const committed = join(root, 'h1000-git');
  writeSyntheticHistory(committed, 1000);
  const git = gitIn(committed, gitEnvironment(root));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'history');
  console.log(`heads at 1,000 revisions (~5 KB each), median of ${ROUNDS}, interleaved:`);
  const commands = [
    ours('git-alembic heads (no cache)', small, ['heads']),
    ours('git-alembic heads (cache)', committed, ['heads']),
  ];
  if (hasAlembic())
    commands.push(alembic('alembic heads (Python, bytecode cache warm)', small, ['heads']));
  const [plain = [], cached = [], theirs] = interleave(commands, ROUNDS);
  const [plainMs, cachedMs] = [medianMs(plain), medianMs(cached)];
  line('git-alembic heads, no cache', plainMs, `   peak RSS ${peakRssMb(plain).toFixed(0)} MB`);
  line(
    'git-alembic heads, revision cache warm',
    cachedMs,
    `   peak RSS ${peakRssMb(cached).toFixed(0)} MB`,
  );
  if (theirs) {
    const theirMs = medianMs(theirs);
    line('alembic heads', theirMs);
    console.log(
      `  speed-up, no cache: ${(theirMs / plainMs).toFixed(1)}x   (target: >= 5x; ${theirMs / plainMs >= 5 ? 'met' : 'NOT met'})`,
    );
    console.log(`  speed-up, cache warm: ${(theirMs / cachedMs).toFixed(1)}x`);
  } else {
    console.log('  (alembic not installed for python3: comparison skipped)');
  }

  const large = join(root, 'h10000');
  writeSyntheticHistory(large, 10_000);
  console.log(`heads at 10,000 revisions, median of ${ROUNDS}:`);
  const [largeSamples = []] = interleave([ours('git-alembic heads', large, ['heads'])], ROUNDS);
  line(
    'git-alembic heads',
    medianMs(largeSamples),
    `   peak RSS ${peakRssMb(largeSamples).toFixed(0)} MB   (targets: <= 1000 ms, <= 200 MB)`,
  );
}

const root = mkdtempSync(join(realpathSync(tmpdir()), 'git-alembic-bench-'));
try {
  line(
    'node -e 0 (for scale)',
    medianMs(
      interleave(
        [{ label: 'node', argv: [process.execPath, '-e', '0'], cwd: root, env: nodeEnvironment() }],
        ROUNDS,
      )[0] ?? [],
    ),
  );
  const runs: Record<(typeof PARTS)[number], () => void> = {
    heads: () => benchHeads(root),
    merge: () =>
      benchMerge({ root, bin: BIN, python: hasAlembic() ? PYTHON : undefined, rounds: ROUNDS }),
    driver: () => benchDriver({ root, bin: BIN, rounds: ROUNDS }),
    hooks: () => benchHooks({ root, bin: BIN, rounds: ROUNDS }),
    commits: () => benchCommits({ root, bin: BIN, rounds: ROUNDS }),
  };
  for (const part of PARTS) if (ONLY === undefined || ONLY.includes(part)) runs[part]();
} finally {
  rmSync(root, { recursive: true, force: true });
}
