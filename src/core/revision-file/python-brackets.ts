// Brackets decide where a logical line ends, and their mistakes are the syntax errors we can
// report with an exact line. The stack is a preallocated typed array, reused for every line.
import { PythonSyntaxMessages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from './python-syntax-error.js';

// CPython's tokenizer refuses deeper nesting ("too many nested parentheses").
const MAXIMUM_DEPTH = 200;

// `)` follows `(` directly; `]` and `}` sit two code points after `[` and `{`.
function openingOf(closing: number): number {
  return closing === 41 ? 40 : closing - 2;
}

/** The open brackets of the logical line being scanned. */
export class BracketTracker {
  private readonly offsets = new Int32Array(MAXIMUM_DEPTH);
  /** How many brackets are open. */
  depth = 0;

  /** Forgets every open bracket (a new logical line starts). */
  reset(): void {
    this.depth = 0;
  }

  /** Records the opening bracket at `offset`. */
  open(offset: number): void {
    if (this.depth === MAXIMUM_DEPTH)
      throw new PythonSyntaxError(offset, PythonSyntaxMessages.TOO_MANY_PARENTHESES);
    this.offsets[this.depth++] = offset;
  }

  /** Matches the closing bracket at `offset` with the innermost open one. */
  close(source: string, offset: number): void {
    const closing = source.charCodeAt(offset);
    if (this.depth === 0)
      throw new PythonSyntaxError(
        offset,
        PythonSyntaxMessages.unmatched(String.fromCharCode(closing)),
      );
    const openingOffset = this.offsets[--this.depth] ?? 0;
    const opening = source.charCodeAt(openingOffset);
    if (openingOf(closing) !== opening) {
      const message = PythonSyntaxMessages.mismatched(
        String.fromCharCode(closing),
        String.fromCharCode(opening),
      );
      throw new PythonSyntaxError(offset, message);
    }
  }

  /** Throws for the innermost bracket still open at the end of the source. */
  checkAllClosed(source: string): void {
    if (this.depth === 0) return;
    const offset = this.offsets[this.depth - 1] ?? 0;
    throw new PythonSyntaxError(offset, PythonSyntaxMessages.neverClosed(source.charAt(offset)));
  }
}
