// A purpose-built Python tokenizer: just enough of Python's lexical rules to find where each
// logical line ends (strings, comments, brackets, backslash continuation) and to split the
// few module-level lines we inspect into tokens. Lines we never inspect (function bodies)
// go through skipIndentedBlock, a charCodeAt loop that allocates nothing.
import { PythonSyntaxMessages } from '../../messages/revision-file.js';
import { BracketTracker } from './python-brackets.js';
import { PythonSyntaxError } from './python-syntax-error.js';
import {
  isIdentifierChar,
  isQuote,
  prefixFlags,
  prefixFlagsBefore,
  skipString,
} from './python-string-scan.js';

/** What a token is; keywords are `name` tokens. */
export type TokenKind = 'name' | 'number' | 'string' | 'op';

/** One token of a logical line. */
export interface Token {
  readonly kind: TokenKind;
  /** Offset of the first character (for strings: of the prefix). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** Bracket nesting around the token; a bracket itself has the depth outside it. */
  readonly depth: number;
  /** The source text; for names, NFKC-normalised as Python does with identifiers. */
  readonly text: string;
}

/** The tokens of one logical line and the offset of the newline ending it (or the length). */
export interface LogicalLine {
  readonly tokens: Token[];
  readonly end: number;
}

const ORDINARY = 0;
const NEWLINE = 1;
const QUOTE = 2;
const HASH = 3;
const OPENING = 4;
const CLOSING = 5;
const BACKSLASH = 6;

const CHARACTER_CLASS = new Uint8Array(128);
CHARACTER_CLASS[10] = NEWLINE;
CHARACTER_CLASS[34] = QUOTE;
CHARACTER_CLASS[39] = QUOTE;
CHARACTER_CLASS[35] = HASH;
for (const code of [40, 91, 123]) CHARACTER_CLASS[code] = OPENING;
for (const code of [41, 93, 125]) CHARACTER_CLASS[code] = CLOSING;
CHARACTER_CLASS[92] = BACKSLASH;

const brackets = new BracketTracker();

/**
 * Skips the rest of the indented body of a compound statement whose header is at
 * `headerColumn`, from `from` (the start of a body line, or the header's final newline):
 * returns the offset of the first line that is not part of the body (a non-blank,
 * non-comment line indented `headerColumn` or less), or the length.
 */
export function skipIndentedBlock(source: string, from: number, headerColumn: number): number {
  const length = source.length;
  brackets.reset();
  let i = from;
  while (i < length) {
    const code = source.charCodeAt(i);
    const characterClass = code < 128 ? CHARACTER_CLASS[code] : ORDINARY;
    if (characterClass === ORDINARY) {
      i++;
      continue;
    }
    switch (characterClass) {
      case NEWLINE:
        i++;
        if (brackets.depth === 0 && !continuesBlock(source, i, headerColumn)) return i;
        break;
      case QUOTE:
        i = skipString(source, i, prefixFlagsBefore(source, i));
        break;
      case HASH:
        i = endOfComment(source, i);
        break;
      case OPENING:
        brackets.open(i);
        i++;
        break;
      case CLOSING:
        brackets.close(source, i);
        i++;
        break;
      default:
        i = skipContinuation(source, i);
    }
  }
  brackets.checkAllClosed(source);
  return length;
}

// Whether the line starting at `lineStart` still belongs to a body deeper than `headerColumn`:
// blank and comment-only lines always do, whatever their indentation.
function continuesBlock(source: string, lineStart: number, headerColumn: number): boolean {
  let code = source.charCodeAt(lineStart);
  if (headerColumn === 0 && (code === 32 || code === 9)) return true;
  let column = 0;
  let i = lineStart;
  while (code === 32 || code === 9 || code === 12) {
    column = code === 32 ? column + 1 : code === 9 ? (column & ~7) + 8 : 0;
    code = source.charCodeAt(++i);
  }
  if (code === 10 || code === 35) return true;
  return i < source.length && column > headerColumn;
}

/** Splits the logical line that starts at `start` into tokens. */
export function tokenizeLogicalLine(source: string, start: number): LogicalLine {
  const length = source.length;
  const tokens: Token[] = [];
  brackets.reset();
  let i = start;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === 32 || code === 9 || code === 12) i++;
    else if (code === 10) {
      if (brackets.depth === 0) return { tokens, end: i };
      i++;
    } else if (code === 35) i = endOfComment(source, i);
    else if (code === 92) i = skipContinuation(source, i);
    else i = pushToken(source, i, tokens);
  }
  brackets.checkAllClosed(source);
  return { tokens, end: length };
}

