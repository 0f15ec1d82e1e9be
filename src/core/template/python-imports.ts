// The imports a template may make without running anyone's code: `re` (emulated), `datetime`
// and `sys` (bound, but every attribute is refused), and names from alembic and sqlalchemy,
// which real templates import and never use; using one in an expression is refused. Alembic
// always has both packages, and a template whose import fails could not have made the
// project's other revisions, so these imports never change what Alembic renders.
import {
  EXPECTED_TOKEN,
  FROM_IMPORT,
  STAR_IMPORT,
  UNSUPPORTED_IMPORT,
} from '../../messages/template.js';
import type { ImportBinding, Statement } from './python-ast.js';
import { checkAssignable } from './mako-reserved-names.js';
import { RE_MODULE } from './python-re.js';
import { describe, type TokenCursor } from './python-token-cursor.js';
import { pyObject, type PyValue } from './python-values.js';

/** Standard modules a template may import, as the values the template sees. */
const STANDARD_MODULES: ReadonlyMap<string, PyValue> = new Map([
  ['re', RE_MODULE],
  ['datetime', pyObject('module', 'datetime', [])],
  ['sys', pyObject('module', 'sys', [])],
]);
const OPAQUE_PACKAGES = ['alembic', 'sqlalchemy'];

/** `import a, b.c as d`, at `import`. */
export function parseImport(parser: TokenCursor): Statement {
  const line = parser.next().line;
  const bindings: ImportBinding[] = [];
  do {
    const start = parser.peek();
    const module = dottedName(parser);
    if (!STANDARD_MODULES.has(module) && !isOpaque(module))
      parser.failOn(start, UNSUPPORTED_IMPORT(module));
    // Without `as`, `import a.b` binds the package `a`.
    const aliased = parser.acceptKeyword('as');
    const alias = aliased ? parser.expectName() : (module.split('.')[0] as string);
    checkAssignable(parser, alias);
    bindings.push({ alias, module: aliased ? module : alias, member: null });
  } while (acceptComma(parser));
  return { kind: 'import', bindings, line };
}

/** `from alembic import op`, `from sqlalchemy.dialects import (postgresql as pg,)`, at `from`. */
export function parseFromImport(parser: TokenCursor): Statement {
  const from = parser.next();
  const line = from.line;
  let module = '';
  while (parser.isOperator('.') || parser.isOperator('...')) module += parser.next().value;
  if (!parser.isKeyword('import')) module += dottedName(parser);
  if (!isOpaque(module)) parser.failOn(from, FROM_IMPORT(module));
  if (!parser.acceptKeyword('import'))
    parser.fail(EXPECTED_TOKEN("'import'", describe(parser.peek())));
  if (parser.isOperator('*')) parser.fail(STAR_IMPORT);
  const parenthesised = parser.isOperator('(');
  if (parenthesised) parser.next();
  const bindings: ImportBinding[] = [];
  do {
    if (parenthesised && parser.isOperator(')')) break;
    const member = parser.expectName();
    const alias = parser.acceptKeyword('as') ? parser.expectName() : member;
    checkAssignable(parser, alias);
    bindings.push({ alias, module, member });
  } while (acceptComma(parser));
  if (parenthesised) parser.expectOperator(')');
  return { kind: 'import', bindings, line };
}

/** The value an import binds. */
export function importedValue(binding: ImportBinding): PyValue {
  const standard = binding.member === null ? STANDARD_MODULES.get(binding.module) : undefined;
  if (standard !== undefined) return standard;
  const source =
    binding.member === null
      ? `import ${binding.module}`
      : `from ${binding.module} import ${binding.member}`;
  return { kind: 'imported', source };
}

function isOpaque(module: string): boolean {
  return OPAQUE_PACKAGES.some((name) => module === name || module.startsWith(`${name}.`));
}

function dottedName(parser: TokenCursor): string {
  let name = parser.expectName();
  while (parser.isOperator('.')) {
    parser.next();
    name += `.${parser.expectName()}`;
  }
  return name;
}

function acceptComma(parser: TokenCursor): boolean {
  if (!parser.isOperator(',')) return false;
  parser.next();
  return true;
}
