// Splits Python source from a template (an expression, a control line, a code block) into
// tokens, with Python's line joining: inside brackets and after a trailing backslash.
import {
  NON_ASCII_NAME,
  UNEXPECTED_CHARACTER,
  UNSUPPORTED_NUMBER,
} from '../../messages/template.js';
import { THREE_CHARACTER_OPERATORS, TWO_CHARACTER_OPERATORS } from '../python-operators.js';
import { readStringLiteral, STRING_START } from './python-string-literal.js';
import { atLine, failAt, type SourceSite } from './template-site.js';

/** The kinds of token the parser sees. */
export type PyTokenKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'end';

/** One token. For strings `value` is the decoded text; otherwise it equals `text`. */
export interface PyToken {
  readonly kind: PyTokenKind;
  readonly value: string;
  readonly line: number;
  /** Leading whitespace of the logical line this token starts, or null when it starts none. */
  readonly indent: string | null;
}

// Longest first: the first that matches is the token.
const OPERATORS = [
  ...THREE_CHARACTER_OPERATORS,
  ...TWO_CHARACTER_OPERATORS,
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  ';',
  '@',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '|',
  '&',
  '^',
  '~',
  '!',
];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;
const DECIMAL = /^(?:0+|[1-9][0-9]*)$/;
const BLANK = /[ \t\f]*/y;
const OPENERS = '([{';
const CLOSERS = ')]}';

/** Tokenizes `source`, whose first character is on line `site.line`. */
export function tokenizePython(source: string, site: SourceSite): PyToken[] {
  return new Tokenizer(source, site).run();
}

// One pass over the source; `depth` counts open brackets for implicit line joining.
class Tokenizer {
  private readonly tokens: PyToken[] = [];
  private pos = 0;
  private line: number;
  private depth = 0;
  private lineIndent: string | null = '';

  constructor(
    private readonly source: string,
    private readonly site: SourceSite,
  ) {
    this.line = site.line;
  }

  run(): PyToken[] {
    this.readIndent();
    while (this.pos < this.source.length) this.step();
    this.endLogicalLine();
    this.push('end', '');
    return this.tokens;
  }

  private step(): void {
    const char = this.source[this.pos] ?? '';
    if (char === ' ' || char === '\t' || char === '\f') this.pos += 1;
    else if (char === '#') this.skipComment();
    else if (char === '\n' || char === '\r') this.readNewline();
    else if (char === '\\' && /^\\(\r\n|\r|\n)/.test(this.source.slice(this.pos, this.pos + 3)))
      this.joinLines();
    else this.readToken(char);
  }

  private readToken(char: string): void {
    STRING_START.lastIndex = this.pos;
    if (STRING_START.test(this.source)) return this.readString();
    if (/[0-9]/.test(char)) return this.readNumber();
    NAME.lastIndex = this.pos;
    const name = NAME.exec(this.source);
    if (name) return this.consume('name', name[0]);
    if (char.charCodeAt(0) > 0x7f && /[\p{L}\p{Nl}]/u.test(char))
      failAt(this.here(), NON_ASCII_NAME);
    const operator = OPERATORS.find((candidate) => this.source.startsWith(candidate, this.pos));
    if (operator === undefined) return failAt(this.here(), UNEXPECTED_CHARACTER(char));
    if (OPENERS.includes(operator)) this.depth += 1;
    if (CLOSERS.includes(operator)) this.depth = Math.max(0, this.depth - 1);
    this.consume('op', operator);
  }

  private readString(): void {
    const literal = readStringLiteral(this.source, this.pos, this.here());
    this.push('string', literal.value);
    this.pos = literal.end;
    this.line += literal.newlines;
  }

  private readNumber(): void {
    NUMBER.lastIndex = this.pos;
    const text = NUMBER.exec(this.source)?.[0] ?? '';
    const value = Number(text);
    if (!DECIMAL.test(text) || !Number.isSafeInteger(value))
      failAt(this.here(), UNSUPPORTED_NUMBER(text));
    this.consume('number', text);
  }

  private skipComment(): void {
    while (this.pos < this.source.length && !'\r\n'.includes(this.source[this.pos] ?? ''))
      this.pos += 1;
  }

  private readNewline(): void {
    this.pos += this.source.startsWith('\r\n', this.pos) ? 2 : 1;
    if (this.source[this.pos - 1] === '\n') this.line += 1;
    if (this.depth > 0) return;
    this.endLogicalLine();
    this.readIndent();
  }

  private joinLines(): void {
    this.pos += this.source.startsWith('\\\r\n', this.pos) ? 3 : 2;
    if (this.source[this.pos - 1] === '\n') this.line += 1;
  }

  private endLogicalLine(): void {
    if (this.lineIndent === null) this.push('newline', '');
  }

  // A logical line's indentation is the whitespace before its first token.
  private readIndent(): void {
    BLANK.lastIndex = this.pos;
    this.lineIndent = BLANK.exec(this.source)?.[0] ?? '';
    this.pos = BLANK.lastIndex;
  }

  private consume(kind: PyTokenKind, text: string): void {
    this.push(kind, text);
    this.pos += text.length;
  }

  private push(kind: PyTokenKind, value: string): void {
    const indent = kind === 'newline' || kind === 'end' ? null : this.lineIndent;
    this.tokens.push({ kind, value, line: this.line, indent });
    if (kind !== 'newline' && kind !== 'end') this.lineIndent = null;
  }

  private here(): SourceSite {
    return atLine(this.site, this.line);
  }
}
