// The shape of a parsed expression: only what the syntax checker needs to judge it later, as
// an assignment target (names, attributes, subscripts, starred, tuples and lists of them) or as
// a value (a bare `*x` is not one), and the words CPython uses for each kind in its errors.
import type { ParserState } from './parser-state.js';

/** What an expression is, as far as the checker cares. */
export type ExpressionKind =
  | 'name'
  | 'attribute'
  | 'subscript'
  | 'starred'
  | 'tuple'
  | 'list'
  | 'call'
  | 'literal'
  | 'keyword'
  | 'operator'
  | 'comparison'
  | 'lambda'
  | 'conditional'
  | 'await'
  | 'yield'
  | 'named'
  | 'generator'
  | 'comprehension'
  | 'dict'
  | 'set'
  | 'ellipsis';

/** A parsed expression: its kind, the token it starts at, its elements (tuple, list, starred). */
export interface Expression {
  readonly kind: ExpressionKind;
  readonly token: number;
  readonly items: readonly Expression[] | undefined;
  /** The name, for `name` and `keyword` (None, True, False, `__debug__` matter as targets). */
  readonly name: string | undefined;
}

/**
 * The expression parsers that displays and argument lists call back into, passed in by
 * parse-expressions.ts so that the modules of the recursive grammar import one way only.
 */
export interface SubParsers {
  expression(p: ParserState): Expression;
  namedExpression(p: ParserState): Expression;
  starExpression(p: ParserState): Expression;
  starExpressions(p: ParserState): Expression;
  starNamedExpression(p: ParserState): Expression;
  bitwiseOr(p: ParserState): Expression;
  disjunction(p: ParserState): Expression;
  yieldExpression(p: ParserState): Expression;
}

/** Builds an expression descriptor. */
export function expression(
  kind: ExpressionKind,
  token: number,
  extra?: Partial<Pick<Expression, 'items' | 'name'>>,
): Expression {
  // One object shape for every descriptor: this runs for every operand of a file, mostly cold.
  return { kind, token, items: extra?.items, name: extra?.name };
}

// CPython's words for each kind in "cannot assign to …" and "cannot delete …".
const DESCRIPTIONS: Readonly<Record<ExpressionKind, string>> = {
  name: 'name',
  attribute: 'attribute',
  subscript: 'subscript',
  starred: 'starred',
  tuple: 'tuple',
  list: 'list',
  call: 'function call',
  literal: 'literal',
  keyword: 'keyword',
  operator: 'expression',
  comparison: 'comparison',
  lambda: 'lambda',
  conditional: 'conditional expression',
  await: 'await expression',
  yield: 'yield expression',
  named: 'named expression',
  generator: 'generator expression',
  comprehension: 'comprehension',
  dict: 'dict literal',
  set: 'set display',
  ellipsis: 'ellipsis',
};

/** How CPython names `target` in its errors (`None`, `function call`, `literal`, …). */
export function describe(target: Expression): string {
  if (target.kind === 'keyword') return target.name ?? 'keyword';
  return DESCRIPTIONS[target.kind];
}
