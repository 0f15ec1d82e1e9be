// User-facing text of the git integration: the merge driver, heads file upkeep, setup,
// uninstall and doctor. Tests assert these exact strings. Sides of a merge are "current" and
// "incoming", never "ours"/"theirs": during a rebase they swap.

// ---- The merge driver ----

/** What the merge driver prints (one `git-alembic: …` line, only when it falls back). */
export const DriverMessages = {
  USAGE:
    'git-alembic: driver: expected %O %A %B %L %P from git; check merge.git-alembic.driver in the git config',
  DISABLED: 'GIT_ALEMBIC=0',
  unreadable: (side: string, reason: string): string =>
    `cannot read the ${side} side (${/^(is|contains) /.test(reason) ? `it ${reason}` : reason})`,
  internalError: (detail: string): string =>
    `internal error (${detail}; GIT_ALEMBIC_DEBUG=1 prints the stack trace)`,
  MARKERS_LEFT: "left git's conflict markers to resolve",
  mergeFileFailed: (detail: string): string =>
    `git merge-file failed too (${detail}); left the current side unchanged`,
  fellBack: (file: string, why: string, left: string): string =>
    `git-alembic: ${file}: ${why}; ${left}`,
} as const;

// ---- The setup record in package.json ----

/** An entry of the setup record that setup never writes (uninstall would act on it). */
export const SETUP_RECORD_ENTRY = (entry: string): string =>
  `${JSON.stringify(entry)} is not something setup records; this record is written by git-alembic setup and read by uninstall, do not edit it`;

// ---- Heads file upkeep (`heads --write`, check) ----

/** What `heads --write` prints per environment. */
export const HeadsFileUpkeepMessages = {
  wrote: (file: string, heads: readonly string[]): string => `wrote ${file}: ${headList(heads)}`,
  upToDate: (file: string): string => `${file} is up to date`,
  notAHeadsFile: (file: string, reason: string): string =>
    `${file} is not a heads file (${reason}); git-alembic never replaces it`,
  NOT_A_HEADS_FILE_HINT:
    'give the environment a heads file of its own with "headsFile" in the git-alembic config (README: Configuration), or move this file away',
} as const;

/** GA201 and GA202, reported by `check` and `doctor`. */
export const HeadsFileFindingMessages = {
  stale: (file: string, listed: readonly string[], heads: readonly string[]): string =>
    `${file} is stale: it lists ${headList(listed)}; the heads are ${headList(heads)}`,
  unreadable: (file: string, reason: string, heads: readonly string[]): string =>
    `${file} cannot be read (${reason}); the heads are ${headList(heads)}`,
  STALE_HINT:
    'run `git-alembic heads --write` and commit the file (the pre-commit hook keeps it current)',
  missingAttributes: (file: string): string =>
    `${file} is missing, but .gitattributes gives it the git-alembic merge driver`,
  missingConfigured: (file: string, config: string): string =>
    `${file} is missing, but ${config} names it as the heads file`,
  MISSING_HINT:
    'run `git-alembic heads --write` and commit the file, so merges of new migrations go through the driver',
} as const;

function headList(heads: readonly string[]): string {
  return heads.length === 0 ? '(no heads)' : heads.join(', ');
}

// ---- setup ----

