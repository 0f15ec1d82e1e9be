// The replacement fields of an f-string (or t-string): where each expression is, so the
// checker can parse it, and CPython's checks of the rest of a field: an empty expression, the
// conversion (`!s`, `!r`, `!a`), and nested fields in the format spec. The literal's extent is
// already known (python-string-scan.ts); this walk follows the same rules inside it.
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import {
  isQuote,
  literalBody,
  prefixFlagsBefore,
  skipFormatEscape,
  skipString,
} from '../revision-file/python-string-scan.js';

/** The source range of one replacement field's expression. */
export interface FieldExpression {
  readonly from: number;
  readonly to: number;
}

/** The expressions of the f-string from `start` (its prefix) to `end`, in order. */
export function formatFieldExpressions(
  source: string,
  start: number,
  end: number,
  flags: number,
): FieldExpression[] {
  const { from, to: bodyEnd } = literalBody(source, start, end);
  const fields: FieldExpression[] = [];
  for (let i = from; i < bodyEnd; ) {
    const character = source.charCodeAt(i);
    if (character === 92) i = skipFormatEscape(source, i, flags);
    else if (character === 123)
      i = source.charCodeAt(i + 1) === 123 ? i + 2 : readField(source, i + 1, fields);
    else i += character === 125 ? 2 : 1;
  }
  return fields;
}

// One field after its `{`: the expression, an optional `=`, conversion and format spec; returns
// the offset after its `}`.
function readField(source: string, start: number, fields: FieldExpression[]): number {
  let i = expressionEnd(source, start);
  if (source.slice(start, i).trim() === '')
    throw new PythonSyntaxError(start, Messages.FSTRING_EMPTY_EXPRESSION);
  fields.push({ from: start, to: i });
  if (source.charCodeAt(i) === 61) i++;
  while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9 || source.charCodeAt(i) === 10)
    i++;
  if (source.charCodeAt(i) === 33) {
    if (!'sra'.includes(source.charAt(i + 1)) || source.charAt(i + 1) === '')
      throw new PythonSyntaxError(i, Messages.FSTRING_CONVERSION);
    i += 2;
    if (source.charCodeAt(i) !== 58 && source.charCodeAt(i) !== 125)
      throw new PythonSyntaxError(i, Messages.FSTRING_EXPECTING_BRACE);
  }
  if (source.charCodeAt(i) === 58) {
    for (i++; source.charCodeAt(i) !== 125; )
      i = source.charCodeAt(i) === 123 ? readField(source, i + 1, fields) : i + 1;
  }
  return i + 1;
}

// Where a field's expression ends: `}`, `!`, `:` or a debugging `=` at bracket depth 0.
function expressionEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; ) {
    const code = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    if (isQuote(code)) {
      i = skipString(source, i, prefixFlagsBefore(source, i));
      continue;
    }
    if (code === 40 || code === 91 || code === 123) depth++;
    else if (code === 41 || code === 93) depth--;
    else if (code === 125) {
      if (depth === 0) return i;
      depth--;
    } else if (
      depth === 0 &&
      (code === 33 || code === 60 || code === 62 || code === 61) &&
      next === 61
    ) {
      i += 2;
      continue;
    } else if (depth === 0 && (code === 33 || code === 58 || code === 61)) return i;
    else if (code === 35) {
      const newline = source.indexOf('\n', i);
      i = newline === -1 ? source.length : newline;
      continue;
    }
    i++;
  }
  return source.length;
}
