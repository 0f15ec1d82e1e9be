// Mako's adjust_whitespace, which every `<% %>` and `<%! %>` block goes through before Python
// sees it: lines are split on `\r?\n`, tabs are expanded to 8 columns (also inside one-line
// string literals), and the first code line's indentation is removed from every line, except
// lines that continue a backslash line or a triple-quoted string, which stay as they are.

interface LineState {
  backslashed: boolean;
  /** The quotes of an open triple-quoted string, or null. */
  triple: string | null;
}

const TRIPLE_OR_COMMENT = /"""|'''|#/g;
const CODE_LINE = /^[ \t]*[^# \t]/;
const MARGIN = /^[ \t]*/;

/** The block's code as Python receives it from Mako (without the newline Mako appends). */
export function adjustWhitespace(code: string): string {
  const state: LineState = { backslashed: false, triple: null };
  let margin: string | null = null;
  const lines = code.split(/\r?\n/).map((line) => {
    if (continuesMultiLine(line, state)) return line;
    const expanded = expandTabs(line);
    if (margin === null && CODE_LINE.test(expanded)) margin = MARGIN.exec(expanded)?.[0] ?? '';
    return margin !== null && expanded.startsWith(margin)
      ? expanded.slice(margin.length)
      : expanded;
  });
  return lines.join('\n');
}

// Mako's in_multi_line: whether the line continues the previous one, updating the state for
// the next. Like Mako it looks only for triple quotes and `#`, not for other string literals.
function continuesMultiLine(line: string, state: LineState): boolean {
  const continues = state.backslashed || state.triple !== null;
  state.backslashed = line.endsWith('\\');
  let position = 0;
  while (position < line.length) {
    if (state.triple !== null) {
      const end = line.indexOf(state.triple, position);
      if (end === -1) break;
      state.triple = null;
      position = end + 3;
      continue;
    }
    TRIPLE_OR_COMMENT.lastIndex = position;
    const found = TRIPLE_OR_COMMENT.exec(line);
    if (found === null || found[0] === '#') break;
    state.triple = found[0];
    position = found.index + 3;
  }
  return continues;
}

// Python's str.expandtabs(8): a tab moves to the next multiple of 8; `\r` resets the column.
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let column = 0;
  let result = '';
  for (const char of line) {
    if (char === '\t') {
      const spaces = 8 - (column % 8);
      result += ' '.repeat(spaces);
      column += spaces;
    } else {
      result += char;
      column = char === '\r' ? 0 : column + 1;
    }
  }
  return result;
}
