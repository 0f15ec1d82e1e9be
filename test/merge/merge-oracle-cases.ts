// The projects and merges the differential test runs through both `alembic merge` and
// `git-alembic merge`. Parent files are named so that their sorted order (our load order) is
// the order written in `alembicHeads`; Alembic 1.8.1 lists files unsorted, so it gets the heads
// explicitly while we usually find them ourselves.
import { readFileSync } from 'node:fs';

import type { MergeProjectSpec, ParentSpec } from '../helpers/merge-project.js';

/** One differential case. */
export interface OracleCase {
  readonly name: string;
  /** The project, given the installed Alembic's stock generic template. */
  readonly project: (stock: string) => MergeProjectSpec;
  /** Heads named to git-alembic (empty: it finds the divergence itself). */
  readonly ourHeads: readonly string[];
  /** Heads named to Alembic, in the order it must merge them. */
  readonly alembicHeads: readonly string[];
  readonly message: string;
  readonly revId: string;
  /** `--date`, and the datetime Alembic's now() is made to return. */
  readonly date: string;
  /** Must equal the project's `timezone` setting. */
  readonly timezone: string | null;
}

const TYPED_TEMPLATE = readFileSync(
  new URL('../fixtures/templates/docstrings-typed.mako', import.meta.url),
  'utf8',
);
// create_date.year and strftime, unused imports, a def, comprehensions and <%text>.
const LICENCE_TEMPLATE = readFileSync(
  new URL('../fixtures/templates/licence-header-merge.mako', import.meta.url),
  'utf8',
);

const fork = (...heads: string[]): ParentSpec[] => [
  { id: 'aaaa0001' },
  ...heads.map((id) => ({ id, down: ['aaaa0001'] })),
];

function stockProject(
  settings: readonly string[],
  revisions: readonly ParentSpec[] = fork('bbbb0001', 'cccc0001'),
): (stock: string) => MergeProjectSpec {
  return (stock) => ({ template: stock, settings, revisions });
}

const base = {
  ourHeads: [],
  alembicHeads: ['bbbb0001', 'cccc0001'],
  message: 'merge heads',
  revId: 'd1e2f3a4b5c6',
  date: '2024-01-02 03:04:05',
  timezone: null,
};

/** Every case, each a variant of the base one. */
export const ORACLE_CASES: readonly OracleCase[] = [
  { ...base, name: 'stock template, default file_template', project: stockProject([]) },
  {
    ...base,
    name: 'date-prefixed file_template, microseconds',
    project: stockProject([
      'file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d_%%(rev)s_%%(slug)s',
    ]),
    date: '2024-02-29 23:59:58.000123',
  },
  {
    ...base,
    name: '%(rev).8s with %(epoch)d, naive local time in an ambiguous hour',
    project: stockProject(['file_template = %%(epoch)d_%%(rev).8s_%%(slug)s']),
    date: '2024-11-03 01:30:00',
  },
  {
    ...base,
    name: 'truncate_slug_length',
    project: stockProject(['truncate_slug_length = 12']),
    message: 'merge the two heads now, please',
  },
  {
    ...base,
    name: 'timezone = UTC',
    project: stockProject(['timezone = UTC']),
    timezone: 'UTC',
    date: '2024-06-30 23:59:59.5',
  },
  {
    ...base,
    name: 'timezone = utc (upper-case retry)',
    project: stockProject(['timezone = utc']),
    timezone: 'utc',
  },
  {
    ...base,
    name: 'timezone = Asia/Kolkata with %(epoch)d',
    project: stockProject([
      'timezone = Asia/Kolkata',
      'file_template = %%(epoch)d_%%(rev)s_%%(slug)s',
    ]),
    timezone: 'Asia/Kolkata',
  },
  {
    ...base,
    name: 'two version locations, both heads in the second',
    project: stockProject(
      ['version_locations = %(here)s/va %(here)s/vb'],
      [
        { id: 'aaaa0001', directory: 'va' },
        { id: 'bbbb0001', down: ['aaaa0001'], directory: 'vb' },
        { id: 'cccc0001', down: ['aaaa0001'], directory: 'vb' },
      ],
    ),
  },
  {
    ...base,
    name: 'two version locations, named first head in the second',
    project: stockProject(
      ['version_locations = %(here)s/va %(here)s/vb'],
      [
        { id: 'aaaa0001', directory: 'va' },
        { id: 'bbbb0001', down: ['aaaa0001'], directory: 'va' },
        { id: 'cccc0001', down: ['aaaa0001'], directory: 'vb' },
      ],
    ),
    ourHeads: ['cccc0001', 'bbbb0001'],
    alembicHeads: ['cccc0001', 'bbbb0001'],
  },
  {
    ...base,
    name: 'three heads',
    project: stockProject(
      ['file_template = %%(rev)s_%%(slug)s'],
      fork('bbbb0001', 'cccc0001', 'dddd0001'),
    ),
    alembicHeads: ['bbbb0001', 'cccc0001', 'dddd0001'],
  },
  {
    ...base,
    name: 'unicode and quotes in the message',
    project: stockProject([]),
    message: 'Café "naïve" it\'s — ünïcode ✓ merge',
  },
  {
    ...base,
    name: 'typed template of our own (1.11+ style)',
    project: () => ({ template: TYPED_TEMPLATE, revisions: fork('bbbb0001', 'cccc0001') }),
  },
  {
    ...base,
    name: 'licence header template (create_date.year, imports, def, comprehensions, <%text>)',
    project: () => ({ template: LICENCE_TEMPLATE, revisions: fork('bbbb0001', 'cccc0001') }),
  },
  {
    ...base,
    name: 'licence header template, timezone = Asia/Kolkata',
    project: () => ({
      template: LICENCE_TEMPLATE,
      settings: ['timezone = Asia/Kolkata'],
      revisions: fork('bbbb0001', 'cccc0001'),
    }),
    timezone: 'Asia/Kolkata',
    date: '2024-12-31 23:59:59.000001',
  },
  {
    ...base,
    name: 'CRLF template',
    project: (stock) => ({
      template: stock.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n'),
      revisions: fork('bbbb0001', 'cccc0001'),
    }),
  },
  {
    ...base,
    name: 'labelled heads named explicitly',
    project: stockProject(
      [],
      [
        { id: 'aaaa0001' },
        { id: 'eeee0001', down: ['aaaa0001'], labels: ['expand'] },
        { id: 'ffff0001', down: ['aaaa0001'], labels: ['contract'] },
      ],
    ),
    ourHeads: ['expand@head', 'contract@head'],
    alembicHeads: ['expand@head', 'contract@head'],
  },
  {
    ...base,
    name: 'output_encoding = latin-1',
    project: stockProject(['output_encoding = latin-1']),
    message: 'merge heads (ascii only)',
  },
  {
    ...base,
    // `alembic merge heads` would merge cccc0001 alone (the only real head) and leave two heads.
    name: 'a depends_on keeps a head effective: every versioned head is merged',
    project: stockProject(
      [],
      [
        { id: 'aaaa0001' },
        { id: 'bbbb0001', down: ['aaaa0001'] },
        { id: 'cccc0001', down: ['aaaa0001'], dependsOn: ['bbbb0001'] },
      ],
    ),
  },
  {
    ...base,
    name: 'partial ids named',
    project: stockProject([]),
    ourHeads: ['cccc', 'bbbb0'],
    alembicHeads: ['cccc', 'bbbb0'],
  },
];
