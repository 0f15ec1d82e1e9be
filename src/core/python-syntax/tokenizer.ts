// Python's tokenizer for the complete syntax check: NAME, NUMBER, STRING and OP tokens plus
// NEWLINE, INDENT and DEDENT, with CPython's lexical errors (indentation, tabs, brackets,
// numbers, strings, stray characters). Strings are found by the reader's own scanner, so both
// readers agree on where every string ends. Tokens go into parallel arrays: no object per token.
import { PythonSyntaxMessages as Messages } from '../../messages/revision-file.js';
import { BracketTracker } from '../revision-file/python-brackets.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import { isQuote, prefixFlags, skipString } from '../revision-file/python-string-scan.js';
import { endOfNumber } from './number-literal.js';
import { isNameContinue, isNameStart, operatorLength } from './characters.js';
import { IndentationStack } from './indentation-stack.js';

/** Token kinds. */
export const NAME = 0;
export const NUMBER = 1;
export const STRING = 2;
export const OP = 3;
export const NEWLINE = 4;
export const INDENT = 5;
export const DEDENT = 6;
export const END = 7;

/** The tokens of a module: kind, start and end offsets, in parallel arrays. */
export interface TokenList {
  readonly kinds: number[];
  readonly starts: number[];
  readonly ends: number[];
  /** String-prefix flags (python-string-scan.ts) for STRING tokens, 0 otherwise. */
  readonly flags: number[];
  /**
   * The lexical error that ended the tokens early (they then end with END at its offset).
   * Python's parser reads tokens as they come, so an earlier parse error wins over it.
   */
  lexicalError?: PythonSyntaxError;
}

/** Tokenizes decoded, newline-normalised source, up to its first lexical error if any. */
export function tokenize(source: string): TokenList {
  return new Tokenizer(source).run();
}

/**
 * Tokenizes the expression of an f-string field, `source[from, to)`, as if inside brackets
 * (line breaks do not end it), then NEWLINE and END. Comments and backslashes there are
 * Python 3.12's (PEP 701).
 */
export function tokenizeExpression(source: string, from: number, to: number): TokenList {
  return new Tokenizer(source).runExpression(from, to);
}

class Tokenizer {
  private readonly tokens: TokenList = { kinds: [], starts: [], ends: [], flags: [] };
  private readonly brackets = new BracketTracker();
  private readonly indentation = new IndentationStack();
  private offset = 0;

  constructor(private readonly source: string) {}

  run(): TokenList {
    try {
      return this.readAll();
    } catch (error) {
      if (!(error instanceof PythonSyntaxError)) throw error;
      this.push(END, error.offset, error.offset);
      this.tokens.lexicalError = error;
      return this.tokens;
    }
  }

  private readAll(): TokenList {
    const { source } = this;
    this.brackets.reset();
    while (this.offset < source.length) {
      if (!this.indentLine()) continue;
      this.lineTokens();
    }
    this.brackets.checkAllClosed(source);
    const last = this.tokens.kinds[this.tokens.kinds.length - 1];
    if (last !== undefined && last !== NEWLINE && last !== DEDENT && last !== INDENT)
      this.push(NEWLINE, source.length, source.length);
    // Errors at the end of the file are on its last line, as CPython reports them.
    const end = source.endsWith('\n') ? source.length - 1 : source.length;
    for (let level = this.indentation.depth; level > 0; level--) this.push(DEDENT, end, end);
    this.push(END, end, end);
    return this.tokens;
  }

  runExpression(from: number, to: number): TokenList {
    const { source } = this;
    this.brackets.reset();
    this.brackets.open(from - 1);
    for (let i = from; i < to; ) {
      const code = source.charCodeAt(i);
      if (code === 32 || code === 9 || code === 12 || code === 10) i++;
      else if (code === 35) while (i < to && source.charCodeAt(i) !== 10) i++;
      else if (code === 92 && source.charCodeAt(i + 1) === 10) i += 2;
      else i = this.token(i);
    }
    if (this.brackets.depth > 1) this.brackets.checkAllClosed(source);
    this.push(NEWLINE, to, to);
    this.push(END, to, to);
    return this.tokens;
  }

