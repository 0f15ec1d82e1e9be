// The complete syntax check of one revision file (core/python-syntax), for the files that
// matter: every file `check` reads, and the files a git operation brought in or changed. The
// readers themselves check only what they meet on the way (strings, brackets, indentation).
// Files that cannot be decoded or hold conflict markers are left to the readers, which report
// those problems in their own words.
import { InputError } from '../../errors.js';
import { pythonSyntaxError } from '../../messages/revision-file.js';
import { checkPythonSyntax } from '../python-syntax/check-syntax.js';
import { conflictMarkerLine } from './conflict-markers.js';
import { SourceDecodingError, decodePythonSource } from './python-source.js';
import { PythonSyntaxError, lineAt } from './python-syntax-error.js';
import type { RevisionFileInput } from './revision-file-input.js';

// The checker keeps every token of a file (about 40 bytes each), so a file of tens of megabytes
// would take gigabytes; beyond this size only the readers' own checks run. Real revision files
// are a few kilobytes, and Alembic's own template writes a few hundred bytes.
const COMPLETE_CHECK_LIMIT = 4 * 1024 * 1024;

/**
 * Throws InputError (`file:line: Python syntax error: …`) when Python would refuse to compile
 * the file. Files over 4 MB are left to the readers' own checks.
 */
export function checkRevisionFileSyntax(input: RevisionFileInput): void {
  if (input.bytes.length > COMPLETE_CHECK_LIMIT) return;
  let source: string;
  try {
    source = decodePythonSource(input.bytes);
  } catch (error) {
    if (error instanceof SourceDecodingError) return;
    throw error;
  }
  if (conflictMarkerLine(source) !== undefined) return;
  try {
    checkPythonSyntax(source);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    throw new InputError(
      { file: input.displayPath, line: lineAt(source, error.offset) },
      pythonSyntaxError(error.message),
      { cause: error },
    );
  }
}
