// `git-alembic hook <name> [args]`: the entry of every hook. GIT_ALEMBIC=0 ends it at once;
// each hook then decides with one cheap git call whether anything that could matter changed,
// and only then loads the config, the environments and the histories. A hook never blocks git
// because of its own failure: it prints one line and exits 0, or 1 when the config asks it to
// guard (the hook block passes only 1 on to git).
import { UsageError, UserError } from '../errors.js';
import { ExitCode, HookExit } from '../exit-codes.js';
import type { RunContext, Runtime } from '../runtime/context.js';
import {
  createHookRun,
  HOOK_NAMES,
  type HookName,
  type HookPrinter,
  type HookRun,
} from './hook-run.js';
import { postCommit } from './post-commit.js';
import { postMerge } from './post-merge.js';
import { postRewrite } from './post-rewrite.js';
import { preCommit } from './pre-commit.js';

// Each hook's fast check; what lies past it is loaded by the hook when needed.
const HOOKS: Readonly<Record<HookName, (run: HookRun) => Promise<void>>> = {
  'post-merge': postMerge,
  'pre-commit': preCommit,
  'post-rewrite': postRewrite,
  'post-commit': postCommit,
};

/** Runs one hook; returns 0, or HookExit.BLOCK when it failed in guard mode. */
export async function runHook(args: readonly string[], runtime: Runtime): Promise<ExitCode> {
  if (runtime.ctx.env['GIT_ALEMBIC'] === '0') return ExitCode.OK;
  const [name, ...hookArgs] = args;
  if (!isHookName(name)) {
    const { HookMessages } = await import('./project-stage.js');
    throw new UsageError(
      HookMessages.UNKNOWN_HOOK(name ?? '', HOOK_NAMES),
      HookMessages.UNKNOWN_HOOK_HINT,
    );
  }
  return (await executeHook(name, hookArgs, runtime.ctx, runtime.out)).code;
}

/** How a hook ended: its exit code, and whether it failed (reported, but not blocking unless guarding). */
export interface HookOutcome {
  readonly code: ExitCode;
  readonly failed: boolean;
}

/** Runs hook `name` with git's arguments, reporting its own failure (see the header). */
export async function executeHook(
  name: HookName,
  hookArgs: readonly string[],
  ctx: RunContext,
  out: HookPrinter,
): Promise<HookOutcome> {
  const run = createHookRun(name, hookArgs, ctx, out);
  try {
    await HOOKS[name](run);
    return { code: ExitCode.OK, failed: false };
  } catch (error) {
    // Messages are loaded when needed: the fast path of every hook prints nothing.
    const [guard, { HookMessages }] = await Promise.all([
      guardMode(run),
      import('./project-stage.js'),
    ]);
    run.out.info(HookMessages.failed(name, describe(error, HookMessages.internal), guard));
    if (ctx.env['GIT_ALEMBIC_DEBUG'] === '1' && error instanceof Error)
      out.raw('stderr', `${String(error.stack)}\n`);
    return { code: guard ? HookExit.BLOCK : ExitCode.OK, failed: true };
  }
}

function isHookName(name: string | undefined): name is HookName {
  return (HOOK_NAMES as readonly (string | undefined)[]).includes(name);
}

// The failure may have come before the config was loaded (or from loading it): ask once more.
async function guardMode(run: HookRun): Promise<boolean> {
  if (run.config !== undefined) return run.config.guard;
  try {
    const { loadProjectConfig } = await import('./project-stage.js');
    return (await loadProjectConfig(run.topLevel)).guard;
  } catch {
    // An unreadable config cannot ask for guarding; the failure is reported already.
    return false;
  }
}

// A user error says what is wrong by itself; anything else is a bug of ours.
function describe(error: unknown, internal: (detail: string) => string): string {
  if (error instanceof UserError) return error.message;
  return internal(error instanceof Error ? error.message : String(error));
}
