// A generated Alembic project of a real project's size and shape, for the hook benchmarks:
// about 400 revisions and 1.5 MB of revision files, written the way autogenerate and people
// write them (docstring header, imports, older untyped and newer typed attributes, create_table,
// add_column, alter_column, indexes, foreign keys, data migrations in triple-quoted SQL), a few
// fork-and-merge pairs, and a second branch with its own base and a branch label. Everything is
// drawn from a seeded generator: no text comes from any real project.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { seededRandom } from '../test/helpers/random.js';
import { BENCH_TEMPLATE } from './synthetic-history.js';

/** What was written: the head of the main branch (where new work goes) and every revision id. */
export interface RealisticHistory {
  readonly mainHead: string;
  readonly ids: readonly string[];
  /** Total bytes of the revision files. */
  readonly bytes: number;
}

/** One revision to write. */
export interface RevisionSpec {
  readonly id: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly labels?: readonly string[];
  readonly dependsOn?: string;
  /** Revision number: picks its size, style and date. */
  readonly index: number;
}

const TABLES = [
  'account',
  'invoice',
  'customer',
  'order',
  'shipment',
  'product',
  'price',
  'audit_log',
  'session',
  'tenant',
  'webhook',
  'coupon',
  'address',
  'payment',
  'refund',
  'report',
];
const TYPES = [
  'sa.Integer()',
  'sa.BigInteger()',
  'sa.String(length=64)',
  'sa.String(length=255)',
  'sa.Text()',
  'sa.Boolean()',
  'sa.DateTime(timezone=True)',
  'sa.Numeric(precision=12, scale=2)',
  'postgresql.JSONB(astext_type=sa.Text())',
  'postgresql.UUID(as_uuid=True)',
  "sa.Enum('draft', 'open', 'closed', name='status')",
];
const VERBS = ['add', 'create', 'drop', 'rename', 'backfill', 'index', 'widen', 'split'];

/** The project's generator: ids, names and bodies from one seed. */
export class RevisionWriter {
  readonly #random: () => number;

  constructor(seed = 20_261_207) {
    this.#random = seededRandom(seed);
  }

  /** A fresh 12-hex revision id. */
  id(): string {
    let text = '';
    for (let index = 0; index < 12; index += 1)
      text += Math.floor(this.#random() * 16).toString(16);
    return text;
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)] as T;
  }

  #count(low: number, high: number): number {
    return low + Math.floor(this.#random() * (high - low + 1));
  }

  /** A message like the ones people give `alembic revision -m`. */
  message(): string {
    return `${this.#pick(VERBS)} ${this.#pick(TABLES)} ${this.#pick(['columns', 'constraints', 'indexes', 'table', 'defaults', 'history'])}`;
  }

  /** The file name Alembic's default file_template gives (`%(rev)s_%(slug)s`, slug cut at 40). */
  fileName(spec: RevisionSpec): string {
    const slug = spec.message
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 40)
      .replace(/_+$/, '');
    return `${spec.id}_${slug}.py`;
  }

  /** The whole file: header, attributes in the style of its era, and upgrade/downgrade bodies. */
  source(spec: RevisionSpec): string {
    const typed = spec.index > 150;
    const merge = spec.parents.length > 1;
    const down =
      spec.parents.length === 0
        ? 'None'
        : spec.parents.length === 1
          ? `'${spec.parents[0]}'`
          : `(${spec.parents.map((id) => `'${id}'`).join(', ')})`;
    const labels =
      spec.labels === undefined
        ? 'None'
        : `(${spec.labels.map((label) => `'${label}',`).join(' ')})`;
    const depends = spec.dependsOn === undefined ? 'None' : `'${spec.dependsOn}'`;
    const date = new Date(
      Date.UTC(2021, 0, 1) + spec.index * 86_400_000 * 2.5 + this.#count(0, 80_000) * 1000,
    );
    const created = `${date.toISOString().replace('T', ' ').replace('Z', '')}000`;
    const imports = typed
      ? 'from typing import Sequence, Union\n\nfrom alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\n'
      : 'from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\n';
    const attributes = typed
      ? `revision: str = '${spec.id}'\ndown_revision: Union[str, Sequence[str], None] = ${down}\nbranch_labels: Union[str, Sequence[str], None] = ${labels}\ndepends_on: Union[str, Sequence[str], None] = ${depends}\n`
      : `revision = '${spec.id}'\ndown_revision = ${down}\nbranch_labels = ${labels}\ndepends_on = ${depends}\n`;
    const [upgrade, downgrade] = merge ? ['    pass\n', '    pass\n'] : this.#bodies(spec.index);
    const returns = typed ? ' -> None' : '';
    return (
      `"""${spec.message}\n\nRevision ID: ${spec.id}\nRevises: ${spec.parents.join(', ')}\nCreate Date: ${created}\n\n"""\n` +
      `${imports}\n\n# revision identifiers, used by Alembic.\n${attributes}\n\n` +
      `def upgrade()${returns}:\n${upgrade}\n\ndef downgrade()${returns}:\n${downgrade}`
    );
  }

  // Mostly one or two operations; now and then a large initial-schema style revision.
  #bodies(index: number): [string, string] {
    const operations = this.#random() < 0.12 ? this.#count(6, 16) : this.#count(1, 4);
    const up: string[] = [];
    const down: string[] = [];
    for (let step = 0; step < operations; step += 1) {
      const table = `${this.#pick(TABLES)}_${index}_${step}`;
      const kind = this.#random();
      if (kind < 0.45) this.#createTable(table, up, down);
      else if (kind < 0.75) this.#addColumns(table, up, down);
      else if (kind < 0.9) this.#alterColumn(table, up, down);
      else this.#dataMigration(table, up, down);
    }
    const wrap = (lines: readonly string[]): string =>
      `    # ### commands auto generated by Alembic - please adjust! ###\n${lines.join('')}    # ### end Alembic commands ###\n`;
    return [wrap(up), wrap(down.reverse())];
  }

  #column(name: string): string {
    const nullable = this.#random() < 0.5 ? 'True' : 'False';
    const server = this.#random() < 0.15 ? ", server_default=sa.text('now()')" : '';
    const comment = this.#random() < 0.1 ? `, comment="the ${name.replaceAll('_', ' ')}"` : '';
    return `sa.Column('${name}', ${this.#pick(TYPES)}, nullable=${nullable}${server}${comment})`;
  }

  #createTable(table: string, up: string[], down: string[]): void {
    const columns = Array.from(
      { length: this.#count(3, 22) },
      (_, index) =>
        `        ${this.#column(`${this.#pick(['name', 'code', 'amount', 'state', 'note', 'ref', 'total'])}_${index}`)},\n`,
    );
    const foreign =
      this.#random() < 0.5
        ? `        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ondelete='CASCADE'),\n`
        : '';
    up.push(
      `    op.create_table('${table}',\n        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),\n        sa.Column('tenant_id', sa.Integer(), nullable=True),\n` +
        `${columns.join('')}${foreign}        sa.PrimaryKeyConstraint('id'),\n    )\n` +
        `    op.create_index(op.f('ix_${table}_tenant_id'), '${table}', ['tenant_id'], unique=False)\n`,
    );
    down.push(
      `    op.drop_index(op.f('ix_${table}_tenant_id'), table_name='${table}')\n    op.drop_table('${table}')\n`,
    );
  }

  #addColumns(table: string, up: string[], down: string[]): void {
    const count = this.#count(1, 5);
    for (let index = 0; index < count; index += 1) {
      const column = `${this.#pick(['archived', 'external_id', 'currency', 'weight', 'priority'])}_${index}`;
      up.push(`    op.add_column('${table}', ${this.#column(column)})\n`);
      down.push(`    op.drop_column('${table}', '${column}')\n`);
    }
  }

  #alterColumn(table: string, up: string[], down: string[]): void {
    up.push(
      `    op.alter_column('${table}', 'name',\n               existing_type=sa.VARCHAR(length=64),\n               type_=sa.String(length=255),\n               existing_nullable=True)\n`,
    );
    down.push(
      `    op.alter_column('${table}', 'name',\n               existing_type=sa.String(length=255),\n               type_=sa.VARCHAR(length=64),\n               existing_nullable=True)\n`,
    );
  }

  #dataMigration(table: string, up: string[], down: string[]): void {
    up.push(
      `    # Backfill before the constraint: rows written by the old code have no state.\n` +
        `    op.execute(\n        """\n        UPDATE ${table}\n        SET state = 'open'\n        WHERE state IS NULL\n          AND created_at > now() - interval '30 days'\n        """\n    )\n`,
    );
    down.push(`    op.execute("UPDATE ${table} SET state = NULL WHERE state = 'open'")\n`);
  }
}

