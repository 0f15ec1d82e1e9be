// Python's INDENT/DEDENT rules for the lines we tokenize: a header ending in `:` must be
// followed by a deeper line, a deeper line needs such a header, and a dedent must land on a
// column some enclosing block used. Each mistake is an IndentationError in Python.
import { PythonSyntaxMessages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from './python-syntax-error.js';

/** The indentation of the open blocks, checked line by line. */
export class IndentationTracker {
  private readonly columns: number[] = [0];
  private expectingBlock = false;

  /** Checks the column of the logical line starting at `offset`, opening or closing blocks. */
  enter(column: number, offset: number): void {
    const current = this.columns[this.columns.length - 1] ?? 0;
    if (this.expectingBlock) {
      this.expectingBlock = false;
      if (column <= current)
        throw new PythonSyntaxError(offset, PythonSyntaxMessages.EXPECTED_INDENTED_BLOCK);
      this.columns.push(column);
      return;
    }
    if (column > current)
      throw new PythonSyntaxError(offset, PythonSyntaxMessages.UNEXPECTED_INDENT);
    while (column < (this.columns[this.columns.length - 1] ?? 0)) this.columns.pop();
    if (column !== this.columns[this.columns.length - 1])
      throw new PythonSyntaxError(offset, PythonSyntaxMessages.UNINDENT_MISMATCH);
  }

  /** The line just entered is a header ending in `:`; its block must follow. */
  expectBlock(): void {
    this.expectingBlock = true;
  }

  /** At the end of the source (`offset`), a header still waiting for its block is an error. */
  finish(offset: number): void {
    if (this.expectingBlock)
      throw new PythonSyntaxError(offset, PythonSyntaxMessages.EXPECTED_INDENTED_BLOCK);
  }
}
