// The command registry. Modules are imported only when chosen: hooks and the merge driver run
// on every commit and merge, so start-up cost is user-visible.
import type { CommandModule } from './command.js';

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  heads: {
    summary: 'list the heads of each Alembic environment',
    load: () => import('./commands/heads.js'),
  },
  check: {
    summary: 'fail when an environment has diverged (two heads on one branch)',
    load: () => import('./commands/check.js'),
  },
  merge: {
    summary: 'write the merge revision of diverged heads (same bytes as `alembic merge`)',
    load: () => import('./commands/merge.js'),
  },
  'merge-branch': {
    summary: 'git merge a branch with git-alembic applied, in any clone (no setup needed)',
    load: () => import('./commands/merge-branch.js'),
  },
  graph: {
    summary: 'draw the revision graph (ascii, mermaid, markdown or dot)',
    load: () => import('./commands/graph.js'),
  },
  setup: {
    summary: 'install the heads files, the merge driver and the husky hooks (idempotent)',
    load: () => import('./commands/setup.js'),
  },
  uninstall: {
    summary: 'reverse exactly what setup added, and nothing else',
    load: () => import('./commands/uninstall.js'),
  },
  doctor: {
    summary: 'check every piece of the git integration and say how to fix each problem',
    load: () => import('./commands/doctor.js'),
  },
  driver: {
    summary: 'the merge driver git runs for heads files (registered by setup)',
    load: () => import('./commands/driver.js'),
  },
  hook: {
    summary:
      'the git hooks: create and stage the merge revision during merges and rebases (run by husky)',
    load: () => import('./commands/hook.js'),
  },
  demo: {
    summary:
      'merge two branches that each add a migration, in a throwaway repository set up with git-alembic',
    load: () => import('./commands/demo.js'),
  },
};
