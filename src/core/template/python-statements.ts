// Parses the statements of a `<% %>` or `<%! %>` block: assignments, the imports of
// python-imports.ts, `pass`, and in a `<%! %>` block simple functions (`def` with parameters,
// assignments, `if`/`elif`/`else` and `return`). Anything else (a loop, a call for its
// effect, a class) needs Python. The code has been through Mako's adjust_whitespace, so
// indentation is spaces, compared as Python compares it.
import {
  DEF_OUTSIDE_MODULE_BLOCK,
  EXPECTED_INDENTED_BLOCK,
  EXPECTED_TOKEN,
  INCONSISTENT_INDENT,
  UNSUPPORTED_FUNCTION_STATEMENT,
  UNSUPPORTED_STATEMENT,
} from '../../messages/template.js';
import type { Expression, IfBranch, Statement } from './python-ast.js';
import { checkAssignable } from './mako-reserved-names.js';
import { parseParameters } from './python-parameters.js';
import { parseFromImport, parseImport } from './python-imports.js';
import { PythonParser } from './python-parser.js';
import { describe } from './python-token-cursor.js';
import { tokenizePython } from './python-tokenizer.js';
import type { SourceSite } from './template-site.js';

/** Where statements are: a `<%! %>` block, a `<% %>` block, or the body of a function. */
export type BlockKind = 'module' | 'body' | 'function';

const STATEMENT_KEYWORDS = new Set(
  'assert async break class continue def del elif else except finally for global if nonlocal raise return try while with yield'.split(
    ' ',
  ),
);

/** Parses a code block whose text starts on line `site.line`. */
export function parseStatements(
  code: string,
  site: SourceSite,
  kind: 'module' | 'body',
): Statement[] {
  const parser: PythonParser = new PythonParser(tokenizePython(code, site), site);
  skipNewlines(parser);
  return parseBlock(parser, kind, parser.peek().indent ?? '', []);
}

// Statements at `indent`, up to the end or a line that goes back to an enclosing block.
function parseBlock(
  parser: PythonParser,
  kind: BlockKind,
  indent: string,
  outer: readonly string[],
): Statement[] {
  const statements: Statement[] = [];
  for (skipNewlines(parser); parser.peek().kind !== 'end'; skipNewlines(parser)) {
    const lineIndent = parser.peek().indent;
    if (lineIndent !== null && lineIndent !== indent) {
      if (outer.includes(lineIndent)) break;
      parser.fail(INCONSISTENT_INDENT);
    }
    if (kind === 'module' && parser.isKeyword('def'))
      statements.push(parseDef(parser, indent, outer));
    else if (kind === 'function' && parser.isKeyword('if'))
      statements.push(parseIf(parser, indent, outer));
    else statements.push(...parseSimpleStatements(parser, kind));
  }
  return statements;
}

// Simple statements separated by `;`, up to the end of the logical line.
function parseSimpleStatements(parser: PythonParser, kind: BlockKind): Statement[] {
  const statements = [parseSimpleStatement(parser, kind)];
  while (parser.isOperator(';')) {
    parser.next();
    if (parser.peek().kind === 'newline' || parser.peek().kind === 'end') break;
    statements.push(parseSimpleStatement(parser, kind));
  }
  const token = parser.peek();
  if (token.kind === 'newline') parser.next();
  else if (token.kind !== 'end')
    parser.fail(EXPECTED_TOKEN('the end of the statement', describe(token)));
  return statements;
}

function parseSimpleStatement(parser: PythonParser, kind: BlockKind): Statement {
  const token = parser.peek();
  if (token.kind !== 'name') return parseAssignment(parser, kind);
  if (token.value === 'pass') return { kind: 'pass', line: parser.next().line };
  if (kind === 'function' && token.value === 'return') return parseReturn(parser);
  if (kind !== 'function' && token.value === 'import') return parseImport(parser);
  if (kind !== 'function' && token.value === 'from') return parseFromImport(parser);
  if (kind === 'body' && token.value === 'def') return parser.fail(DEF_OUTSIDE_MODULE_BLOCK);
  if (STATEMENT_KEYWORDS.has(token.value) || token.value === 'import' || token.value === 'from') {
    parser.fail(
      kind === 'function'
        ? UNSUPPORTED_FUNCTION_STATEMENT(`\`${token.value}\``)
        : UNSUPPORTED_STATEMENT(`\`${token.value}\``),
    );
  }
  return parseAssignment(parser, kind);
}