/** The project's alembic.ini: the usual sections, logging included. */
const ALEMBIC_INI = `# A generated Alembic configuration.

[alembic]
script_location = %(here)s/migrations
prepend_sys_path = .
version_path_separator = os
sqlalchemy.url = postgresql://app@localhost/app

[post_write_hooks]

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;

const ENV_PY = `from alembic import context

# Offline and online migrations would be configured here; the benchmark never runs them.
config = context.config
`;

/**
 * Writes the project into `directory` (alembic.ini, migrations/ with env.py, the template and
 * `revisions` revision files): a main line with a fork and its merge every 45 revisions, and
 * from revision 120 on a second branch labelled `reporting`, based on its own and depending on
 * the main line once.
 */
export function writeRealisticHistory(
  directory: string,
  revisions = 400,
  writer = new RevisionWriter(),
): RealisticHistory {
  const versions = join(directory, 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(directory, 'alembic.ini'), ALEMBIC_INI);
  writeFileSync(join(directory, 'migrations', 'env.py'), ENV_PY);
  writeFileSync(join(directory, 'migrations', 'script.py.mako'), BENCH_TEMPLATE);
  const ids: string[] = [];
  let bytes = 0;
  const write = (spec: RevisionSpec): void => {
    const text = writer.source(spec);
    writeFileSync(join(versions, writer.fileName(spec)), text);
    ids.push(spec.id);
    bytes += Buffer.byteLength(text);
  };
  let main: string[] = [];
  let reporting: string | undefined;
  for (let index = 0; ids.length < revisions; index += 1) {
    const id = writer.id();
    if (index === 120) {
      write({
        id,
        parents: [],
        message: 'start the reporting branch',
        labels: ['reporting'],
        dependsOn: main[0],
        index,
      });
      reporting = id;
    } else if (reporting !== undefined && index % 9 === 0) {
      write({ id, parents: [reporting], message: `reporting ${writer.message()}`, index });
      reporting = id;
    } else if (index % 45 === 30 && main.length === 1 && ids.length < revisions - 3) {
      // A fork: two revisions on the same parent, which the next revision merges.
      const other = writer.id();
      write({ id, parents: main, message: writer.message(), index });
      write({ id: other, parents: main, message: writer.message(), index });
      main = [id, other];
    } else if (main.length > 1) {
      write({ id, parents: main, message: 'merge heads', index });
      main = [id];
    } else {
      write({ id, parents: main, message: writer.message(), index });
      main = [id];
    }
  }
  return { mainHead: main[0] ?? '', ids, bytes };
}
