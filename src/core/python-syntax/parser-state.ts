// The state the syntax checker's recursive descent shares: a cursor over the token arrays, the
// scope the code is in (for `return`, `yield`, `await`, `break`, …), and a nesting budget, so
// that a pathological input ends in a syntax error rather than a stack overflow.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import { END, NAME, NUMBER, OP, STRING, type TokenList } from './tokenizer.js';

/** Python's hard keywords: never a name. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

// Keywords and operators an expression can start with.
const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set([
  'None',
  'True',
  'False',
  'not',
  'lambda',
  'await',
]);
const EXPRESSION_OPERATORS: ReadonlySet<string> = new Set([
  '(',
  '[',
  '{',
  '-',
  '+',
  '~',
  '*',
  '...',
]);

// CPython's parser gives up (MemoryError) on nesting a few thousand deep; we stop well before
// JavaScript's stack does, and report it as Python's refusal.
const MAXIMUM_NESTING = 1500;

/** What kind of code the cursor is in. */
export interface Scope {
  readonly kind: 'module' | 'function' | 'class' | 'lambda';
  readonly isAsync: boolean;
  /** Loops open in this scope (a `for`/`while` body, not its `else`). */
  loops: number;
}

/** A cursor over the tokens, with the helpers every parsing function uses. */
export class ParserState {
  readonly kinds: number[];
  readonly starts: number[];
  readonly ends: number[];
  readonly flags: number[];
  /** Each token's text, taken once: the parser compares it many times. */
  readonly texts: string[];
  position = 0;
  /** How many yield expressions were parsed so far (a comprehension must not add any). */
  yields = 0;
  /** No statement but a docstring and future imports so far: `from __future__` may come. */
  futureAllowed = true;
  /** The next statement is the module's first: a string there is the docstring. */
  docstringAllowed = true;
  scope: Scope = { kind: 'module', isAsync: false, loops: 0 };
  /** Scopes enclosing `scope`, innermost last. */
  readonly outerScopes: Scope[] = [];
  private nesting = 0;

  /** The lexical error the tokens stop at, thrown when parsing reaches it. */
  readonly lexicalError: PythonSyntaxError | undefined;

  constructor(
    readonly source: string,
    tokens: TokenList,
  ) {
    ({ kinds: this.kinds, starts: this.starts, ends: this.ends, flags: this.flags } = tokens);
    this.texts = this.kinds.map((kind, index) =>
      kind === NAME || kind === OP ? source.slice(this.starts[index], this.ends[index]) : '',
    );
    this.lexicalError = tokens.lexicalError;
  }

  kind(offset = 0): number {
    return this.kinds[this.position + offset] ?? END;
  }

  text(offset = 0): string {
    const index = this.position + offset;
    return this.texts[index] ?? '';
  }

  /** Whether the token is the operator `op`. */
  isOp(op: string, offset = 0): boolean {
    return this.kind(offset) === OP && this.text(offset) === op;
  }

  /** Whether the token is the name or keyword `word`. */
  isWord(word: string, offset = 0): boolean {
    return this.kind(offset) === NAME && this.text(offset) === word;
  }

  /** Whether the token is a name that is not a hard keyword. */
  isName(offset = 0): boolean {
    return this.kind(offset) === NAME && !KEYWORDS.has(this.text(offset));
  }

  /** Consumes the operator `op` when it is next. */
  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.position++;
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.position++;
    return true;
  }

  expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail(Messages.expected(op));
  }

  expectWord(word: string): void {
    if (!this.acceptWord(word)) this.fail(Messages.expected(word));
  }

  /** Consumes a name that is not a keyword, and returns it. */
  expectName(): string {
    if (!this.isName())
      this.fail(
        this.kind() === NAME ? Messages.keywordAsName(this.text()) : Messages.INVALID_SYNTAX,
      );
    this.position++;
    return this.text(-1);
  }

  /**
   * Throws a syntax error at token `at` (the current one by default), or the lexical error
   * when parsing failed on the END that stands in for it.
   */
  fail(message: string, at = this.position): never {
    if (this.lexicalError !== undefined && this.position >= this.kinds.length - 1)
      throw this.lexicalError;
    throw new PythonSyntaxError(this.starts[at] ?? this.source.length, message);
  }

  /** Whether the current token can start an expression (for optional values and missing commas). */
  startsExpression(): boolean {
    const kind = this.kind();
    if (kind === NAME) return this.isName() || EXPRESSION_KEYWORDS.has(this.text());
    if (kind === NUMBER || kind === STRING) return true;
    return kind === OP && EXPRESSION_OPERATORS.has(this.text());
  }

  /**
   * Counts one level of nesting; `leave` must follow in a `finally`, since a backtracking parse
   * (a `match` that turns out to be a name) catches errors and goes on. A `body` callback would
   * say so more safely, but its two stack frames a level cost the deepest nesting its headroom.
   */
  enter(): void {
    if (this.nesting >= MAXIMUM_NESTING) this.fail(Messages.TOO_DEEPLY_NESTED);
    this.nesting++;
  }

  leave(): void {
    this.nesting--;
  }

  /** A parser over other tokens of the same source (an f-string field), in the same scope. */
  nested(tokens: TokenList): ParserState {
    const inner = new ParserState(this.source, tokens);
    inner.scope = this.scope;
    inner.outerScopes.push(...this.outerScopes);
    inner.yields = this.yields;
    inner.nesting = this.nesting;
    return inner;
  }

  /** Runs `body` in a new scope. */
  inScope<T>(scope: Scope, body: () => T): T {
    this.outerScopes.push(this.scope);
    this.scope = scope;
    try {
      return body();
    } finally {
      this.scope = this.outerScopes.pop() ?? this.scope;
    }
  }

  /** The innermost function scope (lambdas included), if any. */
  get inFunction(): boolean {
    return this.scope.kind === 'function' || this.scope.kind === 'lambda';
  }
}
