// A recursive-descent parser for the Python expression subset, following Python's grammar
// and precedence. Constructs outside the subset are named in the error, not mis-parsed.
import { EXPECTED_TOKEN, UNSUPPORTED_SYNTAX } from '../../messages/template.js';
import type { CompareOperator, Expression } from './python-ast.js';
import { parseAtom, parseCall, parseSubscript } from './python-parser-atoms.js';
import { describe, TokenCursor } from './python-token-cursor.js';

const COMPARE_OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const BITWISE_OPERATORS = new Set(['|', '&', '^', '<<', '>>']);
const UNSUPPORTED_TERM_OPERATORS = new Set(['/', '//', '@']);
const EXPRESSION_ENDS = new Set([')', ']', '}', ':', '=', ';']);

/** Parses Python expressions from tokens; statements and control lines build on it. */
export class PythonParser extends TokenCursor {
  /** `a, b` without brackets becomes a tuple (the iterable of a `for`, an assigned value). */
  expressionList(): Expression {
    const line = this.peek().line;
    const first = this.expression();
    if (!this.isOperator(',')) return first;
    const items = [first];
    while (this.isOperator(',')) {
      this.next();
      if (!this.startsExpression()) break;
      items.push(this.expression());
    }
    return { kind: 'tuple', items, line };
  }

  /** One expression: Python's `expression` rule (conditional expressions included). */
  expression(): Expression {
    if (this.isKeyword('lambda')) this.fail(UNSUPPORTED_SYNTAX('lambda'));
    const line = this.peek().line;
    const body = this.disjunction();
    if (!this.acceptKeyword('if')) return body;
    const test = this.disjunction();
    if (!this.acceptKeyword('else')) this.fail(EXPECTED_TOKEN("'else'", describe(this.peek())));
    return { kind: 'conditional', test, body, orElse: this.expression(), line };
  }

  /** Python's `disjunction`: an expression without a conditional (`x or y`, `not z`, …). */
  disjunction(): Expression {
    let left = this.conjunction();
    while (this.isKeyword('or')) {
      const line = this.next().line;
      left = { kind: 'or', left, right: this.conjunction(), line };
    }
    return left;
  }

  private conjunction(): Expression {
    let left = this.inversion();
    while (this.isKeyword('and')) {
      const line = this.next().line;
      left = { kind: 'and', left, right: this.inversion(), line };
    }
    return left;
  }

  private inversion(): Expression {
    if (!this.isKeyword('not')) return this.comparison();
    const line = this.next().line;
    return { kind: 'not', operand: this.inversion(), line };
  }

  private comparison(): Expression {
    const line = this.peek().line;
    const first = this.sum();
    const rest: { operator: CompareOperator; operand: Expression }[] = [];
    for (
      let operator = this.compareOperator();
      operator !== null;
      operator = this.compareOperator()
    ) {
      rest.push({ operator, operand: this.sum() });
    }
    return rest.length === 0 ? first : { kind: 'compare', first, rest, line };
  }

  private compareOperator(): CompareOperator | null {
    const token = this.peek();
    if (token.kind === 'op' && COMPARE_OPERATORS.has(token.value)) {
      this.next();
      return token.value as CompareOperator;
    }
    if (this.acceptKeyword('in')) return 'in';
    if (
      this.isKeyword('not') &&
      this.peekAhead(1).kind === 'name' &&
      this.peekAhead(1).value === 'in'
    ) {
      this.next();
      this.next();
      return 'not in';
    }
    if (this.acceptKeyword('is')) return this.acceptKeyword('not') ? 'is not' : 'is';
    return null;
  }

  private sum(): Expression {
    let left = this.term();
    while (this.isOperator('+') || this.isOperator('-')) {
      const token = this.next();
      left = {
        kind: 'binary',
        operator: token.value as '+' | '-',
        left,
        right: this.term(),
        line: token.line,
      };
    }
    const token = this.peek();
    if (token.kind === 'op' && BITWISE_OPERATORS.has(token.value))
      this.fail(UNSUPPORTED_SYNTAX(`operator ${token.value}`));
    return left;
  }

  private term(): Expression {
    let left = this.factor();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && UNSUPPORTED_TERM_OPERATORS.has(token.value))
        this.fail(UNSUPPORTED_SYNTAX(`operator ${token.value}`));
      if (!this.isOperator('*') && !this.isOperator('%')) return left;
      this.next();
      left = {
        kind: 'binary',
        operator: token.value as '*' | '%',
        left,
        right: this.factor(),
        line: token.line,
      };
    }
  }

  private factor(): Expression {
    const token = this.peek();
    if (this.isOperator('~')) this.fail(UNSUPPORTED_SYNTAX('operator ~'));
    if (!this.isOperator('-') && !this.isOperator('+')) return this.power();
    this.next();
    return {
      kind: token.value === '-' ? 'negate' : 'plus',
      operand: this.factor(),
      line: token.line,
    };
  }

  private power(): Expression {
    if (this.isKeyword('await')) this.fail(UNSUPPORTED_SYNTAX('await'));
    const base = this.primary();
    if (this.isOperator('**')) this.fail(UNSUPPORTED_SYNTAX('operator **'));
    return base;
  }

  // An atom followed by attribute accesses, calls and subscripts.
  private primary(): Expression {
    let value = parseAtom(this);
    for (;;) {
      const line = this.peek().line;
      if (this.isOperator('.')) {
        this.next();
        value = { kind: 'attribute', object: value, name: this.expectName(), line };
      } else if (this.isOperator('(')) {
        value = parseCall(this, value);
      } else if (this.isOperator('[')) {
        value = parseSubscript(this, value);
      } else {
        return value;
      }
    }
  }

  /** True unless the current token ends an expression list. */
  startsExpression(): boolean {
    const token = this.peek();
    if (token.kind === 'newline' || token.kind === 'end') return false;
    return !(token.kind === 'op' && EXPRESSION_ENDS.has(token.value));
  }
}
