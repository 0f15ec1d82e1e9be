// User-facing text of the files setup edits and the heads file the merge driver merges. The
// location (`file:line: `) is added by InputError; these texts are what follows it.

/**
 * The one comment line at the top of a heads file: what the file is, and what to do when it
 * conflicts (git's own `merge-file`, the driver's fallback, keeps this line outside the markers).
 */
export const HEADS_FILE_COMMENT =
  '# Alembic heads, kept current by git-alembic; do not edit. On a conflict here, run: npx git-alembic heads --write';

/** Comment lines earlier versions wrote; a heads file rewritten by git-alembic gets the current one. */
export const EARLIER_HEADS_FILE_COMMENTS: readonly string[] = [
  '# Alembic heads of this environment, kept current by git-alembic; do not edit by hand.',
];

/**
 * The one segment setup puts into the `prepare` script: it runs `git-alembic setup --prepare`
 * through the package's `git-alembic/prepare` entry, and does nothing where git-alembic is not
 * installed (`npm ci --omit=dev`). One double-quoted node argument: sh and cmd.exe read it alike.
 */
export const PREPARE_STEP = `node -e "import('git-alembic/prepare').catch(e=>{if(e.code!=='ERR_MODULE_NOT_FOUND')throw e})"`;
/** The steps earlier versions wrote: setup replaces them, uninstall removes them too. */
export const EARLIER_PREPARE_STEPS: readonly string[] = ['git-alembic setup --prepare'];

/** Why a heads file cannot be read (the merge driver then falls back to `git merge-file`). */
export const HeadsFileMessages = {
  NUL_BYTE: 'contains a NUL byte (a binary file, not a heads file)',
  INVALID_UTF8: 'is not valid UTF-8',
  conflictMarker: (line: number): string => `line ${line} is a conflict marker`,
  notARevisionId: (line: number, text: string): string =>
    `line ${line} is not a revision id: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`,
  commentNotFirst: (line: number): string =>
    `line ${line} is a comment; only the first line may be one`,
  badHeadId: (id: string): string =>
    `${JSON.stringify(id)} cannot be written to a heads file: a revision id there has no whitespace, control characters or @ - + :`,
  badComment: (comment: string): string =>
    `${JSON.stringify(comment)} is not a one-line comment starting with #`,
  badMarkerSize: (size: number): string =>
    `conflict-marker size must be a positive integer, got ${size}`,
  cannotRead: (reason: string): string => `cannot read the heads file: ${reason}`,
  cannotWrite: (reason: string): string => `cannot write the heads file: ${reason}`,
} as const;

/** Problems with `.husky/<hook>` files, where git-alembic owns one marker-delimited block. */
export const HookBlockMessages = {
  unbalanced: (begin: string, end: string): string =>
    `the lines "${begin}" and "${end}" do not form one block; fix or remove them by hand, then run setup again`,
  editedMarker: (marker: string): string =>
    `this line looks like a git-alembic block marker edited by hand; restore it to "${marker}" or remove the block`,
  badBody: (marker: string): string =>
    `the hook body must not contain the block marker "${marker}"`,
} as const;

/** Problems with `package.json`. */
export const PackageJsonMessages = {
  invalidJson: (detail: string, column: number): string =>
    `invalid JSON: ${detail} (column ${column})`,
  NOT_AN_OBJECT: 'the top level must be a JSON object',
  notAnObject: (key: string): string => `"${key}" must be a JSON object`,
  notAString: (key: string): string => `"${key}" must be a string`,
  TOO_DEEP: 'nested too deeply',
} as const;

/** Problems with a path given for `.gitattributes`. */
export const AttributeMessages = {
  badPath: (path: string): string =>
    `${JSON.stringify(path)} is not a repository-relative file path with forward slashes (no leading or trailing /, no empty, . or .. segments)`,
  badDriverName: (name: string): string =>
    `${JSON.stringify(name)} is not a merge driver name (letters, digits, - and _)`,
} as const;

/** What the JSON reader expected where it stopped (follows `invalid JSON: `). */
export const JsonSyntaxMessages = {
  UNEXPECTED_END: 'unexpected end of file',
  unexpected: (character: string): string => `unexpected ${JSON.stringify(character)}`,
  EXPECTED_KEY: 'expected a "quoted" key',
  EXPECTED_COLON: "expected ':' after the key",
  EXPECTED_COMMA_OR_BRACE: "expected ',' or '}'",
  EXPECTED_COMMA_OR_BRACKET: "expected ',' or ']'",
  BAD_STRING: 'bad string (control character, bad escape or missing closing quote)',
  TRAILING_TEXT: 'unexpected text after the end of the JSON value',
} as const;
