// Cold-process benchmark of loadRevisions, the way git hooks run it: a fresh `node` per call,
// reading each file once. Builds the project, writes synthetic histories, then spawns fresh
// processes that import the compiled alembic/scan-versions.js and time only the FIRST
// loadRevisions call (module loading is reported apart). Prints medians of N processes.
//
//   node --import=tsx bench/cold-load.ts [--runs 9] [--sizes 1000,10000] [--no-build] [--out DIR]
//                                        [--baseline DIR]
//
// `--out DIR` compiles into DIR instead of dist/ (for a machine where others rebuild dist/).
// `--baseline DIR` also times another build (a compiled checkout of an older commit), run by
// run in alternation with this one, so that both see the same load on a shared machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { nodeEnvironment } from './measure.js';
import { writeSyntheticHistory } from './synthetic-history.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What one fresh process measured. */
interface ColdSample {
  readonly importMs: number;
  readonly firstMs: number;
  /** CPU time (user + system, all threads) of the first call: less sensitive to a busy machine. */
  readonly firstCpuMs: number;
  readonly secondMs: number;
  readonly revisions: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

// The child: import (timed apart), then the first call, then a second one for comparison.
function childScript(scanVersionsUrl: string): string {
  return `
const t0 = performance.now();
const { loadRevisions } = await import(${JSON.stringify(scanVersionsUrl)});
const t1 = performance.now();
const options = { versionLocations: [process.argv[1]], recursive: false, constants: new Map(), displayRoot: process.argv[2] };
const cpu = process.cpuUsage();
const revisions = await loadRevisions(options);
const t2 = performance.now();
const used = process.cpuUsage(cpu);
await loadRevisions(options);
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, firstCpuMs: (used.user + used.system) / 1000, secondMs: t3 - t2, revisions: revisions.length }));
`;
}

function runChild(script: string, versions: string, project: string): ColdSample {
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, versions, project],
    { env: nodeEnvironment(), encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`child failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as ColdSample;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function figures(samples: readonly ColdSample[]): string {
  const first = samples.map((sample) => sample.firstMs);
  return [
    `first loadRevisions median ${median(first).toFixed(1)} ms (min ${Math.min(...first).toFixed(1)}, max ${Math.max(...first).toFixed(1)})`,
    `CPU ${median(samples.map((sample) => sample.firstCpuMs)).toFixed(1)} ms`,
    `second call ${median(samples.map((sample) => sample.secondMs)).toFixed(1)} ms`,
    `import ${median(samples.map((sample) => sample.importMs)).toFixed(1)} ms`,
  ].join(', ');
}

function benchSize(
  scripts: ReadonlyMap<string, string>,
  root: string,
  size: number,
  runs: number,
): void {
  const project = join(root, `h${size}`);
  writeSyntheticHistory(project, size);
  const versions = join(project, 'migrations', 'versions');
  const samples = new Map([...scripts.keys()].map((label) => [label, [] as ColdSample[]]));
  for (const script of scripts.values()) runChild(script, versions, project); // warms the page cache
  for (let run = 0; run < runs; run++) {
    for (const [label, script] of scripts)
      samples.get(label)?.push(runChild(script, versions, project));
  }
  for (const [label, taken] of samples) {
    console.log(
      `${String(size).padStart(6)} revisions, ${label}, ${runs} fresh processes: ${figures(taken)}`,
    );
  }
}

// tsc writes its output even when files this benchmark does not load have type errors.
function build(outDirectory: string | undefined): void {
  if (process.argv.includes('--no-build')) return;
  if (outDirectory === undefined)
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  else
    spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        outDirectory,
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').trim();
}

const runs = Number(option('--runs', '9'));
const sizes = option('--sizes', '1000,10000').split(',').map(Number);
const outDirectory = process.argv.includes('--out') ? option('--out', '') : undefined;
build(outDirectory);
const scanVersions = (directory: string): string =>
  childScript(pathToFileURL(join(directory, 'alembic', 'scan-versions.js')).href);
const scripts = new Map([['this build', scanVersions(outDirectory ?? join(ROOT, 'dist'))]]);
if (process.argv.includes('--baseline'))
  scripts.set('baseline', scanVersions(option('--baseline', '')));
const root = mkdtempSync(join(realpathSync(tmpdir()), 'git-alembic-cold-'));
try {
  console.log(`load average before: ${loadAverage()}`);
  for (const size of sizes) benchSize(scripts, root, size, runs);
  console.log(`load average after:  ${loadAverage()}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
