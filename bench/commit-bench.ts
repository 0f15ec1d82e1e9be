// What the hooks add where people wait, on a project of a real project's size (about 400
// revisions, 1.5 MB: realistic-history.ts): `git commit` of a README change, `git commit` adding
// one migration, and `git merge` of a branch that forks the history, so that post-merge writes
// the merge revision and folds it into the merge commit. Each is timed with the hooks and with
// HUSKY=0, interleaved with `node -e 0` in the same rounds; the difference of the medians is
// what the hooks add, given as a multiple of `node -e 0`'s median. Every run starts from the
// same state, set up outside the timing. The hooks keep their revision cache in .git (warmed by
// the first, uncounted round); the migration and merge are timed without it as well
// (GIT_ALEMBIC_CACHE=0), for information.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Command, measure, medianMs, type Sample } from './measure.js';
import { type Git, gitEnvironment, setUpRepository } from './hook-repository.js';
import { RevisionWriter, writeRealisticHistory } from './realistic-history.js';

/** Where the benchmark runs. */
export interface CommitBenchSetup {
  readonly root: string;
  readonly bin: string;
  readonly rounds: number;
}

/** One timed operation: what to set up before each run, and the command. */
interface Case {
  readonly label: string;
  readonly prepare: () => void;
  readonly command: Command;
}

/** An operation timed with the hooks and without, and its target as a multiple of node -e 0. */
interface Row {
  readonly label: string;
  readonly target: number;
  readonly hooks: Case;
  readonly husky0: Case;
  /** The hooks without the revision cache, when that row is wanted too. */
  readonly uncached?: Case;
}

/** The project, committed and set up, with the states each row starts from. */
interface Prepared {
  readonly repo: string;
  readonly env: NodeJS.ProcessEnv;
  readonly git: Git;
  /** main as set up. */
  readonly base: string;
  /** A new revision file on main's head, not yet written: its path and text. */
  readonly migration: { readonly file: string; readonly text: string };
  /** feature-a and feature-b: each adds a revision on main's head (committed with the hooks). */
  readonly featureA: string;
}

/** Times the three rows and prints them with their targets. */
export function benchCommits({ root, bin, rounds }: CommitBenchSetup): void {
  const prepared = prepare(join(root, 'commits'), bin, root);
  checkMerge(prepared);
  const rows = [readmeRow(prepared), migrationRow(prepared), mergeRow(prepared)];
  const node: Case = {
    label: 'node -e 0',
    prepare: () => undefined,
    command: {
      label: 'node -e 0',
      argv: [process.execPath, '-e', '0'],
      cwd: prepared.repo,
      env: prepared.env,
    },
  };
  // What the measuring wrapper itself adds to starting any process: left out of node's figure,
  // as it is out of the differences (it is on both sides of each).
  const nothing: Case = {
    label: 'true',
    prepare: () => undefined,
    command: { label: 'true', argv: ['true'], cwd: prepared.repo, env: prepared.env },
  };
  const cases = [
    node,
    nothing,
    ...rows.flatMap((row) => [
      row.hooks,
      row.husky0,
      ...(row.uncached === undefined ? [] : [row.uncached]),
    ]),
  ];
  const samples = interleaved(cases, rounds);
  const median = new Map(cases.map((entry, index) => [entry, medianMs(samples[index] ?? [])]));
  const nodeMs = (median.get(node) ?? 0) - (median.get(nothing) ?? 0);
  console.log(
    `hooks on a 400-revision project (1.5 MB of revision files), median of ${rounds}, interleaved:`,
  );
  line(
    'node -e 0 (same rounds, less the wrapper)',
    nodeMs,
    `   (measured ${(median.get(node) ?? 0).toFixed(1)} ms, \`true\` ${(median.get(nothing) ?? 0).toFixed(1)} ms)`,
  );
  for (const row of rows) {
    const added = (median.get(row.hooks) ?? 0) - (median.get(row.husky0) ?? 0);
    const ratio = added / nodeMs;
    line(
      row.label,
      added,
      `   ${ratio.toFixed(2)}x node -e 0   (target: <= ${row.target}x; ${ratio <= row.target ? 'met' : 'NOT met'})`,
    );
    if (row.uncached === undefined) continue;
    const uncached = (median.get(row.uncached) ?? 0) - (median.get(row.husky0) ?? 0);
    line(
      '  the same without the revision cache',
      uncached,
      `   ${(uncached / nodeMs).toFixed(2)}x node -e 0   (no target)`,
    );
  }
}

