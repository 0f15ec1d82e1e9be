// The value of `name = …` on the fast path, for the shapes revision files use: None, plain
// string literals without escapes (implicitly concatenated, maybe parenthesised), and tuples
// or lists of them, on one line or across lines inside the brackets. Anything else returns
// undefined and the precise reader (literal-value.ts) evaluates the file, so the value found
// here is always the one evaluateValue would give.
import type { ConstantValue } from '../revision.js';
import type { LiteralValue } from './literal-value.js';

/** A value read by the fast path, and the offset just past its statement's line. */
export interface FastValue {
  readonly value: LiteralValue;
  readonly next: number;
}

const NONE: LiteralValue = { kind: 'none' };
// Group 1 or 2 is the text of a string literal with no backslash (so no escapes to decode),
// with an optional u or r prefix (neither changes such a string).
const STRING_LITERAL = /[uUrR]?(?:"(?!"")([^"\\\n]*)"|'(?!'')([^'\\\n]*)')/y;
const NONE_WORD = /None(?![A-Za-z0-9_\x80-\uffff])/y;
const SPACE_IN_BRACKETS = /(?:[ \t\n]|#[^\n]*)*/y;
const SPACE = /[ \t]*/y;
const LINE_END = /[ \t]*(?:#[^\n]*)?(?:\n|$)/y;
const WHITESPACE = /\s+/g;

// Parse state shared by the functions below (one value is parsed at a time, never nested).
let position = 0;
let items: string[] = [];
let sawParenthesisedElement = false;

/**
 * Reads the value starting at `start` (just after `=` and spaces) up to the end of its line.
 * `constants` (keys without whitespace) may name literal text too, so a value whose text is
 * a key is left to the precise reader.
 */
export function readFastValue(
  source: string,
  start: number,
  constants: ReadonlyMap<string, ConstantValue>,
): FastValue | undefined {
  position = start;
  sawParenthesisedElement = false;
  const value = readValue(source);
  if (value === undefined) return undefined;
  const valueEnd = position;
  LINE_END.lastIndex = valueEnd;
  if (!LINE_END.test(source)) return undefined;
  if (constants.size > 0 && namesConstant(source, start, valueEnd, constants)) return undefined;
  return { value, next: LINE_END.lastIndex };
}

function readValue(source: string): LiteralValue | undefined {
  const code = source.charCodeAt(position);
  if (code === 91) return readBracketed(source, 93);
  let first: string | undefined;
  if (code === 40) {
    const bracketed = readBracketed(source, 41);
    if (bracketed?.kind !== 'string') return bracketed;
    first = bracketed.value;
  } else {
    NONE_WORD.lastIndex = position;
    if (NONE_WORD.test(source)) {
      position = NONE_WORD.lastIndex;
      return NONE;
    }
    first = readConcatenated(source, SPACE);
    if (first === undefined) return undefined;
  }
  SPACE.lastIndex = position;
  SPACE.test(source);
  if (source.charCodeAt(SPACE.lastIndex) !== 44) return { kind: 'string', value: first };
  if (code === 40) sawParenthesisedElement = true; // `('a'), 'b'`
  return readBareTuple(source, first);
}

// `'a', 'b'` or `'a',`: a tuple without brackets, ending at the end of the line.
function readBareTuple(source: string, first: string): LiteralValue | undefined {
  items = [first];
  while (source.charCodeAt(SPACE.lastIndex) === 44) {
    position = SPACE.lastIndex + 1; // a trailing comma ends the value here
    LINE_END.lastIndex = position;
    if (LINE_END.test(source)) break;
    SPACE.lastIndex = position;
    SPACE.test(source);
    position = SPACE.lastIndex;
    const item = readElement(source, SPACE);
    if (item === undefined) return undefined;
    items.push(item);
    SPACE.lastIndex = position;
    SPACE.test(source);
  }
  return { kind: 'sequence', items };
}

// `( … )` or `[ … ]`: empty, one parenthesised string, or string elements separated by commas.
function readBracketed(source: string, closer: number): LiteralValue | undefined {
  items = [];
  let sawComma = false;
  position = skipSpaceInBrackets(source, position + 1);
  while (source.charCodeAt(position) !== closer) {
    const item = readElement(source, SPACE_IN_BRACKETS);
    if (item === undefined) return undefined;
    items.push(item);
    position = skipSpaceInBrackets(source, position);
    const code = source.charCodeAt(position);
    if (code === 44) {
      sawComma = true;
      position = skipSpaceInBrackets(source, position + 1);
    } else if (code !== closer) return undefined;
  }
  position++;
  const single = items[0];
  // `('a')` is a str; `('a',)`, `['a']`, `()` and `[]` are sequences.
  if (closer === 41 && !sawComma && single !== undefined && items.length === 1)
    return { kind: 'string', value: single };
  return { kind: 'sequence', items };
}

function skipSpaceInBrackets(source: string, from: number): number {
  SPACE_IN_BRACKETS.lastIndex = from;
  SPACE_IN_BRACKETS.test(source);
  return SPACE_IN_BRACKETS.lastIndex;
}

// A string element: adjacent literals, or adjacent literals in parentheses (`('a')`).
function readElement(source: string, space: RegExp): string | undefined {
  if (source.charCodeAt(position) !== 40) return readConcatenated(source, space);
  sawParenthesisedElement = true;
  position = skipSpaceInBrackets(source, position + 1);
  const value = readConcatenated(source, SPACE_IN_BRACKETS);
  position = skipSpaceInBrackets(source, position);
  if (value === undefined || source.charCodeAt(position) !== 41) return undefined;
  position++;
  return value;
}

// Adjacent string literals (`'ab' "cd"`), separated by `space`; leaves `position` after the last.
function readConcatenated(source: string, space: RegExp): string | undefined {
  let value: string | undefined;
  for (;;) {
    STRING_LITERAL.lastIndex = position;
    const match = STRING_LITERAL.exec(source);
    if (match === null) return value;
    value = (value ?? '') + (match[1] ?? match[2] ?? '');
    position = STRING_LITERAL.lastIndex;
    space.lastIndex = position;
    space.test(source);
    const next = source.charCodeAt(space.lastIndex);
    if (next !== 34 && next !== 39 && !isPrefixLetter(next)) return value;
    position = space.lastIndex;
  }
}

function isPrefixLetter(code: number): boolean {
  return code === 117 || code === 85 || code === 114 || code === 82; // u U r R
}

// evaluateValue looks the whole value up, and the inside of an enclosing `( … )`; a value with
// comments inside would be keyed differently, and parenthesised elements are looked up too,
// so those are left to the precise reader.
function namesConstant(
  source: string,
  start: number,
  end: number,
  constants: ReadonlyMap<string, ConstantValue>,
): boolean {
  const text = source.slice(start, end);
  if (sawParenthesisedElement || text.includes('#')) return true;
  if (constants.has(text.replace(WHITESPACE, ''))) return true;
  return text.charCodeAt(0) === 40 && constants.has(text.slice(1, -1).replace(WHITESPACE, ''));
}
