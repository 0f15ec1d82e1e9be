// One repository per end-to-end hook scenario, set up as a user's would be: Alembic
// environments (alembic.ini, Alembic's stock script.py.mako, an env.py of our own that upgrades
// a SQLite database, a base revision), a package.json declaring the packed git-alembic, its
// node_modules as npm installs it, and `git-alembic setup` run with the installed binary, whose
// result is committed (so the hooks are live from then on). Real Alembic is the judge at the end.
// A Python-only scenario has none of the node parts: its heads files come from `heads --write`
// and its .gitattributes lines are written by hand, and no hook is installed.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';

import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { parentSource, type ParentSpec } from './merge-project.js';
import { linkPackedModules, packedDevDependencies } from './packed-package.js';
import { findAlembicPython, oracleTest, runPython } from './python.js';
import {
  copyTempRepo,
  createTempRepo,
  type RunOptions,
  type RunResult,
  type TempRepo,
} from './temp-repo.js';

/** The revision every scenario's history starts from. */
export const BASE = 'd6e7f8a9b0c1';

/** Where one Alembic environment lives. */
export interface EnvironmentLayout {
  /** Directory of its alembic.ini, relative to the top level ('' for the top level). */
  readonly directory: string;
  /** Its script_location, relative to that directory (default `migrations`). */
  readonly scripts?: string;
  /** Its first revisions (default: BASE alone). */
  readonly base?: readonly ParentSpec[];
}

/** How a scenario's repository differs from the plain one. */
export interface ScenarioOptions {
  readonly environments?: readonly EnvironmentLayout[];
  /** Commit `* text=auto eol=lf` first (default true), as createTempRepo does. */
  readonly attributes?: boolean;
  /**
   * A Python-only project: no package.json, no node_modules, no setup and no hooks; heads files
   * from `git-alembic heads --write` and their `merge=git-alembic` lines in .gitattributes.
   */
  readonly pythonOnly?: boolean;
  /** Runs after the project is written, before its first commit and setup. */
  readonly beforeSetup?: (repo: TempRepo) => Promise<void>;
  /**
   * Work done after setup, once per test file, on the shared repository each scenario copies
   * (such as forking main and dev); `name` tells shared repositories apart.
   */
  readonly shared?: {
    readonly name: string;
    readonly prepare: (scenario: Scenario) => Promise<void>;
  };
  /**
   * Sets git-alembic up instead of the husky way (package.json, the packed package, `setup`):
   * runs after the project's first commit; its changes are committed. `name` keys the template.
   */
  readonly setUp?: { readonly name: string; readonly run: (scenario: Scenario) => Promise<void> };
}

/** A revision to write: ParentSpec plus the environment's index. */
export type ScenarioRevision = ParentSpec & { readonly environment?: number };

/** What real Alembic says about one environment. */
export interface AlembicVerdict {
  readonly error?: string;
  /** Heads by comma-joined branch labels ('' for none). */
  readonly groups?: Record<string, string[]>;
  readonly upgrade?: string;
}

