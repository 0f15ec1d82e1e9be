// Setup and uninstall first plan every file edit (reading everything, so a problem in any file
// stops them before anything is written), then apply the plan.
import { rmSync } from 'node:fs';
import path from 'node:path';

import { readTextIfExists, writeFileAtomic } from '../fs/atomic-write.js';

/** One planned change of one file. */
export interface FileEdit {
  /** Absolute path. */
  readonly file: string;
  /** Relative to the top level, forward slashes. */
  readonly relative: string;
  /** Content now; undefined when the file does not exist. */
  readonly before: string | undefined;
  /** Content wanted; undefined to delete the file. */
  readonly after: string | undefined;
  /** What the change is, printed after the path. */
  readonly summary: string;
}

/** A file's current state, ready to be turned into an edit. */
export function readForEdit(topLevel: string, relative: string): { file: string; relative: string; before: string | undefined } {
  const file = path.join(topLevel, ...relative.split('/'));
  return { file, relative, before: readTextIfExists(file) };
}

/** Whether the edit changes anything. */
export function changes(edit: FileEdit): boolean {
  return edit.before !== edit.after;
}

/** Whether the edit creates the file. */
export function creates(edit: FileEdit): boolean {
  return edit.before === undefined && edit.after !== undefined;
}

/** Writes (atomically) or deletes each file whose content changes. */
export function applyFileEdits(edits: readonly FileEdit[]): void {
  for (const edit of edits) {
    if (!changes(edit)) continue;
    if (edit.after === undefined) rmSync(edit.file, { force: true });
    else writeFileAtomic(edit.file, edit.after);
  }
}

/** The printed line of an edit: `<path>: <summary>`. */
export function describeEdit(edit: FileEdit): string {
  return `${edit.relative}: ${edit.summary}`;
}
