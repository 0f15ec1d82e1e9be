// Reading and rewriting each environment's heads file (`<script_location>/heads.txt` by default).
import path from 'node:path';

import { headsFileStatus, headsFileUpdate, type HeadsFileStatus } from '../core/heads/heads-file-status.js';
import { sortHeads } from '../core/heads/heads-file.js';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic-write.js';
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

/** Reads an environment's heads file and compares it with the history. */
export function inspectHeadsFile({ environment, graph }: History, repoRoot: string): HeadsFileState {
  return inspectHeadsFileFor(environment.headsFile, graph.heads, repoRoot);
}

/** Reads a heads file and compares it with the given heads. */
export function inspectHeadsFileFor(file: string, heads: readonly string[], repoRoot: string): HeadsFileState {
  const text = readTextIfExists(file);
  const sorted = sortHeads(heads);
  return { file, relative: repositoryPath(file, repoRoot), heads: sorted, status: headsFileStatus(text, sorted), text };
}

/**
 * Rewrites the heads file when it is missing or does not list exactly the heads (atomically,
 * in the existing file's line endings). Returns the state before and whether it wrote.
 */
export function updateHeadsFile(history: History, repoRoot: string): HeadsFileState & { readonly written: boolean } {
  return updateHeadsFileTo(history.environment.headsFile, history.graph.heads, repoRoot);
}

/** updateHeadsFile with the heads given (a hook adds the merge revision it has just written). */
export function updateHeadsFileTo(file: string, heads: readonly string[], repoRoot: string): HeadsFileState & { readonly written: boolean } {
  const state = inspectHeadsFileFor(file, heads, repoRoot);
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
