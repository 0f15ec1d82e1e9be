// User-facing text of the script.py.mako renderer. Every message names the construct that
// stopped rendering; the error itself carries the template file and line.

/** Hint attached to every template error. */
export const TEMPLATE_HINT =
  'git-alembic renders script.py.mako without Python and supports the Mako subset Alembic templates use; ' +
  'simplify the template or run `alembic merge heads` yourself';

// --- Mako syntax -----------------------------------------------------------------------

/** A `<%name>` tag such as `<%include>` or `<%def>`. */
export const UNSUPPORTED_TAG = (keyword: string): string => `\`<%${keyword}>\` is not supported`;
/** A closing `</%name>` tag. */
export const UNSUPPORTED_TAG_END = (keyword: string): string =>
  `\`</%${keyword}>\` is not supported`;
/** `${` without its `}`. */
export const UNCLOSED_EXPRESSION = 'unclosed `${`: expected `}`';
/** `<%` without its `%>`. */
export const UNCLOSED_BLOCK = 'unclosed `<%` block: expected `%>`';
/** `${}` with nothing inside. */
export const EMPTY_EXPRESSION = 'empty `${}` expression';
/** A `%` line that does not start with a keyword. */
export const INVALID_CONTROL_LINE = (text: string): string => `invalid control line \`% ${text}\``;
/** A `%` line Mako cannot read as `keyword …:`. */
export const NOT_A_CONTROL_STATEMENT = (text: string): string =>
  `\`% ${text}\` is not a control statement of the form \`% if …:\``;
/** `% while`, `% try`, `% with` and friends. */
export const UNSUPPORTED_CONTROL = (keyword: string): string =>
  `\`% ${keyword}\` is not supported (only \`% if\` and \`% for\`)`;
/** `% elif` or `% else` in the wrong place. */
export const MISPLACED_CLAUSE = (keyword: string, open: string | null): string =>
  open === null
    ? `\`% ${keyword}\` without an open \`% if\` or \`% for\``
    : `\`% ${keyword}\` is not allowed here in \`% ${open}\``;
/** `% endif` that closes nothing or the wrong block. */
export const UNMATCHED_END = (keyword: string, open: string | null): string =>
  open === null
    ? `\`% end${keyword}\` without \`% ${keyword}\``
    : `\`% end${keyword}\` does not close \`% ${open}\``;
/** A block still open at the end of the file. */
export const UNTERMINATED_CONTROL = (keyword: string): string =>
  `\`% ${keyword}\` is never closed by \`% end${keyword}\``;
/** Mako's code generator leaves such a branch empty and the template fails to compile. */
export const EMPTY_BRANCH =
  'a control block whose first branch is empty while another has content: Mako cannot compile it';
/** `<%text filter="…">` or `<%text/>`. */
export const TEXT_TAG_FORM =
  '`<%text>` is only supported without attributes (such as `filter`) and not self-closing';
/** `<%text></%text>`: Mako's lexer skips a character there and leaves the tag open. */
export const EMPTY_TEXT_TAG =
  'an empty `<%text></%text>` is not supported (Mako misreads it and leaves the tag open)';
/** `<%text>` without its `</%text>`. */
export const UNCLOSED_TEXT_TAG = 'unclosed `<%text>`: expected `</%text>`';
/** A magic encoding comment naming something other than UTF-8. */
export const UNSUPPORTED_ENCODING = (encoding: string): string =>
  `the template declares encoding '${encoding}'; only UTF-8 templates are supported`;

// --- filters ---------------------------------------------------------------------------

/** A filter we do not implement (`entity`, an expression). */
export const UNSUPPORTED_FILTER = (filter: string): string =>
  `the filter \`${filter}\` is not supported`;
/** `h` twice in one pipeline (markupsafe would not escape twice). */
export const REPEATED_HTML_FILTER = 'the filter `h` twice in one expression is not supported';
/** A filter name that is not a function. */
export const FILTER_NOT_CALLABLE = (filter: string): string =>
  `the filter \`${filter}\` is not a known function`;
/** What `${}` wrote is not a str (e.g. `| n` on None). */
export const NOT_A_STRING_RESULT = (type: string): string =>
  `\`\${}\` produced a ${type}, not a str (Mako would fail)`;

