// What every hook works with: its arguments, the process, git in the top level, and the project
// config once the slow path has loaded it (the error report needs to know whether to guard).
import type { CommandContext } from '../cli/context.js';
import type { Printer } from '../cli/output.js';
import type { ResolvedConfig } from '../config/schema.js';
import { GitProcess } from '../git/git-process.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import { locateGitDir, rebaseProgressShown } from './git-state.js';

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
  readonly out: HookOutput;
  /** Work tree top level (hooks start there). */
  readonly topLevel: string;
  readonly gitDir: string | undefined;
  readonly git: GitProcess;
  /** Set by the slow path once loaded. */
  config: ResolvedConfig | undefined;
}

/** What a hook prints with. */
export type HookOutput = Pick<Printer, 'info' | 'warn'>;

/** Builds the run for `name` from the command's context. */
export function createHookRun(name: HookName, args: readonly string[], ctx: CommandContext, out: Printer): HookRun {
  const topLevel = findRepositoryRoot(ctx.cwd, ctx.env) ?? ctx.cwd;
  const gitDir = locateGitDir(topLevel, ctx.env);
  const lineStart = name === 'post-rewrite' ? () => rebaseProgressShown(gitDir) : () => false;
  return { name, args, ctx, out: onOwnLine(out, ctx, lineStart), topLevel, gitDir, git: new GitProcess(topLevel, ctx.env), config: undefined };
}

// git's rebase ends its progress line with a carriage return and no newline: the first line
// printed after it starts with a newline, or it would read `Rebasing (1/1)git-alembic: …`.
function onOwnLine(out: Printer, ctx: CommandContext, afterOpenLine: () => boolean): HookOutput {
  let first = true;
  const start = (): void => {
    if (first && afterOpenLine()) ctx.stderr.write('\n');
    first = false;
  };
  return {
    info: (text) => {
      if (out.verbosity !== 'quiet') start();
      out.info(text);
    },
    warn: (text) => {
      start();
      out.warn(text);
    },
  };
}
