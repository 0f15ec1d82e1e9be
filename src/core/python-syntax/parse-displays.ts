// Bracketed expressions: parentheses (groups, tuples, generator expressions, `(yield)`), lists,
// dicts and sets with their comprehensions, and subscripts with slices.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { type Expression, expression, type SubParsers } from './expression.js';
import { checkTarget } from './targets.js';
import type { ParserState } from './parser-state.js';

/** `(…)`, `[…]` or `{…}` at the current token. */
export function parseBracketed(p: ParserState, parsers: SubParsers): Expression {
  const start = p.position;
  const opening = p.text();
  p.position++;
  p.enter();
  try {
    if (opening === '(') return parseParenthesized(p, parsers, start);
    if (opening === '[') return parseList(p, parsers, start);
    return parseBraces(p, parsers, start);
  } finally {
    p.leave();
  }
}

function parseParenthesized(p: ParserState, parsers: SubParsers, start: number): Expression {
  if (p.acceptOp(')')) return expression('tuple', start, { items: [] });
  if (p.isWord('yield')) {
    parsers.yieldExpression(p);
    p.expectOp(')');
    return expression('yield', start);
  }
  const yields = p.yields;
  const first = parsers.starNamedExpression(p);
  if (startsComprehension(p)) {
    finishComprehension(p, parsers, first, yields, 'generator expression', ')');
    return expression('generator', start);
  }
  if (!p.isOp(',')) {
    expectCloser(p, ')', first);
    if (first.kind === 'starred') p.fail(Messages.STARRED_HERE, first.token);
    return first;
  }
  return expression('tuple', start, { items: parseElements(p, parsers, first, ')') });
}

function parseList(p: ParserState, parsers: SubParsers, start: number): Expression {
  if (p.acceptOp(']')) return expression('list', start, { items: [] });
  const yields = p.yields;
  const first = parsers.starNamedExpression(p);
  if (startsComprehension(p)) {
    finishComprehension(p, parsers, first, yields, 'list comprehension', ']');
    return expression('comprehension', start);
  }
  return expression('list', start, { items: parseElements(p, parsers, first, ']') });
}

// The rest of a comma-separated display after its first element, up to and including `closer`.
function parseElements(
  p: ParserState,
  parsers: SubParsers,
  first: Expression,
  closer: string,
): Expression[] {
  const items = [first];
  while (p.acceptOp(',') && !p.isOp(closer)) items.push(parsers.starNamedExpression(p));
  expectCloser(p, closer, items[items.length - 1] ?? first);
  return items;
}

/**
 * `closer`, or CPython's "Perhaps you forgot a comma?" at the element before when another
 * expression follows it inside the brackets.
 */
export function expectCloser(p: ParserState, closer: string, previous: Expression): void {
  if (!p.isOp(closer) && p.startsExpression()) p.fail(Messages.FORGOT_COMMA, previous.token);
  p.expectOp(closer);
}

function parseBraces(p: ParserState, parsers: SubParsers, start: number): Expression {
  if (p.acceptOp('}')) return expression('dict', start);
  if (p.isOp('**')) return parseDict(p, parsers, start);
  const yields = p.yields;
  const first = parsers.starNamedExpression(p);
  if (p.acceptOp(':')) {
    if (first.kind === 'starred' || first.kind === 'named')
      p.fail(Messages.INVALID_SYNTAX, first.token);
    parsers.expression(p);
    if (startsComprehension(p)) {
      parseComprehensionClauses(p, parsers, 'dict comprehension', yields);
      p.expectOp('}');
      return expression('comprehension', start);
    }
    if (p.acceptOp(',')) return parseDict(p, parsers, start);
    p.expectOp('}');
    return expression('dict', start);
  }
  if (startsComprehension(p)) {
    finishComprehension(p, parsers, first, yields, 'set comprehension', '}');
    return expression('comprehension', start);
  }
  parseElements(p, parsers, first, '}');
  return expression('set', start);
}

// Dict entries (`key: value` or `**mapping`) up to and including `}`.
function parseDict(p: ParserState, parsers: SubParsers, start: number): Expression {
  while (!p.isOp('}')) {
    if (p.acceptOp('**')) parsers.bitwiseOr(p);
    else {
      parsers.expression(p);
      p.expectOp(':');
      parsers.expression(p);
    }
    if (!p.acceptOp(',')) break;
  }
  p.expectOp('}');
  return expression('dict', start);
}

/** Whether a comprehension's `for` (or `async for`) comes next. */
export function startsComprehension(p: ParserState): boolean {
  return p.isWord('for') || (p.isWord('async') && p.isWord('for', 1));
}

// The clauses and closer of a comprehension whose element is parsed; `[*a for a in b]` is an
// error (unpacking has no meaning for one element).
function finishComprehension(
  p: ParserState,
  parsers: SubParsers,
  element: Expression,
  yields: number,
  what: string,
  closer: string,
): void {
  if (element.kind === 'starred') p.fail(Messages.UNPACKING_IN_COMPREHENSION, element.token);
  parseComprehensionClauses(p, parsers, what, yields);
  p.expectOp(closer);
}

/**
 * `for x in y if z …` clauses; `what` names the comprehension in errors; `yieldsBefore` is
 * `p.yields` before the element was parsed (a yield in a comprehension is an error).
 */
export function parseComprehensionClauses(
  p: ParserState,
  parsers: SubParsers,
  what: string,
  yieldsBefore: number,
): void {
  while (startsComprehension(p)) {
    const start = p.position;
    const isAsync = p.acceptWord('async');
    p.expectWord('for');
    checkTarget(p, parseForTargets(p, parsers), 'comprehension');
    p.expectWord('in');
    parsers.disjunction(p);
    while (p.acceptWord('if')) parsers.disjunction(p);
    if (isAsync && what !== 'generator expression' && !(p.inFunction && p.scope.isAsync))
      p.fail(Messages.ASYNC_COMPREHENSION_OUTSIDE, start);
  }
  if (p.yields !== yieldsBefore) p.fail(Messages.yieldInside(what));
}

/** The targets of a `for` (up to `in`): `*`-able primaries, a tuple when there is a comma. */
export function parseForTargets(p: ParserState, parsers: SubParsers): Expression {
  const start = p.position;
  const first = parseForTarget(p, parsers);
  if (!p.isOp(',')) return first;
  const items = [first];
  while (p.acceptOp(',') && !p.isWord('in')) items.push(parseForTarget(p, parsers));
  return expression('tuple', start, { items });
}

/** One target of `for` or `with … as`: a `*`-able primary. */
export function parseForTarget(p: ParserState, parsers: SubParsers): Expression {
  const start = p.position;
  if (p.acceptOp('*')) return expression('starred', start, { items: [parsers.bitwiseOr(p)] });
  return parsers.bitwiseOr(p);
}

/** A subscript's slices after `[`, up to and including `]`. */
export function parseSubscript(p: ParserState, parsers: SubParsers): void {
  if (p.isOp(']')) p.fail(Messages.INVALID_SYNTAX);
  do {
    if (p.isOp(']')) break;
    parseSlice(p, parsers);
  } while (p.acceptOp(','));
  p.expectOp(']');
}

function parseSlice(p: ParserState, parsers: SubParsers): void {
  if (!p.isOp(':')) {
    parsers.starNamedExpression(p);
    if (!p.isOp(':')) return;
  }
  p.expectOp(':');
  if (!p.isOp(':') && !p.isOp(',') && !p.isOp(']')) parsers.expression(p);
  if (p.acceptOp(':') && !p.isOp(',') && !p.isOp(']')) parsers.expression(p);
}
