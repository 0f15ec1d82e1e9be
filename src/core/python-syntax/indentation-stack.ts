// The columns of the open indented blocks, as CPython's tokenizer keeps them: each line's column
// with tabs to multiples of 8 and, to catch mixed tabs and spaces, with tabs as 1 column; both
// must agree on whether a line indents, dedents or stays ("inconsistent use of tabs and spaces").
import { PythonSyntaxMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';

// CPython's limit on nested indented blocks.
const MAXIMUM_INDENT_LEVELS = 100;

/** The open blocks' columns; `apply` returns how many levels a line opens (1) or closes (< 0). */
export class IndentationStack {
  private readonly columns = [0];
  private readonly altColumns = [0];

  /** How many blocks are open. */
  get depth(): number {
    return this.columns.length - 1;
  }

  /** Enters a logical line at `column` (`altColumn`: tabs as 1) starting at `offset`. */
  apply(column: number, altColumn: number, offset: number): number {
    const top = this.columns[this.columns.length - 1] ?? 0;
    const altTop = this.altColumns[this.altColumns.length - 1] ?? 0;
    if (column === top) {
      if (altColumn !== altTop) throw new PythonSyntaxError(offset, Messages.INCONSISTENT_TABS);
      return 0;
    }
    if (column > top) {
      if (altColumn <= altTop) throw new PythonSyntaxError(offset, Messages.INCONSISTENT_TABS);
      if (this.columns.length > MAXIMUM_INDENT_LEVELS)
        throw new PythonSyntaxError(offset, Messages.TOO_DEEP_INDENTATION);
      this.columns.push(column);
      this.altColumns.push(altColumn);
      return 1;
    }
    let closed = 0;
    while (column < (this.columns[this.columns.length - 1] ?? 0)) {
      this.columns.pop();
      this.altColumns.pop();
      closed--;
    }
    if (column !== this.columns[this.columns.length - 1])
      throw new PythonSyntaxError(offset, Messages.UNINDENT_MISMATCH);
    if (altColumn !== this.altColumns[this.altColumns.length - 1])
      throw new PythonSyntaxError(offset, Messages.INCONSISTENT_TABS);
    return closed;
  }
}