// --- Python syntax ---------------------------------------------------------------------

/** A token the parser did not expect. */
export const EXPECTED_TOKEN = (expected: string, found: string): string =>
  `invalid Python: expected ${expected}, found ${found}`;
/** Python syntax outside the supported subset. */
export const UNSUPPORTED_SYNTAX = (construct: string): string =>
  `Python ${construct} is not supported in templates`;
/** A character that cannot start a token. */
export const UNEXPECTED_CHARACTER = (char: string): string =>
  `invalid Python: unexpected character '${char}'`;
/** A string literal without its closing quote. */
export const UNTERMINATED_STRING = 'invalid Python: unterminated string literal';
/** `b'…'`, `f'…'` and other prefixes. */
export const UNSUPPORTED_STRING_PREFIX = (prefix: string): string =>
  `string literals with the prefix '${prefix}' are not supported`;
/** A malformed `\x`, `\u` or `\U` escape. */
export const BAD_ESCAPE = (letter: string): string =>
  `invalid Python: truncated \\${letter} escape in a string literal`;
/** `\N{…}` escapes. */
export const NAMED_UNICODE_ESCAPE = '`\\N{…}` escapes are not supported';
/** Floats, hexadecimal and the like. */
export const UNSUPPORTED_NUMBER = (text: string): string =>
  `the number literal \`${text}\` is not supported (decimal integers only)`;
/** Identifiers with non-ASCII letters (Python normalises them; we do not). */
export const NON_ASCII_NAME = 'names with non-ASCII letters are not supported';
/** Lines of one code block indented differently. */
export const INCONSISTENT_INDENT = 'the lines of this code block are indented differently';
/** A statement other than an assignment, an import, `pass` or (in `<%! %>`) `def`. */
export const UNSUPPORTED_STATEMENT = (what: string): string =>
  `${what} is not supported in a code block (only assignments, imports, \`pass\`, and \`def\` in \`<%! %>\`)`;
/** A statement a template function may not contain. */
export const UNSUPPORTED_FUNCTION_STATEMENT = (what: string): string =>
  `${what} is not supported in a function (only assignments, \`return\`, \`if\`/\`elif\`/\`else\` and \`pass\`)`;
/** `def` in a `<% %>` block (a closure over the render function's locals). */
export const DEF_OUTSIDE_MODULE_BLOCK = '`def` is only supported in a `<%! %>` module block';
/** A parameter form other than a name with an optional default. */
export const UNSUPPORTED_PARAMETER = (what: string): string =>
  `${what} in a function's parameters is not supported (only names with optional defaults)`;
/** A `def` or `if` whose body is not indented under it. */
export const EXPECTED_INDENTED_BLOCK = 'invalid Python: expected an indented block';
/** `from x import y` of a module other than alembic or sqlalchemy: needs Python to run. */
export const FROM_IMPORT = (module: string): string =>
  `\`from ${module} import …\` is not supported: it needs Python to run (only alembic and sqlalchemy names, left unused, can be imported)`;
/** `from x import *`, which Mako itself refuses. */
export const STAR_IMPORT = '`from … import *` is not supported (Mako refuses it too)';
/** `import x` of a module we neither emulate nor allow as an unused import. */
export const UNSUPPORTED_IMPORT = (module: string): string =>
  `\`import ${module}\` is not supported (only re, datetime, sys, and alembic or sqlalchemy left unused)`;
/** A name imported from alembic or sqlalchemy used in an expression. */
export const IMPORTED_NAME_USED = (name: string, source: string): string =>
  `\`${name}\` (\`${source}\`) is used in an expression: that needs Python, git-alembic allows such imports only when they are not used`;
/** Assignment to `context`, `loop`, `UNDEFINED` or `STOP_RENDERING`. */
export const RESERVED_NAME = (name: string): string =>
  `\`${name}\` is reserved by Mako and cannot be assigned`;

// --- evaluation ------------------------------------------------------------------------

