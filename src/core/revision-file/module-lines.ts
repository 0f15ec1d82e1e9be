// Walks a module logical line by logical line and hands over, as tokens, only the lines that
// can bind a module attribute: everything outside function and class bodies. Bodies are
// skipped with the allocation-free scanner, which is where nearly all of a revision file's
// bytes are (upgrade() and downgrade()), so this is what makes reading fast.
import { IndentationTracker } from './python-indentation.js';
import { type Token, skipIndentedBlock, tokenizeLogicalLine } from './python-lexer.js';
import { compoundHeaderColon } from './python-statements.js';

/** Receives each logical line outside function and class bodies. */
export interface ModuleLineVisitor {
  visitLine(tokens: readonly Token[], column: number): void;
}

const SPACE = 32;
const TAB = 9;
const FORM_FEED = 12;
const NEWLINE = 10;
const HASH = 35;

/**
 * Calls `visitor.visitLine` for every logical line that is not inside a `def` or `class` body,
 * with its indentation column (0 at module level; more inside a module-level `if`/`try`/…
 * block). Throws PythonSyntaxError for syntax and indentation errors it meets.
 */
export function walkModuleLines(source: string, visitor: ModuleLineVisitor): void {
  const length = source.length;
  const indentation = new IndentationTracker();
  let skippedBodyColumn = -1;
  let offset = 0;
  while (offset < length) {
    let column = 0;
    let code = source.charCodeAt(offset);
    while (code === SPACE || code === TAB || code === FORM_FEED) {
      column = code === SPACE ? column + 1 : code === TAB ? (column & ~7) + 8 : 0;
      code = source.charCodeAt(++offset);
    }
    if (code === NEWLINE || code === HASH || offset >= length) {
      offset = endOfPhysicalLine(source, offset) + 1;
      continue;
    }
    indentation.enter(column, offset);
    if (skippedBodyColumn !== -1) {
      offset = skipIndentedBlock(source, offset, skippedBodyColumn);
      skippedBodyColumn = -1;
      continue;
    }
    const line = tokenizeLogicalLine(source, offset);
    offset = line.end + 1;
    visitor.visitLine(line.tokens, column);
    if (!endsWithBlockColon(line.tokens)) continue;
    indentation.expectBlock();
    if (isFunctionOrClassHeader(line.tokens)) skippedBodyColumn = column;
  }
  indentation.finish(length);
}

function endOfPhysicalLine(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline;
}

// A compound statement header with nothing after its colon: an indented block follows.
function endsWithBlockColon(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && compoundHeaderColon(tokens) === tokens.length - 1;
}

function isFunctionOrClassHeader(tokens: readonly Token[]): boolean {
  const first = tokens[0]?.text;
  const keyword = first === 'async' ? tokens[1]?.text : first;
  return keyword === 'def' || keyword === 'class';
}
