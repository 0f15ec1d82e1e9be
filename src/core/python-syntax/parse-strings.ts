// String literals in expressions: adjacent literals must all be bytes or all not, each is
// checked for what Python refuses inside it, and each f-string field is parsed as an
// expression in the enclosing scope.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import {
  PREFIX_BYTES,
  PREFIX_FORMAT,
  PREFIX_TEMPLATE,
} from '../revision-file/python-string-scan.js';
import { type Expression, expression, type SubParsers } from './expression.js';
import { type FieldExpression, formatFieldExpressions } from './format-fields.js';
import type { ParserState } from './parser-state.js';
import { checkStringLiteral } from './string-literal.js';
import { NEWLINE, STRING, tokenizeExpression } from './tokenizer.js';

// Adjacent string literals, which must all be bytes or all not; f-string fields are parsed.
export function parseStrings(p: ParserState, parsers: SubParsers): Expression {
  const start = p.position;
  const isBytes = ((p.flags[start] ?? 0) & PREFIX_BYTES) !== 0;
  while (p.kind() === STRING) {
    const flags = p.flags[p.position] ?? 0;
    if (((flags & PREFIX_BYTES) !== 0) !== isBytes) p.fail(Messages.MIXED_BYTES, start);
    checkStringLiteral(p.source, p.starts[p.position] ?? 0, p.ends[p.position] ?? 0, flags);
    if ((flags & (PREFIX_FORMAT | PREFIX_TEMPLATE)) !== 0) {
      for (const field of formatFieldExpressions(
        p.source,
        p.starts[p.position] ?? 0,
        p.ends[p.position] ?? 0,
        flags,
      ))
        parseField(p, parsers, field);
    }
    p.position++;
  }
  return expression('literal', start);
}

// A replacement field's expression: `yield …` or expressions, in the enclosing scope.
function parseField(p: ParserState, parsers: SubParsers, field: FieldExpression): void {
  const inner = p.nested(tokenizeExpression(p.source, field.from, field.to));
  if (inner.isWord('yield')) parsers.yieldExpression(inner);
  else parsers.starExpressions(inner);
  if (inner.kind() !== NEWLINE) inner.fail(Messages.INVALID_SYNTAX);
  p.yields = inner.yields;
}
