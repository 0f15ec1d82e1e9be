// The regular expressions of the fast reader (fast-reader.ts). V8 compiles regular expressions
// to native code, so scanning with them is fast even while our own JavaScript still runs cold
// in the interpreter, which is most of a git hook's short life. Each pattern matches a SUBSET
// of what the precise lexer (python-lexer.ts) accepts, with exactly the same extent; wherever
// a pattern cannot match, the fast reader stops and hands over to precise code.
//
// Two rules keep the patterns exact and linear: at any position at most one alternative can
// match (so backtracking never finds a second reading), and runs that could be split are
// possessive (`x+(?!x)`), so a failing bracket group cannot retry shorter runs.

// A quote right after `f`, `t`, `fr`, `rf`, `tr` or `rt` (any case) may open an f-string or a
// t-string, whose replacement fields can hold quotes: the patterns leave those strings to the
// precise scanner (skipString). They also leave a few plain ones (`elif"…"` has no prefix),
// which is only slower; a shorter test keeps the patterns, repeated at every level, small.
const FORMAT_PREFIX = String.raw`[fFtT][rR]?`;

// A plain single-quoted string: a backslash escapes any character (a newline too), an
// unescaped newline leaves it unterminated. `(?!qq)` leaves `"""` to the triple form.
function singleQuoted(quote: string): string {
  return String.raw`${quote}(?!${quote}${quote})(?:[^${quote}\\\n]|\\[^])*${quote}`;
}

// A plain triple-quoted string: it ends at the first triple quote not escaped by a backslash.
function tripleQuoted(quote: string): string {
  const three = quote.repeat(3);
  return String.raw`${three}(?:[^${quote}\\]|\\[^]|${quote}(?!${quote}${quote}))*${three}`;
}

/** Any string literal except f-strings and t-strings (checked once, before the quote). */
const STRING = String.raw`(?=["'])(?<!${FORMAT_PREFIX})(?:${[tripleQuoted('"'), singleQuoted('"'), tripleQuoted("'"), singleQuoted("'")].join('|')})`;

// Characters of function bodies with no lexical meaning, as a possessive run.
const BODY_RUN = String.raw`[^\n"'#\\()[\]{}]+(?![^\n"'#\\()[\]{}])`;
const COMMENT = String.raw`#[^\n]*(?![^\n])`;
const CONTINUATION = String.raw`\\\n`;

// `(…)` and `[…]` nested up to `levels` deep, with matching closers (a mismatch is a syntax
// error). Each level repeats the one below twice, so the depth is kept small: three levels
// cover `op.create_table(…, sa.Column(…, sa.String(…)))`; deeper brackets and `{…}` stop the
// scan, and the fast reader keeps their stack itself.
function bracketGroups(levels: number): string {
  const item = String.raw`${BODY_RUN}|\n|${COMMENT}|${CONTINUATION}|${STRING}`;
  let group = '';
  for (let level = 1; level <= levels; level++) {
    const content = group === '' ? `(?:${item})*` : `(?:${item}|${group})*`;
    group = String.raw`\(${content}\)|\[${content}\]`;
  }
  return group;
}

// Scans an indented body from its header's newline: stops at a newline at bracket depth 0
// followed by a line starting in column 0 with code (the body's end), or where precise code
// must take over (a bracket it cannot pair, `{`, an f-string, an error).
const BODY = String.raw`(?:${BODY_RUN}|\n(?=[ \t\n#])|${COMMENT}|${CONTINUATION}|${STRING}|${bracketGroups(3)})*`;
// A header's newline, then blank or comment lines, then an indented line of code (a form feed
// in the indentation would reset Python's column to 0: left to the precise reader).
const BODY_START = String.raw`\n(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]+[^ \t\n#\f]`;

/** BODY alone, to resume a body scan where the fast reader took over. */
export const BODY_SCAN = new RegExp(BODY, 'y');

const ATTRIBUTE_TEXT = 'revision|branch_labels|depends_on';
// ASCII code outside strings and comments, with no text of an attribute name: a non-ASCII
// identifier may be NFKC-equal to one, so non-ASCII code goes to the precise reader.
const CODE_CHARACTER = String.raw`(?!${ATTRIBUTE_TEXT})[\t !$-&*-Z^-z|~]`;
// Lines starting with these may open a block (`if x:`), which the fast reader never follows.
const BLOCK_KEYWORD = String.raw`(?:if|elif|else|try|except|finally|for|while|with|def|class|async|match|case)\b`;
const LINE_REST = String.raw`[ \t]*(?:#[^\n]*)?(?:\n|$)`;
const BLANK_LINE = String.raw`[ \t]*(?:#[^\n]*)?\n`;
// A one-line module statement in column 0 without brackets or attribute names: imports, most
// assignments, decorators. It cannot bind an attribute or hide a syntax error the fast reader misses.
// CODE_CHARACTER takes its trailing blanks: a second `[ \t]*` (LINE_REST) would split them
// every way before failing, quadratic in a long run of blanks.
const HARMLESS_LINE = String.raw`(?!${BLOCK_KEYWORD}|${ATTRIBUTE_TEXT})[A-Za-z_@](?:${CODE_CHARACTER}|${STRING})*(?:#[^\n]*)?(?:\n|$)`;

