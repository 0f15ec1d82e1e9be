// Skips function bodies and module statements for the fast reader. A native regular
// expression consumes everything it can (usually a whole body in one call); this loop only
// handles what it stops at: brackets deeper than it pairs, `{…}`, f-strings and the like,
// which go to the precise string scanner. Any doubt returns -1: the precise reader decides.
import { BODY_SCAN, MODULE_CODE_SCAN, NOT_BLOCK_KEYWORD } from './fast-patterns.js';
import { PythonSyntaxError } from './python-syntax-error.js';
import { prefixFlagsBefore, skipString } from './python-string-scan.js';

// CPython's tokenizer refuses deeper nesting; the precise reader reports it.
const MAXIMUM_DEPTH = 200;
const openBrackets = new Int32Array(MAXIMUM_DEPTH);

/**
 * Skips the body of a `def` or `class` whose header ends at `newline`, keeping the bracket
 * stack here where BODY_SCAN stops: returns the offset of the first module line after the
 * body (or the length), or -1 when the precise reader must decide (a syntax error).
 */
export function resumeFastBody(source: string, newline: number): number {
  return scanLogicalCode(source, newline, BODY_SCAN, true);
}

/**
 * A module statement in column 0 that is neither a block header nor a binding: returns the
 * offset after its logical line, or -1 when it mentions an attribute name, opens a block, holds
 * an f-string, or anything else the precise reader must judge.
 */
export function skipFastStatement(source: string, start: number): number {
  NOT_BLOCK_KEYWORD.lastIndex = start;
  if (!NOT_BLOCK_KEYWORD.test(source)) return -1;
  // The tokenizer finds prefixes of module-level strings its own way: no f-strings here.
  return scanLogicalCode(source, start, MODULE_CODE_SCAN, false);
}

// Runs `scan` and handles its stops until a newline at bracket depth 0. Both scans stop at a
// depth-0 newline only where the logical line (or the body) ends.
function scanLogicalCode(
  source: string,
  start: number,
  scan: RegExp,
  otherStrings: boolean,
): number {
  const length = source.length;
  let depth = 0;
  let i = start;
  for (;;) {
    scan.lastIndex = i;
    scan.test(source);
    i = scan.lastIndex;
    if (i >= length) return depth === 0 ? length : -1;
    const code = source.charCodeAt(i);
    if (code === 10) {
      if (depth === 0) return i + 1;
      i++;
    } else if (code === 40 || code === 91 || code === 123) {
      if (depth === MAXIMUM_DEPTH) return -1;
      openBrackets[depth++] = code;
      i++;
    } else if (code === 41 || code === 93 || code === 125) {
      // `)` follows `(` directly; `]` and `}` sit two code points after `[` and `{`.
      if (depth === 0 || openBrackets[--depth] !== (code === 41 ? 40 : code - 2)) return -1;
      i++;
    } else if ((code === 34 || code === 39) && otherStrings) {
      i = skipOtherString(source, i);
      if (i === -1) return -1;
    } else return -1;
  }
}

// A string the patterns leave alone (an f-string or t-string, a plain string right after a
// letter f or t, an unterminated one), read exactly as skipIndentedBlock reads it.
function skipOtherString(source: string, quote: number): number {
  try {
    return skipString(source, quote, prefixFlagsBefore(source, quote));
  } catch (error) {
    if (error instanceof PythonSyntaxError) return -1;
    throw error;
  }
}
