// The body of our block in a husky hook file (`.husky/<hook>`): a subshell, so an `exit` in it
// or a `cd` before it cannot affect the user's lines, that first runs the hooks husky would
// hide and then git-alembic's own hook (the shipped hooks/<hook>.sh). The hidden hooks are found
// at run time on each machine (hooks/chain-hidden.sh: .git/hooks, the global and system
// core.hooksPath), so the block is the same whatever the set-up machine had; an earlier local
// core.hooksPath, which is the repository's own, gets a line of its own. husky runs the file
// with `sh -e`: a chained hook that fails still fails the git operation, as it did before husky.
import { shellQuote } from './shell-quote.js';

/** The hooks git-alembic itself runs in. */
export const OUR_HOOKS = ['pre-commit', 'post-merge', 'post-rewrite', 'post-commit'] as const;

/** The hooks husky 9 can run: it writes a wrapper in `.husky/_` for exactly these. */
export const HUSKY_HOOKS: readonly string[] = [
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-rebase',
  'post-rewrite',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-auto-gc',
];

// Hooks git feeds on stdin: every consumer in the block gets its own copy.
const STDIN_HOOKS: readonly string[] = ['post-rewrite', 'pre-push'];

/** Where a hidden hook lives. */
export type ChainSource =
  /** `.git/hooks` (the common dir, so linked worktrees share it). */
  | { readonly kind: 'git-dir' }
  /** A `core.hooksPath` from the user's or the system's git config. */
  | { readonly kind: 'config'; readonly scope: 'global' | 'system' }
  /** The repository's own earlier core.hooksPath: relative to the top level, or absolute. */
  | { readonly kind: 'directory'; readonly directory: string };

/** What goes into one hook's block. */
export interface HookBlockSpec {
  readonly hook: string;
  /** Where package.json is, relative to the top level ('' for the top level itself). */
  readonly packageDirectory: string;
  /** git-alembic's own hook body (hooks/<hook>.sh), or undefined for a block that only chains. */
  readonly body: string | undefined;
  /** The shipped runner of the hidden hooks (hooks/chain-hidden.sh), defining `git_alembic_hidden`. */
  readonly hiddenRunner: string;
  /** Lines for directories of the repository's own, as `chainLine` writes them. */
  readonly chainLines: readonly string[];
}

const HEADER =
  '# Added by `git-alembic setup`; `git-alembic uninstall` removes it. Edit outside the markers.';
const CHAIN_CALL = 'git_alembic_chain ';
/** The call that runs the hidden hooks; a block without it leaves them hidden. */
export const HIDDEN_CALL = 'git_alembic_hidden ';
// Chain lines earlier versions wrote for .git/hooks and a global or system core.hooksPath, now
// run by the hidden call on every machine: dropped when setup rewrites the block.
const EARLIER_RUNTIME_CHAIN =
  /^git_alembic_chain "\$\(git (?:rev-parse --git-common-dir|config --(?:global|system) --type=path core\.hooksPath)\)/;

/** The line that runs `hook` from a directory of the repository's own, with its arguments (and stdin). */
export function chainLine(source: { readonly directory: string }, hook: string): string {
  return `${CHAIN_CALL}${shellQuote(`${source.directory.replace(/\/+$/, '')}/${hook}`)} "$@"`;
}

/** The directory chain lines in an existing block body, so that re-running setup keeps them. */
export function chainLinesIn(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith(CHAIN_CALL) && !EARLIER_RUNTIME_CHAIN.test(line));
}

/** Whether a block body runs the hidden hooks. */
export function runsHiddenHooks(body: string): boolean {
  return body.split(/\r?\n/).some((line) => line.trim().startsWith(HIDDEN_CALL));
}

/** The whole block body (between the markers), one `\n`-terminated line each. */
export function hookBlockBody(spec: HookBlockSpec): string {
  const readsStdin = STDIN_HOOKS.includes(spec.hook);
  const inner = [
    // Hooks start in the top level; a user's `cd` earlier in the file is undone here.
    '[ -f "$0" ] || cd "$(git rev-parse --show-toplevel)" || exit 0',
    ...(spec.body === undefined
      ? []
      : [
          `git_alembic_package=${shellQuote(spec.packageDirectory === '' ? '.' : spec.packageDirectory)}`,
        ]),
    ...(readsStdin
      ? ['git_alembic_input=$(cat; echo .); git_alembic_input=${git_alembic_input%.}']
      : []),
    ...bodyLines(spec.hiddenRunner),
    `${HIDDEN_CALL}${spec.hook} "$@"`,
    ...(spec.chainLines.length > 0 ? [chainFunction(readsStdin)] : []),
    ...spec.chainLines,
    ...(spec.body === undefined ? [] : bodyLines(spec.body)),
  ];
  const lines = [HEADER, '(', ...inner.map((line) => (line === '' ? '' : `  ${line}`)), ')'];
  return lines.map((line) => `${line}\n`).join('');
}

// Runs $1 when it is an executable file, with the remaining arguments (and the saved stdin).
function chainFunction(readsStdin: boolean): string {
  const run = readsStdin
    ? `printf '%s' "$git_alembic_input" | "$git_alembic_hook" "$@"`
    : '"$git_alembic_hook" "$@"';
  return `git_alembic_chain() { if [ -f "$1" ] && [ -x "$1" ]; then git_alembic_hook=$1; shift; ${run}; fi; }`;
}

// The shipped body as lines, without trailing blank lines.
function bodyLines(body: string): string[] {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return lines;
}