// A return annotation or class bases without a depth-0 `lambda`, whose colon would end the header.
const ANNOTATION_ATOM = String.raw`[A-Za-z0-9_.,| \t]`;
const ANNOTATION = String.raw`(?:${ANNOTATION_ATOM}|\[(?:${ANNOTATION_ATOM}|\[${ANNOTATION_ATOM}*\])*\])+`;
const PARAMETERS = String.raw`\((?:[^()[\]{}"'#\\\n]|${STRING})*\)`;
// `def name(…) -> T:` or `class Name(…):` ending its line, whose name is not an attribute.
// No two runs that both take blanks are adjacent (blanks before `->` belong to the name or
// the parameters, and the annotation starts with a non-blank), so a header that fails after
// a long run of blanks fails in linear time.
const BLOCK_HEADER = String.raw`(?:async[ \t]+)?(?:def|class)[ \t]+(?!(?:down_revision|${ATTRIBUTE_TEXT})\b)[A-Za-z_][A-Za-z0-9_]*[ \t]*(?:${PARAMETERS}[ \t]*)?(?:->(?![^:\n]*lambda)[ \t]*(?=[A-Za-z0-9_.[])${ANNOTATION})?:[ \t]*(?:#[^\n]*)?(?=\n)`;

// An annotation naming no attribute (checked up to the `=`, which it cannot contain); only
// `[…]` brackets, two deep.
const BINDING_ANNOTATION_INNER = String.raw`[A-Za-z0-9_.,| \t]`;
const BINDING_ANNOTATION = String.raw`(?![^=\n]*(?:${ATTRIBUTE_TEXT}))(?:[A-Za-z0-9_.| \t]|\[(?:${BINDING_ANNOTATION_INNER}|\[${BINDING_ANNOTATION_INNER}*\])*\])+`;
// `name =` or `name: T =` for one of `names` (a capture group), up to the value.
function bindingHead(names: string): string {
  return String.raw`(${names})[ \t]*(?::[ \t]*(?=[A-Za-z_])${BINDING_ANNOTATION})?=(?!=)[ \t]*`;
}

// The commonest values, ending their line: None (a group) or a plain string literal with a u
// or r prefix and no backslash (a group); fast-value.ts reads any other value.
const COMMON_VALUE = String.raw`(?:(None)|([uUrR]?(?:"(?!"")[^"\\\n]*"|'(?!'')[^'\\\n]*')))${LINE_REST}`;

// Another binding with a common value right after the previous one (the template's block of
// four), after blank or comment lines; never `revision`, whose line the walk must know. These
// optional slots follow each other flat: all alike, so when one fails the next fails at the
// same place, and flat they compile in half the time of nested ones.
const FOLLOWING_BINDING = String.raw`(?:(?:${BLANK_LINE})*${bindingHead('down_revision|branch_labels|depends_on')}${COMMON_VALUE})?`;

// A function or class whose body the scan reads to its end. The end is unique: BODY never
// stops before a newline followed by code in column 0, so backtracking cannot find another.
const CLEAN_BLOCK = String.raw`${BLOCK_HEADER}(?=${BODY_START})${BODY}(?:\n(?![ \t\n#\f])|$)`;

/**
 * One step of the module walk, from the start of a line. Group 1 is what it skips: blank,
 * comment and harmless lines and whole functions. Then, when a binding follows: group 2 is the
 * attribute; a common value is None (group 3) or a string literal (group 4), and then up to
 * three more bindings with common values may follow (groups 5-7, 8-10, 11-13); for any other
 * value the match ends where the value starts. Otherwise the walk must look itself (a function
 * whose body the scan cannot finish, any other statement, the end).
 */
export const MODULE_STEP = new RegExp(
  String.raw`((?:${BLANK_LINE}|${HARMLESS_LINE}|${CLEAN_BLOCK})*)(?:${bindingHead('down_revision|revision|branch_labels|depends_on')}(?:${COMMON_VALUE}${FOLLOWING_BINDING.repeat(3)})?)?`,
  'y',
);

/** A `def`/`class` header with an indented body after it; stops at the header's newline. */
export const BLOCK_START = new RegExp(String.raw`${BLOCK_HEADER}(?=${BODY_START})`, 'y');

/**
 * The start of the module: blank and comment lines, then the first statement. When it is a
 * plain string alone on its line (the docstring), group 1 is the text of a `"""…"""` without
 * backslashes, else group 2 is the literal; group 3 is set when it starts with a string but
 * is not that simple.
 */
export const FIRST_STATEMENT = new RegExp(
  String.raw`(?:${BLANK_LINE})*(?:(?:"""((?:[^"\\]|"(?!""))*)"""|([rRuU]?(?:${STRING})))${LINE_REST}|(?=([A-Za-z]{0,2}["']))|)`,
  'y',
);

/** The rest of the source is blank or a comment (a last line without a newline). */
export const BLANK_TAIL = /[ \t]*(?:#[^\n]*)?$/y;
/** Matches (empty) where a module line does not start with a block keyword. */
export const NOT_BLOCK_KEYWORD = new RegExp(`(?!${BLOCK_KEYWORD})`, 'y');
/** Module code between brackets, newlines and complex strings, without attribute names. */
export const MODULE_CODE_SCAN = new RegExp(
  String.raw`(?:${CODE_CHARACTER}|${STRING}|${COMMENT}|${CONTINUATION})*`,
  'y',
);
