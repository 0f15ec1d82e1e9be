// User-facing text of git-alembic under the Python pre-commit framework: its hooks, `setup
// --pre-commit`, uninstall and doctor in that mode.

/** What the framework hooks print. */
export const FrameworkMessages = {
  DRIVER_REGISTERED: 'registered the merge driver for heads files in .git/config (it runs this hook\'s git-alembic)',
} as const;

/** Problems with `.pre-commit-config.yaml` (the location is added by InputError). */
export const PreCommitConfigMessages = {
  invalidYaml: (detail: string): string => `not valid YAML (${detail}); fix it, then run setup again`,
  NOT_A_MAP: 'not a pre-commit config: the top level is not a mapping',
  NO_REPOS: 'not a pre-commit config: it has no `repos:` list',
  TYPES_NOT_A_LIST: '`default_install_hook_types` is not a list of hook types',
} as const;
