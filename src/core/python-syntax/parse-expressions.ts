// Python expressions by recursive descent, one function per precedence level of the grammar
// (`expression` down to `atom`), as CPython's PEG grammar orders them. Each returns a small
// descriptor (expression.ts) that callers judge as a target or a value.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { describe, type Expression, expression, type SubParsers } from './expression.js';
import { parseArguments, parseLambda } from './parse-arguments.js';
import { parseBracketed, parseSubscript } from './parse-displays.js';
import { parseStrings } from './parse-strings.js';
import type { ParserState } from './parser-state.js';
import { NAME, NUMBER, OP, STRING } from './tokenizer.js';

/** The parsers displays and argument lists call back into. */
export const PARSERS: SubParsers = {
  expression: parseExpression,
  namedExpression: parseNamedExpression,
  starExpression: parseStarExpression,
  starExpressions: parseStarExpressions,
  starNamedExpression: parseStarNamedExpression,
  bitwiseOr: parseBitwiseOr,
  disjunction: parseDisjunction,
  yieldExpression: parseYield,
};

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=']);
// The binary operators of `bitwise_or` and the levels below it (loosest first).
const BINARY_OPERATORS: ReadonlySet<string> = new Set([
  '|',
  '^',
  '&',
  '<<',
  '>>',
  '+',
  '-',
  '*',
  '/',
  '//',
  '%',
  '@',
]);

/** `star_expressions`: expressions and `*x`, a tuple when there is a comma. */
export function parseStarExpressions(p: ParserState): Expression {
  const start = p.position;
  const first = parseStarExpression(p);
  if (!p.isOp(',')) return first;
  const items = [first];
  while (p.acceptOp(',') && p.startsExpression()) items.push(parseStarExpression(p));
  return expression('tuple', start, { items });
}

/** `*x` or an expression. */
function parseStarExpression(p: ParserState): Expression {
  const start = p.position;
  if (!p.acceptOp('*')) return parseExpression(p);
  return expression('starred', start, { items: [parseBitwiseOr(p)] });
}

/** `star_named_expression`: `*x`, or an expression that may be `name := value`. */
export function parseStarNamedExpression(p: ParserState): Expression {
  const start = p.position;
  if (!p.acceptOp('*')) return parseNamedExpression(p);
  return expression('starred', start, { items: [parseBitwiseOr(p)] });
}

/** `name := value`, or an expression. */
export function parseNamedExpression(p: ParserState): Expression {
  const start = p.position;
  if (p.isName() && p.isOp(':=', 1)) {
    p.position += 2;
    parseExpression(p);
    return expression('named', start);
  }
  const value = parseExpression(p);
  if (p.isOp(':=')) p.fail(Messages.namedTarget(describe(value)), start);
  return value;
}

/** `expression`: a lambda, or a disjunction with an optional `if … else …`. */
export function parseExpression(p: ParserState): Expression {
  p.enter();
  try {
    const start = p.position;
    if (p.isWord('lambda')) return parseLambda(p, PARSERS);
    const value = parseDisjunction(p);
    if (!p.acceptWord('if')) return value;
    parseDisjunction(p);
    if (!p.acceptWord('else')) p.fail(Messages.EXPECTED_ELSE);
    parseExpression(p);
    return expression('conditional', start);
  } finally {
    p.leave();
  }
}

/** `disjunction`: `a or b or …`. */
function parseDisjunction(p: ParserState): Expression {
  return parseBooleanChain(p, 'or', parseConjunction);
}

function parseConjunction(p: ParserState): Expression {
  return parseBooleanChain(p, 'and', parseInversion);
}

// `operand word operand word …`; a single operand is itself.
function parseBooleanChain(
  p: ParserState,
  word: string,
  operand: (p: ParserState) => Expression,
): Expression {
  const start = p.position;
  const first = operand(p);
  if (!p.isWord(word)) return first;
  while (p.acceptWord(word)) operand(p);
  return expression('operator', start);
}

function parseInversion(p: ParserState): Expression {
  const start = p.position;
  if (!p.acceptWord('not')) return parseComparison(p);
  p.enter();
  try {
    parseInversion(p);
  } finally {
    p.leave();
  }
  return expression('operator', start);
}

