// User-facing text of the command line itself. Each area keeps its text in one file under
// src/messages/, so tests can assert exact strings and wording stays consistent.

/** Prefix of every line git-alembic prints on stderr. */
export const PROGRAM = 'git-alembic';

/** No alembic.ini, pyproject.toml or project config names an environment. */
export const NO_ENVIRONMENT = (cwd: string): string => `no Alembic environment found from ${cwd}`;
export const NO_ENVIRONMENT_HINT =
  'run inside a repository with an alembic.ini (or pyproject.toml with [tool.alembic]), pass -c FILE, or list environments in the git-alembic config';

/** `check` found nothing. */
export const CHECK_OK = (environments: number): string =>
  `ok: ${environments === 1 ? 'the environment has' : `all ${environments} environments have`} one head per branch`;

/** GA101: heads that share a branch-label set. */
export const DIVERGED = (heads: readonly string[], labels: readonly string[]): string =>
  `${heads.length} heads on ${labels.length === 0 ? 'one branch' : `branch ${labels.map((label) => `'${label}'`).join(', ')}`}: ${heads.join(', ')}`;
export const DIVERGED_HINT = 'run `git-alembic merge` to write the merge revision (what `alembic merge heads` would write)';
