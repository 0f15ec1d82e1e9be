// Splits a Mako template into text, `${}` expressions, control lines, comments and Python
// blocks, reproducing Mako's lexer rule by rule: the same alternatives tried in the same
// order at each position, so whitespace and newlines come out exactly as Mako's do.
import {
  EMPTY_TEXT_TAG,
  INVALID_CONTROL_LINE,
  TEXT_TAG_FORM,
  UNCLOSED_BLOCK,
  UNCLOSED_EXPRESSION,
  UNCLOSED_TEXT_TAG,
  UNSUPPORTED_ENCODING,
  UNSUPPORTED_TAG,
  UNSUPPORTED_TAG_END,
} from '../../messages/template.js';
import { BLOCK_END, EXPRESSION_END, FILTERS_END, scanCode } from './mako-code-span.js';
import { MakoScanner } from './mako-scanner.js';
import { PY_SPACE_CLASS, PY_WORD_CLASS } from './python-char-classes.js';
import { failAt, type SourceSite } from './template-site.js';

/** One lexical unit of a template, with the line it starts on. */
export type MakoNode =
  | { readonly kind: 'text'; readonly text: string; readonly line: number }
  | {
      readonly kind: 'expression';
      readonly code: string;
      readonly filters: string;
      readonly line: number;
    }
  | {
      readonly kind: 'control';
      readonly keyword: string;
      readonly isEnd: boolean;
      readonly text: string;
      readonly line: number;
    }
  | { readonly kind: 'comment'; readonly line: number }
  | {
      readonly kind: 'code';
      readonly code: string;
      readonly isModule: boolean;
      readonly line: number;
    };

