// User-facing text of git-alembic under the Python pre-commit framework: its hooks, `setup
// --pre-commit`, uninstall and doctor in that mode.

/** What the framework hooks print. */
export const FrameworkMessages = {
  DRIVER_REGISTERED: 'registered the merge driver for heads files in .git/config (it runs this hook\'s git-alembic)',
} as const;
