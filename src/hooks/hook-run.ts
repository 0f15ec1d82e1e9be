// What every hook works with: its arguments, the process, git in the top level, and the project
// config once the slow path has loaded it (the error report needs to know whether to guard).
import type { CommandContext } from '../cli/context.js';
import type { Printer } from '../cli/output.js';
import type { ResolvedConfig } from '../config/schema.js';
import { GitProcess } from '../git/git-process.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import { locateGitDir } from './git-state.js';

/** The hooks git-alembic runs in. */
export const HOOK_NAMES = ['post-merge', 'pre-commit', 'post-rewrite', 'post-commit'] as const;

/** One of HOOK_NAMES. */
export type HookName = (typeof HOOK_NAMES)[number];

/** One hook invocation. */
export interface HookRun {
  readonly name: HookName;
  /** The hook's own arguments, as git passed them. */
  readonly args: readonly string[];
  readonly ctx: CommandContext;
  /** Prints our one line (`git-alembic: …` on stderr) and warnings. */
  readonly out: Printer;
  /** Work tree top level (hooks start there). */
  readonly topLevel: string;
  readonly gitDir: string | undefined;
  readonly git: GitProcess;
  /** Set by the slow path once loaded. */
  config: ResolvedConfig | undefined;
}

/** Builds the run for `name` from the command's context. */
export function createHookRun(name: HookName, args: readonly string[], ctx: CommandContext, out: Printer): HookRun {
  const topLevel = findRepositoryRoot(ctx.cwd, ctx.env) ?? ctx.cwd;
  return { name, args, ctx, out, topLevel, gitDir: locateGitDir(topLevel, ctx.env), git: new GitProcess(topLevel, ctx.env), config: undefined };
}
