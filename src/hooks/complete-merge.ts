// What follows a merge commit that touched a migration history, in post-merge and in anything
// else that makes a merge commit and then wants it whole (`git-alembic merge-branch` is to reuse
// this): write the merge revisions the merge made necessary, fold them with the heads files into
// that very commit (onMerge "amend") or leave them staged ("stage"), and say so in one line per
// merge revision.
import type { CommitRecord } from '../git/parse-output.js';
import { HookMessages } from '../messages/hooks.js';
import { announceMerges, createMergesFor } from './create-merges.js';
import { type FoldOutcome, foldIntoMerge } from './fold-into-head.js';
import type { HookRun } from './hook-run.js';

/** How long a signer may take by default before the fold counts the signature as needing a person. */
const SIGN_TIMEOUT_SECONDS = 30;

/**
 * Completes `merge`, the merge commit HEAD named when the work started (its first parent the
 * branch it was made on, `changed` what it changed against that parent). It is replaced only
 * while HEAD still names it.
 */
export async function completeMergeCommit(run: HookRun, merge: CommitRecord): Promise<void> {
  const operation = HookMessages.OPERATION_MERGE;
  const commits = merge.parents.map((sha, index) => ({ sha, current: index === 0 }));
  // The files as this very merge commit has them, whatever the work tree or index holds.
  const created = await createMergesFor(run, merge.changed, {
    commits,
    operation,
    result: { kind: 'committed', rev: merge.id },
  });
  if (created === undefined) return;
  if (created.project.config.onMerge === 'stage')
    return announceMerges(run, created, operation, HookMessages.staged);
  const ids = created.outcome.created.map((created) => created.id);
  const request = {
    merge,
    files: created.files,
    reason: HookMessages.foldReflog(ids.join(', ')),
    signTimeoutMs: signTimeoutSeconds(run.ctx.env) * 1000,
  };
  announceMerges(run, created, operation, completion(await foldIntoMerge(run.git, request)));
}

// The second half of each line: where the files went.
function completion(fold: FoldOutcome): (files: readonly string[]) => string {
  if (fold.folded) return HookMessages.folded;
  switch (fold.why) {
    case 'other-changes':
      return (files) => HookMessages.notFolded(files, fold.otherChanges);
    case 'moved':
      return HookMessages.notFoldedMoved;
    case 'unsigned':
      return (files) => HookMessages.notFoldedSigned(files, signFailureText(fold.failure));
  }
}

function signFailureText(failure: Extract<FoldOutcome, { why: 'unsigned' }>['failure']): string {
  switch (failure.kind) {
    case 'failed':
      return HookMessages.signFailed(failure.detail);
    case 'timeout':
      return HookMessages.signTimedOut(failure.seconds);
    case 'not-exact':
      return HookMessages.SIGN_NOT_EXACT;
  }
}

// GIT_ALEMBIC_SIGN_TIMEOUT: seconds, for a hardware key that wants a slow touch (or a test).
function signTimeoutSeconds(env: Readonly<Record<string, string | undefined>>): number {
  const seconds = Number(env['GIT_ALEMBIC_SIGN_TIMEOUT']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : SIGN_TIMEOUT_SECONDS;
}
