// Findings that `check` (and later `doctor`) report, each with a stable ID and a hint, so CI
// logs, docs and people can refer to them. The README lists every ID.

/** A place a finding points at. */
export interface FindingLocation {
  readonly file: string;
  readonly line?: number | undefined;
}

/** One problem found, ready to print in any format. */
export interface Finding {
  readonly id: FindingId;
  /** The environment's display name. */
  readonly environment: string;
  readonly message: string;
  readonly hint: string;
  readonly locations: readonly FindingLocation[];
  /** `warning` findings are printed but do not fail `doctor`; absent means `error`. */
  readonly severity?: 'error' | 'warning';
}

/** Every finding ID with its one-line title. IDs never change meaning. */
export const FINDING_TITLES = {
  GA101: 'diverged history: two or more heads on the same branch',
  GA102: 'no revisions found: the environment reads no revision file',
  GA201: 'stale heads file: it does not list exactly the heads',
  GA202: 'missing heads file in an environment set up to use one',
  GA300: 'git-alembic is not set up in this repository',
  GA301: 'the merge driver is not registered in the git config',
  GA302: 'the registered merge driver command is not the one setup writes',
  GA303: 'git-alembic is not installed in node_modules, so the driver and hooks cannot run',
  GA304: 'a heads file does not have the git-alembic merge attribute',
  GA305: 'husky is not active (core.hooksPath)',
  GA306: 'a git-alembic hook block is missing',
  GA307: 'a git-alembic hook block differs from what this version writes',
  GA308: 'a hook that husky hides is not run by a git-alembic block',
  GA309: 'a hook husky cannot run',
  GA310: 'the git-alembic config is invalid',
  GA311: "a linked worktree where husky's hooks do not run",
  GA312: 'node is not on the PATH that GUI git clients use',
  GA313: 'the Alembic environments cannot be read',
  GA314: 'a husky hook file has CRLF line endings, which sh cannot run',
  GA315: 'a husky hook file is not kept LF by .gitattributes',
  GA316: 'a global or system core.hooksPath the hook blocks do not find',
  GA320: '.pre-commit-config.yaml has no git-alembic entry',
  GA321:
    "the git-alembic entry's hooks are not the ones git-alembic defines, or leave out a stage it needs",
  GA322: 'a hook type git-alembic needs is not in default_install_hook_types',
  GA323: 'a hook type git-alembic needs is not installed by pre-commit in .git/hooks',
  GA324: "core.hooksPath is set, so git does not run pre-commit's hooks",
  GA325: 'the merge driver is not registered (pre-commit framework)',
  GA326: 'the registered merge driver runs a git-alembic or node that no longer exists',
  GA327: 'git-alembic is set up for both husky and the pre-commit framework',
} as const;

export type FindingId = keyof typeof FINDING_TITLES;
