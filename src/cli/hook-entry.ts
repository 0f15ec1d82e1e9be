// `git-alembic hook <name> [args]` without the rest of the CLI: git runs a hook on every commit
// and merge, each in a fresh node, so this path is built as a bundle of its own
// (dist/fast/hook.cjs), one script whose slow path and merge writing are initialised only when
// reached. It behaves exactly as `main` does for the command (arguments passed through, failures
// reported alike).
import path from 'node:path';

import type { ExitCode } from '../exit-codes.js';
import { runHook } from '../hooks/run-hook.js';
import type { CommandRuntime } from './command.js';
import type { CommandContext } from './context.js';
import { Printer } from './output.js';
import { reportFailure } from './report-failure.js';

/** For the code cache (src/code-cache.ts): the lazily loaded parts this run entered. */
export { enteredCodeParts } from '../runtime/code-parts.js';

/** Runs `git-alembic hook …` (`argv` without the command name) and returns the exit code. */
export async function runHookCommand(
  args: readonly string[],
  ctx: CommandContext,
): Promise<ExitCode> {
  try {
    return await dispatchHook(args, { ctx, out: new Printer(ctx, 'normal') });
  } catch (error) {
    return reportFailure(error, ctx);
  }
}

// What the pre-commit framework's hooks run (.pre-commit-hooks.yaml).
const FRAMEWORK_ENTRY = 'pre-commit-framework';

/** `hook <name> [args]`: a git hook, or the pre-commit framework's entry, which finds its hook itself. */
export async function dispatchHook(
  args: readonly string[],
  runtime: CommandRuntime,
): Promise<ExitCode> {
  const [name, ...rest] = args;
  if (name !== FRAMEWORK_ENTRY) return runHook(args, runtime);
  const { runFrameworkHook } = await import('../hooks/framework-hook.js');
  const running = runtime.ctx.running ?? { script: 'git-alembic', node: 'node' };
  return runFrameworkHook(rest, runtime, {
    binary: path.resolve(running.script),
    nodeDirectory: path.dirname(running.node),
  });
}
