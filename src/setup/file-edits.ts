// Setup and uninstall first plan every file edit (reading everything, so a problem in any file
// stops them before anything is written), then apply the plan. Every file is checked when it is
// read for an edit: inside the work tree, and not a symbolic link, whose target setup would
// otherwise copy into the repository.
import { rmSync } from 'node:fs';
import path from 'node:path';

import { readTextIfExists, writeFileAtomic } from '../fs/atomic-write.js';
import { checkedWritePath, type PathOrigin } from '../fs/write-target.js';

/** One planned change of one file. */
export interface FileEdit {
  /** The work tree's top level, where the file must stay. */
  readonly root: string;
  /** The setting the file's path comes from, named if it leads outside. */
  readonly origin?: PathOrigin | undefined;
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

/** The part of an edit known before deciding the new content. */
export type EditTarget = Pick<FileEdit, 'root' | 'origin' | 'file' | 'relative' | 'before'>;

/**
 * A file's current state, ready to be turned into an edit.
 * @throws UserError when it leads outside the work tree or is a symbolic link.
 */
export function readForEdit(topLevel: string, relative: string, origin?: PathOrigin): EditTarget {
  const file = checkedWritePath({
    root: topLevel,
    file: path.join(topLevel, ...relative.split('/')),
    origin,
  });
  return { root: topLevel, origin, file, relative, before: readTextIfExists(file) };
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
    else writeFileAtomic({ root: edit.root, file: edit.file, origin: edit.origin }, edit.after);
  }
}

/** The printed line of an edit: `<path>: <summary>`. */
export function describeEdit(edit: FileEdit): string {
  return `${edit.relative}: ${edit.summary}`;
}