const S = PY_SPACE_CLASS;
const W = PY_WORD_CLASS;
// The magic encoding comment Mako skips when it is the first line.
const CODING = new RegExp(`#[^\\n]*coding[:=][${S}]*([-${W}.]+)[^\\n]*\\r?\\n`, 'uy');
const EXPRESSION_START = /\$\{/y;
const CONTROL_LINE = /(?<![^\n])[\t ]*(%(?!%)|##)[\t ]*((?:\\\r?\n|[^\r\n])*)(?:\r?\n|$)/y;
const CONTROL_KEYWORD = new RegExp(`^(end)?([${W}]+)`, 'u');
const DOC_COMMENT = /<%doc>[\s\S]*?<\/%doc>/y;
// Mako's tag pattern `<%name(?:\s+\w+|\s*=\s*|"…"|'…'|\s*,\s*)*\s*/?>`, rewritten so each run
// of blanks or word characters is taken whole (`x+(?!x)`): the same matches, in linear time,
// where Mako's form tries every split of a long run of blanks (minutes on 20 KB).
const SPACED_WORD = `[${S}]+(?![${S}])(?:[${W}]+(?![${W}]))?`;
const TAG_START = new RegExp(
  `<%([${W}.:]+)(?:[${S}]+(?![${S}])(?:[${W}]+(?![${W}])|(?=[=,]|/?>))|[=,](?:${SPACED_WORD})?|"[^"]*"|'[^']*')*/?>`,
  'uy',
);
const TAG_END = /<\/%[\t ]*([^\t ]+?)[\t ]*>/y;
const BLOCK_START = /<%(!)?/y;
const TEXT = /([\s\S]*?)(?:(?<=\n)(?=[ \t]*(?:%|##))|(?=\$\{)|(?=<\/?[%&])|\\\r?\n|$)/y;
const EMPTY_TEXT = 'empty text';
const PLAIN_TEXT_TAG = new RegExp(`^<%text[${S}]*>$`, 'u');
const TEXT_TAG_END = '</%text>';
const UTF8_NAMES = new Set(['utf_8', 'utf8', 'u8', 'utf', 'cp65001']);
const ASCII_COMPATIBLE_NAMES = new Set([
  'ascii',
  'us_ascii',
  '646',
  'latin_1',
  'latin1',
  'iso_8859_1',
  'iso8859_1',
  '8859',
  'cp819',
  'latin',
  'l1',
]);

/** Lexes a template; `file` names it in errors. A leading byte-order mark is dropped, as Mako does. */
export function lexMakoTemplate(source: string, file: string): MakoNode[] {
  const hasBom = source.startsWith('\uFEFF');
  const scanner = new MakoScanner(hasBom ? source.slice(1) : source);
  const nodes: MakoNode[] = [];
  skipEncodingComment(scanner, file, hasBom);
  while (scanner.pos < scanner.text.length) {
    const node =
      matchExpression(scanner, file) ??
      matchControlLine(scanner, file) ??
      matchMarkup(scanner, file) ??
      matchText(scanner);
    if (node !== EMPTY_TEXT) nodes.push(node);
  }
  return nodes;
}

// Mako drops a first-line `# coding: x` comment and decodes the file with that encoding;
// we get text already decoded as UTF-8, which is only the same text for UTF-8 (or ASCII).
function skipEncodingComment(scanner: MakoScanner, file: string, hasBom: boolean): void {
  const found = scanner.match(CODING);
  if (found === null) return;
  const name = (found[1] ?? '').toLowerCase().replace(/[-\s]/g, '_');
  if (UTF8_NAMES.has(name)) return;
  if (!hasBom && ASCII_COMPATIBLE_NAMES.has(name) && /^[\0-\x7f]*$/.test(scanner.text)) return;
  failAt({ file, line: 1 }, UNSUPPORTED_ENCODING(found[1] ?? ''));
}

function matchExpression(scanner: MakoScanner, file: string): MakoNode | null {
  const start = scanner.pos;
  if (!scanner.match(EXPRESSION_START)) return null;
  const line = scanner.lineAt(start);
  const code = scanCode(scanner, EXPRESSION_END, true);
  if (code === null) return failAt({ file, line }, UNCLOSED_EXPRESSION);
  let filters = '';
  if (code.terminator === '|') {
    const filterSpan = scanCode(scanner, FILTERS_END, true);
    if (filterSpan === null) return failAt({ file, line }, UNCLOSED_EXPRESSION);
    filters = filterSpan.code;
  }
  return { kind: 'expression', code: code.code.replaceAll('\r\n', '\n'), filters, line };
}

function matchControlLine(scanner: MakoScanner, file: string): MakoNode | null {
  const start = scanner.pos;
  const found = scanner.match(CONTROL_LINE);
  if (found === null) return null;
  const line = scanner.lineAt(start);
  const text = found[2] ?? '';
  if (found[1] === '##') return { kind: 'comment', line };
  const keyword = CONTROL_KEYWORD.exec(text);
  if (keyword === null) return failAt({ file, line }, INVALID_CONTROL_LINE(text));
  return {
    kind: 'control',
    keyword: keyword[2] ?? '',
    isEnd: keyword[1] !== undefined,
    text,
    line,
  };
}

// `<%doc>`, Mako tags (refused), and `<% %>` / `<%! %>` blocks, in Mako's order.
function matchMarkup(scanner: MakoScanner, file: string): MakoNode | null {
  const start = scanner.pos;
  if (scanner.match(DOC_COMMENT)) return { kind: 'comment', line: scanner.lineAt(start) };
  const tag = scanner.match(TAG_START);
  if (tag?.[1] === 'text')
    return matchTextTag(scanner, tag[0], { file, line: scanner.lineAt(start) });
  if (tag) return failAt({ file, line: scanner.lineAt(start) }, UNSUPPORTED_TAG(tag[1] ?? ''));
  const tagEnd = scanner.match(TAG_END);
  if (tagEnd)
    return failAt({ file, line: scanner.lineAt(start) }, UNSUPPORTED_TAG_END(tagEnd[1] ?? ''));
  const block = scanner.match(BLOCK_START);
  if (block === null) return null;
  const line = scanner.lineAt(start);
  const code = scanCode(scanner, BLOCK_END, false);
  if (code === null) return failAt({ file, line }, UNCLOSED_BLOCK);
  return { kind: 'code', code: code.code, isModule: block[1] === '!', line };
}

// `<%text>…</%text>`: everything up to the first `</%text>` is literal text. Its only
// attribute, `filter`, and the self-closing form are refused, and so is an empty one: Mako's
// empty match skips a character and leaves the tag open.
function matchTextTag(scanner: MakoScanner, opening: string, site: SourceSite): MakoNode {
  if (!PLAIN_TEXT_TAG.test(opening)) failAt(site, TEXT_TAG_FORM);
  const end = scanner.text.indexOf(TEXT_TAG_END, scanner.pos);
  if (end === -1) return failAt(site, UNCLOSED_TEXT_TAG);
  if (end === scanner.pos) return failAt(site, EMPTY_TEXT_TAG);
  const text = scanner.text.slice(scanner.pos, end);
  scanner.pos = end + TEXT_TAG_END.length;
  return { kind: 'text', text, line: site.line };
}

// Text runs to the next construct; a backslash-newline inside it is dropped. An empty match
// still moves the cursor one character (Mako's rule), silently dropping that character.
function matchText(scanner: MakoScanner): MakoNode | typeof EMPTY_TEXT {
  const start = scanner.pos;
  const found = scanner.match(TEXT);
  const text = found?.[1] ?? '';
  return text === '' ? EMPTY_TEXT : { kind: 'text', text, line: scanner.lineAt(start) };
}
