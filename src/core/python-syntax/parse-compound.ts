// Statements and blocks: the module, compound statements (`if`, `while`, `for`, `try`, `with`,
// `def`, `class`, decorators, `async`, `match`) and the scopes and loops they open.
import {
  PythonParserMessages as Messages,
  PythonSyntaxMessages,
} from '../../messages/revision-file.js';
import { lineAt } from '../revision-file/python-syntax-error.js';
import { parseArguments, parseParameters } from './parse-arguments.js';
import { parseForTargets } from './parse-displays.js';
import {
  PARSERS,
  parseExpression,
  parseNamedExpression,
  parseStarExpressions,
} from './parse-expressions.js';
import { parseMatch } from './parse-patterns.js';
import { parseSimpleStatements } from './parse-simple.js';
import { parseWith, requireAsync } from './parse-with.js';
import type { ParserState } from './parser-state.js';
import { checkTarget } from './targets.js';
import { parseTypeParameters } from './type-parameters.js';
import { DEDENT, END, INDENT, NEWLINE } from './tokenizer.js';

/** The whole module, up to END. */
export function parseModule(p: ParserState): void {
  while (p.kind() !== END) parseStatement(p);
}

function parseStatement(p: ParserState): void {
  const kind = p.kind();
  if (kind === INDENT) p.fail(PythonSyntaxMessages.UNEXPECTED_INDENT);
  if (kind === NEWLINE || kind === DEDENT) p.fail(Messages.INVALID_SYNTAX);
  if (!parseCompound(p)) parseSimpleStatements(p);
}

// A compound statement at the cursor; false (nothing consumed) when it is not one.
function parseCompound(p: ParserState): boolean {
  const word = p.isName() ? '' : p.text();
  const opensCompound =
    ['if', 'while', 'for', 'try', 'with', 'def', 'class', 'async'].includes(word) || p.isOp('@');
  if (opensCompound) {
    p.futureAllowed = false;
    p.docstringAllowed = false;
  }
  switch (word) {
    case 'if':
      return parseIf(p);
    case 'while': {
      const header = p.position++;
      parseNamedExpression(p);
      parseLoopBody(p, "'while' statement", header);
      return true;
    }
    case 'for':
      return parseFor(p, false);
    case 'try':
      return parseTry(p);
    case 'with':
      return parseWith(p, false, parseBlock);
    case 'def':
      return parseFunction(p, false);
    case 'class':
      return parseClass(p);
    case 'async':
      return parseAsync(p);
    default:
      if (p.isOp('@')) return parseDecorated(p);
      return p.isWord('match') && parseMatch(p, parseBlock);
  }
}

/**
 * `:` and an indented block, or simple statements on the same line. `header` is the token that
 * opened it and `what` names it in CPython's words ("'if' statement", "function definition").
 */
export function parseBlock(p: ParserState, what: string, header: number): void {
  p.expectOp(':');
  if (p.kind() !== NEWLINE) return parseSimpleStatements(p);
  p.position++;
  if (p.kind() !== INDENT)
    p.fail(Messages.expectedBlock(what, lineAt(p.source, p.starts[header] ?? 0)));
  p.position++;
  p.enter();
  try {
    while (p.kind() !== DEDENT && p.kind() !== END) parseStatement(p);
  } finally {
    p.leave();
  }
  p.position++;
}

// `else:` or `finally:` and its block, when the word is next.
function parseClause(p: ParserState, word: string): boolean {
  const header = p.position;
  if (!p.acceptWord(word)) return false;
  parseBlock(p, `'${word}' statement`, header);
  return true;
}

function parseIf(p: ParserState): boolean {
  do {
    const header = p.position;
    const word = p.text();
    p.position++;
    parseNamedExpression(p);
    parseBlock(p, `'${word}' statement`, header);
  } while (p.isWord('elif'));
  parseClause(p, 'else');
  return true;
}

// A loop's body counts as inside the loop; its `else` does not.
function parseLoopBody(p: ParserState, what: string, header: number): void {
  p.scope.loops++;
  parseBlock(p, what, header);
  p.scope.loops--;
  parseClause(p, 'else');
}

function parseFor(p: ParserState, isAsync: boolean): boolean {
  const header = p.position;
  p.expectWord('for');
  if (isAsync) requireAsync(p, 'async for');
  checkTarget(p, parseForTargets(p, PARSERS), 'for');
  p.expectWord('in');
  parseStarExpressions(p);
  parseLoopBody(p, "'for' statement", header);
  return true;
}

function parseTry(p: ParserState): boolean {
  const header = p.position++;
  parseBlock(p, "'try' statement", header);
  let handlers = 0;
  let bareAt = -1;
  let star: boolean | undefined;
  while (p.isWord('except')) {
    if (bareAt !== -1) p.fail(Messages.BARE_EXCEPT_NOT_LAST, bareAt);
    const start = p.position++;
    const isStar = p.acceptOp('*');
    if (star !== undefined && star !== isStar) p.fail(Messages.MIXED_EXCEPT_STAR, start);
    star = isStar;
    if (p.isOp(':')) {
      if (isStar) p.fail(Messages.EXCEPT_STAR_NEEDS_TYPE, start);
      bareAt = start;
    } else {
      parseExpression(p);
      if (p.acceptOp(',')) parseStarExpressions(p);
      if (p.acceptWord('as')) p.expectName();
    }
    parseBlock(p, isStar ? "'except*' statement" : "'except' statement", start);
    handlers++;
  }
  if (handlers > 0) parseClause(p, 'else');
  if (!parseClause(p, 'finally') && handlers === 0) p.fail(Messages.TRY_WITHOUT_HANDLER);
  return true;
}

function parseFunction(p: ParserState, isAsync: boolean): boolean {
  const header = p.position;
  p.expectWord('def');
  p.expectName();
  if (p.isOp('[')) parseTypeParameters(p);
  p.expectOp('(');
  parseParameters(p, PARSERS);
  if (p.acceptOp('->')) parseExpression(p);
  p.inScope({ kind: 'function', isAsync, loops: 0 }, () =>
    parseBlock(p, 'function definition', header),
  );
  return true;
}

function parseClass(p: ParserState): boolean {
  const header = p.position++;
  p.expectName();
  if (p.isOp('[')) parseTypeParameters(p);
  if (p.acceptOp('(')) parseArguments(p, PARSERS, ')', false);
  p.inScope({ kind: 'class', isAsync: false, loops: 0 }, () =>
    parseBlock(p, 'class definition', header),
  );
  return true;
}

function parseAsync(p: ParserState): boolean {
  p.position++;
  if (p.isWord('def')) return parseFunction(p, true);
  if (p.isWord('for')) return parseFor(p, true);
  if (p.isWord('with')) return parseWith(p, true, parseBlock);
  return p.fail(Messages.INVALID_SYNTAX);
}

function parseDecorated(p: ParserState): boolean {
  while (p.acceptOp('@')) {
    parseNamedExpression(p);
    if (p.kind() !== NEWLINE) p.fail(Messages.INVALID_SYNTAX);
    p.position++;
  }
  if (p.isWord('def')) return parseFunction(p, false);
  if (p.isWord('class')) return parseClass(p);
  if (p.isWord('async') && p.isWord('def', 1)) return parseAsync(p);
  return p.fail(Messages.INVALID_SYNTAX);
}
