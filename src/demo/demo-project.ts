// The built-in example: a small Alembic project in the git-flow shape that forks the history.
// A base revision, a hotfix on `main` and a feature on `dev`, both on the same parent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The revision ids of the demo, as the README and tests refer to them. */
export const DEMO_REVISIONS = {
  base: 'd6e7f8a9b0c1',
  hotfix: 'aaaa11112222',
  feature: 'bbbb33334444',
} as const;

const INI = `# A minimal alembic.ini, as \`alembic init\` would start it.
[alembic]
script_location = %(here)s/migrations
`;

// Our own template in the shape of Alembic's generic one (typed assignments, docstrings).
const TEMPLATE = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = \${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = \${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = \${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = \${repr(depends_on)}


def upgrade() -> None:
    """Upgrade schema."""
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    """Downgrade schema."""
    \${downgrades if downgrades else "pass"}
`;

/** A revision file of the demo, written the way Alembic renders the template above. */
export function demoRevisionSource(
  id: string,
  downRevision: string | null,
  message: string,
  upgrade: string,
  downgrade: string,
): string {
  return `"""${message}

Revision ID: ${id}
Revises: ${downRevision ?? ''}
Create Date: 2026-11-02 09:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '${id}'
down_revision: Union[str, Sequence[str], None] = ${downRevision === null ? 'None' : `'${downRevision}'`}
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    ${upgrade}


def downgrade() -> None:
    """Downgrade schema."""
    ${downgrade}
`;
}

/** Files of the demo, relative to the project directory. */
export const DEMO_FILES = {
  base: `migrations/versions/${DEMO_REVISIONS.base}_create_accounts.py`,
  hotfix: `migrations/versions/${DEMO_REVISIONS.hotfix}_hotfix_index_accounts_email.py`,
  feature: `migrations/versions/${DEMO_REVISIONS.feature}_add_invoices.py`,
} as const;

/** Writes the project skeleton and the base revision into `directory`. */
export function writeDemoProject(directory: string): void {
  mkdirSync(join(directory, 'migrations', 'versions'), { recursive: true });
  writeFileSync(join(directory, 'alembic.ini'), INI);
  writeFileSync(join(directory, 'migrations', 'script.py.mako'), TEMPLATE);
  writeFileSync(
    join(directory, DEMO_FILES.base),
    demoRevisionSource(
      DEMO_REVISIONS.base,
      null,
      'create accounts',
      'op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(255)))',
      'op.drop_table("accounts")',
    ),
  );
}

/** Writes the hotfix revision (the `main` side of the fork). */
export function writeDemoHotfix(directory: string): void {
  writeFileSync(
    join(directory, DEMO_FILES.hotfix),
    demoRevisionSource(
      DEMO_REVISIONS.hotfix,
      DEMO_REVISIONS.base,
      'hotfix: index accounts.email',
      'op.create_index("ix_accounts_email", "accounts", ["email"])',
      'op.drop_index("ix_accounts_email", table_name="accounts")',
    ),
  );
}

/** Writes the feature revision (the `dev` side of the fork). */
export function writeDemoFeature(directory: string): void {
  writeFileSync(
    join(directory, DEMO_FILES.feature),
    demoRevisionSource(
      DEMO_REVISIONS.feature,
      DEMO_REVISIONS.base,
      'add invoices',
      'op.create_table("invoices", sa.Column("id", sa.Integer(), primary_key=True))',
      'op.drop_table("invoices")',
    ),
  );
}
