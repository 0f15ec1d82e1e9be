// Setup steps 6 and 7: the `.gitattributes` line that gives each heads file our merge driver
// (and the one that keeps each hook file LF), and the heads files themselves.
import {
  addAttributeLines,
  attributeLineFor,
  lfAttributeLineFor,
} from '../core/edits/gitattributes.js';
import { headsFileCommentUpdate, headsFileUpdate } from '../core/heads/heads-file-status.js';
import { checkedWritePath } from '../fs/write-target.js';
import { SetupMessages } from '../messages/git-integration.js';
import { assertReplaceable, inspectHeadsFile } from '../project/heads-files.js';
import type { History } from '../project/workspace.js';
import { headsFileOrigin } from '../project/write-origins.js';
import { type FileEdit, readForEdit } from './file-edits.js';

/** The repository's root `.gitattributes`. */
export const ATTRIBUTES_FILE = '.gitattributes';

/**
 * The edit of `.gitattributes` adding our merge line for each heads file and an LF pin for each
 * hook file (repository-relative paths); `pinned` is the LF pins it adds, for the setup record.
 */
export function planAttributes(
  topLevel: string,
  headsFiles: readonly string[],
  hookFiles: readonly string[],
): { edit: FileEdit; pinned: string[] } {
  const target = readForEdit(topLevel, ATTRIBUTES_FILE);
  const pins = hookFiles.map((hookFile) => lfAttributeLineFor(hookFile));
  const { text, added } = addAttributeLines(target.before ?? '', [
    ...headsFiles.map((file) => attributeLineFor(file)),
    ...pins,
  ]);
  const after = added.length === 0 ? target.before : text;
  const summary =
    added.length === 0 ? SetupMessages.ATTRIBUTES_CURRENT : SetupMessages.attributesAdded(added);
  return {
    edit: { ...target, after, summary },
    pinned: added.filter((line) => pins.includes(line)),
  };
}

/**
 * One edit per environment: its heads file written when missing or stale, or given the current
 * comment line when an earlier version wrote it.
 * @throws UserError when a heads file path leads outside the work tree, is a symbolic link, or
 * holds a file that is not a heads file.
 */
export function planHeadsFiles(histories: readonly History[], topLevel: string): FileEdit[] {
  return histories.map((history) => {
    const origin = headsFileOrigin(history.environment, topLevel);
    // Checked before it is read: a link's target is never read, let alone copied here.
    checkedWritePath({ root: topLevel, file: history.environment.headsFile, origin });
    const state = inspectHeadsFile(history, topLevel);
    assertReplaceable(state);
    const written = headsFileUpdate(state.text, state.heads);
    const after = written ?? headsFileCommentUpdate(state.text) ?? state.text;
    const summary =
      written !== undefined
        ? SetupMessages.headsWritten(state.heads)
        : after === state.text
          ? SetupMessages.HEADS_CURRENT
          : SetupMessages.HEADS_COMMENT_UPDATED;
    return {
      root: topLevel,
      origin,
      file: state.file,
      relative: state.relative,
      before: state.text,
      after,
      summary,
    };
  });
}
