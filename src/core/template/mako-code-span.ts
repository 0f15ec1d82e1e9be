// Finds where the Python inside `${ … }` or `<% … %>` ends, exactly as Mako does: skipping
// `#` comments up to a newline and string literals, and (for `${}`) ignoring a `|` or `}`
// nested inside brackets. Mako's own scan decides what the code is, so we reproduce it.
import type { MakoScanner } from './mako-scanner.js';

/** The code found and the terminator that ended it, or null when the text ran out. */
export interface CodeSpan {
  readonly code: string;
  readonly terminator: string;
}

const COMMENT = /#[^\n]*\n/y;
const STRING = /("""|'''|"|')[^\\]*?(?:\\[\s\S][^\\]*?)*\1/y;

/** Terminators of an expression, of its filter list, and of a code block. */
export const EXPRESSION_END = { terminator: /(\||\})/y, other: /([\s\S]*?)(?=["'#]|\||\})/y };
export const FILTERS_END = { terminator: /(\})/y, other: /([\s\S]*?)(?=["'#]|\})/y };
export const BLOCK_END = { terminator: /(%>)/y, other: /([\s\S]*?)(?=["'#]|%>)/y };

/** Scans from the cursor to a terminator; `watchNesting` ignores terminators inside brackets. */
export function scanCode(
  scanner: MakoScanner,
  end: typeof EXPRESSION_END,
  watchNesting: boolean,
): CodeSpan | null {
  const start = scanner.pos;
  const nesting = new BracketLevels();
  for (;;) {
    if (scanner.match(COMMENT) || scanner.match(STRING)) continue;
    let found = scanner.match(end.terminator);
    if (found && !(watchNesting && nesting.isNested())) {
      const terminator = found[1] ?? '';
      return { code: scanner.text.slice(start, scanner.pos - terminator.length), terminator };
    }
    found ??= scanner.match(end.other);
    if (!found) return null;
    nesting.add(found[1] ?? '');
  }
}

// Mako keeps one count per bracket kind (each may go negative); any count above zero nests.
class BracketLevels {
  private braces = 0;
  private parens = 0;
  private brackets = 0;

  add(text: string): void {
    this.braces += count(text, '{') - count(text, '}');
    this.parens += count(text, '(') - count(text, ')');
    this.brackets += count(text, '[') - count(text, ']');
  }

  isNested(): boolean {
    return this.braces > 0 || this.parens > 0 || this.brackets > 0;
  }
}

function count(text: string, char: string): number {
  let total = 0;
  for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1))
    total += 1;
  return total;
}