/** What setup prints: one line per change (`<file>: <what>`), warnings, and next steps. */
export const SetupMessages = {
  packageJsonNeeded: (directory: string): string =>
    `no package.json in ${directory}: setup needs one, because npm installs git-alembic and husky from it, and its ` +
    '`prepare` script registers the merge driver and husky in every clone (.git/config is never cloned)',
  PACKAGE_JSON_HINT:
    'run `git-alembic setup --yes` to create a minimal private package.json there, or pass --cwd DIR for a subdirectory that has one',
  PACKAGE_CREATED: 'created (private, minimal)',
  devDependenciesAdded: (names: readonly string[]): string =>
    `added ${names.join(' and ')} to devDependencies`,
  prepareAdded: (change: 'member' | 'chained'): string =>
    change === 'member'
      ? 'the prepare script runs `git-alembic setup --prepare`'
      : 'chained `git-alembic setup --prepare` after the existing prepare script',
  PREPARE_UPGRADED:
    'replaced `git-alembic setup --prepare` in the prepare script by a line that production installs (--omit=dev) pass',
  RECORD_WRITTEN: 'recorded what setup added under "git-alembic".setup (for uninstall)',
  PACKAGE_CURRENT: 'up to date',
  huskyActivated: (
    hooksPath: string,
    previous: { scope: string; value: string } | undefined,
  ): string =>
    `core.hooksPath = ${hooksPath} (husky is active)${previous === undefined ? '' : `; it was ${previous.value} (${previous.scope} config)`}`,
  huskyRuntimeRestored: (hooksPath: string): string => `${hooksPath}: husky's runtime restored`,
  huskyNotInstalled: (reason: string): string =>
    `husky did not activate its hooks: ${reason}; git-alembic's hooks will not run until it does`,
  BLOCK_ADDED: 'added the git-alembic block',
  BLOCK_UPDATED: 'updated the git-alembic block',
  BLOCK_CURRENT: 'git-alembic block up to date',
  chained: (files: readonly string[]): string =>
    `it also runs ${files.join(', ')}, which husky would hide`,
  driverRegistered: (command: string): string =>
    `.git/config: registered the merge driver git-alembic: ${command}`,
  driverUpdated: (command: string): string =>
    `.git/config: updated the merge driver git-alembic: ${command}`,
  attributesAdded: (lines: readonly string[]): string => `added ${lines.join(', ')}`,
  ATTRIBUTES_CURRENT: 'up to date',
  ignoreAdded: (lines: readonly string[]): string =>
    `added ${lines.join(', ')} (so that \`git add -A\` does not commit what npm installs)`,
  headsWritten: (heads: readonly string[]): string => `wrote ${headList(heads)}`,
  HEADS_CURRENT: 'up to date',
  HEADS_COMMENT_UPDATED: 'updated the comment line (it now says what to do on a conflict)',
  CONFIG_WRITTEN: 'listed the environments, which the hooks would not find on their own',
  CONFIG_CURRENT: 'up to date',
  configNeedsEnvironments: (
    file: string,
    environments: readonly { config: string; section?: string | undefined }[],
  ): string =>
    `the hooks would not find every environment on their own; add to "environments" in ${file}: ${JSON.stringify(environments)}`,
  unsupportedHook: (file: string): string =>
    `${file} will no longer run: husky cannot run that hook, so it cannot be chained`,
  hookFileCrlf: (file: string): string =>
    `${file} has CRLF line endings, which husky's sh cannot run (no line of it runs); save it with LF line endings ` +
    '(.gitattributes now keeps it LF in every checkout)',
  installNext: (manager: string, packageDirectory: string): string =>
    `run ${manager} install${packageDirectory === '' ? '' : ` in ${packageDirectory}`} to install git-alembic and husky (the driver and hooks use node_modules/.bin/git-alembic)`,
  lockUpdated: (lockFile: string, manager: string): string =>
    `${lockFile}: updated by \`${manager} install\``,
  managerMissing: (manager: string, lockFile: string): string =>
    `${manager} is not on the PATH, so ${lockFile} does not list the new devDependencies yet`,
  installFailed: (manager: string, detail: string, lockFile: string): string =>
    `\`${manager} install\` failed (${detail}), so ${lockFile} does not list the new devDependencies yet`,
  lockNext: (manager: string, packageDirectory: string, lockFile: string): string =>
    `run \`${manager} install\`${packageDirectory === '' ? '' : ` in ${packageDirectory}`} so that ${lockFile} lists the new devDependencies ` +
    "(installs from the lock file, such as a teammate's `npm ci`, fail until then)",
  commitNext: (files: readonly string[]): string => `commit ${files.join(', ')}`,
  NOTHING_CHANGED: 'already set up; nothing changed',
  heading: (topLevel: string): string => `git-alembic setup in ${topLevel}:`,
  // uninstall
  BLOCK_REMOVED: 'removed the git-alembic block',
  FILE_DELETED: 'deleted (setup created it; nothing else is in it)',
  attributesRemoved: (lines: readonly string[]): string => `removed ${lines.join(', ')}`,
  PACKAGE_RESTORED: 'removed what setup added',
  DRIVER_REMOVED: '.git/config: removed the merge driver git-alembic',
  CACHES_REMOVED:
    ".git/git-alembic: removed git-alembic's caches (parsed revisions, compiled code, pre-commit's note)",
  hooksPathRestored: (before: string | undefined): string =>
    before === undefined
      ? '.git/config: unset core.hooksPath (husky was not active before setup)'
      : `.git/config: core.hooksPath = ${before} again`,
  runtimeRemoved: (hooksPath: string): string => `${hooksPath}: removed husky's runtime`,
  directoryRemoved: (directory: string): string => `${directory}: removed (empty)`,
  LOCAL_STATE_REMOVED: '.git/config: removed the [git-alembic] section',
  NOTHING_REMOVED: 'nothing of git-alembic setup found; nothing changed',
  uninstallHeading: (topLevel: string): string => `git-alembic uninstall in ${topLevel}:`,
} as const;

