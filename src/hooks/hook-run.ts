// What every hook works with: its arguments, the process, git in the top level, and the project
// config once the slow path has loaded it (the error report needs to know whether to guard).
import type { ResolvedConfig } from '../config/schema.js';
import { locateGitDir } from '../git/git-dir.js';
import { GitProcess } from '../git/git-process.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import type { RunContext } from '../runtime/context.js';
import type { Output } from '../runtime/output.js';
import { rebaseProgressShown } from './git-state.js';

/** The hooks git-alembic runs in. */
export const HOOK_NAMES = ['post-merge', 'pre-commit', 'post-rewrite', 'post-commit'] as const;

/** One of HOOK_NAMES. */
export type HookName = (typeof HOOK_NAMES)[number];

/** One hook invocation. */
export interface HookRun {
  readonly name: HookName;
  /** The hook's own arguments, as git passed them. */
  readonly args: readonly string[];
  readonly ctx: RunContext;
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
export type HookOutput = Pick<Output, 'info' | 'warn'>;

/** What a hook is given to print with: the CLI's output, or a stand-in that watches it. */
export type HookPrinter = HookOutput & Pick<Output, 'verbosity' | 'raw'>;

/** Builds the run for `name` from the command's context. */
export function createHookRun(
  name: HookName,
  args: readonly string[],
  ctx: RunContext,
  out: HookPrinter,
): HookRun {
  const topLevel = findRepositoryRoot(ctx.cwd, ctx.env) ?? ctx.cwd;
  const gitDir = locateGitDir(topLevel, ctx.env);
  const lineStart = name === 'post-rewrite' ? () => rebaseProgressShown(gitDir) : () => false;
  return {
    name,
    args,
    ctx,
    out: onOwnLine(out, lineStart),
    topLevel,
    gitDir,
    git: new GitProcess(topLevel, ctx.env),
    config: undefined,
  };
}

// git's rebase ends its progress line with a carriage return and no newline: the first line
// printed after it starts with a newline, or it would read `Rebasing (1/1)git-alembic: …`.
function onOwnLine(out: HookPrinter, afterOpenLine: () => boolean): HookOutput {
  let first = true;
  const start = (): void => {
    if (first && afterOpenLine()) out.raw('stderr', '\n');
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
