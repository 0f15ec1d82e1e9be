// User-facing text of `git-alembic hook <name>`: one line when a hook acts, nothing otherwise.
// Heads are named with the branch they came from; sides are never "ours"/"theirs".

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

function count(n: number): string {
  return NUMBERS[n] ?? String(n);
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function extras(files: readonly string[]): string {
  return files.length === 0 ? '' : ` and ${listText(files)}`;
}

function inEnvironment(environment: string | undefined): string {
  return environment === undefined ? '' : ` in ${environment}`;
}

/** What the hooks print. */
export const HookMessages = {
  /** A head and where it came from: `aaaa11112222 (dev)`. */
  head: (id: string, from: string | undefined): string =>
    from === undefined ? id : `${id} (${from})`,
  NEW_HEAD: 'new',
  NEW_IN_COMMIT: 'new in this commit',
  /** The first half of a line about a merge revision the hook wrote. */
  created: (
    id: string,
    heads: readonly string[],
    operation: string,
    environment: string | undefined,
  ): string =>
    `created merge revision ${id} of ${listText(heads)}, which ${operation} left as ${count(heads.length)} heads${inEnvironment(environment)}`,
  // The second half: what happened to the file (and the heads files, `files`).
  folded: (files: readonly string[]): string => `added it${extras(files)} to the merge commit`,
  notFolded: (files: readonly string[], others: readonly string[]): string =>
    `staged it${extras(files)}, but left the merge commit as it is because other changes are staged too (${listText(others)}): commit them (git commit)`,
  /** Not folded: HEAD no longer named the merge commit by the time the files were ready. */
  notFoldedMoved: (files: readonly string[]): string =>
    `staged it${extras(files)}, but left the merge commit as it is because HEAD moved to another commit while the hook ran: commit them (git commit)`,
  /** Not folded: the merge is signed and could not be signed again without a person (`why`). */
  notFoldedSigned: (files: readonly string[], why: string): string =>
    `staged it${extras(files)}, but left the signed merge commit as it is because ${why}: add them with \`git commit --amend -S --no-edit\``,
  signFailed: (detail: string): string =>
    `signing it again failed${detail === '' ? '' : ` (${detail})`}`,
  signTimedOut: (seconds: number): string =>
    `signing it again took longer than ${seconds} s (GIT_ALEMBIC_SIGN_TIMEOUT)`,
  SIGN_NOT_EXACT: 'git could not remake it with nothing but the tree changed',
  staged: (files: readonly string[]): string =>
    `staged it${extras(files)}: commit ${files.length === 0 ? 'it' : 'them'} (git commit)`,
  stagedForSquash: (files: readonly string[]): string =>
    `staged it${extras(files)} for the squash commit`,
  inMergeCommit: (files: readonly string[]): string =>
    `added it${extras(files)} to this merge commit`,
  committedOnTop: (files: readonly string[], subject: string): string =>
    `committed it${extras(files)} on top ("${subject}")`,
  OPERATION_MERGE: 'this merge',
  OPERATION_SQUASH: 'this squash merge',
  OPERATION_REBASE: 'this rebase',
  /** A divergence a compared commit already had. */
  found: (heads: readonly string[], operation: string, environment: string | undefined): string =>
    `${listText(heads)} are ${count(heads.length)} heads on one branch${inEnvironment(environment)}, a divergence older than ${operation}; ` +
    'left as they are (run `git-alembic merge`, or set "mergeExistingDivergences": true to have the hooks merge such divergences)',
  /** pre-commit kept a heads file current. */
  headsFileUpdated: (file: string, heads: readonly string[]): string =>
    `updated ${file} (${heads.length === 0 ? 'no heads' : heads.join(', ')}) and staged it`,
  /** post-commit: a cherry-pick or a commit that skipped the hooks forked the history. */
  commitForked: (heads: readonly string[], environment: string | undefined): string =>
    `this commit left ${count(heads.length)} heads on one branch${inEnvironment(environment)}: ${listText(heads)}; ` +
    'run `git-alembic merge` and commit the merge revision',
  /** Subject and body of the commit post-rewrite makes after a rebase. */
  rebaseCommitMessage: (heads: readonly string[], onto: string): string =>
    `Merge Alembic heads ${listText(heads)}\n\nCreated by git-alembic: rebasing onto ${onto} left them as ${count(heads.length)} heads on one branch.`,
  /** A branch `git pull` merged from an address no remote-tracking branch follows. */
  pulledBranch: (branch: string, url: string): string => `${branch} of ${url}`,
  /** The reflog entry of the post-merge fold. */
  foldReflog: (id: string): string => `git-alembic: add merge revision ${id} to the merge commit`,
  /** A hook's own failure: reported, and git goes on unless guard mode is on. */
  failed: (hook: string, detail: string, guard: boolean): string =>
    `${hook} hook failed: ${detail}; run \`git-alembic check\`${guard ? ' (guard is on, so git stops here)' : ''}`,
  /** Environments discovery could not read: left out, never a reason to stop git, even in guard mode. */
  leftOut: (hook: string, first: string, more: number): string =>
    `${hook} hook left out ${more === 0 ? 'an Alembic environment' : `${count(more + 1)} Alembic environments`} it cannot read (${first}${more === 0 ? '' : `; and ${more} more`}); ` +
    'the others were handled; run `git-alembic check`',
  internal: (detail: string): string =>
    `internal error (${detail}; GIT_ALEMBIC_DEBUG=1 prints the stack trace)`,
  UNKNOWN_HOOK: (name: string, known: readonly string[]): string =>
    `unknown hook '${name}'; git-alembic runs in ${listText(known)}`,
  UNKNOWN_HOOK_HINT: 'run `npx git-alembic setup` to write the hook blocks this version expects',
} as const;
