// User-facing text of `git-alembic merge`. Lines that mirror Alembic's own output or errors keep
// Alembic's wording, so people (and scripts) that know `alembic merge` recognise them.

const ids = (list: readonly string[]): string => list.join(', ');

/** Every message `merge` prints or throws. */
export const MergeMessages = {
  // ---- what happened -------------------------------------------------------------------
  /** Alembic's line after writing a revision (two spaces before `done`). */
  generating: (path: string): string => `Generating ${path} ...  done`,
  /** --dry-run: printed before the content. */
  dryRun: (path: string): string => `Would generate ${path} (dry run: nothing written)`,
  /** No environment has two heads on one branch. */
  nothingToMerge: (environments: number): string =>
    `nothing to merge: ${environments === 1 ? 'the environment has' : `all ${environments} environments have`} one head per branch`,
  /** The user named a single head. */
  singleHead: (head: string): string =>
    `nothing to merge: ${head} is the only head named; a merge needs two or more`,
  /** The deterministic merge of these parents is already in the history. */
  mergeExists: (id: string, parents: readonly string[], file: string): string =>
    `merge ${id} of ${ids(parents)} already exists (${file}); nothing written`,
  /** The file is already there, byte for byte (e.g. written by a teammate and not read back). */
  fileExists: (path: string): string =>
    `${path} already exists with the same content; nothing written`,
  /** -v: the plan of one merge. */
  planned: (id: string, parents: readonly string[], date: string, source: string): string =>
    `merge ${id} of ${ids(parents)}, Create Date ${date} (${source})`,
  /** -v: where the date came from. */
  dateSource: (
    source: 'option' | 'now' | 'git' | 'docstring',
    parent: string | undefined,
  ): string =>
    ({
      option: 'from --date',
      now: 'the current time',
      git: `author time of the commit that added ${parent ?? '?'}`,
      docstring: `Create Date of ${parent ?? '?'}`,
    })[source],
  /** -v: which environment. */
  environment: (name: string): string => `environment ${name}`,

  // ---- warnings ------------------------------------------------------------------------
  NOW_NOT_DETERMINISTIC:
    'no parent has a commit time in git or a Create Date in its docstring, so the merge is dated now: ' +
    'merging the same heads elsewhere will give a different file (pass --date to pin it)',
  REVISION_ENVIRONMENT:
    'revision_environment is on, but git-alembic does not run env.py: template arguments and post-write hook types ' +
    'that env.py registers are not available to this merge',
  stillDiverged: (environment: string, heads: readonly string[]): string =>
    `${environment} still has several heads on one branch after the merge: ${ids(heads)}`,
  notReadBack: (id: string, path: string): string =>
    `the new revision ${id} is not read back from ${path}; Alembic will not see it either`,
  rereadFailed: (detail: string): string => `the history cannot be read after the merge: ${detail}`,

  // ---- usage and history errors --------------------------------------------------------
  DUPLICATE_HEADS: 'Duplicate head revisions specified',
  DUPLICATE_HEADS_HINT: 'name each head once',
  notAHead: (id: string): string => `Revision ${id} is not a head revision`,
  NOT_A_HEAD_HINT: 'name heads only (see `git-alembic heads`); git-alembic merge has no --splice',
  ONE_ENVIRONMENT_FOR_HEADS: 'naming heads needs exactly one environment, but several were found',
  ONE_ENVIRONMENT_HINT: 'choose one with -c FILE (and -n SECTION)',
  REV_ID_SEVERAL_MERGES: '--rev-id gives one id, but there is more than one merge to write',
  REV_ID_SEVERAL_MERGES_HINT: 'name the heads to merge, or choose the environment with -c',
  badDate: (text: string): string =>
    `--date ${JSON.stringify(text)} is not a date of the form "YYYY-MM-DD HH:MM:SS[.ffffff]"`,
  BAD_DATE_HINT: 'for example --date "2024-05-01 12:00:00"',
  EMPTY_REV_ID: 'the revision id is empty',
  illegalRevId: (characters: readonly string[], id: string): string =>
    `Character(s) '${characters.join(', ')}' not allowed in revision identifier '${id}'`,
  revIdTaken: (id: string, file: string | undefined): string =>
    `revision id ${id} is already used${file === undefined ? ' (as a branch label, or by another merge of this run)' : ` by ${file}`}`,
  REV_ID_TAKEN_HINT: 'choose another --rev-id, or leave it out for the deterministic id',
  NO_FREE_RANDOM_ID: 'could not find an unused random revision id',

  // ---- configuration and template errors -----------------------------------------------
  unknownTimezone: (name: string): string => `Can't locate timezone: ${name}`,
  unsupportedEncoding: (name: string, supported: readonly string[]): string =>
    `output_encoding '${name}' is not supported by git-alembic (supported: ${ids(supported)})`,
  unencodable: (codec: string, character: string, position: number, limit: number): string =>
    `the merge revision cannot be encoded with output_encoding: '${codec}' codec can't encode character '${character}' in position ${position}: ordinal not in range(${limit})`,
  badFileTemplate: (template: string, pythonError: string, detail: string): string =>
    `Python cannot format ${JSON.stringify(template)} (${pythonError}: ${detail})`,
  subdirectoryNotRead: (fileName: string): string =>
    `the merge would be written to the subdirectory ${fileName}, which Alembic does not read without recursive_version_locations`,
  SUBDIRECTORY_HINT: 'set recursive_version_locations = true, or remove the / from file_template',
  templateUnreadable: (detail: string): string => `the template cannot be read: ${detail}`,
  TEMPLATE_NOT_UTF8: 'the template is not valid UTF-8 (git-alembic renders UTF-8 templates only)',
  templateMissing: (path: string): string =>
    `the template ${path} does not exist (Alembic renders <script_location>/script.py.mako)`,
  unreadableResult: (detail: string): string =>
    `the rendered merge revision would not be a readable revision file: ${detail}`,
  unreadableResultHint: (template: string): string =>
    `check the message (a """ ends the docstring) and ${template}; nothing was written`,
  templateMismatch: (template: string, problem: string): string =>
    `${template} renders a merge revision with ${problem}`,
  TEMPLATE_MISMATCH_HINT:
    'script.py.mako must write revision, down_revision, branch_labels and depends_on from the template variables',
  quotedDownRevision: (template: string, tuple: string): string =>
    `${template} writes down_revision as the text ${tuple} inside quotes: for a merge the tuple's str() is not a revision id, ` +
    'so the file Alembic would write from this template breaks the history',
  QUOTED_DOWN_REVISION_HINT:
    'write down_revision = ${repr(down_revision)} (no quotes) in script.py.mako; nothing was written',
  shlexError: (problem: string, text: string): string =>
    `post-write hook options ${JSON.stringify(text)} cannot be split: ${problem}`,

  // ---- writing -------------------------------------------------------------------------
  fileTaken: (path: string): string =>
    `${path} already exists with other content; git-alembic never overwrites a file`,
  FILE_TAKEN_HINT: 'move the file away or choose another --rev-id',
  writeFailed: (path: string, detail: string): string => `could not write ${path}: ${detail}`,

  // ---- post-write hooks ----------------------------------------------------------------
  hookTypeMissing: (name: string): string =>
    `Key '${name}.type' (or 'type' in toml) is required for post write hook '${name}'`,
  hookTypeUnknown: (name: string, type: string): string =>
    `post write hook '${name}' has type '${type}', which git-alembic cannot run`,
  hookTypeUnknownHint: (revisionEnvironment: boolean): string =>
    `git-alembic runs the types console_scripts, exec and module${revisionEnvironment ? '; types registered in env.py need Alembic itself' : ''}`,
  hookOptionMissing: (name: string, option: string): string =>
    `Key ${name}.${option} is required for post write hook '${name}'`,
  hookRunning: (name: string): string => `Running post write hook '${name}' ...`,
  HOOK_DONE: '  done',
  hookFailed: (name: string, status: string, path: string): string =>
    `post write hook '${name}' ${status}; the revision stays as written: ${path}`,
  hookExit: (code: number | null, signal: string | null): string =>
    signal === null ? `exited with status ${code ?? '?'}` : `was killed by ${signal}`,
  hookNotStarted: (program: string, detail: string): string =>
    `could not start ${program} (${detail})`,
} as const;
