// User-facing text of the command line itself. Each area keeps its text in one file under
// src/messages/, so tests can assert exact strings and wording stays consistent.
import { listText } from './hooks.js';

/** Prefix of every line git-alembic prints on stderr. */
export const PROGRAM = 'git-alembic';

/** No alembic.ini, pyproject.toml or project config names an environment. */
export const NO_ENVIRONMENT = (cwd: string): string => `no Alembic environment found from ${cwd}`;
export const NO_ENVIRONMENT_HINT =
  'run inside a repository with an Alembic ini (a section with script_location) or a pyproject.toml with [tool.alembic], pass -c FILE, or list environments in the git-alembic config';

/** `check` found nothing. */
export const CHECK_OK = (environments: number): string =>
  `ok: ${environments === 1 ? 'the environment has' : `all ${environments} environments have`} one head per branch`;

// A revision and its file, as a finding names it: `b1 (migrations/versions/b1_rev.py)`.
const revisionText = ({
  id,
  file,
}: {
  readonly id: string;
  readonly file: string | undefined;
}): string => (file === undefined ? id : `${id} (${file})`);
/** GA101: heads that share a branch-label set, with their files and the revisions they forked from. */
export const DIVERGED = (
  heads: readonly { id: string; file: string | undefined }[],
  labels: readonly string[],
  forkedFrom: readonly { id: string; file: string | undefined }[] = [],
): string =>
  `${heads.length} heads on ${labels.length === 0 ? 'one branch' : `branch ${labels.map((label) => `'${label}'`).join(', ')}`}: ${listText(heads.map(revisionText))}` +
  (forkedFrom.length === 0 ? '' : `, forked from ${listText(forkedFrom.map(revisionText))}`);
export const DIVERGED_HINT =
  'run `git-alembic merge` and commit the merge revision it writes (what `alembic merge heads` would write)';

/** GA102: an environment whose version locations hold no revision file. */
export const NO_REVISIONS = (directories: readonly string[]): string =>
  `no revisions found under ${directories.join(', ')}`;
export const NO_REVISIONS_HINT =
  'when env.py builds the version locations, list them in versionLocations of the git-alembic config (globs such as "migrations/versions/*" work); ' +
  'when it sets script_location in code, set scriptLocation there';

/** Command-line usage: the command, its options and its arguments. */
export const UsageMessages = {
  unknownCommand: (name: string): string => `unknown command '${name}'`,
  UNKNOWN_COMMAND_HINT: 'run `git-alembic --help` for the list of commands',
  didYouMean: (command: string): string => `did you mean \`git-alembic ${command}\`?`,
  OPTIONS_AFTER_COMMAND_HINT: 'options go after the command, as in `git-alembic check -q`',
  unknownOption: (option: string): string => `unknown option '${option}'`,
  didYouMeanOption: (option: string): string => `did you mean \`--${option}\`?`,
  missingValue: (option: string, value: string): string =>
    `option --${option} needs a value (${value})`,
  unexpectedValue: (option: string): string => `option --${option} takes no value`,
  unexpectedArgument: (command: string, argument: string): string =>
    `${command} takes no arguments, got '${argument}'`,
  commandHelpHint: (command: string): string => `run \`git-alembic ${command} --help\``,
  unknownChoice: (option: string, value: string): string => `unknown --${option} '${value}'`,
  choicesHint: (choices: readonly string[]): string =>
    `use ${choices.slice(0, -1).join(', ')} or ${choices.at(-1) ?? ''}`,
  noSuchDirectory: (directory: string): string => `--cwd ${directory}: no such directory`,
  CWD_HINT:
    'name the directory with the package.json (or a subdirectory of the repository), relative to here',
} as const;

/** The last line of a run that failed in git-alembic itself (exit 70). */
export const InternalErrorMessages = {
  internal: (detail: string): string => `internal error: ${detail}`,
  REPORT_HINT:
    'this is a bug in git-alembic; run again with GIT_ALEMBIC_DEBUG=1 and report the stack trace',
} as const;

// 12,345: toLocaleString would load ICU's number formatting, about 30 ms on first use.
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `--verbose` lines about what a command read, and the progress line of a long scan. */
export const LoadMessages = {
  projectConfig: (file: string | undefined): string =>
    `project config: ${file ?? 'none (defaults)'}`,
  environment: (
    name: string,
    config: string,
    section: string,
    locations: readonly string[],
  ): string =>
    `environment ${name}: config ${config} [${section}], version locations ${locations.join(', ')}`,
  read: (name: string, revisions: number, milliseconds: number): string =>
    `environment ${name}: read ${revisions} revision file${revisions === 1 ? '' : 's'} in ${milliseconds} ms`,
  skipped: (file: string, reason: string): string => `${file}: ${reason}`,
  DISCOVERING: 'looking for Alembic environments…',
  /** The progress line: `files` while a scan reports its count, else how far the environments are. */
  progress: (
    environment: number,
    environments: number,
    files?: { readonly read: number; readonly total: number },
  ): string =>
    [
      'reading revisions…',
      environments > 1 ? ` environment ${environment}/${environments}` : '',
      files === undefined
        ? ''
        : `${environments > 1 ? ',' : ''} ${groupThousands(files.read)}/${groupThousands(files.total)}`,
    ].join(''),
} as const;
