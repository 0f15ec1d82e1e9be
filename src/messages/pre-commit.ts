// User-facing text of git-alembic under the Python pre-commit framework: its hooks, `setup
// --pre-commit`, uninstall and doctor in that mode.

/** What the framework hooks print. */
export const FrameworkMessages = {
  DRIVER_REGISTERED:
    "registered the merge driver for heads files in .git/config (it runs this hook's git-alembic)",
  NOT_IN_FRAMEWORK:
    '`hook pre-commit-framework` is what the pre-commit framework runs, and PRE_COMMIT=1 is not set, so it did nothing',
  NOT_IN_FRAMEWORK_HINT:
    "to run git-alembic's framework hooks by hand: `pre-commit run git-alembic`; husky hook files run `git-alembic hook <name>`",
} as const;

/** Problems with `.pre-commit-config.yaml` (the location is added by InputError). */
export const PreCommitConfigMessages = {
  invalidYaml: (detail: string): string =>
    `not valid YAML (${detail}); fix it, then run setup again`,
  NOT_A_MAP: 'not a pre-commit config: the top level is not a mapping',
  NO_REPOS: 'not a pre-commit config: it has no `repos:` list',
  TYPES_NOT_A_LIST: '`default_install_hook_types` is not a list of hook types',
} as const;

/** What `setup` prints in pre-commit mode, and when husky and pre-commit are both present. */
export const PreCommitSetupMessages = {
  bothPresent: (manager: string, reason: string): string =>
    `this repository has both husky and the pre-commit framework (.pre-commit-config.yaml), which cannot both own the git hooks; set up for ${manager} because ${reason} (choose with --hooks husky|pre-commit)`,
  REASON_SET_UP_HUSKY:
    "git-alembic's blocks are in husky's hook files (and not in .pre-commit-config.yaml)",
  REASON_SET_UP_PRE_COMMIT:
    "git-alembic is in .pre-commit-config.yaml (and not in husky's hook files)",
  REASON_HUSKY_ACTIVE: "core.hooksPath points at husky, so git runs husky's hooks",
  REASON_PRE_COMMIT_INSTALLED:
    "pre-commit's hooks are installed in .git/hooks and core.hooksPath is not set",
  REASON_HUSKY_CONFIGURED:
    'husky is configured (its hook files, or husky in package.json) and neither is installed in this clone',
  alsoSetUpFor: (other: string): string =>
    `git-alembic is also set up for ${other === 'husky' ? "husky (its blocks in husky's hook files)" : 'the pre-commit framework (its entry in .pre-commit-config.yaml)'}, ` +
    'so its hooks would run twice, or fight over the merge driver; `npx git-alembic uninstall` removes both set-ups, then run setup once with --hooks',
  YES_MEANS_HUSKY:
    "--yes sets up husky (it creates the package.json husky needs), whose hook blocks also run pre-commit's hooks installed in .git/hooks; for the pre-commit framework alone, run setup with --pre-commit instead",
  PRE_COMMIT_ONLY:
    'set up for the pre-commit framework, which this repository uses (.pre-commit-config.yaml); for husky instead, use --hooks husky',
  entryAdded: (repo: string, rev: string): string =>
    `added the git-alembic hooks (repo ${repo}, rev ${rev})`,
  ENTRY_PRESENT: 'has the git-alembic hooks already',
  hookTypesAdded: (types: readonly string[]): string =>
    `added ${types.join(', ')} to default_install_hook_types`,
  CONFIG_CREATED: 'created with the git-alembic hooks',
  RECORD_WRITTEN: 'recorded what setup added (for `git-alembic uninstall`)',
  recordNotKept: (file: string): string =>
    `the git-alembic config is ${file}, which setup cannot edit: uninstall will remove the git-alembic hooks and attribute lines but not the hook types or files setup added`,
  installed: (types: readonly string[]): string =>
    `ran \`pre-commit install\`: ${types.join(', ')}`,
  installFailed: (detail: string): string => `\`pre-commit install\` failed: ${detail}`,
  hooksPathSet: (hooksPath: string): string =>
    `did not run \`pre-commit install\`: core.hooksPath is set (${hooksPath}), so git would not run pre-commit's hooks in .git/hooks and pre-commit refuses to install them; ` +
    'unset it (`git config --unset-all core.hooksPath`, with --global where it is yours), then run `pre-commit install`',
  huskyOwnsHooks: (hooksPath: string): string =>
    `did not run \`pre-commit install\`: husky owns this repository's hooks (core.hooksPath = ${hooksPath}), so git runs husky's hooks and not pre-commit's, and pre-commit refuses to install while it is set; ` +
    "to move to pre-commit, run `git config --unset core.hooksPath` (husky's hooks stop running) and `pre-commit install`; to keep husky, undo this with `npx git-alembic uninstall` and run setup with --hooks husky",
  INSTALL_NEXT:
    'install pre-commit (pipx install pre-commit, or your package manager), then run `pre-commit install`',
  DRIVER_NEXT:
    'the merge driver is registered in .git/config by the first git-alembic hook that runs (the next commit or checkout); every teammate runs `pre-commit install` once after cloning',
  commitNext: (files: readonly string[]): string => `commit ${files.join(', ')}`,
  uninstalled: (types: readonly string[]): string =>
    `ran \`pre-commit uninstall\` for ${types.join(', ')}`,
  uninstallNext: (args: readonly string[]): string =>
    `pre-commit is not on the PATH: run \`pre-commit ${args.join(' ')}\``,
  ENTRY_REMOVED: 'removed what setup added (the git-alembic hooks, hook types)',
  RECORD_REMOVED: 'removed the setup record',
} as const;