// The merge row must time the hook writing and folding the merge revision, not a no-op.
function checkMerge(prepared: Prepared): void {
  const { git } = prepared;
  git('reset', '-q', '--hard', prepared.featureA);
  const before = git('ls-tree', '--name-only', 'HEAD', 'migrations/versions/').split('\n').length;
  git('merge', '-q', '--no-edit', 'feature-b');
  const after = git('ls-tree', '--name-only', 'HEAD', 'migrations/versions/').split('\n').length;
  if (after !== before + 2)
    throw new Error(
      `the merge did not fold a merge revision into the merge commit (${before} -> ${after} files)`,
    );
}

// One warm-up round, not counted, then the rounds; each case is set up right before its run.
function interleaved(cases: readonly Case[], rounds: number): Sample[][] {
  const samples: Sample[][] = cases.map(() => []);
  for (let round = -1; round < rounds; round += 1) {
    cases.forEach((entry, index) => {
      entry.prepare();
      const sample = measure(entry.command);
      if (round >= 0) samples[index]?.push(sample);
    });
  }
  return samples;
}

function line(label: string, ms: number, extra = ''): void {
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${extra}`);
}

function prepare(repo: string, bin: string, root: string): Prepared {
  const writer = new RevisionWriter();
  const history = writeRealisticHistory(repo, 400, writer);
  const env = gitEnvironment(root);
  const git = setUpRepository(repo, bin, env);
  const base = git('rev-parse', 'HEAD');
  const revision = (message: string, index: number): { file: string; text: string } => {
    const spec = { id: writer.id(), parents: [history.mainHead], message, index };
    return {
      file: join('migrations', 'versions', writer.fileName(spec)),
      text: writer.source(spec),
    };
  };
  const migration = revision('add loyalty points', 400);
  const branch = (name: string, added: { file: string; text: string }): string => {
    git('checkout', '-q', '-b', name, base);
    writeFileSync(join(repo, added.file), added.text);
    git('add', added.file);
    git('commit', '-q', '-m', `add ${name}`);
    return git('rev-parse', 'HEAD');
  };
  const featureA = branch('feature-a', revision('add gift cards', 401));
  branch('feature-b', revision('add referral codes', 402));
  git('checkout', '-q', 'main');
  return { repo, env, git, base, migration, featureA };
}

function timed(
  prepared: Prepared,
  label: string,
  argv: readonly string[],
  prepare: () => void,
  husky0: boolean,
): Case {
  const env = husky0 ? { ...prepared.env, HUSKY: '0' } : prepared.env;
  return { label, prepare, command: { label, argv, cwd: prepared.repo, env } };
}

function both(
  prepared: Prepared,
  label: string,
  target: number,
  argv: readonly string[],
  prepareRun: () => void,
  withUncached = false,
): Row {
  const hooks = timed(prepared, label, argv, prepareRun, false);
  const uncached = {
    ...hooks,
    label: `${label} (no cache)`,
    command: { ...hooks.command, env: { ...hooks.command.env, GIT_ALEMBIC_CACHE: '0' } },
  };
  return {
    label,
    target,
    hooks,
    husky0: timed(prepared, `${label} (HUSKY=0)`, argv, prepareRun, true),
    ...(withUncached ? { uncached } : {}),
  };
}

// A README edit staged on main: no Python file, no heads file.
function readmeRow(prepared: Prepared): Row {
  let round = 0;
  return both(
    prepared,
    'git commit of a README change',
    0.5,
    ['git', 'commit', '-q', '-m', 'docs'],
    () => {
      prepared.git('reset', '-q', '--hard', prepared.base);
      round += 1;
      writeFileSync(join(prepared.repo, 'README.md'), `# bench\n\nround ${round}\n`);
      prepared.git('add', 'README.md');
    },
  );
}

// A new revision on main's head, staged: pre-commit rewrites and stages the heads file.
function migrationRow(prepared: Prepared): Row {
  const { file, text } = prepared.migration;
  const prepareRun = (): void => {
    prepared.git('reset', '-q', '--hard', prepared.base);
    writeFileSync(join(prepared.repo, file), text);
    prepared.git('add', file);
  };
  return both(
    prepared,
    'git commit adding one migration',
    4,
    ['git', 'commit', '-q', '-m', 'migration'],
    prepareRun,
    true,
  );
}

// feature-b into feature-a's commit: the heads file is merged by the driver (in both runs), and
// with the hooks post-merge writes the merge revision and folds it into the merge commit.
function mergeRow(prepared: Prepared): Row {
  const prepareRun = (): void => {
    prepared.git('reset', '-q', '--hard', prepared.featureA);
  };
  return both(
    prepared,
    'git merge that creates the merge revision',
    6,
    ['git', 'merge', '-q', '--no-edit', 'feature-b'],
    prepareRun,
    true,
  );
}
