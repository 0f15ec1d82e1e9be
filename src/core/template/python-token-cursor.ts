// A cursor over Python tokens with the small vocabulary a recursive-descent parser needs:
// look, take, expect, and fail with the template line of the current token.
import { EXPECTED_TOKEN } from '../../messages/template.js';
import type { PyToken } from './python-tokenizer.js';
import { atLine, failAt, type SourceSite } from './template-site.js';

/** Python's reserved words: never plain names. */
export const KEYWORDS: ReadonlySet<string> = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** Walks the tokens of tokenizePython; `site` names the template for errors. */
export class TokenCursor {
  private index = 0;

  constructor(
    private readonly tokens: readonly PyToken[],
    private readonly site: SourceSite,
  ) {}

  /** The current token (the final `end` token once past the end). */
  peek(): PyToken {
    return this.peekAhead(0);
  }

  /** The token `offset` places after the current one. */
  peekAhead(offset: number): PyToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as PyToken;
  }

  /** Consumes and returns the current token. */
  next(): PyToken {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  /** True when the current token is the operator `value`. */
  isOperator(value: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === value;
  }

  /** True when the current token is the keyword (or name) `value`. */
  isKeyword(value: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.value === value;
  }

  /** Consumes the operator `value` or fails. */
  expectOperator(value: string): void {
    if (!this.isOperator(value)) this.fail(EXPECTED_TOKEN(`'${value}'`, describe(this.peek())));
    this.index += 1;
  }

  /** Consumes a keyword if it is current. */
  acceptKeyword(value: string): boolean {
    if (!this.isKeyword(value)) return false;
    this.index += 1;
    return true;
  }

  /** Consumes a plain (non-keyword) name or fails. */
  expectName(): string {
    const token = this.peek();
    if (token.kind !== 'name' || KEYWORDS.has(token.value))
      this.fail(EXPECTED_TOKEN('a name', describe(token)));
    this.index += 1;
    return token.value;
  }

  /** Consumes an optional final newline, then requires the end of the tokens. */
  expectEnd(expected: string): void {
    if (this.peek().kind === 'newline') this.index += 1;
    if (this.peek().kind !== 'end') this.fail(EXPECTED_TOKEN(expected, describe(this.peek())));
  }

  /** Fails at the current token. */
  fail(message: string): never {
    return this.failOn(this.peek(), message);
  }

  /** Fails at the line of an earlier token (a construct that turned out wrong once read). */
  failOn(token: PyToken, message: string): never {
    return failAt(atLine(this.site, token.line), message);
  }
}

/** How a token is named in a syntax error. */
export function describe(token: PyToken): string {
  if (token.kind === 'end' || token.kind === 'newline') return 'the end of the code';
  if (token.kind === 'string') return 'a string';
  return `'${token.value}'`;
}
