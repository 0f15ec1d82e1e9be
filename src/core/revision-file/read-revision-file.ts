// The revision file reader as callers use it: the complete syntax check where asked, then the
// fast path, then the precise reader. Kept apart from revision-file.ts so that loading the
// precise reader alone (the hooks' scan does, for an odd file) does not load the syntax checker.
import { checkRevisionFileSyntax } from './complete-check.js';
import { readCommonRevisionFile } from './fast-reader.js';
import type { RevisionFileInput, RevisionFileOptions } from './revision-file-input.js';
import { readRevisionFilePrecisely } from './revision-file.js';
import type { Revision } from '../revision.js';

export type { RevisionFileInput, RevisionFileOptions } from './revision-file-input.js';

/**
 * The revision a file declares, normalised as Alembic normalises it. Throws InputError
 * (`file:line: …`) for Python syntax errors, values that are not literals, bindings we cannot
 * follow, and values Alembic would reject.
 */
export function readRevisionFile(input: RevisionFileInput, options: RevisionFileOptions): Revision {
  if (options.completeSyntaxCheck === true) checkRevisionFileSyntax(input);
  // Most files take the fast path; it returns undefined for anything it cannot vouch for.
  return readCommonRevisionFile(input, options) ?? readRevisionFilePrecisely(input, options);
}
