// Setup steps 6 and 7: the `.gitattributes` line that gives each heads file our merge driver
// (and the one that keeps each hook file LF), and the heads files themselves.
import { addAttributeLines, attributeLineFor, lfAttributeLineFor } from '../core/edits/gitattributes.js';
import { headsFileUpdate } from '../core/heads/heads-file-status.js';
import { SetupMessages } from '../messages/git-integration.js';
import { inspectHeadsFile } from '../project/heads-files.js';
import type { History } from '../project/workspace.js';
import { type FileEdit, readForEdit } from './file-edits.js';

/** The repository's root `.gitattributes`. */
export const ATTRIBUTES_FILE = '.gitattributes';

/** The attribute lines for the heads files inside the repository, and the files outside it. */
export function attributeLines(headsFiles: readonly string[]): { lines: string[]; outside: string[] } {
  const inside = headsFiles.filter((file) => !file.startsWith('/') && !/^[A-Za-z]:/.test(file));
  return { lines: inside.map((file) => attributeLineFor(file)), outside: headsFiles.filter((file) => !inside.includes(file)) };
}

/**
 * The edit of `.gitattributes` adding our merge line for each heads file and an LF pin for each
 * hook file (repository-relative paths); `pinned` is the LF pins it adds, for the setup record.
 */
export function planAttributes(topLevel: string, headsFiles: readonly string[], hookFiles: readonly string[]): { edit: FileEdit; pinned: string[] } {
  const { file, relative, before } = readForEdit(topLevel, ATTRIBUTES_FILE);
  const pins = hookFiles.map((hookFile) => lfAttributeLineFor(hookFile));
  const { text, added } = addAttributeLines(before ?? '', [...attributeLines(headsFiles).lines, ...pins]);
  const after = added.length === 0 ? before : text;
  const summary = added.length === 0 ? SetupMessages.ATTRIBUTES_CURRENT : SetupMessages.attributesAdded(added);
  return { edit: { file, relative, before, after, summary }, pinned: added.filter((line) => pins.includes(line)) };
}

/** One edit per environment: its heads file written when missing or stale. */
export function planHeadsFiles(histories: readonly History[], topLevel: string): FileEdit[] {
  return histories.map((history) => {
    const state = inspectHeadsFile(history, topLevel);
    const after = headsFileUpdate(state.text, state.heads) ?? state.text;
    const summary = after === state.text ? SetupMessages.HEADS_CURRENT : SetupMessages.headsWritten(state.heads);
    return { file: state.file, relative: state.relative, before: state.text, after, summary };
  });
}
