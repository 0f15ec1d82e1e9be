// The bracketed expressions of the grammar: tuples, lists, dicts and sets, the comprehensions
// and generator expressions written inside them, and loop targets. It asks the expression
// parser for subexpressions through an interface, so it does not import it.
import { EXPECTED_TOKEN, UNSUPPORTED_SYNTAX } from '../../messages/template.js';
import type { ComprehensionClause, DictEntry, Expression, ForTarget } from './python-ast.js';
import { describe, type TokenCursor } from './python-token-cursor.js';

/** What the rules here need from the expression parser. */
export interface ExpressionParser extends TokenCursor {
  /** Python's `expression` (conditional expressions included). */
  expression(): Expression;
  /** Python's `disjunction`: no conditional, as in a comprehension's iterable and conditions. */
  disjunction(): Expression;
}

/** `(…)`, `[…]` or `{…}`, at its opening bracket. */
export function parseDisplay(parser: ExpressionParser): Expression {
  const opening = parser.next();
  if (opening.value === '{') return parseBraces(parser, opening.line);
  const closing = opening.value === '(' ? ')' : ']';
  const items: Expression[] = [];
  let sawComma = false;
  while (!parser.isOperator(closing)) {
    items.push(displayItem(parser));
    if (parser.isKeyword('for') && items.length === 1) {
      const clauses = parseClauses(parser);
      parser.expectOperator(closing);
      const form = closing === ')' ? 'generator' : 'list';
      return {
        kind: 'comprehension',
        form,
        element: items[0] as Expression,
        value: null,
        clauses,
        line: opening.line,
      };
    }
    if (parser.isOperator(closing)) break;
    parser.expectOperator(',');
    sawComma = true;
  }
  parser.next();
  if (closing === ']') return { kind: 'list', items, line: opening.line };
  if (items.length === 1 && !sawComma) return items[0] as Expression;
  return { kind: 'tuple', items, line: opening.line };
}

// `{}` and `{k: v, …}` are dicts, `{a, …}` a set; either may be a comprehension instead.
function parseBraces(parser: ExpressionParser, line: number): Expression {
  if (parser.isOperator('}')) {
    parser.next();
    return { kind: 'dict', entries: [], line };
  }
  const first = displayItem(parser);
  if (!parser.isOperator(':')) return parseSet(parser, first, line);
  parser.next();
  const entries: DictEntry[] = [{ key: first, value: parser.expression() }];
  if (parser.isKeyword('for')) {
    const clauses = parseClauses(parser);
    parser.expectOperator('}');
    return {
      kind: 'comprehension',
      form: 'dict',
      element: first,
      value: entries[0]?.value ?? null,
      clauses,
      line,
    };
  }
  while (parser.isOperator(',')) {
    parser.next();
    if (parser.isOperator('}')) break;
    const key = displayItem(parser);
    parser.expectOperator(':');
    entries.push({ key, value: parser.expression() });
  }
  parser.expectOperator('}');
  return { kind: 'dict', entries, line };
}

function parseSet(parser: ExpressionParser, first: Expression, line: number): Expression {
  if (parser.isKeyword('for')) {
    const clauses = parseClauses(parser);
    parser.expectOperator('}');
    return { kind: 'comprehension', form: 'set', element: first, value: null, clauses, line };
  }
  const items = [first];
  while (parser.isOperator(',')) {
    parser.next();
    if (parser.isOperator('}')) break;
    items.push(displayItem(parser));
  }
  parser.expectOperator('}');
  return { kind: 'set', items, line };
}

function displayItem(parser: ExpressionParser): Expression {
  if (parser.isOperator('*') || parser.isOperator('**'))
    parser.fail(UNSUPPORTED_SYNTAX('unpacking in displays'));
  return parser.expression();
}

/** The `for … in … if …` clauses after a comprehension's element, at the first `for`. */
export function parseClauses(parser: ExpressionParser): ComprehensionClause[] {
  const clauses: ComprehensionClause[] = [];
  while (parser.acceptKeyword('for')) {
    const target = parseForTarget(parser);
    if (!parser.acceptKeyword('in')) parser.fail(EXPECTED_TOKEN("'in'", describe(parser.peek())));
    const iterable = parser.disjunction();
    const conditions: Expression[] = [];
    while (parser.acceptKeyword('if')) conditions.push(parser.disjunction());
    clauses.push({ target, iterable, conditions });
  }
  if (parser.isKeyword('async')) parser.fail(UNSUPPORTED_SYNTAX('async comprehensions'));
  return clauses;
}

/** A loop target: `x`, `a, b` or `(a, b)`, the forms templates use. */
export function parseForTarget(parser: TokenCursor): ForTarget {
  const parenthesised = parser.isOperator('(');
  if (parenthesised) parser.next();
  const ids = [parser.expectName()];
  let sawComma = false;
  while (parser.isOperator(',')) {
    parser.next();
    sawComma = true;
    if (parser.isKeyword('in') || parser.isOperator(')')) break;
    ids.push(parser.expectName());
  }
  if (parenthesised) parser.expectOperator(')');
  return ids.length === 1 && !sawComma
    ? { kind: 'name', id: ids[0] ?? '' }
    : { kind: 'unpack', ids };
}