/** What `setup --prepare` (the npm `prepare` step) prints; it never fails an install. */
export const PrepareMessages = {
  DISABLED: 'GIT_ALEMBIC=0: skipped registering the merge driver and husky',
  IN_CI: 'CI: skipped registering the merge driver and husky (they are for working copies)',
  NOT_A_REPOSITORY: 'not inside a git work tree: skipped registering the merge driver and husky',
  failed: (detail: string): string =>
    `could not register the merge driver and husky (${detail}); run \`npx git-alembic doctor\``,
  hiddenNotRun: (file: string, huskyFile: string): string =>
    `warning: ${file} no longer runs: husky hides it, and ${huskyFile} has no git-alembic block that runs it; \`npx git-alembic setup\` adds one`,
} as const;

// ---- doctor ----

/** Finding messages and fixes of `doctor` (IDs in src/core/findings.ts). */
export const DoctorMessages = {
  NOT_SET_UP: 'git-alembic is not set up here: no merge driver, no attributes, no hook blocks',
  SETUP_FIX: 'run `npx git-alembic setup` (it changes only what is missing)',
  DRIVER_MISSING:
    'the merge driver is not registered: .git/config has no merge.git-alembic.driver, so heads files get plain text merges',
  DRIVER_FIX:
    'run `npm install` (its prepare step registers the driver) or `npx git-alembic setup`',
  driverDiffers: (found: string, expected: string): string =>
    `merge.git-alembic.driver is \`${found}\`; setup registers \`${expected}\``,
  binaryMissing: (binary: string): string =>
    `${binary} does not exist: the merge driver falls back to conflict markers and the hooks skip`,
  installFix: (packageDirectory: string): string =>
    `run npm install${packageDirectory === '' ? '' : ` in ${packageDirectory}`}`,
  attributeMissing: (file: string, value: string | undefined): string =>
    `${file} does not have merge=git-alembic (git says merge: ${value ?? 'unspecified'}), so the driver never runs for it`,
  huskyInactive: (hooksPath: string | undefined, expected: string): string =>
    `husky is not active: core.hooksPath is ${hooksPath === undefined ? 'not set' : hooksPath}, not ${expected}, so git-alembic's hooks do not run`,
  huskyRuntimeMissing: (hooksPath: string): string =>
    `husky's runtime ${hooksPath} is missing, so no hook runs`,
  huskyFix: (packageDirectory: string, huskyDirectory: string): string =>
    `run npm install${packageDirectory === '' ? '' : ` in ${packageDirectory}`} (its prepare step activates husky), or \`npx husky ${huskyDirectory}\` in the top level`,
  worktreeWithoutHusky: (hooksPath: string): string =>
    `this is a linked worktree: husky's runtime ${hooksPath} is gitignored, so it is missing here and no hook runs`,
  worktreeFix: (huskyDirectory: string): string =>
    `run \`npx husky ${huskyDirectory}\` in this worktree's top level (or npm install here)`,
  blockMissing: (file: string): string => `${file} has no git-alembic block`,
  hookFileCrlf: (file: string): string =>
    `${file} has CRLF line endings: sh, which husky runs it with, fails on them, so none of its lines run`,
  crlfFix: (file: string, pinned: boolean): string =>
    `${pinned ? '' : 'run `npx git-alembic setup` (GA315), then '}save it with LF line endings; when it has no uncommitted changes, ` +
    `\`rm ${file} && git checkout -- ${file}\` does that`,
  hookFileNotPinned: (file: string, eol: string): string =>
    `${file} is not kept LF by .gitattributes (git says eol: ${eol}): where core.autocrlf=true (Git for Windows' default), ` +
    'a checkout writes it with CRLF and sh cannot run it',
  pinFix: (line: string): string =>
    `run \`npx git-alembic setup\` (it adds \`${line}\` to .gitattributes) and commit .gitattributes`,
  blockOutdated: (file: string): string =>
    `${file}: the git-alembic block differs from what this version of setup writes`,
  hiddenNotChained: (file: string, where: string): string =>
    `${file} does not run: husky hides ${where}, and no git-alembic block runs it`,
  hiddenFix: (file: string, huskyFile: string): string =>
    `run \`npx git-alembic setup\`, which adds a block that runs it to ${huskyFile}; or delete ${file} if it is no longer wanted`,
  unsupportedHidden: (file: string, where: string): string =>
    `${file} does not run: husky hides ${where} and cannot run that hook`,
  configHooksPath: (scope: 'global' | 'system'): string =>
    `the ${scope === 'global' ? "user's (global)" : "system's"} core.hooksPath`,
  hooksPathUnseen: (file: string, where: string): string =>
    `${file} does not run: husky hides ${where}, and the hook blocks do not find that setting (they read ~/.gitconfig, ` +
    "$XDG_CONFIG_HOME/git/config, /etc/gitconfig and git's own etc/gitconfig, or GIT_CONFIG_GLOBAL and GIT_CONFIG_SYSTEM)",
  hooksPathUnseenFix: (scope: 'global' | 'system'): string =>
    scope === 'global'
      ? 'set core.hooksPath with `git config --global core.hooksPath <dir>`, which writes ~/.gitconfig'
      : 'set GIT_CONFIG_SYSTEM to the system config file that holds core.hooksPath (`git config --system --show-origin --list` names it), or set core.hooksPath globally',
  UNSUPPORTED_FIX: 'move what it does into a hook husky runs, or delete it',
  CONFIG_FIX: 'fix or remove the key named above (the README lists the configuration keys)',
  ENVIRONMENTS_FIX: 'make `git-alembic heads` work here first',
  nodeNotOnGuiPath: (directories: readonly string[]): string =>
    `node is not in ${directories.join(':')}, where GUI git clients usually look, so hooks and the merge driver may not run there`,
  GUI_NODE_FIX:
    'put node on that PATH, or add `export PATH="<node dir>:$PATH"` to ~/.config/husky/init.sh (husky sources it before each hook); ' +
    'without node the driver falls back to git merge-file and leaves conflict markers',
  ok: (warnings: number): string =>
    `ok: every piece is in place${warnings === 0 ? '' : ` (${warnings} warning${warnings === 1 ? '' : 's'})`}`,
  problems: (errors: number, warnings: number): string =>
    `${errors} problem${errors === 1 ? '' : 's'}${warnings === 0 ? '' : `, ${warnings} warning${warnings === 1 ? '' : 's'}`}`,
} as const;