function parseComparison(p: ParserState): Expression {
  const start = p.position;
  const first = parseBitwiseOr(p);
  let compared = false;
  for (;;) {
    if (p.kind() !== NAME && COMPARISON_OPERATORS.has(p.text())) p.position++;
    else if (p.isWord('in') || p.isWord('is'))
      p.position += p.isWord('is') && p.isWord('not', 1) ? 2 : 1;
    else if (p.isWord('not') && p.isWord('in', 1)) p.position += 2;
    else return compared ? expression('comparison', start) : first;
    compared = true;
    parseBitwiseOr(p);
  }
}

/**
 * `bitwise_or` and the binary levels below it, down to `factor`. The levels only decide how
 * operands group, which the checker never needs, so one loop reads any chain of them.
 */
function parseBitwiseOr(p: ParserState): Expression {
  const start = p.position;
  const first = parseFactor(p);
  if (!isBinaryOperator(p)) return first;
  while (isBinaryOperator(p)) {
    p.position++;
    parseFactor(p);
  }
  return expression('operator', start);
}

function isBinaryOperator(p: ParserState): boolean {
  return p.kind() === OP && BINARY_OPERATORS.has(p.text());
}

function parseFactor(p: ParserState): Expression {
  const start = p.position;
  if (!(p.isOp('+') || p.isOp('-') || p.isOp('~'))) return parsePower(p);
  p.position++;
  p.enter();
  try {
    parseFactor(p);
  } finally {
    p.leave();
  }
  return expression('operator', start);
}

function parsePower(p: ParserState): Expression {
  const start = p.position;
  const base = parseAwaitPrimary(p);
  if (!p.acceptOp('**')) return base;
  parseFactor(p);
  return expression('operator', start);
}

function parseAwaitPrimary(p: ParserState): Expression {
  const start = p.position;
  if (!p.acceptWord('await')) return parsePrimary(p);
  if (!p.inFunction) p.fail(Messages.outside('await', 'function'), start);
  if (!p.scope.isAsync) p.fail(Messages.outside('await', 'async function'), start);
  parsePrimary(p);
  return expression('await', start);
}

/** `primary`: an atom and its trailers (`.name`, calls, subscripts). */
function parsePrimary(p: ParserState): Expression {
  let value = parseAtom(p);
  for (;;) {
    const start = p.position;
    if (p.acceptOp('.')) {
      p.expectName();
      value = expression('attribute', start);
    } else if (p.acceptOp('(')) {
      parseArguments(p, PARSERS, ')');
      value = expression('call', start);
    } else if (p.acceptOp('[')) {
      parseSubscript(p, PARSERS);
      value = expression('subscript', start);
    } else return value;
  }
}

function parseAtom(p: ParserState): Expression {
  const start = p.position;
  const kind = p.kind();
  if (kind === NAME) {
    const word = p.text();
    if (word === 'None' || word === 'True' || word === 'False') {
      p.position++;
      return expression('keyword', start, { name: word });
    }
    return expression('name', start, { name: p.expectName() });
  }
  if (kind === NUMBER) {
    p.position++;
    return expression('literal', start);
  }
  if (kind === STRING) return parseStrings(p, PARSERS);
  if (p.acceptOp('...')) return expression('ellipsis', start);
  if (p.isOp('(') || p.isOp('[') || p.isOp('{')) return parseBracketed(p, PARSERS);
  return p.fail(Messages.INVALID_SYNTAX);
}

/** `yield`, `yield from x` or `yield a, b`, where a yield is allowed at all. */
export function parseYield(p: ParserState): Expression {
  const start = p.position;
  p.expectWord('yield');
  if (!p.inFunction) p.fail(Messages.outside('yield', 'function'), start);
  p.yields++;
  if (p.acceptWord('from')) {
    if (p.scope.isAsync) p.fail(Messages.YIELD_FROM_IN_ASYNC, start);
    parseExpression(p);
  } else if (p.startsExpression()) {
    parseStarExpressions(p);
  }
  return expression('yield', start);
}
