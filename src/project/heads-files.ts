// Reading and rewriting each environment's heads file (`<script_location>/heads.txt` by default).
import path from 'node:path';

import { headsFileStatus, headsFileUpdate, type HeadsFileStatus } from '../core/heads/heads-file-status.js';
import { sortHeads } from '../core/heads/heads-file.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { History } from './workspace.js';

/** One environment's heads file, compared with its history. */
export interface HeadsFileState {
  /** Absolute path. */
  readonly file: string;
  /** Path relative to the repository root, forward slashes (for messages and .gitattributes). */
  readonly relative: string;
  /** The actual heads (Alembic's `heads`), sorted. */
  readonly heads: readonly string[];
  readonly status: HeadsFileStatus;
  /** The file's text, undefined when missing. */
  readonly text: string | undefined;
}

/** An environment's heads file (as its history was read) compared with the history. */
export function inspectHeadsFile({ environment, graph, headsFileText }: History, repoRoot: string): HeadsFileState {
  return inspectHeadsFileFor(environment.headsFile, graph.heads, repoRoot, headsFileText);
}

/** A heads file whose text is `text` (undefined: there is none) compared with the given heads. */
export function inspectHeadsFileFor(file: string, heads: readonly string[], repoRoot: string, text: string | undefined): HeadsFileState {
  const sorted = sortHeads(heads);
  return { file, relative: repositoryPath(file, repoRoot), heads: sorted, status: headsFileStatus(text, sorted), text };
}

/**
 * Rewrites the heads file when it is missing or does not list exactly the heads (atomically,
 * in the existing file's line endings). Returns the state before and whether it wrote.
 */
export function updateHeadsFile(history: History, repoRoot: string): HeadsFileState & { readonly written: boolean } {
  return updateHeadsFileTo(history, history.graph.heads, repoRoot);
}

/**
 * updateHeadsFile with the heads given (a hook adds the merge revision it has just written).
 * The text compared is the one the history was read with (in a hook: the commit's).
 */
export function updateHeadsFileTo(history: History, heads: readonly string[], repoRoot: string): HeadsFileState & { readonly written: boolean } {
  const state = inspectHeadsFileFor(history.environment.headsFile, heads, repoRoot, history.headsFileText);
  const text = headsFileUpdate(state.text, state.heads);
  if (text === undefined) return { ...state, written: false };
  writeFileAtomic(state.file, text);
  return { ...state, written: true };
}

/** `file` relative to `repoRoot` with forward slashes (the absolute path when outside it). */
export function repositoryPath(file: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}
