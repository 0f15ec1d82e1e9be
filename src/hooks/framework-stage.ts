// Which git hook a pre-commit framework run is. The framework calls every hook of a repository
// with the same command and no hook name; it hands git's hook arguments on as environment
// variables, and only to the hooks that have them (pre_commit/commands/run.py): post-merge gets
// PRE_COMMIT_IS_SQUASH_MERGE, post-rewrite PRE_COMMIT_REWRITE_COMMAND, post-checkout
// PRE_COMMIT_CHECKOUT_TYPE, pre-push its remote. pre-commit and post-commit get nothing of their
// own, and git gives both the same environment, so post-commit is a hook id of its own (the
// manifest's `git-alembic-post-commit`), which names its stage in its entry.
import type { HookName } from './hook-run.js';

/** What a framework run is: one of our hooks with git's arguments, or a run that only registers the driver. */
export type FrameworkStage =
  | { readonly kind: 'hook'; readonly hook: HookName; readonly args: readonly string[] }
  /** post-checkout: nothing to merge; the run registers the driver (a fresh clone's first checkout). */
  | { readonly kind: 'driver-only' }
  /** A stage we have no work in (pre-push, commit-msg: a hook configured for a stage it does not support). */
  | { readonly kind: 'none' };

/**
 * The stage of this run: `explicit` when the entry names one, else read from the framework's
 * variables; none of them means pre-commit (or `pre-commit run`, which is the same work).
 */
export function frameworkStage(
  env: Readonly<Record<string, string | undefined>>,
  explicit: string | undefined,
): FrameworkStage {
  if (explicit === 'post-commit') return { kind: 'hook', hook: 'post-commit', args: [] };
  const squash = env['PRE_COMMIT_IS_SQUASH_MERGE'];
  if (squash !== undefined) return { kind: 'hook', hook: 'post-merge', args: [squash] };
  const rewrite = env['PRE_COMMIT_REWRITE_COMMAND'];
  if (rewrite !== undefined) return { kind: 'hook', hook: 'post-rewrite', args: [rewrite] };
  if (env['PRE_COMMIT_CHECKOUT_TYPE'] !== undefined) return { kind: 'driver-only' };
  // pre-push (its refs and remote), prepare-commit-msg (its message source): not ours.
  if (
    env['PRE_COMMIT_REMOTE_NAME'] !== undefined ||
    env['PRE_COMMIT_FROM_REF'] !== undefined ||
    env['PRE_COMMIT_COMMIT_MSG_SOURCE'] !== undefined
  ) {
    return { kind: 'none' };
  }
  return { kind: 'hook', hook: 'pre-commit', args: [] };
}
