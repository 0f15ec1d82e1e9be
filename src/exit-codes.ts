/** Every exit status git-alembic uses, in one place (documented in the README). */
export const ExitCode = {
  /** Success; nothing to report. */
  OK: 0,
  /** `check` found a problem; the merge driver left conflicts in `%A`. */
  CHECK_FAILED: 1,
  /** `merge-branch`: git merge stopped with conflicts, left for the user as `git merge` leaves them. */
  CONFLICTS_LEFT: 1,
  /** Bad input or configuration: one line naming the file (and line). */
  BAD_INPUT: 2,
  /** A bug in git-alembic: a stack trace is printed. */
  INTERNAL: 70,
  /** Wrong command-line usage (EX_USAGE). */
  USAGE: 64,
} as const;

/** The merge driver only ever exits with these two (git treats any non-zero as "conflict"). */
export const DriverExit = {
  MERGED: 0,
  CONFLICTS_LEFT: 1,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * What a hook block does with the status of `git-alembic hook <name>`: only BLOCK (1) stops the
 * git operation (guard mode). Any other failure (the command missing, node missing, a crash) is
 * the hook's own problem, already reported on stderr, and must never block a commit or merge.
 */
export const HookExit = {
  DONE: 0,
  BLOCK: 1,
} as const;
