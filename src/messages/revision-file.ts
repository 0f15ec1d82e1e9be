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
  UNEXPECTED_INDENT: 'unexpected indent',
  UNINDENT_MISMATCH: 'unindent does not match any outer indentation level',
  EXPECTED_INDENTED_BLOCK: 'expected an indented block',
  neverClosed: (opening: string): string => `'${opening}' was never closed`,
  unmatched: (closing: string): string => `unmatched '${closing}'`,
  mismatched: (closing: string, opening: string): string =>
    `closing parenthesis '${closing}' does not match opening parenthesis '${opening}'`,
} as const;

/** Prefixes a syntax error so the reader knows Python itself would refuse the file. */
export function pythonSyntaxError(detail: string): string {
  return `Python syntax error: ${detail} (Alembic cannot import this file either)`;
}

/** Source encoding problems (PEP 263 coding cookie, BOM, undecodable bytes). */
export const EncodingMessages = {
  unknownEncoding: (name: string): string => `unknown or unsupported encoding in the coding cookie: ${name}`,
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
    'down_revision contains an empty string; Alembic 1.12.1 and later fail with KeyError: \'\' ' +
    '(1.8.1 treated "" as a base); write down_revision = None for a base revision',
  emptyBranchLabel:
    'branch_labels contains an empty string, which Alembic would register as a label named ""; ' +
    'write branch_labels = None for no labels',
  emptyDependencyAmongOthers:
    'depends_on lists an empty string next to other entries; Alembic fails with KeyError: \'\'',
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
} as const;
