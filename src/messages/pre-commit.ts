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

/** What `setup` prints in pre-commit mode, and when husky and pre-commit are both present. */
export const PreCommitSetupMessages = {
  badHooks: (value: string): string => `unknown --hooks '${value}'; use husky or pre-commit`,
  bothPresent: (manager: string, reason: string): string =>
    `this repository has both husky (package.json) and pre-commit (.pre-commit-config.yaml), which cannot both own the git hooks; set up for ${manager} because ${reason} (choose with --hooks husky|pre-commit)`,
  REASON_HUSKY_ACTIVE: 'core.hooksPath points at husky',
  REASON_PRE_COMMIT_INSTALLED: "pre-commit's hooks are installed in .git/hooks",
  REASON_NEITHER_ACTIVE: 'neither is active and .pre-commit-config.yaml is there',
  entryAdded: (repo: string, rev: string): string => `added the git-alembic hooks (repo ${repo}, rev ${rev})`,
  ENTRY_PRESENT: 'has the git-alembic hooks already',
  hookTypesAdded: (types: readonly string[]): string => `added ${types.join(', ')} to default_install_hook_types`,
  CONFIG_CREATED: 'created with the git-alembic hooks',
  RECORD_WRITTEN: 'recorded what setup added (for `git-alembic uninstall`)',
  recordNotKept: (file: string): string =>
    `the git-alembic config is ${file}, which setup cannot edit: uninstall will remove the git-alembic hooks and attribute lines but not the hook types or files setup added`,
  installed: (types: readonly string[]): string => `ran \`pre-commit install\`: ${types.join(', ')}`,
  installFailed: (detail: string): string => `\`pre-commit install\` failed: ${detail}`,
  hooksPathSet: (hooksPath: string): string =>
    `core.hooksPath is set (${hooksPath}), so pre-commit's hooks in .git/hooks would not run and \`pre-commit install\` refuses; unset it (git config --unset core.hooksPath) or use --hooks husky`,
  INSTALL_NEXT: 'install pre-commit (pipx install pre-commit, or your package manager), then run `pre-commit install`',
  DRIVER_NEXT: 'the merge driver is registered in .git/config by the first git-alembic hook that runs (the next commit or checkout); every teammate runs `pre-commit install` once after cloning',
  commitNext: (files: readonly string[]): string => `commit ${files.join(', ')}`,
  uninstalled: (types: readonly string[]): string => `ran \`pre-commit uninstall\` for ${types.join(', ')}`,
  uninstallNext: (args: readonly string[]): string => `pre-commit is not on the PATH: run \`pre-commit ${args.join(' ')}\``,
  ENTRY_REMOVED: 'removed what setup added (the git-alembic hooks, hook types)',
  RECORD_REMOVED: 'removed the setup record',
} as const;
