// `match` statements and the patterns of their `case` clauses (PEP 634): literals, captures, `_`, dotted values, groups,
// sequences with one star, mappings, class patterns, `|` alternatives and `as` bindings.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError, lineAt } from '../revision-file/python-syntax-error.js';
import { parseNamedExpression, parseStarNamedExpression } from './parse-expressions.js';
import type { BlockParser } from './parse-with.js';
import type { ParserState } from './parser-state.js';
import { DEDENT, END, INDENT, NAME, NEWLINE, NUMBER, STRING } from './tokenizer.js';

/** `case patterns [if guard]` up to (not including) the `:` of its block. */
function parseCaseHeader(p: ParserState): void {
  p.expectWord('case');
  parsePatternSequence(p, undefined);
  if (p.acceptWord('if')) parseNamedExpression(p);
}

// Patterns separated by commas (at most one starred), up to and including `closer`, or, at the
// top of a case, up to its `if` or `:`.
function parsePatternSequence(p: ParserState, closer: string | undefined): void {
  let stars = 0;
  while (closer === undefined ? !p.isOp(':') && !p.isWord('if') : !p.isOp(closer)) {
    const start = p.position;
    if (p.acceptOp('*')) {
      if (++stars > 1) p.fail(Messages.MULTIPLE_STARRED_PATTERNS, start);
      p.expectName();
    } else parseAsPattern(p);
    if (!p.acceptOp(',')) break;
  }
  if (closer !== undefined) p.expectOp(closer);
}

function parseAsPattern(p: ParserState): void {
  do parseClosedPattern(p);
  while (p.acceptOp('|'));
  if (!p.acceptWord('as')) return;
  const start = p.position;
  if (p.expectName() === '_') p.fail(Messages.WILDCARD_AS_TARGET, start);
}

function parseClosedPattern(p: ParserState): void {
  p.enter();
  try {
    if (p.isOp('-') || p.kind() === NUMBER) return parseNumberPattern(p);
    if (p.kind() === STRING) {
      while (p.kind() === STRING) p.position++;
      return;
    }
    if (p.isWord('None') || p.isWord('True') || p.isWord('False')) {
      p.position++;
      return;
    }
    if (p.kind() === NAME) return parseNamePattern(p);
    if (p.acceptOp('(')) return parsePatternSequence(p, ')');
    if (p.acceptOp('[')) return parsePatternSequence(p, ']');
    if (p.acceptOp('{')) return parseMappingPattern(p);
    p.fail(Messages.INVALID_SYNTAX);
  } finally {
    p.leave();
  }
}

// `1`, `-1`, `1 + 2j`, `-1.5 - 2j`.
function parseNumberPattern(p: ParserState): void {
  p.acceptOp('-');
  if (p.kind() !== NUMBER) p.fail(Messages.INVALID_SYNTAX);
  p.position++;
  if ((p.isOp('+') || p.isOp('-')) && p.kind(1) === NUMBER) p.position += 2;
}

// A capture, `_`, a dotted value, or a class pattern `Name(…)`.
function parseNamePattern(p: ParserState): void {
  p.expectName();
  while (p.acceptOp('.')) p.expectName();
  if (!p.acceptOp('(')) return;
  let sawKeyword = false;
  while (!p.acceptOp(')')) {
    const start = p.position;
    if (p.kind() === NAME && p.isOp('=', 1)) {
      p.position += 2;
      sawKeyword = true;
    } else if (sawKeyword) p.fail(Messages.POSITIONAL_PATTERN_AFTER_KEYWORD, start);
    parseAsPattern(p);
    if (!p.acceptOp(',')) {
      p.expectOp(')');
      break;
    }
  }
}

// `{key: pattern, …, **rest}` with literal or dotted-value keys.
function parseMappingPattern(p: ParserState): void {
  while (!p.acceptOp('}')) {
    if (p.acceptOp('**')) p.expectName();
    else {
      parseClosedPattern(p);
      p.expectOp(':');
      parseAsPattern(p);
    }
    if (!p.acceptOp(',')) {
      p.expectOp('}');
      break;
    }
  }
}

// `match subject:` and its `case` blocks; false, with nothing consumed, when `match` is a name.
export function parseMatch(p: ParserState, parseBlock: BlockParser): boolean {
  const start = p.position;
  try {
    p.position++;
    parseStarNamedExpression(p);
    if (p.acceptOp(',')) while (!p.isOp(':')) if (!p.acceptOp(',')) parseStarNamedExpression(p);
    p.expectOp(':');
    if (p.kind() !== NEWLINE) p.fail(Messages.INVALID_SYNTAX);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    p.position = start;
    return false;
  }
  p.futureAllowed = false;
  p.position++;
  if (p.kind() !== INDENT)
    p.fail(Messages.expectedBlock("'match' statement", lineAt(p.source, p.starts[start] ?? 0)));
  p.position++;
  if (!p.isWord('case')) p.fail(Messages.INVALID_SYNTAX);
  while (p.isWord('case')) {
    const header = p.position;
    parseCaseHeader(p);
    parseBlock(p, "'case' statement", header);
  }
  if (p.kind() !== DEDENT && p.kind() !== END) p.fail(Messages.INVALID_SYNTAX);
  p.position++;
  return true;
}
