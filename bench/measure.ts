// Timing helpers for the benchmarks: the git-alembic command they time, whole processes,
// interleaved, medians.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MEASURE = fileURLToPath(new URL('./measure_child.py', import.meta.url));

/** The built CLI that the benchmarks time (`npm run build` first). */
export const BIN = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));

/** One process run: wall time, peak RSS, exit status. */
export interface Sample {
  readonly ms: number;
  readonly maxrssKb: number;
  readonly status: number;
}

/** A command to time: argv, working directory and environment. */
export interface Command {
  readonly label: string;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Exit statuses that count as success (check exits 1 on a divergence, for instance). */
  readonly okStatuses?: readonly number[];
}

/** A run of the built git-alembic with `args` in `cwd`, in the environment users run node with. */
export function ours(
  label: string,
  cwd: string,
  args: readonly string[],
  okStatuses?: readonly number[],
): Command {
  return {
    label,
    argv: [process.execPath, BIN, ...args],
    cwd,
    env: nodeEnvironment(),
    ...(okStatuses ? { okStatuses } : {}),
  };
}

/** Runs the command once through the measuring wrapper. */
export function measure(command: Command): Sample {
  const output = execFileSync('python3', [MEASURE, command.cwd, ...command.argv], {
    env: command.env,
    encoding: 'utf8',
  });
  const result = JSON.parse(output) as {
    ms: number;
    maxrss_kb: number;
    status: number;
    stderr: string;
  };
  if (!(command.okStatuses ?? [0]).includes(result.status)) {
    throw new Error(`${command.label} exited ${result.status}: ${result.stderr}`);
  }
  return { ms: result.ms, maxrssKb: result.maxrss_kb, status: result.status };
}

/** Runs the commands round-robin (one warm-up round first) and returns each one's samples. */
export function interleave(commands: readonly Command[], rounds: number): Sample[][] {
  for (const command of commands) measure(command);
  const samples: Sample[][] = commands.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, command] of commands.entries()) samples[index]?.push(measure(command));
  }
  return samples;
}

/** The median of the samples' wall times. */
export function medianMs(samples: readonly Sample[]): number {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The largest peak RSS of the samples, in MB. */
export function peakRssMb(samples: readonly Sample[]): number {
  return Math.max(...samples.map((sample) => sample.maxrssKb)) / 1024;
}

/**
 * The environment users run node with: without NODE_EXTRA_CA_CERTS (it adds ~60 ms to every start
 * here), and with the Mako fallback off, so the figures are those of git-alembic's own renderer.
 */
export function nodeEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_ALEMBIC_PYTHON: '0' };
  delete env['NODE_EXTRA_CA_CERTS'];
  return env;
}

/** The environment users run Alembic with: the bytecode cache allowed (and warmed by the first run). */
export function pythonEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['PYTHONDONTWRITEBYTECODE'];
  return env;
}
