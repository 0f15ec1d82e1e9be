// User-facing text of `git-alembic demo`: the headings of its story, the commands it shows, and
// its closing lines. The demo's own commands are shown as a user would type them.

/** What the demo prints around the output of the programs it runs. */
export const DemoMessages = {
  INTRO:
    'git-alembic demo: a hotfix on main and a feature on dev each add an Alembic migration on the same parent.\n' +
    "Merging them forks the migration history (two heads: `alembic upgrade head` fails); git-alembic's hook\n" +
    'writes the merge revision into the merge commit, as `alembic merge heads` would.',
  heading: (step: number, title: string): string => `${step}. ${title}`,
  PROJECT_HEADING: 'A throwaway repository with an Alembic project, git-alembic installed',
  project: (directory: string): string =>
    `An Alembic project in ${directory}: alembic.ini, migrations/script.py.mako and the base revision`,
  installed: (root: string): string =>
    `node_modules links git-alembic to ${root} and husky to its own copy (no network)`,
  BRANCHES_HEADING: 'Two branches each add a migration on the same parent',
  revisionAdded: (file: string): string => `  adds ${file}`,
  BEFORE_HEADING: 'main and dev together, as a merge without git-alembic leaves them: two heads',
  MERGE_HEADING: 'The merge',
  mergeRevisionHeading: (file: string): string => `The merge revision git-alembic wrote: ${file}`,
  NO_MERGE_REVISION: 'no merge revision: the merge commit adds no file that neither side had',
  COMMIT_HEADING: 'The merge commit',
  AFTER_HEADING: 'After the merge: one head',
  command: (line: string): string => `$ ${line}`,
  oneHead: (head: string): string =>
    `ok: one head (${head}) after \`git merge dev\`; \`alembic upgrade head\` works again.`,
  notOneHead: (heads: readonly string[]): string =>
    `the merge left ${heads.length === 0 ? 'no head' : `${heads.length} heads (${heads.join(', ')})`}; the demo expected one`,
  stepFailed: (command: string, status: number): string =>
    `${command} exited with ${status}; its output is above`,
  lookAround: (directory: string): string =>
    `The repository is in ${directory}; look around (cd there, then \`git log --graph --stat\`),\n` +
    'or pass --clean next time to remove it at the end.',
  removed: (directory: string): string => `Removed ${directory} (--clean).`,
  notBuilt: (bin: string): string =>
    `${bin} does not exist: the demo installs this package's own build into its repository`,
  NOT_BUILT_HINT: 'run `npm run build` first (`npm run demo` does)',
} as const;
