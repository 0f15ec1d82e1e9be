// Parses the statements of a `<% %>` or `<%! %>` block: assignments, `import re` and
// `pass`. Anything else (another import, a loop, a call for its effect) needs Python.
import {
  EXPECTED_TOKEN,
  FROM_IMPORT,
  INCONSISTENT_INDENT,
  RESERVED_NAME,
  UNSUPPORTED_IMPORT,
  UNSUPPORTED_STATEMENT,
} from '../../messages/template.js';
import type { Expression, Statement } from './python-ast.js';
import { PythonParser } from './python-parser.js';
import { describe } from './python-token-cursor.js';
import { tokenizePython } from './python-tokenizer.js';
import { atLine, failAt, type SourceSite } from './template-site.js';

/** Modules a template may import: the one the stock multidb template uses. */
export const SUPPORTED_MODULES: ReadonlySet<string> = new Set(['re']);

/** Names Mako reserves; a template may not assign them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['context', 'loop', 'UNDEFINED', 'STOP_RENDERING']);

const STATEMENT_KEYWORDS = new Set(
  'assert async break class continue def del elif else except finally for global if nonlocal raise return try while with yield'.split(' '),
);

/** Parses a code block whose text starts on line `site.line`. */
export function parseStatements(code: string, site: SourceSite): Statement[] {
  const parser: PythonParser = new PythonParser(tokenizePython(code, site), site);
  const statements: Statement[] = [];
  let indent: string | null = null;
  while (parser.peek().kind !== 'end') {
    const first = parser.peek();
    if (first.kind === 'newline') {
      parser.next();
      continue;
    }
    if (first.indent !== null) {
      indent ??= first.indent;
      if (first.indent !== indent) failAt(atLine(site, first.line), INCONSISTENT_INDENT);
    }
    statements.push(parseStatement(parser));
    endStatement(parser);
  }
  return statements;
}

// A statement ends at `;`, at the end of its logical line, or at the end of the block.
function endStatement(parser: PythonParser): void {
  const token = parser.peek();
  if (parser.isOperator(';') || token.kind === 'newline') parser.next();
  else if (token.kind !== 'end') parser.fail(EXPECTED_TOKEN('the end of the statement', describe(token)));
}

function parseStatement(parser: PythonParser): Statement {
  const token = parser.peek();
  if (token.kind === 'name') {
    if (token.value === 'pass') {
      parser.next();
      return { kind: 'pass', line: token.line };
    }
    if (token.value === 'import') return parseImport(parser);
    if (token.value === 'from') return parser.fail(FROM_IMPORT(fromModule(parser)));
    if (STATEMENT_KEYWORDS.has(token.value)) parser.fail(UNSUPPORTED_STATEMENT(`\`${token.value}\``));
  }
  return parseAssignment(parser);
}

function parseImport(parser: PythonParser): Statement {
  const line = parser.next().line;
  const module = dottedName(parser);
  if (!SUPPORTED_MODULES.has(module)) parser.fail(UNSUPPORTED_IMPORT(module));
  const alias = parser.acceptKeyword('as') ? parser.expectName() : module;
  if (parser.isOperator(',')) parser.fail(UNSUPPORTED_IMPORT(`${module}, …`));
  checkAssignable(parser, alias);
  return { kind: 'import', module, alias, line };
}

function fromModule(parser: PythonParser): string {
  parser.next();
  let module = '';
  while (parser.isOperator('.') || parser.isOperator('...')) module += parser.next().value;
  return parser.isKeyword('import') ? module : module + dottedName(parser);
}

function dottedName(parser: PythonParser): string {
  let name = parser.expectName();
  while (parser.isOperator('.')) {
    parser.next();
    name += `.${parser.expectName()}`;
  }
  return name;
}

// `a = b = value`: every target must be a plain name.
function parseAssignment(parser: PythonParser): Statement {
  const line = parser.peek().line;
  const targets: string[] = [];
  let value: Expression = parser.expressionList();
  while (parser.isOperator('=')) {
    parser.next();
    targets.push(targetName(parser, value));
    value = parser.expressionList();
  }
  const token = parser.peek();
  if (token.kind === 'op' && token.value.endsWith('=') && token.value.length > 1 && !['==', '!=', '<=', '>='].includes(token.value)) {
    parser.fail(UNSUPPORTED_STATEMENT('augmented assignment'));
  }
  if (token.kind === 'op' && token.value === ':') parser.fail(UNSUPPORTED_STATEMENT('annotated assignment'));
  if (targets.length === 0) {
    if (token.kind !== 'newline' && token.kind !== 'end' && !parser.isOperator(';')) parser.fail(UNSUPPORTED_STATEMENT(describe(token)));
    parser.fail(UNSUPPORTED_STATEMENT('an expression statement'));
  }
  return { kind: 'assign', targets, value, line };
}

function targetName(parser: PythonParser, target: Expression): string {
  if (target.kind !== 'name') return parser.fail(UNSUPPORTED_STATEMENT('assignment to anything but a plain name'));
  checkAssignable(parser, target.id);
  return target.id;
}

/** Refuses Mako's reserved names as assignment targets. */
export function checkAssignable(parser: PythonParser, name: string): void {
  if (RESERVED_NAMES.has(name)) parser.fail(RESERVED_NAME(name));
}
