// Rendering a planned merge: template variables, encoding, and the read-back that refuses a file
// we (and Alembic) could not read.
import test from 'ava';

import type { PlannedMerge } from '../../../src/core/merge/merge-plan.js';
import { outputCodec } from '../../../src/core/merge/output-encoding.js';
import {
  mergeTemplateVariables,
  type RenderContext,
  renderMerge,
} from '../../../src/core/merge/render-merge.js';
import { UserError } from '../../../src/errors.js';
import { MergeMessages } from '../../../src/messages/merge.js';

const TEMPLATE = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}
`;

const PLAN: PlannedMerge = {
  kind: 'write',
  id: '0123456789ab',
  parents: ['bbbb', 'cccc'],
  message: 'merge heads bbbb, cccc',
  date: {
    createDate: {
      wall: { year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 6 },
      offsetSeconds: 0,
      epoch: 0,
    },
    source: 'option',
  },
  location: '/repo/versions',
  fileName: '0123456789ab_merge.py',
};

function context(template = TEMPLATE, encoding = 'utf-8'): RenderContext {
  return {
    template: { source: template, name: 'migrations/script.py.mako' },
    mainOptions: new Map(),
    codec: outputCodec(encoding) as NonNullable<ReturnType<typeof outputCodec>>,
    constants: new Map(),
    displayPath: 'versions/0123456789ab_merge.py',
  };
}

test('the variables a merge passes', (t) => {
  t.like(mergeTemplateVariables(PLAN, new Map()), {
    upRevision: '0123456789ab',
    downRevision: ['bbbb', 'cccc'],
    branchLabels: null,
    dependsOn: null,
    createDate: '2024-01-02 03:04:05.000006+00:00',
    message: 'merge heads bbbb, cccc',
  });
});

test('renders and encodes', (t) => {
  const { text, bytes } = renderMerge(PLAN, context());
  t.true(
    text.startsWith(
      '"""merge heads bbbb, cccc\n\nRevision ID: 0123456789ab\nRevises: bbbb, cccc\nCreate Date: 2024-01-02 03:04:05.000006+00:00\n',
    ),
  );
  t.true(text.includes("down_revision = ('bbbb', 'cccc')\n"));
  t.deepEqual(Buffer.from(bytes).toString('utf8'), text);
  t.deepEqual(
    Buffer.from(renderMerge(PLAN, context(TEMPLATE, 'latin-1')).bytes).toString('latin1'),
    text,
  );
});

test('a """ in the message would end the docstring: refused', (t) => {
  const error = t.throws(() => renderMerge({ ...PLAN, message: 'say """ hi' }, context()), {
    instanceOf: UserError,
  });
  t.true(
    error?.message.startsWith(
      'the rendered merge revision would not be a readable revision file: ',
    ),
  );
  t.is(error?.hint, MergeMessages.unreadableResultHint('migrations/script.py.mako'));
});

test('files Python cannot import are refused: non-ASCII latin-1, UTF-16', (t) => {
  t.throws(() => renderMerge(PLAN, context(TEMPLATE, 'utf-16')), {
    instanceOf: UserError,
    message: /would not be a readable revision file/,
  });
  t.throws(() => renderMerge({ ...PLAN, message: 'café' }, context(TEMPLATE, 'latin-1')), {
    instanceOf: UserError,
    message: /would not be a readable revision file/,
  });
  t.throws(() => renderMerge({ ...PLAN, message: '€' }, context(TEMPLATE, 'latin-1')), {
    message: /codec can't encode character '\\u20ac'/,
  });
});

test('a template that does not write the ids is refused', (t) => {
  const broken = TEMPLATE.replace(
    'down_revision = ${repr(down_revision)}',
    "down_revision = 'bbbb'",
  );
  t.throws(() => renderMerge(PLAN, context(broken)), {
    message: MergeMessages.templateMismatch(
      'migrations/script.py.mako',
      'down_revision names bbbb instead of bbbb, cccc',
    ),
  });
});

test('down_revision = "${down_revision}" is refused, saying why', (t) => {
  for (const quote of ['"', "'"]) {
    const quoted = TEMPLATE.replace(
      'down_revision = ${repr(down_revision)}',
      `down_revision = ${quote}\${down_revision}${quote}`,
    );
    const error = t.throws(() => renderMerge(PLAN, context(quoted)), { instanceOf: UserError });
    t.is(
      error?.message,
      MergeMessages.quotedDownRevision('migrations/script.py.mako', "('bbbb', 'cccc')"),
    );
    t.true(error?.message.includes("for a merge the tuple's str() is not a revision id"));
    t.is(error?.hint, MergeMessages.QUOTED_DOWN_REVISION_HINT);
  }
});

test('an aware create date reaches the template with its zone', (t) => {
  const plan: PlannedMerge = { ...PLAN, date: { ...PLAN.date, timezone: 'UTC' } };
  t.is(mergeTemplateVariables(plan, new Map()).timezone, 'UTC');
  const template = `${TEMPLATE}# \${create_date.year} \${create_date.strftime('%d %B %Y %H:%M %Z %z')}\n`;
  t.true(
    renderMerge(plan, context(template)).text.endsWith('# 2024 02 January 2024 03:04 UTC +0000\n'),
  );
});

test('a template outside the renderer’s subset gives the renderer’s error', (t) => {
  t.throws(() => renderMerge(PLAN, context('${sorted(down_revision)}\n')), {
    message: /^migrations\/script\.py\.mako:1: /,
  });
});
