// Number literals as CPython's tokenizer reads them: hex, octal and binary with their digits,
// decimals without leading zeros, `_` only between digits, fractions, exponents, `j`, and what
// may follow a number (a name right after it is an error, except a few keywords, `1if x`).
import { PythonSyntaxMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError } from '../revision-file/python-syntax-error.js';
import { isNameContinue } from './characters.js';

type Kind = 'decimal' | 'hexadecimal' | 'octal' | 'binary' | 'imaginary';

// Keywords CPython lets touch a number (with a warning): `1if`, `0x1for`, `1else`, `1or`, …
const KEYWORDS_AFTER_NUMBER = ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'];

/** Offset just past the number literal starting at `start`; throws on a malformed one. */
export function endOfNumber(source: string, start: number): number {
  const code = source.charCodeAt(start);
  const second = source.charCodeAt(start + 1) | 32;
  if (code === 48 && (second === 120 || second === 111 || second === 98)) {
    const [kind, isDigit]: [Kind, (c: number) => boolean] =
      second === 120
        ? ['hexadecimal', isHexDigit]
        : second === 111
          ? ['octal', isOctalDigit]
          : ['binary', isBinaryDigit];
    const first = source.charCodeAt(start + 2) === 95 ? start + 3 : start + 2;
    if (
      kind !== 'hexadecimal' &&
      isDecimalDigit(source.charCodeAt(first)) &&
      !isDigit(source.charCodeAt(first))
    ) {
      throw new PythonSyntaxError(first, Messages.invalidDigit(source.charAt(first), kind));
    }
    const end = digitsWithUnderscores(source, start + 2, isDigit, kind, true);
    if (kind !== 'hexadecimal' && isDecimalDigit(source.charCodeAt(end)))
      throw new PythonSyntaxError(end, Messages.invalidDigit(source.charAt(end), kind));
    return checkEnd(source, end, kind);
  }
  let end =
    code === 46 ? start : digitsWithUnderscores(source, start, isDecimalDigit, 'decimal', false);
  const integerEnd = end;
  let isFloat = false;
  if (source.charCodeAt(end) === 46) {
    isFloat = true;
    end++;
    if (isDecimalDigit(source.charCodeAt(end)))
      end = digitsWithUnderscores(source, end, isDecimalDigit, 'decimal', false);
  }
  if ((source.charCodeAt(end) | 32) === 101) {
    const sign = source.charCodeAt(end + 1);
    const digits = sign === 43 || sign === 45 ? end + 2 : end + 1;
    if (!isDecimalDigit(source.charCodeAt(digits))) {
      // `1e` or `1else`: the letter starts a name, which checkEnd judges.
      return checkEnd(source, end, 'decimal');
    }
    isFloat = true;
    end = digitsWithUnderscores(source, digits, isDecimalDigit, 'decimal', false);
  }
  if ((source.charCodeAt(end) | 32) === 106) return checkEnd(source, end + 1, 'imaginary');
  if (!isFloat && code === 48 && hasNonZeroDigit(source, start, integerEnd))
    throw new PythonSyntaxError(start, Messages.LEADING_ZEROS);
  return checkEnd(source, end, 'decimal');
}

// Digits with single `_` between them (and after a base prefix when `afterPrefix`).
function digitsWithUnderscores(
  source: string,
  from: number,
  isDigit: (code: number) => boolean,
  kind: Kind,
  afterPrefix: boolean,
): number {
  let i = from;
  if (afterPrefix && source.charCodeAt(i) === 95) i++;
  if (!isDigit(source.charCodeAt(i)))
    throw new PythonSyntaxError(from, Messages.invalidNumber(kind));
  for (;;) {
    while (isDigit(source.charCodeAt(i))) i++;
    if (source.charCodeAt(i) !== 95) return i;
    if (!isDigit(source.charCodeAt(i + 1)))
      throw new PythonSyntaxError(i, Messages.invalidNumber(kind));
    i++;
  }
}

// A name character right after a number is an error, unless a keyword starts there.
function checkEnd(source: string, end: number, kind: Kind): number {
  if (end >= source.length || !isNameContinue(source, end)) return end;
  if (KEYWORDS_AFTER_NUMBER.some((keyword) => source.startsWith(keyword, end))) return end;
  throw new PythonSyntaxError(end, Messages.invalidNumber(kind));
}

function hasNonZeroDigit(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (code >= 49 && code <= 57) return true;
  }
  return false;
}

function isDecimalDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDecimalDigit(code) || ((code | 32) >= 97 && (code | 32) <= 102);
}

function isOctalDigit(code: number): boolean {
  return code >= 48 && code <= 55;
}

function isBinaryDigit(code: number): boolean {
  return code === 48 || code === 49;
}
