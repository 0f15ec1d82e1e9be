// `with` statements: items with optional `as` targets, the parenthesized form of Python 3.9+
// (tried first, as CPython does), and `async with` only inside an async function.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import { parseForTarget } from './parse-displays.js';
import { PARSERS, parseExpression, parseStarNamedExpression } from './parse-expressions.js';
import type { ParserState } from './parser-state.js';
import { checkTarget } from './targets.js';

/** Throws unless the code is directly in an async function (`async for`, `async with`). */
export function requireAsync(p: ParserState, what: string): void {
  if (!(p.scope.kind === 'function' && p.scope.isAsync))
    p.fail(Messages.outside(what, 'async function'), p.position - 2);
}

/** Parses a block after its header (parse-compound.ts's parseBlock, passed in). */
export type BlockParser = (p: ParserState, what: string, header: number) => void;

/** `with` (or `async with` when `isAsync`, the `async` consumed) and its block. */
export function parseWith(p: ParserState, isAsync: boolean, parseBlock: BlockParser): boolean {
  const header = p.position;
  p.expectWord('with');
  if (isAsync) requireAsync(p, 'async with');
  if (!parseParenthesizedWithItems(p)) {
    do parseWithItem(p, false);
    while (p.acceptOp(','));
  }
  parseBlock(p, "'with' statement", header);
  return true;
}

// `with (a as b, c as d):`: tried first, as in CPython; otherwise the `(` starts an expression.
function parseParenthesizedWithItems(p: ParserState): boolean {
  if (!p.isOp('(')) return false;
  const start = p.position;
  try {
    p.position++;
    do {
      if (p.isOp(')')) break;
      parseWithItem(p, true);
    } while (p.acceptOp(','));
    p.expectOp(')');
    if (p.isOp(':')) return true;
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
  }
  p.position = start;
  return false;
}

function parseWithItem(p: ParserState, inParentheses: boolean): void {
  const value = inParentheses ? parseStarNamedExpression(p) : parseExpression(p);
  if (value.kind === 'starred') p.fail(Messages.STARRED_HERE, value.token);
  if (p.acceptWord('as')) checkTarget(p, parseForTarget(p, PARSERS), 'with');
}
