// Call arguments and parameter lists, with the ordering rules CPython enforces: positional after
// keyword arguments, repeated keywords, an unparenthesized generator among other arguments,
// defaults followed by non-defaults, bare `*`, `/`, and duplicate parameter names.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { describe, type Expression, expression, type SubParsers } from './expression.js';
import { expectCloser, parseComprehensionClauses, startsComprehension } from './parse-displays.js';
import type { ParserState } from './parser-state.js';
import { NAME } from './tokenizer.js';

/**
 * The arguments of a call (or class bases, where `allowGenerator` is false) after `(`, up to
 * and including `closer`.
 */
export function parseArguments(
  p: ParserState,
  parsers: SubParsers,
  closer: string,
  allowGenerator = true,
): void {
  let sawKeyword = false;
  let sawDoubleStar = false;
  let count = 0;
  let generator = -1;
  let start = p.position;
  const keywords = new Set<string>();
  while (!p.isOp(closer)) {
    start = p.position;
    count++;
    if (p.acceptOp('*')) {
      if (sawDoubleStar) p.fail(Messages.ITERABLE_AFTER_KEYWORD_UNPACKING, start);
      parsers.expression(p);
    } else if (p.acceptOp('**')) {
      sawDoubleStar = true;
      parsers.expression(p);
    } else if (p.isOp('=', 1) && p.kind() === NAME) {
      if (!p.isName())
        p.fail(
          ['True', 'False', 'None'].includes(p.text())
            ? Messages.cannotAssign(p.text())
            : Messages.INVALID_SYNTAX,
        );
      const name = p.expectName();
      if (keywords.has(name)) p.fail(Messages.keywordRepeated(name), start);
      keywords.add(name);
      p.position++;
      parsers.expression(p);
      sawKeyword = true;
    } else {
      const yields = p.yields;
      const value = parsers.namedExpression(p);
      if (p.isOp('='))
        p.fail(
          value.kind === 'keyword'
            ? Messages.cannotAssign(describe(value))
            : Messages.EXPRESSION_ASSIGNMENT,
          start,
        );
      if (startsComprehension(p)) {
        if (!allowGenerator) p.fail(Messages.INVALID_SYNTAX);
        if (value.kind === 'starred') p.fail(Messages.UNPACKING_IN_COMPREHENSION, start);
        parseComprehensionClauses(p, parsers, 'generator expression', yields);
        generator = start;
      } else if (sawDoubleStar) p.fail(Messages.POSITIONAL_AFTER_KEYWORD_UNPACKING, start);
      else if (sawKeyword) p.fail(Messages.POSITIONAL_AFTER_KEYWORD, start);
    }
    if (!p.acceptOp(',')) break;
    if (generator !== -1) p.fail(Messages.GENERATOR_PARENTHESIZED, generator);
  }
  expectCloser(p, closer, expression('call', start));
  if (generator !== -1 && count > 1) p.fail(Messages.GENERATOR_PARENTHESIZED, generator);
}

/** A `def`'s parameters after `(`, up to and including `)`. */
export function parseParameters(p: ParserState, parsers: SubParsers): void {
  parseParameterList(p, parsers, ')', true);
}

/** A lambda's parameters, up to (not including) its `:`. */
function parseLambdaParameters(p: ParserState, parsers: SubParsers): void {
  parseParameterList(p, parsers, ':', false);
}

// One state machine for both lists: positional (maybe before `/`), then `*`/`*args` and
// keyword-only, then `**kwargs`, with defaults only in order.
function parseParameterList(
  p: ParserState,
  parsers: SubParsers,
  closer: string,
  annotated: boolean,
): void {
  const names = new Set<string>();
  let sawDefault = false;
  let sawSlash = false;
  let starAt = -1;
  let keywordOnly = 0;
  let sawDoubleStar = false;
  let count = 0;
  while (!p.isOp(closer)) {
    const start = p.position;
    if (sawDoubleStar) p.fail(Messages.AFTER_VAR_KEYWORD);
    if (p.acceptOp('/')) {
      if (count === 0) p.fail(Messages.SLASH_FIRST, start);
      if (sawSlash) p.fail(Messages.SLASH_TWICE, start);
      if (starAt !== -1) p.fail(Messages.SLASH_AFTER_STAR, start);
      sawSlash = true;
    } else if (p.acceptOp('**')) {
      parameterName(p, parsers, names, annotated, false);
      if (p.isOp('=')) p.fail(Messages.VAR_KEYWORD_DEFAULT);
      sawDoubleStar = true;
    } else if (p.acceptOp('*')) {
      if (starAt !== -1) p.fail(Messages.STAR_TWICE, start);
      starAt = start;
      if (!p.isOp(',') && !p.isOp(closer)) parameterName(p, parsers, names, annotated, true);
      else if (p.isOp(closer) || p.isOp('**', 1)) p.fail(Messages.BARE_STAR, start);
      if (p.isOp('=')) p.fail(Messages.VAR_POSITIONAL_DEFAULT);
    } else {
      parameterName(p, parsers, names, annotated, false);
      const hasDefault = p.acceptOp('=');
      if (hasDefault) parsers.expression(p);
      if (starAt !== -1) keywordOnly++;
      else if (hasDefault) sawDefault = true;
      else if (sawDefault) p.fail(Messages.NON_DEFAULT_AFTER_DEFAULT, start);
    }
    count++;
    if (!p.acceptOp(',')) break;
  }
  if (
    starAt !== -1 &&
    keywordOnly === 0 &&
    p.isOp(closer) &&
    p.text(-1) === ',' &&
    p.text(-2) === '*'
  )
    p.fail(Messages.BARE_STAR, starAt);
  if (closer === ')') p.expectOp(')');
  else if (!p.isOp(closer)) p.fail(Messages.INVALID_SYNTAX);
}

function parameterName(
  p: ParserState,
  parsers: SubParsers,
  names: Set<string>,
  annotated: boolean,
  starred: boolean,
): void {
  const start = p.position;
  const name = p.expectName();
  if (name === '__debug__') p.fail(Messages.cannotAssign(name), start);
  if (names.has(name)) p.fail(Messages.duplicateArgument(name), start);
  names.add(name);
  if (annotated && p.acceptOp(':')) {
    if (starred) parsers.starExpression(p);
    else parsers.expression(p);
  }
}

/** `lambda params: expression`, in a scope of its own (a yield there is the lambda's). */
export function parseLambda(p: ParserState, parsers: SubParsers): Expression {
  const start = p.position++;
  p.inScope({ kind: 'lambda', isAsync: false, loops: 0 }, () => {
    parseLambdaParameters(p, parsers);
    p.expectOp(':');
    parsers.expression(p);
  });
  return expression('lambda', start);
}
