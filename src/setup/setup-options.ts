// How setup is asked to run and what it reports, apart from run-setup.ts so that its steps
// (pre-commit-step.ts) can take and return them without importing run-setup back.
import type { EnvironmentSelection } from '../project/workspace.js';
import type { HookManager } from './hook-manager.js';

/** How setup was asked to run. */
export interface SetupOptions {
  /** Where to start: `--cwd`, or the working directory. */
  readonly directory: string;
  /** Whether the user named the directory (`--cwd`): a new package.json goes there. */
  readonly named: boolean;
  /** `--yes`: create a minimal package.json (and ignore node_modules) when there is none. */
  readonly yes: boolean;
  /** Run the package manager when devDependencies were added to a project with a lock file (not with `--no-install`). */
  readonly install: boolean;
  readonly selection: EnvironmentSelection;
  /** `--hooks` (`--pre-commit` is `--hooks pre-commit`); undefined lets setup choose. */
  readonly hooks?: HookManager | undefined;
  /** `--pre-commit-repo` / `--pre-commit-rev`: where the pre-commit entry takes our hooks from. */
  readonly hookSource?: { readonly repo?: string | undefined; readonly rev?: string | undefined };
}

/** What setup did, in the order of its steps. */
export interface SetupReport {
  readonly topLevel: string;
  readonly changes: readonly string[];
  readonly warnings: readonly string[];
  readonly nextSteps: readonly string[];
}