function parseReturn(parser: PythonParser): Statement {
  const line = parser.next().line;
  const ends =
    parser.peek().kind === 'newline' || parser.peek().kind === 'end' || parser.isOperator(';');
  return { kind: 'return', value: ends ? null : parser.expressionList(), line };
}

// `def name(parameters): body` in a module block.
function parseDef(parser: PythonParser, indent: string, outer: readonly string[]): Statement {
  const line = parser.next().line;
  const name = parser.expectName();
  checkAssignable(parser, name);
  const parameters = parseParameters(parser);
  parser.expectOperator(':');
  return { kind: 'def', name, parameters, body: parseSuite(parser, indent, outer), line };
}

// `if test: …` with its `elif` and `else` clauses at the same indentation.
function parseIf(parser: PythonParser, indent: string, outer: readonly string[]): Statement {
  const line = parser.peek().line;
  const branches: IfBranch[] = [];
  let orElse: readonly Statement[] = [];
  while (parser.isKeyword(branches.length === 0 ? 'if' : 'elif')) {
    parser.next();
    const test = parser.expression();
    parser.expectOperator(':');
    branches.push({ test, body: parseSuite(parser, indent, outer) });
    skipNewlines(parser);
    if (parser.peek().indent !== indent) return { kind: 'if', branches, orElse, line };
  }
  if (parser.acceptKeyword('else')) {
    parser.expectOperator(':');
    orElse = parseSuite(parser, indent, outer);
  }
  return { kind: 'if', branches, orElse, line };
}

// The body after a `:`: simple statements on the same line, or an indented block.
function parseSuite(parser: PythonParser, indent: string, outer: readonly string[]): Statement[] {
  if (parser.peek().kind !== 'newline') return parseSimpleStatements(parser, 'function');
  skipNewlines(parser);
  const blockIndent = parser.peek().indent;
  if (
    blockIndent === null ||
    blockIndent.length <= indent.length ||
    !blockIndent.startsWith(indent)
  )
    parser.fail(EXPECTED_INDENTED_BLOCK);
  return parseBlock(parser, 'function', blockIndent, [...outer, indent]);
}

// `a = b = value`: every target must be a plain name. In a function a lone string (a
// docstring) is allowed and does nothing.
function parseAssignment(parser: PythonParser, kind: BlockKind): Statement {
  const line = parser.peek().line;
  const targets: string[] = [];
  let value: Expression = parser.expressionList();
  while (parser.isOperator('=')) {
    parser.next();
    targets.push(targetName(parser, value));
    value = parser.expressionList();
  }
  const token = parser.peek();
  if (
    token.kind === 'op' &&
    token.value.endsWith('=') &&
    token.value.length > 1 &&
    !['==', '!=', '<=', '>='].includes(token.value)
  ) {
    parser.fail(UNSUPPORTED_STATEMENT('augmented assignment'));
  }
  if (token.kind === 'op' && token.value === ':')
    parser.fail(UNSUPPORTED_STATEMENT('annotated assignment'));
  if (targets.length > 0) return { kind: 'assign', targets, value, line };
  if (kind === 'function' && value.kind === 'constant' && typeof value.value === 'string')
    return { kind: 'pass', line };
  if (token.kind !== 'newline' && token.kind !== 'end' && !parser.isOperator(';'))
    parser.fail(UNSUPPORTED_STATEMENT(describe(token)));
  return parser.fail(UNSUPPORTED_STATEMENT('an expression statement'));
}

function targetName(parser: PythonParser, target: Expression): string {
  if (target.kind !== 'name')
    return parser.fail(UNSUPPORTED_STATEMENT('assignment to anything but a plain name'));
  checkAssignable(parser, target.id);
  return target.id;
}

function skipNewlines(parser: PythonParser): void {
  while (parser.peek().kind === 'newline') parser.next();
}
