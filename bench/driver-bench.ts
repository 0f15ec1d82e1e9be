// The merge driver benchmark: the whole `git-alembic driver %O %A %B %L %P` process, as git runs
// it, on the heads files of a 1,000-revision project whose two branches each added a revision.
// %A is rewritten before every run so each run does the same merge. Target: <= 200 ms median.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatHeadsFile } from '../src/core/heads/heads-file.js';
import { type Command, measure, medianMs, nodeEnvironment, type Sample } from './measure.js';
import { benchRevisionId, writeSyntheticHistory } from './synthetic-history.js';

/** Where the driver runs. */
export interface DriverBenchSetup {
  readonly root: string;
  readonly bin: string;
  readonly rounds: number;
}

const REVISIONS = 1000;

/** Times the driver and `node -e 0` (for scale), interleaved, and prints both medians. */
export function benchDriver({ root, bin, rounds }: DriverBenchSetup): void {
  const project = join(root, 'driver1000');
  const { heads } = writeSyntheticHistory(project, REVISIONS);
  // The revision both final heads were added on: what the heads file listed before the fork.
  const base = formatHeadsFile([benchRevisionId(REVISIONS - 3)]);
  const current = formatHeadsFile([heads[0]]);
  writeFileSync(join(project, 'O'), base);
  writeFileSync(join(project, 'B'), formatHeadsFile([heads[1]]));
  const driver: Command = {
    label: 'git-alembic driver',
    argv: [process.execPath, bin, 'driver', 'O', 'A', 'B', '7', 'migrations/heads.txt'],
    cwd: project,
    env: nodeEnvironment(),
  };
  const node: Command = {
    label: 'node -e 0',
    argv: [process.execPath, '-e', '0'],
    cwd: project,
    env: nodeEnvironment(),
  };
  const samples: [Sample[], Sample[]] = [[], []];
  for (let round = -1; round < rounds; round += 1) {
    writeFileSync(join(project, 'A'), current);
    const driverSample = measure(driver);
    const nodeSample = measure(node);
    // Round -1 warms the file system cache and is not counted.
    if (round < 0) continue;
    samples[0].push(driverSample);
    samples[1].push(nodeSample);
  }
  console.log(
    `merge driver on the heads files of a ${REVISIONS.toLocaleString('en')}-revision history, median of ${rounds}, interleaved:`,
  );
  console.log(
    `  ${'git-alembic driver %O %A %B %L %P'.padEnd(44)} ${medianMs(samples[0]).toFixed(1).padStart(8)} ms   (target: <= 200 ms)`,
  );
  console.log(
    `  ${'node -e 0 (same rounds)'.padEnd(44)} ${medianMs(samples[1]).toFixed(1).padStart(8)} ms`,
  );
}
