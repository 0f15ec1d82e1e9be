// User-facing text of `git-alembic merge-branch`. git prints its own lines about the merge; these
// say only what git-alembic adds, refuses or leaves to the user.
import { listText } from './hooks.js';

/** Every message `merge-branch` prints or throws. */
export const MergeBranchMessages = {
  // ---- refusals, before anything changes ------------------------------------------------
  DISABLED: 'GIT_ALEMBIC=0 turns git-alembic off; nothing was merged',
  DISABLED_HINT: 'unset GIT_ALEMBIC, or run `git merge` for a merge without git-alembic',
  turnedOff: (file: string): string =>
    `git-alembic is turned off in this repository ("enabled": false in ${file}); nothing was merged`,
  TURNED_OFF_HINT: 'run `git merge` for a merge without git-alembic',
  unknownRef: (ref: string): string => `'${ref}' does not name a commit; nothing was merged`,
  UNKNOWN_REF_HINT:
    'fetch it first (e.g. `git fetch origin main`, then `git-alembic merge-branch origin/main`)',
  ONE_REF: 'merge-branch merges exactly one branch (or commit)',
  ONE_REF_HINT:
    'name it, as in `git-alembic merge-branch origin/main`; merge several branches one at a time',
  optionLikeRef: (ref: string): string => `'${ref}' looks like an option, not a branch`,
  operationInProgress: (what: string): string => `${what} is in progress; nothing was merged`,
  OPERATION_IN_PROGRESS_HINT: 'finish it (`git commit`, `git rebase --continue`) or abort it first',
  stagedChanges: (files: readonly string[]): string =>
    `staged changes (${listText(files.slice(0, 5))}${files.length > 5 ? `, and ${files.length - 5} more` : ''}) would go into the merge commit; nothing was merged`,
  STAGED_CHANGES_HINT: 'commit them, or put them aside with `git stash`, then merge',
  // ---- during and after the merge -------------------------------------------------------
  /** An in-tree or info/attributes line gives a heads file another merge attribute; it wins over ours. */
  attributeOverridden: (file: string, value: string): string =>
    `${file} has merge=${value} from the repository's own attributes, which take precedence over git-alembic's driver for this merge`,
  /** git merge stopped with conflicts in these files. */
  conflictsLeft: (files: readonly string[]): string =>
    `conflicts left in ${listText(files)}; resolve them and \`git add\` them, then \`git commit\` ` +
    '(the pre-commit hook adds the merge revision where git-alembic is set up; elsewhere run `git-alembic merge` and `git add` its file first)',
  /** git merge stopped without conflicts (a pre-merge-commit hook, an index it could not write). */
  STOPPED_BEFORE_COMMIT:
    'git stopped before committing the merge (see its message above); conclude it with `git commit`, or undo it with `git merge --abort`',
  /** git merge failed outright (unrelated histories, local changes in the way…); git said why. */
  mergeFailed: (status: number): string =>
    `git merge failed (exit ${status}, see git's message above)`,
  MERGE_FAILED_HINT: 'fix what git names and run merge-branch again',
  /** The merge commit is made, but writing the merge revision failed. */
  completionFailed: (ref: string, detail: string): string =>
    `merged ${ref}, but could not write the merge revision: ${detail}`,
  COMPLETION_FAILED_HINT:
    'fix the file named, then run `git-alembic merge` and `git commit --amend` to add the merge revision to the merge commit',
  /** --no-commit: where the merge revision went. */
  stagedForMergeCommit: (files: readonly string[]): string =>
    `staged it${files.length === 0 ? '' : ` and ${listText(files)}`} for the merge commit: \`git commit\` concludes the merge`,
} as const;
