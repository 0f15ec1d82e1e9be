// Parses the Python of a `%` control line (`if x:`, `elif y:`, `else:`, `for a in b:`)
// under Mako's rules, including its check that the keyword is followed by a space or `:`.
import { NOT_A_CONTROL_STATEMENT, UNSUPPORTED_CONTROL } from '../../messages/template.js';
import { type Expression, type ForTarget, targetNames } from './python-ast.js';
import { PY_SPACE_CLASS, PY_WORD_CLASS } from './python-char-classes.js';
import { PythonParser } from './python-parser.js';
import { parseForTarget } from './python-parser-displays.js';
import { describe } from './python-token-cursor.js';
import { checkAssignable } from './mako-reserved-names.js';
import { pythonStrip } from './python-str-methods.js';
import { tokenizePython } from './python-tokenizer.js';
import { failAt, type SourceSite } from './template-site.js';

/** What a control line opens, continues or closes. */
export type ControlClause =
  | { readonly kind: 'if'; readonly test: Expression }
  | { readonly kind: 'elif'; readonly test: Expression }
  | { readonly kind: 'else' }
  | { readonly kind: 'for'; readonly target: ForTarget; readonly iterable: Expression };

const KEYWORD = new RegExp(`^[${PY_WORD_CLASS}]+`, 'u');
const SPACE = new RegExp(`[${PY_SPACE_CLASS}]`, 'u');
const SUPPORTED = new Set(['if', 'elif', 'else', 'for']);
const MAKO_KEYWORDS = new Set(['while', 'try', 'except', 'finally', 'with']);

/** Parses the text of a non-end control line whose keyword Mako's lexer found. */
export function parseControlLine(keyword: string, text: string, site: SourceSite): ControlClause {
  if (!SUPPORTED.has(keyword)) {
    failAt(
      site,
      MAKO_KEYWORDS.has(keyword) ? UNSUPPORTED_CONTROL(keyword) : NOT_A_CONTROL_STATEMENT(text),
    );
  }
  if (!isControlFragment(pythonStrip(text))) failAt(site, NOT_A_CONTROL_STATEMENT(text));
  const parser: PythonParser = new PythonParser(tokenizePython(text, site), site);
  parser.next();
  const clause = parseClause(keyword, parser);
  parser.expectOperator(':');
  parser.expectEnd('the end of the control line');
  return clause;
}

/**
 * Mako's test that a line is "a partial control statement", `^(\w+)(?:\s+.*?)?:\s*(#|$)`: a
 * word, then a colon right after it or, after blanks, any colon followed only by blanks and
 * maybe a comment. Written as a loop: the pattern retries every split of a long run of blanks.
 */
function isControlFragment(text: string): boolean {
  const word = KEYWORD.exec(text)?.[0];
  if (word === undefined) return false;
  const afterWord = word.length;
  const anyColon = SPACE.test(text.charAt(afterWord));
  if (!anyColon && text.charAt(afterWord) !== ':') return false;
  for (
    let colon = text.indexOf(':', afterWord);
    colon !== -1;
    colon = anyColon ? text.indexOf(':', colon + 1) : -1
  ) {
    let next = colon + 1;
    while (next < text.length && SPACE.test(text.charAt(next))) next++;
    if (next === text.length || text.charAt(next) === '#') return true;
  }
  return false;
}

function parseClause(keyword: string, parser: PythonParser): ControlClause {
  if (keyword === 'else') return { kind: 'else' };
  if (keyword === 'if') return { kind: 'if', test: parser.expression() };
  if (keyword === 'elif') return { kind: 'elif', test: parser.expression() };
  const target = parseTarget(parser);
  if (!parser.acceptKeyword('in'))
    parser.fail(NOT_A_CONTROL_STATEMENT(`for … ${describe(parser.peek())}`));
  return { kind: 'for', target, iterable: parser.expressionList() };
}

// Mako refuses a template that assigns one of its reserved names.
function parseTarget(parser: PythonParser): ForTarget {
  const target = parseForTarget(parser);
  for (const name of targetNames(target)) checkAssignable(parser, name);
  return target;
}
