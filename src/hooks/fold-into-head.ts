// post-merge's "amend": put the staged merge revision and heads file into the merge commit git
// has just made. `git commit --amend` is refused while MERGE_HEAD exists, so the commit object is
// remade: its own bytes with the index as the tree, every other header (mergetag, encoding, ones
// we do not know) and the message kept byte for byte. A signed merge is signed again with the
// user's own set-up, or left as it is: never replaced by an unsigned commit. HEAD moves only if
// it still names the merge recorded when the hook started (compare-and-swap). No hook fires.
import {
  headerValues,
  isSigned,
  parseIdentity,
  sameBytes,
  withoutSignatures,
  withTree,
} from '../core/commit/commit-object.js';
import {
  compareAndSwapRef,
  readCommitObject,
  writeCommitObject,
  writeTree,
} from '../git/commit-plumbing.js';
import type { GitProcess } from '../git/git-process.js';
import type { CommitRecord } from '../git/parse-output.js';
import { stagedPaths, verifyCommit } from '../git/plumbing.js';
import type { SignFailure } from '../git/sign-commit.js';

/** What to fold into which commit. */
export interface FoldRequest {
  /** The merge commit as recorded when the work started; nothing else is ever replaced. */
  readonly merge: Pick<CommitRecord, 'id' | 'parents'>;
  /** The staged files to fold in (repository-relative). */
  readonly files: readonly string[];
  /** The reflog entry of the move. */
  readonly reason: string;
  /** How long signing may take before it counts as needing a person. */
  readonly signTimeoutMs: number;
}

/** Whether the files went into the merge commit, or why not (they stay staged then). */
export type FoldOutcome =
  | { readonly folded: true }
  | {
      readonly folded: false;
      readonly why: 'other-changes';
      readonly otherChanges: readonly string[];
    }
  /** HEAD no longer names the merge (another program committed meanwhile). */
  | { readonly folded: false; readonly why: 'moved' }
  /** The merge is signed and no signed replacement could be made without a person. */
  | {
      readonly folded: false;
      readonly why: 'unsigned';
      readonly failure: SignFailure | { readonly kind: 'not-exact' };
    };

type NotFolded = Extract<FoldOutcome, { folded: false }>;

/** Remakes the merge with the index as its tree, if the index differs from it only in `files`. */
export async function foldIntoMerge(git: GitProcess, request: FoldRequest): Promise<FoldOutcome> {
  const ours = new Set(request.files);
  const [staged, original] = await Promise.all([
    stagedPaths(git, request.merge.id),
    readCommitObject(git, request.merge.id),
  ]);
  // Anything else staged would be slipped into the merge commit unseen; leave it to the user. But
  // what another program committed meanwhile is no staged change: HEAD has moved then. (Otherwise
  // the compare-and-swap below finds out.)
  const otherChanges = staged.filter((file) => !ours.has(file));
  if (otherChanges.length > 0) {
    return (await verifyCommit(git, 'HEAD')) === request.merge.id
      ? { folded: false, why: 'other-changes', otherChanges }
      : { folded: false, why: 'moved' };
  }
  const remade = withTree(original, await writeTree(git));
  if (remade === undefined || request.merge.parents.length < 2)
    throw new Error(`${request.merge.id} is not a merge commit git-alembic can remake`);
  const made = isSigned(original)
    ? await signedCopy(git, request, original, remade)
    : { id: await writeCommitObject(git, remade) };
  if ('why' in made) return made;
  return (await compareAndSwapRef(git, 'HEAD', made.id, request.merge.id, request.reason))
    ? { folded: true }
    : { folded: false, why: 'moved' };
}

// The remade commit, signed by git with the user's signing set-up; it must equal `remade` but for
// the signature.
async function signedCopy(
  git: GitProcess,
  request: FoldRequest,
  original: Uint8Array,
  remade: Uint8Array,
): Promise<{ readonly id: string } | NotFolded> {
  const committer = parseIdentity(headerValues(original, 'committer')[0] ?? '');
  const [tree = ''] = headerValues(remade, 'tree');
  if (committer === undefined)
    return { folded: false, why: 'unsigned', failure: { kind: 'not-exact' } };
  // A signer may want a person (a passphrase, a key to touch): not for a commit already replaced.
  if ((await verifyCommit(git, 'HEAD')) !== request.merge.id)
    return { folded: false, why: 'moved' };
  const { amendSigned } = await import('../git/sign-commit.js');
  const [encoding] = headerValues(original, 'encoding');
  const signed = await amendSigned(git, {
    commit: request.merge.id,
    tree,
    committer,
    encoding,
    timeoutMs: request.signTimeoutMs,
  });
  if (!signed.signed) return { folded: false, why: 'unsigned', failure: signed.failure };
  const made = await readCommitObject(git, signed.commit);
  const exact = isSigned(made) && sameBytes(withoutSignatures(made), withoutSignatures(remade));
  return exact
    ? { id: signed.commit }
    : { folded: false, why: 'unsigned', failure: { kind: 'not-exact' } };
}
