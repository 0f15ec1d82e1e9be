// The merge benchmark: `git-alembic merge` against `alembic merge heads` on a 1,000-revision
// project ending in two heads. Each run writes a merge revision, so the generated file is deleted
// before every run and both tools always start from the same history.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import {
  type Command,
  measure,
  medianMs,
  nodeEnvironment,
  pythonEnvironment,
  type Sample,
} from './measure.js';
import { writeSyntheticHistory } from './synthetic-history.js';

/** Where the programs are. */
export interface MergeBenchSetup {
  readonly root: string;
  readonly bin: string;
  /** A python with Alembic, or undefined to time git-alembic alone. */
  readonly python: string | undefined;
  readonly rounds: number;
}

/**
 * Removes the revision files the merge added, so the next run merges the same two heads again.
 * Alembic's `__pycache__` stays: its bytecode cache is what a user's second run has.
 */
function resetter(directory: string): () => void {
  const versions = join(directory, 'migrations', 'versions');
  const original = new Set(readdirSync(versions));
  return () => {
    for (const name of readdirSync(versions))
      if (name.endsWith('.py') && !original.has(name))
        rmSync(join(versions, name), { force: true });
  };
}

// One warm-up run each (Python writes its bytecode cache then), then the rounds, interleaved.
function timeInterleaved(
  commands: ReadonlyArray<{ command: Command; reset: () => void }>,
  rounds: number,
): Sample[][] {
  for (const { command, reset } of commands) {
    reset();
    measure(command);
  }
  const samples: Sample[][] = commands.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    commands.forEach(({ command, reset }, index) => {
      reset();
      samples[index]?.push(measure(command));
    });
  }
  for (const { reset } of commands) reset();
  return samples;
}

/** Prints the medians and the speed-up. */
export function benchMerge(setup: MergeBenchSetup): void {
  const ours = join(setup.root, 'm1000-ours');
  const theirs = join(setup.root, 'm1000-alembic');
  writeSyntheticHistory(ours, 1000);
  writeSyntheticHistory(theirs, 1000);
  console.log(
    `merge at 1,000 revisions (two heads), median of ${setup.rounds}, interleaved, generated file removed before each run:`,
  );
  const commands = [
    {
      command: {
        label: 'git-alembic merge',
        argv: [process.execPath, setup.bin, 'merge'],
        cwd: ours,
        env: nodeEnvironment(),
      },
      reset: resetter(ours),
    },
  ];
  if (setup.python !== undefined) {
    const command = {
      label: 'alembic merge heads',
      argv: [setup.python, '-m', 'alembic', 'merge', 'heads'],
      cwd: theirs,
      env: pythonEnvironment(),
    };
    commands.push({ command, reset: resetter(theirs) });
  }
  const [oursSamples = [], theirSamples] = timeInterleaved(commands, setup.rounds);
  const oursMs = medianMs(oursSamples);
  console.log(`  ${'git-alembic merge'.padEnd(44)} ${oursMs.toFixed(1).padStart(8)} ms`);
  if (theirSamples === undefined) {
    console.log('  (alembic not installed for python3: comparison skipped)');
    return;
  }
  const theirMs = medianMs(theirSamples);
  console.log(
    `  ${'alembic merge heads (bytecode cache warm)'.padEnd(44)} ${theirMs.toFixed(1).padStart(8)} ms`,
  );
  console.log(`  speed-up: ${(theirMs / oursMs).toFixed(1)}x   (target: >= 10x)`);
}
