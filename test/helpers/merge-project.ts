// Small Alembic projects for merge tests: an alembic.ini, a script.py.mako, an env.py of our own
// that upgrades a SQLite database, and hand-written revision files whose upgrade() does nothing.
// Also runs git-alembic in-process and captures what it prints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { main } from '../../src/cli/main.js';
import type { CommandContext } from '../../src/cli/context.js';

/** One revision file of a test project. */
export interface ParentSpec {
  readonly id: string;
  readonly down?: readonly string[];
  readonly labels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /** Directory relative to the project root (default `migrations/versions`). */
  readonly directory?: string;
  /** File name (default `<id>_rev.py`): its sort order is the load order. */
  readonly fileName?: string;
  readonly createDate?: string;
}

/** A whole project. */
export interface MergeProjectSpec {
  readonly template: string;
  /** Extra `[alembic]` lines, e.g. `timezone = UTC`. */
  readonly settings?: readonly string[];
  readonly revisions: readonly ParentSpec[];
  /** Extra sections or lines appended to the ini. */
  readonly iniTail?: string;
}

// Our own minimal online env.py: run the migrations against sqlalchemy.url, nothing else.
const ENV_PY = `from alembic import context
from sqlalchemy import create_engine

url = context.config.get_main_option("sqlalchemy.url")
engine = create_engine(url)
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
`;

function pythonTuple(values: readonly string[]): string {
  if (values.length === 0) return 'None';
  if (values.length === 1) return `'${values[0]}'`;
  return `(${values.map((value) => `'${value}'`).join(', ')})`;
}

/** The source of a parent revision: literal attributes and empty upgrade()/downgrade(). */
export function parentSource(spec: ParentSpec): string {
  const down = spec.down ?? [];
  return [
    `"""revision ${spec.id}`,
    '',
    `Revision ID: ${spec.id}`,
    `Revises: ${down.join(', ')}`,
    `Create Date: ${spec.createDate ?? '2024-01-01 00:00:00'}`,
    '',
    '"""',
    `revision = '${spec.id}'`,
    `down_revision = ${pythonTuple(down)}`,
    `branch_labels = ${pythonTuple(spec.labels ?? [])}`,
    `depends_on = ${pythonTuple(spec.dependsOn ?? [])}`,
    '',
    '',
    'def upgrade():',
    '    pass',
    '',
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');
}

/** Writes the project into `root` (which must exist). */
export function writeMergeProject(root: string, spec: MergeProjectSpec): void {
  mkdirSync(join(root, 'migrations', 'versions'), { recursive: true });
  const ini = [
    '[alembic]',
    'script_location = %(here)s/migrations',
    'sqlalchemy.url = sqlite:///%(here)s/test.sqlite',
    ...(spec.settings ?? []),
    '',
  ];
  writeFileSync(join(root, 'alembic.ini'), ini.join('\n') + (spec.iniTail ?? ''));
  writeFileSync(join(root, 'migrations', 'script.py.mako'), spec.template);
  writeFileSync(join(root, 'migrations', 'env.py'), ENV_PY);
  for (const revision of spec.revisions) {
    const directory = join(root, ...(revision.directory ?? 'migrations/versions').split('/'));
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, revision.fileName ?? `${revision.id}_rev.py`),
      parentSource(revision),
    );
  }
}

/** The environment without git's location variables, so git never touches another repository. */
export function cleanEnv(
  extra: Readonly<Record<string, string>> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX', 'GIT_COMMON_DIR'])
    delete env[name];
  return env;
}

/** What an in-process run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git-alembic in-process in `cwd`. */
export async function runCli(
  cwd: string,
  argv: readonly string[],
  env: Record<string, string | undefined> = cleanEnv(),
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => '',
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}