/** `doctor` in a repository set up for the pre-commit framework (IDs in src/core/findings.ts). */
export const PreCommitDoctorMessages = {
  CHECKING: "checking the set-up for the pre-commit framework (its hooks, not husky's, run here)",
  NOT_SET_UP:
    'git-alembic is not set up here: no git-alembic entry in .pre-commit-config.yaml, no merge driver, no attributes',
  SETUP_FIX: 'run `npx git-alembic setup --pre-commit` (it changes only what is missing)',
  NO_CONFIG:
    '.pre-commit-config.yaml does not exist, so the pre-commit framework runs no git-alembic hook',
  NO_ENTRY:
    '.pre-commit-config.yaml has no entry with `- id: git-alembic`, so the pre-commit framework runs no git-alembic hook',
  unknownIds: (ids: readonly string[]): string =>
    `the git-alembic entry lists ${ids.map((id) => `\`${id}\``).join(', ')}, which git-alembic's hook repository does not define, so pre-commit fails to install it`,
  NO_MAIN_ID: 'the git-alembic entry has no `- id: git-alembic`, the hook that does the work',
  stagesLeftOut: (id: string, stages: readonly string[]): string =>
    `the \`${id}\` hook sets its own stages, which leave out ${stages.join(', ')}, so git-alembic does not run there`,
  ENTRY_FIX:
    'make the entry list `- id: git-alembic` and `- id: git-alembic-post-commit` without `stages:` (the README has the snippet), or run `npx git-alembic setup --pre-commit`',
  typesNotDefault: (types: readonly string[]): string =>
    `default_install_hook_types does not list ${types.join(', ')}, so a teammate's plain \`pre-commit install\` does not install git-alembic's hooks there`,
  TYPES_FIX:
    'run `npx git-alembic setup --pre-commit` (it adds them), or add them by hand, then commit .pre-commit-config.yaml',
  notInstalled: (types: readonly string[], hooksDirectory: string): string =>
    `pre-commit's ${types.join(', ')} hook${types.length === 1 ? ' is' : 's are'} not installed in ${hooksDirectory}, so git-alembic does not run there`,
  installFix: (types: readonly string[], allDefault: boolean): string =>
    `run \`pre-commit install${allDefault ? '' : types.map((type) => ` --hook-type ${type}`).join('')}\``,
  hooksPathSet: (hooksPath: string, scope: string, husky: boolean): string =>
    `core.hooksPath is set (${hooksPath}, in the ${scope} config)${husky ? ", husky's" : ''}, so git runs the hooks there and none of pre-commit's in .git/hooks, and \`pre-commit install\` refuses`,
  hooksPathFix: (scope: string): string =>
    `${['local', 'global', 'system', 'worktree'].includes(scope) ? `run \`git config --${scope} --unset-all core.hooksPath\`` : 'unset it where it is set'}, then \`pre-commit install\`; ` +
    'or stay with husky: `npx git-alembic setup --hooks husky`',
  DRIVER_MISSING:
    'the merge driver is not registered: .git/config has no merge.git-alembic.driver, so heads files get plain text merges (conflict markers) until a git-alembic hook runs here',
  DRIVER_FIX:
    "run `git checkout` with no arguments: it changes nothing, and pre-commit's post-checkout hook registers the driver of this machine's git-alembic",
  driverGone: (path: string): string =>
    `the merge driver needs ${path}, which no longer exists (\`pre-commit gc\`, a new \`rev:\`, a removed node), so heads files get conflict markers`,
  bothSetUp: (inUse: string, reason: string, other: string, chained: boolean): string =>
    `git-alembic is set up for both husky (its blocks in husky's hook files) and the pre-commit framework (its entry in .pre-commit-config.yaml): ${inUse} runs the hooks here (${reason}), ` +
    `so doctor checks that; ${chained ? `${other}'s git-alembic hooks run a second time through husky's chain of .git/hooks` : `${other}'s git-alembic set-up is inert here`}`,
  BOTH_FIX:
    'keep one: `npx git-alembic uninstall` removes both set-ups; then run `npx git-alembic setup --hooks husky` or `--hooks pre-commit`',
} as const;
