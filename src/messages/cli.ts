// User-facing text of the command line itself. Each area keeps its text in one file under
// src/messages/, so tests can assert exact strings and wording stays consistent.

/** Prefix of every line git-alembic prints on stderr. */
export const PROGRAM = 'git-alembic';
