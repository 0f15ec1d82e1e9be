// The innermost rules of the expression grammar: literals, names, calls and subscripts
// (displays and comprehensions are in python-parser-displays.ts). Like those, they ask the
// expression parser for subexpressions through its interface, so they do not import it.
import { EXPECTED_TOKEN, UNSUPPORTED_SYNTAX } from '../../messages/template.js';
import type { Expression, KeywordArgument } from './python-ast.js';
import { type ExpressionParser, parseClauses, parseDisplay } from './python-parser-displays.js';
import { describe, KEYWORDS } from './python-token-cursor.js';
import type { PyToken } from './python-tokenizer.js';

const GENERATOR_NOT_ALONE =
  'a generator expression beside other arguments (Python requires parentheses)';
const CONSTANTS: ReadonlyMap<string, null | boolean> = new Map([
  ['None', null],
  ['True', true],
  ['False', false],
]);

/** A literal, a name, or a parenthesised expression, tuple or list. */
export function parseAtom(parser: ExpressionParser): Expression {
  const token = parser.peek();
  if (token.kind === 'string') return parseStrings(parser);
  if (token.kind === 'number') {
    parser.next();
    return { kind: 'constant', value: Number(token.value), line: token.line };
  }
  if (token.kind === 'name') return parseName(parser, token);
  if (parser.isOperator('(') || parser.isOperator('[') || parser.isOperator('{'))
    return parseDisplay(parser);
  if (parser.isOperator('...')) parser.fail(UNSUPPORTED_SYNTAX('Ellipsis'));
  return parser.fail(EXPECTED_TOKEN('an expression', describe(token)));
}

function parseName(parser: ExpressionParser, token: PyToken): Expression {
  const constant = CONSTANTS.get(token.value);
  if (constant !== undefined) {
    parser.next();
    return { kind: 'constant', value: constant, line: token.line };
  }
  if (KEYWORDS.has(token.value)) parser.fail(EXPECTED_TOKEN('an expression', describe(token)));
  parser.next();
  return { kind: 'name', id: token.value, line: token.line };
}

// Adjacent literals are one string, as in Python ('a' 'b' == 'ab').
function parseStrings(parser: ExpressionParser): Expression {
  const line = parser.peek().line;
  let value = '';
  while (parser.peek().kind === 'string') value += parser.next().value;
  return { kind: 'constant', value, line };
}

/** The argument list of a call, after `callee`. */
export function parseCall(parser: ExpressionParser, callee: Expression): Expression {
  const line = parser.next().line;
  const args: Expression[] = [];
  const keywords: KeywordArgument[] = [];
  while (!parser.isOperator(')')) {
    if (parser.isOperator('*') || parser.isOperator('**'))
      parser.fail(UNSUPPORTED_SYNTAX(`${parser.peek().value}arguments`));
    if (
      parser.peek().kind === 'name' &&
      parser.peekAhead(1).kind === 'op' &&
      parser.peekAhead(1).value === '='
    ) {
      const name = parser.expectName();
      parser.next();
      keywords.push({ name, value: parser.expression() });
    } else {
      if (keywords.length > 0)
        parser.fail(UNSUPPORTED_SYNTAX('a positional argument after a keyword argument'));
      args.push(parser.expression());
      if (parser.isKeyword('for'))
        return generatorArgument(parser, { kind: 'call', callee, args, keywords, line });
    }
    if (!parser.isOperator(')')) parser.expectOperator(',');
  }
  parser.next();
  return { kind: 'call', callee, args, keywords, line };
}

// `f(x for x in y)`: a generator expression may go unparenthesised as the only argument.
function generatorArgument(
  parser: ExpressionParser,
  call: Extract<Expression, { kind: 'call' }>,
): Expression {
  const [element, ...others] = call.args;
  if (element === undefined || others.length > 0 || call.keywords.length > 0)
    parser.fail(UNSUPPORTED_SYNTAX(GENERATOR_NOT_ALONE));
  const generator: Expression = {
    kind: 'comprehension',
    form: 'generator',
    element,
    value: null,
    clauses: parseClauses(parser),
    line: element.line,
  };
  if (parser.isOperator(',')) parser.fail(UNSUPPORTED_SYNTAX(GENERATOR_NOT_ALONE));
  parser.expectOperator(')');
  return { ...call, args: [generator] };
}

/** `object[index]` or `object[lower:upper]` (slice steps are refused). */
export function parseSubscript(parser: ExpressionParser, object: Expression): Expression {
  const line = parser.next().line;
  const lower = parser.isOperator(':') ? null : parser.expression();
  if (!parser.isOperator(':')) {
    if (parser.isOperator(',')) parser.fail(UNSUPPORTED_SYNTAX('tuple subscripts'));
    parser.expectOperator(']');
    return { kind: 'index', object, index: lower as Expression, line };
  }
  parser.next();
  const upper = parser.isOperator(']') || parser.isOperator(':') ? null : parser.expression();
  if (parser.isOperator(':')) parser.fail(UNSUPPORTED_SYNTAX('slice steps'));
  parser.expectOperator(']');
  return { kind: 'slice', object, lower, upper, line };
}