/** A scenario's repository and helpers. */
export interface Scenario {
  readonly repo: TempRepo;
  readonly environments: readonly EnvironmentLayout[];
  /** git in the repository (node started by hooks without NODE_EXTRA_CA_CERTS, which slows it). */
  git(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** The installed node_modules/.bin/git-alembic (dist/bin.cjs in a Python-only scenario). */
  bin(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Writes a revision file; returns its repository-relative path. */
  revision(spec: ScenarioRevision): Promise<string>;
  /** `git add -A` and `git commit -m message`. */
  commitAll(message: string, options?: RunOptions): Promise<RunResult>;
  /** The heads an environment's heads file lists. */
  listedHeads(environment?: number): Promise<string[]>;
  /** Repository-relative path inside an environment's script directory. */
  scriptPath(file: string, environment?: number): string;
  /** Real Alembic's heads and `upgrade` outcome for every environment (of a clone at `root`, relative to the repository). */
  alembic(root?: string): Promise<AlembicVerdict[]>;
}

const ORACLE = fileURLToPath(new URL('../oracle/scenario_oracle.py', import.meta.url));
const QUIET_NODE = { NODE_EXTRA_CA_CERTS: undefined };

// Our own minimal online env.py: run the migrations against sqlalchemy.url, nothing else.
const ENV_PY = `from alembic import context
from sqlalchemy import create_engine

engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
`;

let stockTemplate: string | undefined;
// Set-up repositories shared by the scenarios of one test file, keyed by layout; each scenario works on a copy.
const templates = new Map<string, Promise<TempRepo>>();

/**
 * A scenario's project, created, set up and committed: a copy of one made earlier in this
 * process with the same layout, or a new one when `beforeSetup` makes it unique.
 */
export async function createScenario(
  t: ExecutionContext,
  python: string,
  options: ScenarioOptions = {},
): Promise<Scenario> {
  const environments = options.environments ?? [{ directory: '' }];
  if (options.beforeSetup !== undefined) return buildScenario(t, python, options);
  const key = JSON.stringify([
    environments,
    options.attributes ?? true,
    options.pythonOnly ?? false,
    options.shared?.name,
    options.setUp?.name,
  ]);
  const template =
    templates.get(key) ??
    buildScenario(PROCESS_LIFETIME, python, options).then(async (scenario) => {
      await options.shared?.prepare(scenario);
      return scenario.repo;
    });
  templates.set(key, template);
  return scenarioOf(
    await copyTempRepo(t, await template),
    environments,
    python,
    options.pythonOnly,
  );
}

// Templates live until the worker exits (AVA runs each test file in its own process), and are
// removed then, synchronously, instead of at the end of a test.
const PROCESS_LIFETIME: Pick<ExecutionContext, 'teardown'> = { teardown: () => undefined };
const templateRoots: string[] = [];
process.once('exit', () => {
  for (const root of templateRoots) rmSync(path.dirname(root), { recursive: true, force: true });
});

async function buildScenario(
  t: Pick<ExecutionContext, 'teardown'>,
  python: string,
  options: ScenarioOptions,
): Promise<Scenario> {
  const repo = await createTempRepo(t, { attributes: options.attributes ?? true });
  if (t === PROCESS_LIFETIME) templateRoots.push(repo.root);
  const environments = options.environments ?? [{ directory: '' }];
  const scenario = scenarioOf(repo, environments, python, options.pythonOnly);
  for (const [index, layout] of environments.entries())
    await writeEnvironment(scenario, layout, index, python);
  if (options.pythonOnly === true) return setUpPythonOnly(scenario, options);
  if (options.setUp === undefined) {
    await repo.write(
      'package.json',
      `${JSON.stringify({ name: 'app', private: true, devDependencies: await packedDevDependencies() }, null, 2)}\n`,
    );
    await linkPackedModules(repo.root);
  }
  // `node_modules` without a slash: it is a symbolic link here, which `node_modules/` would not match.
  await repo.write('.gitignore', 'node_modules\n*.sqlite\n__pycache__/\n*.log\n');
  await options.beforeSetup?.(repo);
  await scenario.commitAll('project');
  await (options.setUp?.run ?? ((husky: Scenario) => husky.bin(['setup'])))(scenario);
  await scenario.commitAll('set up git-alembic');
  return scenario;
}

// What a Python-only project keeps by hand: heads files and their attribute lines, no hooks.
async function setUpPythonOnly(scenario: Scenario, options: ScenarioOptions): Promise<Scenario> {
  const { repo, environments } = scenario;
  await repo.write('.gitignore', '*.sqlite\n__pycache__/\n*.log\n');
  await options.beforeSetup?.(repo);
  await scenario.bin(['heads', '--write']);
  const heads = environments
    .map((_, index) => `${scenario.scriptPath('heads.txt', index)} merge=git-alembic\n`)
    .join('');
  const attributes = (await repo.exists('.gitattributes')) ? await repo.read('.gitattributes') : '';
  await repo.write('.gitattributes', `${attributes}${heads}`);
  await scenario.commitAll('project');
  return scenario;
}

async function writeEnvironment(
  scenario: Scenario,
  layout: EnvironmentLayout,
  index: number,
  python: string,
): Promise<void> {
  const prefix = layout.directory === '' ? '' : `${layout.directory}/`;
  const scripts = layout.scripts ?? 'migrations';
  const ini = [
    '[alembic]',
    `script_location = %(here)s/${scripts}`,
    'sqlalchemy.url = sqlite:///%(here)s/test.sqlite',
    '',
  ].join('\n');
  await scenario.repo.write(`${prefix}alembic.ini`, ini);
  await scenario.repo.write(scenario.scriptPath('script.py.mako', index), template(python));
  await scenario.repo.write(scenario.scriptPath('env.py', index), ENV_PY);
  for (const revision of layout.base ?? [{ id: BASE }])
    await scenario.revision({ ...revision, environment: index });
}

function scenarioOf(
  repo: TempRepo,
  environments: readonly EnvironmentLayout[],
  python: string,
  pythonOnly = false,
): Scenario {
  const scriptPath = (file: string, environment = 0): string => {
    const layout = environments[environment] ?? { directory: '' };
    return [layout.directory, layout.scripts ?? 'migrations', file]
      .filter((part) => part !== '')
      .join('/');
  };
  const git = (args: readonly string[], options: RunOptions = {}): Promise<RunResult> =>
    repo.git(args, { ...options, env: { ...QUIET_NODE, ...options.env } });
  return {
    repo,
    environments,
    git,
    bin: (args, options = {}) =>
      pythonOnly
        ? repo.cli(args, { ...options, env: { ...QUIET_NODE, ...options.env } })
        : repo.run(repo.path('node_modules/.bin/git-alembic'), args, {
            ...options,
            env: { ...QUIET_NODE, ...options.env },
          }),
    async revision(spec) {
      const file = scriptPath(`versions/${spec.fileName ?? `${spec.id}_rev.py`}`, spec.environment);
      await repo.write(file, parentSource(spec));
      return file;
    },
    async commitAll(message, options) {
      await git(['add', '-A']);
      return git(['commit', '-q', '-m', message], options);
    },
    async listedHeads(environment = 0) {
      const text = await repo.read(scriptPath('heads.txt', environment));
      return text.split(/\r?\n/).filter((line) => line !== '' && line !== HEADS_FILE_COMMENT);
    },
    scriptPath,
    async alembic(root = '') {
      const cases = environments.map((layout) => ({
        ini: repo.path(path.posix.join(root, layout.directory, 'alembic.ini')),
      }));
      const output = runPython(python, ORACLE, [], JSON.stringify(cases));
      return JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as AlembicVerdict[];
    },
  };
}

function template(python: string): string {
  if (stockTemplate === undefined) {
    const directory = runPython(python, '-c', [
      'import alembic, os; print(os.path.dirname(alembic.__file__))',
    ]).trim();
    stockTemplate = readFileSync(
      path.join(directory, 'templates', 'generic', 'script.py.mako'),
      'utf8',
    );
  }
  return stockTemplate;
}

/** Asserts that real Alembic sees one head per branch-label group and upgrades SQLite, in every environment. */
export async function assertAlembicWhole(
  t: ExecutionContext,
  scenario: Scenario,
  root = '',
): Promise<void> {
  for (const [index, verdict] of (await scenario.alembic(root)).entries()) {
    const where = `environment ${scenario.environments[index]?.directory || '.'}`;
    t.is(verdict.error, undefined, `${where}: Alembic could not load it`);
    for (const [labels, heads] of Object.entries(verdict.groups ?? {}))
      t.is(heads.length, 1, `${where}: heads ${heads.join(', ')} share the labels "${labels}"`);
    t.is(verdict.upgrade, 'ok', `${where}: alembic upgrade ${verdict.upgrade ?? ''}`);
  }
}

/** The lines git-alembic printed (its `git-alembic: ` lines on stderr). */
export function alembicLines(result: RunResult): string[] {
  // git's progress lines end in \r ("Rebasing (1/1)\r"), so a hook's line may follow one.
  return result.stderr.split(/\r|\n/).filter((line) => line.startsWith('git-alembic: '));
}

/**
 * A scenario test: serial (every hook is a process, and CI has two cores), and like oracleTest
 * skipped with a notice, or failed under GIT_ALEMBIC_REQUIRE_ORACLE=1, without Alembic.
 */
export function scenarioTest(
  title: string,
  implementation: (t: ExecutionContext, python: string) => Promise<void>,
): void {
  const found = findAlembicPython();
  if (found === null) {
    oracleTest(test, title, implementation);
    return;
  }
  test.serial(title, (t) => implementation(t, found.python));
}
