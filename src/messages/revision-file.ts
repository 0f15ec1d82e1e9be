// User-facing text for reading revision files: Python syntax and encoding problems, values
// git-alembic cannot read statically, and values Alembic itself would reject. The location
// (`file:line: `) is added by InputError; these texts are what follows it.

/** The four module attributes Alembic reads from a revision file. */
export type RevisionAttribute = 'revision' | 'down_revision' | 'branch_labels' | 'depends_on';

/** Python syntax errors we detect while scanning (wording follows CPython 3.11 where it has one). */
export const PythonSyntaxMessages = {
  UNTERMINATED_STRING: 'unterminated string literal',
  UNTERMINATED_TRIPLE_QUOTED: 'unterminated triple-quoted string literal',
  NULL_BYTES: 'source code cannot contain null bytes',
  AFTER_CONTINUATION: 'unexpected character after line continuation character',
  EOF_IN_CONTINUATION: 'unexpected EOF while parsing',
  TOO_MANY_PARENTHESES: 'too many nested parentheses',
  FSTRING_SINGLE_BRACE: "f-string: single '}' is not allowed",
  TOO_MANY_NESTED_FSTRINGS: 'too many nested f-strings',
  UNEXPECTED_INDENT: 'unexpected indent',
  UNINDENT_MISMATCH: 'unindent does not match any outer indentation level',
  EXPECTED_INDENTED_BLOCK: 'expected an indented block',
  INCONSISTENT_TABS: 'inconsistent use of tabs and spaces in indentation',
  TOO_DEEP_INDENTATION: 'too many levels of indentation',
  LEADING_ZEROS:
    'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
  BYTES_NOT_ASCII: 'bytes can only contain ASCII literal characters',
  ILLEGAL_UNICODE_CHARACTER: 'illegal Unicode character in a \\U escape',
  MALFORMED_NAMED_ESCAPE: 'malformed \\N character escape',
  invalidCharacter: (source: string, offset: number): string => {
    const code = source.codePointAt(offset) ?? 0;
    return `invalid character '${String.fromCodePoint(code)}' (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  },
  invalidNumber: (kind: string): string => `invalid ${kind} literal`,
  invalidDigit: (digit: string, kind: string): string =>
    `invalid digit '${digit}' in ${kind} literal`,
  truncatedEscape: (letter: string, isBytes: boolean): string =>
    `truncated \\${letter} escape in a ${isBytes ? 'bytes' : 'string'} literal`,
  neverClosed: (opening: string): string => `'${opening}' was never closed`,
  unmatched: (closing: string): string => `unmatched '${closing}'`,
  mismatched: (closing: string, opening: string): string =>
    `closing parenthesis '${closing}' does not match opening parenthesis '${opening}'`,
} as const;

/** Python syntax errors of the complete check (src/core/python-syntax/); CPython's wording where it has one. */
export const PythonParserMessages = {
  INVALID_SYNTAX: 'invalid syntax',
  expected: (token: string): string => `expected '${token}'`,
  keywordAsName: (word: string): string => `invalid syntax: '${word}' is a keyword, not a name`,
  TOO_DEEPLY_NESTED: 'too deeply nested (Python’s parser gives up on nesting this deep)',
  EXPECTED_ELSE: "expected 'else' after 'if' expression",
  outside: (what: string, where: string): string => `'${what}' outside ${where}`,
  BREAK_OUTSIDE: "'break' outside loop",
  CONTINUE_OUTSIDE: "'continue' not properly in loop",
  YIELD_FROM_IN_ASYNC: "'yield from' inside async function",
  yieldInside: (what: string): string => `'yield' inside ${what}`,
  ASYNC_COMPREHENSION_OUTSIDE: 'asynchronous comprehension outside of an asynchronous function',
  MIXED_BYTES: 'cannot mix bytes and nonbytes literals',
  FORGOT_COMMA: 'invalid syntax. Perhaps you forgot a comma?',
  FSTRING_EMPTY_EXPRESSION: 'f-string: empty expression not allowed',
  FSTRING_CONVERSION: "f-string: invalid conversion character: expected 's', 'r', or 'a'",
  FSTRING_EXPECTING_BRACE: "f-string: expecting '}'",
  UNPACKING_IN_COMPREHENSION: 'iterable unpacking cannot be used in comprehension',
  STARRED_HERE: "can't use starred expression here",
  namedTarget: (what: string): string => `cannot use assignment expressions with ${what}`,
  cannotAssign: (what: string): string => `cannot assign to ${what}`,
  cannotDelete: (what: string): string => `cannot delete ${what}`,
  augmentedTarget: (what: string): string =>
    `'${what}' is an illegal expression for augmented assignment`,
  annotatedTarget: (what: string): string => `illegal target for annotation: ${what}`,
  ANNOTATED_TUPLE: 'only single target (not tuple) can be annotated',
  STARRED_TARGET_ALONE: 'starred assignment target must be in a list or tuple',
  MULTIPLE_STARRED: 'multiple starred expressions in assignment',
  EXPRESSION_ASSIGNMENT: 'expression cannot contain assignment, perhaps you meant "=="?',
  keywordRepeated: (name: string): string => `keyword argument repeated: ${name}`,
  POSITIONAL_AFTER_KEYWORD: 'positional argument follows keyword argument',
  POSITIONAL_AFTER_KEYWORD_UNPACKING: 'positional argument follows keyword argument unpacking',
  ITERABLE_AFTER_KEYWORD_UNPACKING:
    'iterable argument unpacking follows keyword argument unpacking',
  GENERATOR_PARENTHESIZED: 'Generator expression must be parenthesized',
  duplicateArgument: (name: string): string =>
    `duplicate argument '${name}' in function definition`,
  NON_DEFAULT_AFTER_DEFAULT: 'non-default argument follows default argument',
  BARE_STAR: 'named arguments must follow bare *',
  STAR_TWICE: '* argument may appear only once',
  SLASH_FIRST: 'at least one argument must precede /',
  SLASH_TWICE: '/ may appear only once',
  SLASH_AFTER_STAR: '/ must be ahead of *',
  AFTER_VAR_KEYWORD: 'arguments cannot follow var-keyword argument',
  VAR_POSITIONAL_DEFAULT: 'var-positional argument cannot have default value',
  VAR_KEYWORD_DEFAULT: 'var-keyword argument cannot have default value',
  NONLOCAL_AT_MODULE_LEVEL: 'nonlocal declaration not allowed at module level',
  FUTURE_NOT_FIRST: 'from __future__ imports must occur at the beginning of the file',
  unknownFuture: (name: string): string => `future feature ${name} is not defined`,
  NOT_A_CHANCE: 'not a chance',
  IMPORT_STAR_NOT_AT_MODULE_LEVEL: 'import * only allowed at module level',
  TRAILING_COMMA_IMPORT: 'trailing comma not allowed without surrounding parentheses',
  expectedBlock: (what: string, line: number): string =>
    `expected an indented block after ${what} on line ${line}`,
  BARE_EXCEPT_NOT_LAST: "default 'except:' must be last",
  MIXED_EXCEPT_STAR: "cannot have both 'except' and 'except*' on the same 'try'",
  EXCEPT_STAR_NEEDS_TYPE: 'expected one or more exception types',
  TRY_WITHOUT_HANDLER: "expected 'except' or 'finally' block",
  MULTIPLE_STARRED_PATTERNS: 'multiple starred names in sequence pattern',
  WILDCARD_AS_TARGET: "cannot use '_' as a target",
  POSITIONAL_PATTERN_AFTER_KEYWORD: 'positional patterns follow keyword patterns',
} as const;

/** Prefixes a syntax error so the reader knows Python itself would refuse the file. */
export function pythonSyntaxError(detail: string): string {
  return `Python syntax error: ${detail} (Alembic cannot import this file either)`;
}

/** Source encoding problems (PEP 263 coding cookie, BOM, undecodable bytes). */
export const EncodingMessages = {
  unknownEncoding: (name: string): string =>
    `unknown or unsupported encoding in the coding cookie: ${name}`,
  bomWithOtherEncoding: (name: string): string =>
    `encoding problem: the file starts with a UTF-8 byte order mark but declares ${name}`,
  undecodable: (encoding: string): string => `the file is not valid ${encoding}`,
} as const;

/** Shown under every "cannot read this value" error. */
export const CONSTANTS_HINT =
  'write the value as a string literal, None, or a tuple or list of string literals; ' +
  'for an imported constant, give its value under "constants" in the git-alembic config';

/** Shown under errors about bindings git-alembic cannot follow. */
export const PLAIN_BINDING_HINT =
  'bind each of revision, down_revision, branch_labels and depends_on once, at module level, to a literal';

/** Texts about the four attributes themselves. */
export const RevisionFileMessages = {
  notLiteral: (attribute: RevisionAttribute, expression: string): string =>
    `${attribute} is not a literal git-alembic can read: ${expression}`,
  notAString: (attribute: RevisionAttribute, expression: string): string =>
    attribute === 'revision'
      ? `revision must be a string, not ${expression}`
      : `${attribute} must be None, a string, or a tuple or list of strings, not ${expression}`,
  conditionalBinding: (attribute: RevisionAttribute, statement: string): string =>
    `${attribute} is bound inside a block, so its value depends on what runs at import time: ${statement}`,
  computedBinding: (attribute: RevisionAttribute, statement: string): string =>
    `${attribute} appears in a statement git-alembic cannot follow (it may rebind or change it): ${statement}`,
  missingDownRevision:
    "down_revision is missing; Alembic requires it (AttributeError: no attribute 'down_revision'); " +
    'write down_revision = None for a base revision',
  emptyRevision: 'revision is an empty string',
  illegalRevisionCharacters: (characters: readonly string[], id: string): string =>
    `Character(s) '${characters.join(', ')}' not allowed in revision identifier '${id}'`,
  emptyDownRevision:
    "down_revision contains an empty string; Alembic 1.12.1 and later fail with KeyError: '' " +
    '(1.8.1 treated "" as a base); write down_revision = None for a base revision',
  emptyBranchLabel:
    'branch_labels contains an empty string, which Alembic would register as a label named ""; ' +
    'write branch_labels = None for no labels',
  emptyDependencyAmongOthers:
    "depends_on lists an empty string next to other entries; Alembic fails with KeyError: ''",
  CONFLICT_MARKERS:
    'the file has unresolved conflict markers (<<<<<<<, =======, >>>>>>>) from a git merge; ' +
    'resolve the conflict, remove the markers and add the file again',
  legacyFileName: (fileName: string): string =>
    `Could not determine revision id from filename ${fileName}. ` +
    "Be sure the 'revision' variable is declared inside the script",
} as const;

/** Problems of the version-directory scan. */
export const ScanMessages = {
  unreadable: (detail: string): string => `cannot read the revision file: ${detail}`,
  unreadableDirectory: (detail: string): string => `cannot list the version directory: ${detail}`,
  missingBlob: (blob: string): string => `git has no object ${blob} for it (run \`git fsck\`)`,
} as const;