/** The rendered text holds a lone surrogate, which Alembic cannot encode to write the file. */
export const UNENCODABLE_OUTPUT =
  'the rendered text contains a lone surrogate, which cannot be encoded (Alembic would fail to write it)';
/** An error Python itself would raise while rendering (so `alembic merge` fails too). */
export const PYTHON_ERROR = (type: string, detail: string): string =>
  `rendering fails with ${type}: ${detail}`;
/** `${name}` where the name is not a template variable. */
export const UNDEFINED_RENDERED =
  'an undefined name is rendered (Mako raises `NameError: Undefined`)';
/** str()/repr() of a function, object or UNDEFINED: Python would print a memory address. */
export const NOT_RENDERABLE = (operation: string, type: string): string =>
  `${operation} of a ${type} value is not supported`;
/** An attribute of an undefined name (`config.x` when `config` was never passed). */
export const UNDEFINED_ATTRIBUTE = (path: string, owner: string): string =>
  `\`${path}\`: \`${owner}\` is undefined (Mako raises AttributeError)`;
/** A call of a name that is not defined. */
export const UNKNOWN_FUNCTION = (name: string): string => `unknown function \`${name}()\``;
/** An attribute or method we do not model (`str.format`, `config.get_section`). */
export const UNSUPPORTED_ATTRIBUTE = (owner: string, name: string): string =>
  `\`${owner}.${name}\` is not supported`;
/** A Python builtin other than repr, str and len. */
export const UNSUPPORTED_BUILTIN = (name: string): string =>
  `the Python builtin \`${name}\` is not supported (only repr, str and len)`;
/** Mako runtime names such as `loop`, `capture` or `caller`. */
export const UNSUPPORTED_MAKO_NAME = (name: string): string =>
  `Mako's \`${name}\` is not supported`;
/** `is` between values whose identity Python does not define. */
export const UNSUPPORTED_IDENTITY = '`is` is only supported with None, True, False or UNDEFINED';
/** A `%` conversion other than %s, %r, %d, %i and %%. */
export const UNSUPPORTED_FORMAT = (specifier: string): string =>
  `the format \`${specifier}\` is not supported (only %s, %r, %d and %%)`;
/** An aware create_date's repr shows its tzinfo, whose class depends on the Alembic version. */
export const AWARE_REPR =
  'repr() of an aware create_date is not supported: its tzinfo prints differently in each Alembic version (dateutil before 1.13, zoneinfo since)';
/** create_date given as text that is not Python's str(datetime). */
export const NOT_A_DATETIME = (text: string): string =>
  `create_date ${JSON.stringify(text)} is not a datetime's str(), so its fields are unknown`;
/** A strftime directive we do not implement exactly. */
export const UNSUPPORTED_STRFTIME = (directive: string): string =>
  `strftime with ${directive} is not supported (git-alembic implements glibc's directives, with the \`-\` flag, except %s)`;
/** %Z of an aware date in a zone other than UTC. */
export const UNKNOWN_TZNAME =
  '%Z of an aware create_date is only supported for the UTC zone (git-alembic does not know other zones’ abbreviations)';
/** strftime of a year before 1000. */
export const EARLY_YEAR_STRFTIME =
  'strftime of a year before 1000 is not supported (Python versions pad it differently)';
/** Iterating or printing a set of more than one item. */
export const UNORDERED_SET = (operation: string): string =>
  `${operation} a set of several items is not supported: Python orders it by hash, which differs between runs`;
/** A dict key or set item of a type we do not hash. */
export const UNSUPPORTED_KEY = (type: string): string =>
  `a ${type} as a dict key or set item is not supported`;
/** More loop steps than a template should ever need. */
export const TOO_MUCH_WORK =
  'the template takes more than a million loop steps to render; git-alembic stops instead of hanging';
/** Template functions calling each other too deep. */
export const RECURSION_TOO_DEEP =
  'template functions calling each other more than 100 deep are not supported';
/** A string or nesting beyond what JavaScript allows. */
export const TEMPLATE_TOO_LARGE = 'the template produces a string or nesting too large to render';
/** A regular-expression construct we cannot translate exactly. */
export const UNSUPPORTED_REGEX = (construct: string): string =>
  `re.split with ${construct} is not supported`;