  private push(kind: number, start: number, end: number, flags = 0): void {
    this.tokens.kinds.push(kind);
    this.tokens.starts.push(start);
    this.tokens.ends.push(end);
    this.tokens.flags.push(flags);
  }

  // Measures the indentation of a physical line at the start of a logical line; false for a
  // blank or comment-only line (skipped whole), true with INDENT/DEDENT pushed otherwise.
  private indentLine(): boolean {
    const { source } = this;
    let column = 0;
    let altColumn = 0;
    let i = this.offset;
    for (
      let code = source.charCodeAt(i);
      code === 32 || code === 9 || code === 12;
      code = source.charCodeAt(++i)
    ) {
      if (code === 32) [column, altColumn] = [column + 1, altColumn + 1];
      else if (code === 9) [column, altColumn] = [(column & ~7) + 8, altColumn + 1];
      else [column, altColumn] = [0, 0];
    }
    const code = source.charCodeAt(i);
    if (code === 10 || code === 35 || i >= source.length) {
      const newline = source.indexOf('\n', i);
      this.offset = newline === -1 ? source.length : newline + 1;
      return false;
    }
    this.offset = i;
    const change = this.indentation.apply(column, altColumn, i);
    if (change === 1) this.push(INDENT, i, i);
    for (let closed = change; closed < 0; closed++) this.push(DEDENT, i, i);
    return true;
  }

  // The tokens of one logical line, up to and including its NEWLINE.
  private lineTokens(): void {
    const { source, brackets } = this;
    const length = source.length;
    let i = this.offset;
    while (i < length) {
      const code = source.charCodeAt(i);
      if (code === 32 || code === 9 || code === 12) i++;
      else if (code === 10) {
        if (brackets.depth === 0) {
          this.push(NEWLINE, i, i + 1);
          this.offset = i + 1;
          return;
        }
        i++;
      } else if (code === 35) {
        const newline = source.indexOf('\n', i);
        i = newline === -1 ? length : newline;
      } else if (code === 92) {
        if (i + 1 >= length) throw new PythonSyntaxError(i, Messages.EOF_IN_CONTINUATION);
        if (source.charCodeAt(i + 1) !== 10)
          throw new PythonSyntaxError(i, Messages.AFTER_CONTINUATION);
        i += 2;
        if (i >= length) throw new PythonSyntaxError(i - 2, Messages.EOF_IN_CONTINUATION);
      } else i = this.token(i);
    }
    this.offset = length;
  }

  private token(i: number): number {
    const { source } = this;
    const code = source.charCodeAt(i);
    if (isNameStart(source, i)) return this.nameOrString(i);
    if (isQuote(code)) return this.string(i, i, 0);
    if ((code >= 48 && code <= 57) || (code === 46 && isDigit(source.charCodeAt(i + 1)))) {
      const end = endOfNumber(source, i);
      this.push(NUMBER, i, end);
      return end;
    }
    // A stray ASCII character (`$`, `?`, a backquote) is a token no rule accepts: the parser
    // reports it, as pegen does; anything else is the tokenizer's "invalid character".
    const length = operatorLength(source, i) || (code < 128 ? 1 : 0);
    if (length === 0) throw new PythonSyntaxError(i, Messages.invalidCharacter(source, i));
    if (code === 40 || code === 91 || code === 123) this.brackets.open(i);
    else if (code === 41 || code === 93 || code === 125) this.brackets.close(source, i);
    this.push(OP, i, i + length);
    return i + length;
  }

  private nameOrString(start: number): number {
    const { source } = this;
    let end = start + 1;
    while (end < source.length && isNameContinue(source, end))
      end += source.codePointAt(end)! > 0xffff ? 2 : 1;
    if (isQuote(source.charCodeAt(end))) {
      const flags = prefixFlags(source, start, end);
      if (flags !== -1) return this.string(start, end, flags);
    }
    this.push(NAME, start, end);
    return end;
  }

  private string(start: number, quote: number, flags: number): number {
    const end = skipString(this.source, quote, flags);
    this.push(STRING, start, end, flags);
    return end;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
