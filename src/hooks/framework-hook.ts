// `git-alembic hook pre-commit-framework [post-commit]`: the entry of the hooks this repository
// defines for the pre-commit framework (.pre-commit-hooks.yaml). It finds which git hook runs
// (framework-stage.ts), registers the merge driver for this machine, gives post-rewrite the
// rebase's list from the rebase state (the framework passes no stdin), and runs the same hook
// code as the husky blocks. Run without the framework (no PRE_COMMIT=1), it does nothing and says
// so: it could not tell the git hook, and would point the driver at whatever binary ran it. The
// framework shows a hook's output only when it fails: in the post-* hooks, whose status git
// ignores, a warning or a failure exits 1 so that it is seen.
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { locateGitDir } from '../git/git-dir.js';
import { GitProcess } from '../git/git-process.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import type { Runtime } from '../runtime/context.js';
import { type RunningBinary, ensureFrameworkDriver } from './framework-driver.js';
import { frameworkStage } from './framework-stage.js';
import type { HookPrinter } from './hook-run.js';
import { executeHook } from './run-hook.js';

/** Runs the framework hook; `running` is the binary and node of this process. */
export async function runFrameworkHook(
  args: readonly string[],
  { ctx, out }: Runtime,
  running: RunningBinary,
): Promise<ExitCode> {
  if (ctx.env['GIT_ALEMBIC'] === '0') return ExitCode.OK;
  // Outside the framework the stage cannot be told and the driver would point at a passing binary.
  if (ctx.env['PRE_COMMIT'] !== '1') {
    const { FrameworkMessages } = await import('../messages/pre-commit.js');
    throw new UsageError(
      FrameworkMessages.NOT_IN_FRAMEWORK,
      FrameworkMessages.NOT_IN_FRAMEWORK_HINT,
    );
  }
  const stage = frameworkStage(ctx.env, args[0]);
  if (stage.kind === 'none') return ExitCode.OK;
  const topLevel = findRepositoryRoot(ctx.cwd, ctx.env) ?? ctx.cwd;
  const gitDir = locateGitDir(topLevel, ctx.env);
  const git = new GitProcess(topLevel, ctx.env);
  if (await ensureFrameworkDriver(gitDir, git, running)) {
    const { FrameworkMessages } = await import('../messages/pre-commit.js');
    out.info(FrameworkMessages.DRIVER_REGISTERED);
  }
  if (stage.kind === 'driver-only') return ExitCode.OK;
  const hookCtx =
    stage.hook !== 'post-rewrite'
      ? ctx
      : {
          ...ctx,
          readStdin: async () =>
            (await import('./rewritten-list.js')).rewrittenListText(gitDir, git),
        };
  let warned = false;
  const watched: HookPrinter = {
    verbosity: out.verbosity,
    info: (text) => out.info(text),
    raw: (stream, text) => out.raw(stream, text),
    warn: (text) => {
      warned = true;
      out.warn(text);
    },
  };
  const outcome = await executeHook(stage.hook, stage.args, hookCtx, watched);
  const gitIgnoresStatus = stage.hook !== 'pre-commit';
  return gitIgnoresStatus && (warned || outcome.failed) ? ExitCode.CHECK_FAILED : outcome.code;
}
