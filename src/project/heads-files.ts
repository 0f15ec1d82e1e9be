// Reading and rewriting each environment's heads file (`<script_location>/heads.txt` by default).
import path from 'node:path';

import {
  headsFileStatus,
  headsFileUpdate,
  type HeadsFileStatus,
} from '../core/heads/heads-file-status.js';
import { isReplaceableHeadsFile, sortHeads } from '../core/heads/heads-file.js';
import { InputError, UserError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { fileSystemReason } from '../fs/file-system-error.js';
import { HeadsFileMessages } from '../messages/edits.js';
import { HeadsFileUpkeepMessages } from '../messages/git-integration.js';
import type { History } from './workspace.js';
import { headsFileOrigin } from './write-origins.js';

/** One environment's heads file, compared with its history. */
export interface HeadsFileState {
  /** Absolute path. */
  readonly file: string;
  /** Path relative to the repository root, forward slashes (for messages and .gitattributes). */
  readonly relative: string;
  /** The actual heads (Alembic's `heads`), sorted. */
  readonly heads: readonly string[];
  readonly status: HeadsFileStatus;
  /** The file's text, undefined when missing or unreadable. */
  readonly text: string | undefined;
}

/** An environment's heads file (as its history was read) compared with the history. */
export function inspectHeadsFile(
  { environment, graph, headsFileText, headsFileReadError }: History,
  repoRoot: string,
): HeadsFileState {
  return inspectHeadsFileFor(
    environment.headsFile,
    graph.heads,
    repoRoot,
    headsFileText,
    headsFileReadError,
  );
}

/**
 * A heads file whose text is `text` (undefined: there is none) compared with the given heads;
 * `readError`, when the file exists but could not be read, makes it `unreadable` for that reason.
 */
export function inspectHeadsFileFor(
  file: string,
  heads: readonly string[],
  repoRoot: string,
  text: string | undefined,
  readError?: string,
): HeadsFileState {
  const sorted = sortHeads(heads);
  const relative = repositoryPath(file, repoRoot);
  if (readError !== undefined)
    return {
      file,
      relative,
      heads: sorted,
      status: { kind: 'unreadable', reason: readError },
      text: undefined,
    };
  return { file, relative, heads: sorted, status: headsFileStatus(text, sorted), text };
}

/**
 * Rewrites the heads file when it is missing or does not list exactly the heads (atomically,
 * in the existing file's line endings). Returns the state before and whether it wrote.
 * @throws UserError when the file is not a heads file, or its path leads outside the work tree.
 */
export function updateHeadsFile(
  history: History,
  repoRoot: string,
): HeadsFileState & { readonly written: boolean } {
  return updateHeadsFileTo(history, history.graph.heads, repoRoot);
}

/**
 * updateHeadsFile with the heads given (a hook adds the merge revision it has just written).
 * The text compared is the one the history was read with (in a hook: the commit's).
 */
export function updateHeadsFileTo(
  history: History,
  heads: readonly string[],
  repoRoot: string,
): HeadsFileState & { readonly written: boolean } {
  const { environment, headsFileReadError } = history;
  const state = inspectHeadsFileFor(
    environment.headsFile,
    heads,
    repoRoot,
    history.headsFileText,
    headsFileReadError,
  );
  // A file that exists but could not be read (a directory, no permission) is never written over.
  if (headsFileReadError !== undefined)
    throw new InputError(
      { file: state.relative },
      HeadsFileMessages.cannotRead(headsFileReadError),
    );
  const text = headsFileUpdate(state.text, state.heads);
  if (text === undefined) return { ...state, written: false };
  assertReplaceable(state);
  try {
    writeFileAtomic(
      { root: repoRoot, file: state.file, origin: headsFileOrigin(environment, repoRoot) },
      text,
    );
  } catch (error) {
    // A read-only directory, a full disk: the heads file's problem, named, not a crash.
    const reason = fileSystemReason(error);
    if (reason === undefined) throw error;
    throw new InputError({ file: state.relative }, HeadsFileMessages.cannotWrite(reason), {
      cause: error,
    });
  }
  return { ...state, written: true };
}

/**
 * Refuses a heads file path that holds someone else's file: one that neither reads as a heads
 * file nor is one with conflict markers in it. @throws UserError naming it and `headsFile`.
 */
export function assertReplaceable(state: HeadsFileState): void {
  if (
    state.text === undefined ||
    state.status.kind !== 'unreadable' ||
    isReplaceableHeadsFile(state.text)
  )
    return;
  throw new UserError(HeadsFileUpkeepMessages.notAHeadsFile(state.relative, state.status.reason), {
    hint: HeadsFileUpkeepMessages.NOT_A_HEADS_FILE_HINT,
  });
}

/** `file` relative to `repoRoot` with forward slashes (the absolute path when outside it). */
export function repositoryPath(file: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, file);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  )
    return file;
  return relative.split(path.sep).join('/');
}
