// `git-alembic setup`: installs the heads files, the merge driver and the husky hooks (src/setup/).
import { ExitCode } from '../../exit-codes.js';
import {
  booleanOption,
  choiceOption,
  chosenDirectory,
  type CommandDefinition,
  type CommandRuntime,
  ENVIRONMENT_OPTIONS,
  environmentSelection,
  type ParsedArguments,
  stringOption,
} from '../command.js';

const HOOK_MANAGERS = ['husky', 'pre-commit'] as const;

export const definition: CommandDefinition = {
  name: 'setup',
  summary: 'install the heads files, the merge driver and the husky hooks (idempotent)',
  usage:
    '[--cwd DIR] [--yes] [--no-install] [--hooks husky|pre-commit] [-c FILE] [-n SECTION] | --prepare',
  description:
    'In a repository with a package.json at its top level or in a subdirectory, setup:\n' +
    ' 1. adds git-alembic and husky to devDependencies (a spec already there is kept);\n' +
    ' 2. makes husky active (core.hooksPath), chaining a `git-alembic setup --prepare` step into\n' +
    '    `prepare` (one that production installs, --omit=dev, pass);\n' +
    ' 3. adds a git-alembic block to .husky/pre-commit, post-merge, post-rewrite and post-commit\n' +
    '    (your lines stay);\n' +
    ' 4. chains the hooks husky would hide (.git/hooks/*, an earlier core.hooksPath);\n' +
    ' 5. registers the merge driver in .git/config (merge.git-alembic.name and .driver);\n' +
    ' 6. adds a `<heads file> merge=git-alembic` line to .gitattributes for each environment;\n' +
    ' 7. writes the heads files;\n' +
    ' 8. writes .git-alembicrc.json only when the hooks would not find the environments by themselves;\n' +
    '    with --yes and no package.json, adds node_modules/ to .gitignore;\n' +
    " 9. when it added devDependencies and there is a lock file, runs the project's package manager\n" +
    "    (packageManager, else the lock file's: npm, pnpm, yarn, bun) so the lock file matches;\n" +
    '10. prints every change. Running it again changes nothing; `git-alembic uninstall` reverses it.\n' +
    '--prepare is what the prepare script runs on every npm install: it registers the driver and\n' +
    'husky again (.git/config is never cloned), edits no tracked file, and never fails the install:\n' +
    'outside git, in CI (CI set) or with GIT_ALEMBIC=0 it says why and exits 0.\n' +
    '--pre-commit (the default with .pre-commit-config.yaml and no package.json) sets up for the Python\n' +
    'pre-commit framework instead of husky: adds the git-alembic repo entry and the hook types it needs\n' +
    '(default_install_hook_types) to .pre-commit-config.yaml, keeping its comments and layout, writes the\n' +
    'heads files and .gitattributes lines, records that in .git-alembicrc.json, and runs `pre-commit\n' +
    'install` (when its hooks are not installed yet). With both husky and pre-commit present it follows the\n' +
    'one git-alembic is set up for, else the one installed, else the one configured, and says why; choose\n' +
    'with --hooks.',
  options: {
    ...ENVIRONMENT_OPTIONS,
    cwd: {
      type: 'string',
      value: 'DIR',
      description: 'the directory to set up (with or below a package.json); default: here',
    },
    yes: {
      type: 'boolean',
      short: 'y',
      description:
        'create a minimal private package.json (and ignore node_modules/) when there is none',
    },
    'no-install': {
      type: 'boolean',
      description: 'do not run the package manager to update the lock file; print what to run',
    },
    prepare: {
      type: 'boolean',
      description: 'only register the driver and husky; for the npm prepare script',
    },
    hooks: {
      type: 'string',
      value: 'husky|pre-commit',
      description: 'the hook manager to set up for (default: the one the repository uses)',
    },
    'pre-commit': {
      type: 'boolean',
      description: 'same as --hooks pre-commit: the Python pre-commit framework',
    },
    'pre-commit-repo': {
      type: 'string',
      value: 'URL',
      description: "with pre-commit: the `repo:` of our entry (default: this package's repository)",
    },
    'pre-commit-rev': {
      type: 'string',
      value: 'REV',
      description: 'with pre-commit: its `rev:` (default: v<this version>)',
    },
  },
  examples: [
    'npx git-alembic setup',
    'npx git-alembic setup --cwd frontend     # package.json in a subdirectory',
    'npx git-alembic setup --yes              # a Python project without package.json, with husky',
    'npx git-alembic setup --pre-commit       # a Python project that uses pre-commit',
    'git-alembic setup --prepare              # what "prepare" runs',
  ],
};

/** Runs `setup`. */
export async function run(args: ParsedArguments, { ctx, out }: CommandRuntime): Promise<ExitCode> {
  const named = stringOption(args, 'cwd');
  const directory = chosenDirectory(ctx.cwd, named);
  if (booleanOption(args, 'prepare')) {
    const { runPrepare } = await import('../../setup/run-prepare.js');
    const report = await runPrepare(directory, ctx.env);
    if (report.kind === 'skipped') out.info(report.reason);
    else for (const line of report.lines) out.info(line);
    return ExitCode.OK;
  }
  const [{ runSetup }, { SetupMessages }] = await Promise.all([
    import('../../setup/run-setup.js'),
    import('../../messages/git-integration.js'),
  ]);
  const report = await runSetup(
    {
      directory,
      named: named !== undefined,
      yes: booleanOption(args, 'yes'),
      install: !booleanOption(args, 'no-install'),
      selection: environmentSelection(args),
      hooks: hookManagerOption(args),
      hookSource: {
        repo: stringOption(args, 'pre-commit-repo'),
        rev: stringOption(args, 'pre-commit-rev'),
      },
    },
    ctx.env,
  );
  out.note(out.style(SetupMessages.heading(report.topLevel), 'bold'));
  if (report.changes.length === 0) out.note(`  ${SetupMessages.NOTHING_CHANGED}`);
  for (const line of report.changes) out.result(`  ${line}`);
  for (const warning of report.warnings) out.warn(warning);
  for (const step of report.nextSteps) out.note(`${out.style('next:', 'cyan')} ${step}`);
  return ExitCode.OK;
}

// --hooks husky|pre-commit, or --pre-commit.
function hookManagerOption(args: ParsedArguments): 'husky' | 'pre-commit' | undefined {
  const hooks = choiceOption(args, 'hooks', HOOK_MANAGERS);
  return booleanOption(args, 'pre-commit') ? 'pre-commit' : hooks;
}
