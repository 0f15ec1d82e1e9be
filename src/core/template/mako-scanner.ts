// A cursor over template text that matches sticky regular expressions the way Mako's lexer
// does, including its quirk: an empty match still advances the cursor by one character
// (which is how a line-start `%%` loses one `%`). Line numbers count `\n` only, as Mako's do.

/** Mako-compatible regex cursor with line numbers. */
export class MakoScanner {
  /** The current offset; may pass the end by one after an empty match at the end. */
  pos = 0;
  private lineCursor = 0;
  private lineCount = 1;

  constructor(readonly text: string) {}

  /** Matches a sticky (`y`) regex at the cursor and advances past the match. */
  match(regex: RegExp): RegExpExecArray | null {
    regex.lastIndex = this.pos;
    const found = regex.exec(this.text);
    if (found === null) return null;
    this.pos = regex.lastIndex === found.index ? regex.lastIndex + 1 : regex.lastIndex;
    return found;
  }

  /** The 1-based line of an offset (offsets are asked for in increasing order, mostly). */
  lineAt(offset: number): number {
    if (offset < this.lineCursor) {
      this.lineCursor = 0;
      this.lineCount = 1;
    }
    const end = Math.min(offset, this.text.length);
    for (
      let index = this.text.indexOf('\n', this.lineCursor);
      index !== -1 && index < end;
      index = this.text.indexOf('\n', index + 1)
    ) {
      this.lineCount += 1;
    }
    this.lineCursor = Math.max(this.lineCursor, end);
    return this.lineCount;
  }
}
