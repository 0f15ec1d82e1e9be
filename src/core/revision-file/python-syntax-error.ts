// The scanner works on offsets and knows nothing about files; this error carries the offset
// of a Python syntax problem until readRevisionFile turns it into an InputError with a line.

/** A Python syntax problem at a character offset of the decoded source. */
export class PythonSyntaxError extends Error {
  /** Offset in the decoded, newline-normalised source where the problem starts. */
  readonly offset: number;

  constructor(offset: number, message: string) {
    super(message);
    this.name = 'PythonSyntaxError';
    this.offset = offset;
  }
}

/** 1-based line number of an offset, counting `\n` (the source is newline-normalised). */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  let newline = source.indexOf('\n');
  while (newline !== -1 && newline < offset) {
    line++;
    newline = source.indexOf('\n', newline + 1);
  }
  return line;
}
