// Simple statements (one logical line, `;`-separated): assignments in all their forms,
// expression statements, imports with the `__future__` rules, `return`, `yield`, `raise`,
// `del`, `assert`, `global`, `nonlocal`, `pass`, `break`, `continue` and `type` aliases.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import type { Expression } from './expression.js';
import { parseExpression, parseStarExpressions, parseYield } from './parse-expressions.js';
import { parseTypeParameters } from './type-parameters.js';
import type { ParserState } from './parser-state.js';
import { AUGMENTED_ASSIGNMENTS } from '../python-operators.js';
import { checkTarget } from './targets.js';
import { NAME, NEWLINE, STRING } from './tokenizer.js';

// PEP 236 features Python 3 still knows.
const FUTURE_FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

/** Simple statements up to and including the NEWLINE. */
export function parseSimpleStatements(p: ParserState): void {
  for (;;) {
    parseSimpleStatement(p);
    if (!p.acceptOp(';')) break;
    if (p.kind() === NEWLINE) break;
  }
  if (p.kind() !== NEWLINE) p.fail(Messages.INVALID_SYNTAX);
  p.position++;
}

function parseSimpleStatement(p: ParserState): void {
  const start = p.position;
  const word = p.kind() === NAME && !p.isName() ? p.text() : '';
  // Only the docstring and other future imports may come before a future import.
  if (!isFutureImport(p) && !(p.docstringAllowed && p.kind() === STRING)) p.futureAllowed = false;
  p.docstringAllowed = false;
  switch (word) {
    case 'pass':
      p.position++;
      return;
    case 'break':
    case 'continue':
      if (p.scope.loops === 0)
        p.fail(word === 'break' ? Messages.BREAK_OUTSIDE : Messages.CONTINUE_OUTSIDE);
      p.position++;
      return;
    case 'return':
      if (p.scope.kind !== 'function') p.fail(Messages.outside('return', 'function'));
      p.position++;
      if (p.startsExpression()) checkValue(p, parseStarExpressions(p));
      return;
    case 'raise':
      p.position++;
      if (!p.startsExpression()) return;
      parseExpression(p);
      if (p.acceptWord('from')) parseExpression(p);
      return;
    case 'global':
    case 'nonlocal':
      if (word === 'nonlocal' && p.scope.kind === 'module')
        p.fail(Messages.NONLOCAL_AT_MODULE_LEVEL);
      p.position++;
      do p.expectName();
      while (p.acceptOp(','));
      return;
    case 'del':
      p.position++;
      return parseDelTargets(p);
    case 'assert':
      p.position++;
      parseExpression(p);
      if (p.acceptOp(',')) parseExpression(p);
      return;
    case 'import':
      return parseImport(p);
    case 'from':
      return parseFromImport(p, start);
    default:
      if (p.isWord('type') && p.isName(1) && (p.isOp('=', 2) || p.isOp('[', 2)))
        return parseTypeAlias(p);
      return parseExpressionStatement(p);
  }
}

// A bare `*x` is no value (`x = *a` and `return *a` are errors; `*a, b` is a tuple).
function checkValue(p: ParserState, value: Expression): void {
  if (value.kind === 'starred') p.fail(Messages.STARRED_HERE, value.token);
}

function parseExpressionStatement(p: ParserState): void {
  const first = p.isWord('yield') ? parseYield(p) : parseStarExpressions(p);
  if (p.acceptOp(':')) {
    checkTarget(p, first, 'annotated');
    parseExpression(p);
    if (p.acceptOp('=')) parseAssignedValue(p);
    return;
  }
  if (AUGMENTED_ASSIGNMENTS.has(p.text()) && p.kind() !== NEWLINE) {
    checkTarget(p, first, 'augmented');
    p.position++;
    parseAssignedValue(p);
    return;
  }
  if (!p.isOp('=')) return checkValue(p, first);
  checkTarget(p, first, 'assign');
  while (p.acceptOp('=')) {
    const value = parseAssignedValue(p);
    if (p.isOp('=')) checkTarget(p, value, 'assign');
  }
}

function parseAssignedValue(p: ParserState): Expression {
  if (p.isWord('yield')) return parseYield(p);
  const value = parseStarExpressions(p);
  if (!p.isOp('=')) checkValue(p, value);
  return value;
}

// At least one target; a trailing comma is allowed.
function parseDelTargets(p: ParserState): void {
  do checkTarget(p, parseExpression(p), 'delete');
  while (p.acceptOp(',') && p.kind() !== NEWLINE && !p.isOp(';'));
}

function parseImport(p: ParserState): void {
  p.position++;
  do {
    parseDottedName(p);
    if (p.acceptWord('as')) p.expectName();
  } while (p.acceptOp(','));
}

function parseFromImport(p: ParserState, start: number): void {
  p.position++;
  let dots = 0;
  while (p.isOp('.') || p.isOp('...')) {
    dots += p.text().length;
    p.position++;
  }
  const module = dots > 0 && p.isWord('import') ? '' : parseDottedName(p);
  p.expectWord('import');
  const isFuture = dots === 0 && module === '__future__';
  if (isFuture && !p.futureAllowed) p.fail(Messages.FUTURE_NOT_FIRST, start);
  if (p.acceptOp('*')) {
    if (p.scope.kind !== 'module') p.fail(Messages.IMPORT_STAR_NOT_AT_MODULE_LEVEL, start);
    return;
  }
  const parenthesized = p.acceptOp('(');
  if (parenthesized && p.isOp(')')) p.fail(Messages.INVALID_SYNTAX);
  do {
    if (parenthesized && p.isOp(')')) break;
    const nameAt = p.position;
    const name = p.expectName();
    if (isFuture && name === 'braces') p.fail(Messages.NOT_A_CHANCE, nameAt);
    if (isFuture && !FUTURE_FEATURES.has(name)) p.fail(Messages.unknownFuture(name), nameAt);
    if (p.acceptWord('as')) p.expectName();
  } while (p.acceptOp(','));
  if (parenthesized) p.expectOp(')');
  else if (p.text(-1) === ',') p.fail(Messages.TRAILING_COMMA_IMPORT, p.position - 1);
}

function parseDottedName(p: ParserState): string {
  let name = p.expectName();
  while (p.acceptOp('.')) name += `.${p.expectName()}`;
  return name;
}

function parseTypeAlias(p: ParserState): void {
  p.position += 2;
  if (p.isOp('[')) parseTypeParameters(p);
  p.expectOp('=');
  p.inScope({ kind: 'function', isAsync: false, loops: 0 }, () => parseExpression(p));
}

// `from __future__ import …` right here (the rule: only a docstring and other future imports before).
function isFutureImport(p: ParserState): boolean {
  return p.isWord('from') && p.isWord('__future__', 1) && p.isWord('import', 2);
}
