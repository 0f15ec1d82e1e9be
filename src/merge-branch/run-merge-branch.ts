// `git-alembic merge-branch <ref>`: `git merge <ref>` with git-alembic applied, in any clone and
// with nothing set up (no husky, no registered driver, no package.json), for CI runners, other
// hook managers and `npx`. The heads-file driver is supplied for this one merge (see
// ./merge-attributes.ts); once git has made the merge commit, the post-merge hook's own code
// writes the merge revision of every divergence the merge introduced and folds it into that
// commit. With --no-commit, pre-commit's code stages it for the commit the user makes. Hooks that
// are installed as well do their work during the merge, and then there is nothing left to do,
// so a merge never gets two merge revisions.
import path from 'node:path';

import { loadProjectConfig } from '../config/load-config.js';
import { NotAGitRepositoryError, UsageError, UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { runGitMerge, unmergedPaths } from '../git/git-merge.js';
import { GitProcess } from '../git/git-process.js';
import { parentsOf, stagedPaths, verifyCommit } from '../git/plumbing.js';
import { mergeHeads, rebaseInProgress } from '../hooks/git-state.js';
import { createHookRun } from '../hooks/hook-run.js';
import { MergeBranchMessages } from '../messages/merge-branch.js';
import { repositoryPath } from '../project/heads-files.js';
import { discoverWorkspace } from '../project/workspace.js';
import type { RunContext, Runtime } from '../runtime/context.js';
import { overriddenAttributes, prepareMergeDriver, removeMergeDriver } from './merge-attributes.js';

/** What the command line asked for. */
export interface MergeBranchOptions {
  readonly ref: string;
  readonly message: string | undefined;
  readonly noCommit: boolean;
}

/** The repository the merge happens in. */
interface Repository {
  readonly git: GitProcess;
  readonly gitDir: string;
}

/** Runs merge-branch: 0 merged (with or without a merge revision), 1 conflicts left. */
export async function runMergeBranch(
  options: MergeBranchOptions,
  runtime: Runtime,
): Promise<ExitCode> {
  const { ctx, out } = runtime;
  if (ctx.env['GIT_ALEMBIC'] === '0')
    throw new UserError(MergeBranchMessages.DISABLED, { hint: MergeBranchMessages.DISABLED_HINT });
  if (options.ref.startsWith('-'))
    throw new UsageError(
      MergeBranchMessages.optionLikeRef(options.ref),
      MergeBranchMessages.ONE_REF_HINT,
    );
  const repository = await openRepository(ctx);
  const { git } = repository;
  const target = await checkMergeable(repository, options.ref);
  const headsFiles = await headsFilesOf(git.cwd, ctx.env);
  const head = await verifyCommit(git, 'HEAD');
  const driver = await prepareMergeDriver(git, repository.gitDir, headsFiles);
  let status: number;
  try {
    for (const { file, value } of await overriddenAttributes(git, driver, headsFiles))
      out.warn(MergeBranchMessages.attributeOverridden(file, value));
    status = await runGitMerge(
      git,
      {
        configArgs: driver.configArgs,
        ref: options.ref,
        message: options.message,
        noCommit: options.noCommit,
      },
      (stream, text) => out.raw(stream, text),
    );
  } finally {
    removeMergeDriver(driver);
  }
  const merging = mergeHeads(repository.gitDir).length > 0;
  if (status !== 0) {
    if (!merging)
      throw new UserError(MergeBranchMessages.mergeFailed(status), {
        hint: MergeBranchMessages.MERGE_FAILED_HINT,
      });
    const conflicted = await unmergedPaths(git);
    out.info(
      conflicted.length === 0
        ? MergeBranchMessages.STOPPED_BEFORE_COMMIT
        : MergeBranchMessages.conflictsLeft(conflicted),
    );
    return ExitCode.CONFLICTS_LEFT;
  }
  if (merging) await complete('pre-commit', options.ref, target, runtime);
  else if (await madeMergeCommit(git, head, target))
    await complete('post-merge', options.ref, target, runtime);
  return ExitCode.OK;
}

// The work tree's top level and git directory; a bare repository or no repository is refused.
async function openRepository(ctx: RunContext): Promise<Repository> {
  const here = new GitProcess(ctx.cwd, ctx.env);
  const [topLevel, gitDir] = await Promise.all(
    ['--show-toplevel', '--absolute-git-dir'].map((flag) => here.attempt(['rev-parse', flag])),
  );
  if (topLevel?.status !== 0 || gitDir?.status !== 0) throw new NotAGitRepositoryError(ctx.cwd);
  // One trailing newline ends git's answer; anything else belongs to the path.
  const strip = (text: string): string => text.replace(/\n$/, '');
  return { git: new GitProcess(strip(topLevel.stdout), ctx.env), gitDir: strip(gitDir.stdout) };
}

// Refuses what would make the merge commit anything but the merge of `ref`: returns its sha.
async function checkMergeable({ git, gitDir }: Repository, ref: string): Promise<string> {
  const target = await verifyCommit(git, ref);
  if (target === undefined)
    throw new UserError(MergeBranchMessages.unknownRef(ref), {
      hint: MergeBranchMessages.UNKNOWN_REF_HINT,
    });
  const busy =
    mergeHeads(gitDir).length > 0 ? 'a merge' : rebaseInProgress(gitDir) ? 'a rebase' : undefined;
  if (busy !== undefined)
    throw new UserError(MergeBranchMessages.operationInProgress(busy), {
      hint: MergeBranchMessages.OPERATION_IN_PROGRESS_HINT,
    });
  const staged = await stagedPaths(git);
  if (staged.length > 0)
    throw new UserError(MergeBranchMessages.stagedChanges(staged), {
      hint: MergeBranchMessages.STAGED_CHANGES_HINT,
    });
  return target;
}

// Every environment's heads file, whether in use or not: an attribute on a file that is absent
// on both sides changes nothing. A project git-alembic cannot read is refused before merging.
async function headsFilesOf(topLevel: string, env: RunContext['env']): Promise<string[]> {
  const config = await loadProjectConfig(topLevel);
  if (!config.enabled)
    throw new UserError(MergeBranchMessages.turnedOff(config.file ?? 'the git-alembic config'), {
      hint: MergeBranchMessages.TURNED_OFF_HINT,
    });
  const workspace = await discoverWorkspace(topLevel, env, {}, config);
  const files = workspace.environments.map((environment) =>
    repositoryPath(environment.headsFile, workspace.repoRoot),
  );
  return [...new Set(files.filter((file) => !path.isAbsolute(file)))];
}

// A true merge of `target` into the old HEAD, not a fast-forward (possibly onto someone else's
// merge commit) and not "Already up to date".
async function madeMergeCommit(
  git: GitProcess,
  before: string | undefined,
  target: string,
): Promise<boolean> {
  const parents = await parentsOf(git, 'HEAD');
  return before !== undefined && parents[0] === before && parents.slice(1).includes(target);
}

// The hook's own code, run as git would run it: GITHEAD_<sha> names the merged-in commit.
async function complete(
  hook: 'post-merge' | 'pre-commit',
  ref: string,
  target: string,
  { ctx, out }: Runtime,
): Promise<void> {
  const context = { ...ctx, env: { ...ctx.env, [`GITHEAD_${target}`]: ref } };
  try {
    if (hook === 'post-merge') {
      const { completeHeadMerge } = await import('../hooks/post-merge.js');
      await completeHeadMerge(createHookRun(hook, ['0'], context, out));
    } else {
      const { preCommit } = await import('../hooks/pre-commit.js');
      await preCommit(
        createHookRun(hook, [], context, out),
        MergeBranchMessages.stagedForMergeCommit,
      );
    }
  } catch (error) {
    // The merge itself is done; say so, and how to finish. Anything else is a bug (exit 70).
    if (!(error instanceof UserError)) throw error;
    throw new UserError(MergeBranchMessages.completionFailed(ref, error.message), {
      hint: MergeBranchMessages.COMPLETION_FAILED_HINT,
      cause: error,
    });
  }
}