// Reads the token at `i` (not whitespace, newline, comment or continuation) into `tokens`.
function pushToken(source: string, i: number, tokens: Token[]): number {
  const code = source.charCodeAt(i);
  if (isIdentifierChar(code) && !isDigit(code)) return pushNameOrPrefixedString(source, i, tokens);
  let kind: TokenKind = 'op';
  let depth = brackets.depth;
  let end = i + 1;
  if (isQuote(code)) {
    kind = 'string';
    end = skipString(source, i, 0);
  } else if (isDigit(code) || (code === 46 && isDigit(source.charCodeAt(i + 1)))) {
    kind = 'number';
    end = endOfNumber(source, i);
  } else if (CHARACTER_CLASS[code] === OPENING) brackets.open(i);
  else if (CHARACTER_CLASS[code] === CLOSING) {
    brackets.close(source, i);
    depth = brackets.depth; // a closing bracket sits outside the brackets it closes
  } else end = i + operatorLength(source, i);
  tokens.push({ kind, start: i, end, depth, text: source.slice(i, end) });
  return end;
}

// A name, unless its letters are a string prefix right before a quote (`rb'x'`, `f"…"`).
function pushNameOrPrefixedString(source: string, start: number, tokens: Token[]): number {
  let end = start + 1;
  let nonAscii = source.charCodeAt(start) >= 128;
  for (let next = source.charCodeAt(end); isIdentifierChar(next); next = source.charCodeAt(++end))
    nonAscii ||= next >= 128;
  const flags = isQuote(source.charCodeAt(end)) ? prefixFlags(source, start, end) : -1;
  if (flags !== -1) end = skipString(source, end, flags);
  const text = source.slice(start, end);
  // Python compares identifiers after NFKC normalisation (PEP 3131).
  const normalized = flags === -1 && nonAscii ? text.normalize('NFKC') : text;
  tokens.push({
    kind: flags === -1 ? 'name' : 'string',
    start,
    end,
    depth: brackets.depth,
    text: normalized,
  });
  return end;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Numbers only need a correct end: digits, letters (hex, suffixes), `_`, `.`, and a sign
// right after a decimal exponent.
function endOfNumber(source: string, start: number): number {
  const isHex = source.charCodeAt(start) === 48 && (source.charCodeAt(start + 1) | 32) === 120;
  let end = start;
  for (;;) {
    const code = source.charCodeAt(end);
    if (isIdentifierChar(code) || code === 46) end++;
    else if ((code === 43 || code === 45) && !isHex && (source.charCodeAt(end - 1) | 32) === 101)
      end++;
    else return end;
  }
}

// Python's operators are one to three characters; `=` continues most of them (`+=`, `==`,
// `**=`), and a few pair up (`->`, `**`, `//`, `<<`, `>>`, `...`).
function operatorLength(source: string, i: number): number {
  const first = source.charCodeAt(i);
  const second = source.charCodeAt(i + 1);
  const third = source.charCodeAt(i + 2);
  const doubled =
    second === first && (first === 42 || first === 47 || first === 60 || first === 62); // ** // << >>
  if (doubled) return third === 61 ? 3 : 2;
  if (first === 46) return second === 46 && third === 46 ? 3 : 1; // ...
  if (first === 45 && second === 62) return 2; // ->
  return second === 61 && ASSIGNABLE_OPERATORS.includes(source.charAt(i)) ? 2 : 1;
}

// Operators that form a two-character operator with a following `=`.
const ASSIGNABLE_OPERATORS = '=!<>+-*/%&|^@:';

function endOfComment(source: string, hash: number): number {
  const newline = source.indexOf('\n', hash);
  return newline === -1 ? source.length : newline;
}

// A backslash outside a string must be the last character of its physical line.
function skipContinuation(source: string, backslash: number): number {
  const next = backslash + 1;
  if (next >= source.length)
    throw new PythonSyntaxError(backslash, PythonSyntaxMessages.EOF_IN_CONTINUATION);
  if (source.charCodeAt(next) !== 10)
    throw new PythonSyntaxError(backslash, PythonSyntaxMessages.AFTER_CONTINUATION);
  return next + 1;
}
