// The hooks benchmark: `git merge` of a branch that touches no migration file, in a repository
// set up with git-alembic (husky 9 and our hook blocks), against the same merge with HUSKY=0. The
// difference is what the hooks add to every such merge. Target: at most 2x `node -e 0`, measured
// in the same rounds. Each run starts from the same commit (reset outside the timing).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { gitEnvironment, setUpRepository } from './hook-repository.js';
import { type Command, measure, medianMs, type Sample } from './measure.js';
import { writeSyntheticHistory } from './synthetic-history.js';

/** Where the benchmark runs. */
export interface HookBenchSetup {
  readonly root: string;
  readonly bin: string;
  readonly rounds: number;
}

const REVISIONS = 1000;

/**
 * Times the merge with hooks, with HUSKY=0 and `node -e 0`, interleaved, and prints the medians.
 * Also, for information: a merge that changes a Python file outside the migrations (the hook
 * body's one git call finds no changed line naming a revision, so node never starts).
 */
export function benchHooks({ root, bin, rounds }: HookBenchSetup): void {
  const repo = join(root, 'hooks');
  const env = gitEnvironment(root);
  const before = prepareRepository(repo, bin, env);
  const merge = (branch: string, extra: NodeJS.ProcessEnv = {}): Command => ({
    label: branch,
    argv: ['git', 'merge', '-q', '--no-edit', branch],
    cwd: repo,
    env: { ...env, ...extra },
  });
  const commands: Command[] = [
    merge('docs'),
    merge('docs', { HUSKY: '0' }),
    { label: 'node -e 0', argv: [process.execPath, '-e', '0'], cwd: repo, env },
    merge('app'),
    merge('app', { HUSKY: '0' }),
  ];
  const samples: Sample[][] = commands.map(() => []);
  for (let round = -1; round < rounds; round += 1) {
    commands.forEach((command, index) => {
      execFileSync('git', ['reset', '-q', '--hard', before], { cwd: repo, env });
      const sample = measure(command);
      // Round -1 warms the caches and is not counted.
      if (round >= 0) samples[index]?.push(sample);
    });
  }
  const [hooks, husky0, node, app, app0] = samples.map((list) => medianMs(list)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  console.log(
    `hooks on a merge that touches no migration (${REVISIONS.toLocaleString('en')}-revision project), median of ${rounds}, interleaved:`,
  );
  line('git merge --no-edit docs (hooks)', hooks);
  line('git merge --no-edit docs (HUSKY=0)', husky0);
  line('node -e 0 (same rounds)', node);
  line(
    'added by the hooks',
    hooks - husky0,
    `   (target: <= 2 x node -e 0 = ${(2 * node).toFixed(1)} ms; ${hooks - husky0 <= 2 * node ? 'met' : 'NOT met'})`,
  );
  line(
    'same, merging a change to app/models.py',
    app - app0,
    '   (no target: no changed line names a revision, so node never starts)',
  );
}

function line(label: string, ms: number, extra = ''): void {
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${extra}`);
}

// A project set up as `npx git-alembic setup` leaves it, with main and a `docs` branch that each
// changed a file other than a migration (and an `app` branch with a Python file); returns main's
// commit before the merge.
function prepareRepository(repo: string, bin: string, env: NodeJS.ProcessEnv): string {
  writeSyntheticHistory(repo, REVISIONS);
  const git = setUpRepository(repo, bin, env);
  git('checkout', '-q', '-b', 'docs');
  writeFileSync(join(repo, 'README.md'), 'docs\n');
  git('add', 'README.md');
  git('commit', '-q', '-m', 'docs');
  git('checkout', '-q', '-b', 'app', 'main');
  mkdirSync(join(repo, 'app'));
  writeFileSync(join(repo, 'app', 'models.py'), 'class User:\n    pass\n');
  git('add', 'app');
  git('commit', '-q', '-m', 'app');
  git('checkout', '-q', 'main');
  writeFileSync(join(repo, 'CHANGELOG.md'), 'changes\n');
  git('add', 'CHANGELOG.md');
  git('commit', '-q', '-m', 'changelog');
  return git('rev-parse', 'HEAD');
}
