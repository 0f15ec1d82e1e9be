// Differential test of `create_date` as a datetime: the templates in
// test/fixtures/templates/datetime rendered by real Mako (through Alembic's template_to_file,
// create_date naive, or aware with zoneinfo as Alembic 1.13+ makes it) and by our renderer,
// for dates chosen at the edges of the calendar (ISO weeks, leap days, year 1000 and 9999,
// microseconds 0 and 999999) and zones with odd offsets (+05:45, -03:30, +13:45, LMT with
// seconds). Output must be byte-identical, except where we refuse on purpose: what prints the
// tzinfo (repr of an aware date, str of its tzinfo, %Z outside UTC) and strftime before 1000.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { renderMakoTemplate } from '../../../src/core/template/mako-render.js';
import { InputError } from '../../../src/errors.js';
import {
  AWARE_REPR,
  EARLY_YEAR_STRFTIME,
  NOT_RENDERABLE,
  UNKNOWN_TZNAME,
} from '../../../src/messages/template.js';
import { oracleTest, runPython } from '../../helpers/python.js';

const FIXTURES = new URL('../../fixtures/templates/datetime/', import.meta.url);
const ORACLE = fileURLToPath(new URL('../../oracle/render_mako.py', import.meta.url));

type CreateDate = readonly [number, number, number, number, number, number, number, string | null];

const DATES: readonly CreateDate[] = [
  [2024, 1, 2, 3, 4, 5, 678901, null],
  [2024, 12, 31, 23, 59, 59, 0, null], // ISO week 1 of 2025
  [2021, 1, 3, 0, 0, 0, 0, null], // a Sunday in ISO week 53 of 2020
  [2020, 2, 29, 12, 0, 0, 1, null],
  [2000, 1, 1, 12, 30, 0, 0, null],
  [1999, 12, 31, 11, 59, 59, 999999, null],
  [2027, 1, 1, 13, 0, 7, 0, null],
  [1970, 1, 1, 0, 0, 0, 0, null],
  [1000, 6, 15, 9, 8, 7, 6, null],
  [999, 6, 15, 9, 8, 7, 6, null],
  [9999, 12, 31, 23, 59, 59, 999999, null],
  [2024, 6, 30, 23, 59, 59, 500000, 'UTC'],
  [2031, 3, 4, 5, 6, 7, 0, 'Etc/UTC'],
  [2025, 2, 28, 12, 30, 0, 999999, 'Asia/Kolkata'],
  [2024, 7, 1, 0, 0, 0, 0, 'Asia/Kathmandu'],
  [2024, 1, 15, 18, 45, 0, 0, 'America/St_Johns'],
  [2024, 7, 15, 18, 45, 0, 120, 'America/St_Johns'],
  [2024, 10, 26, 22, 0, 0, 0, 'Europe/Berlin'],
  [2026, 4, 5, 1, 2, 3, 4, 'Pacific/Chatham'],
  [2024, 3, 10, 1, 59, 59, 0, 'America/New_York'],
  [1900, 1, 1, 0, 0, 0, 0, 'Europe/Amsterdam'], // local mean time, +00:19:32
  [1960, 6, 1, 12, 0, 0, 0, 'Africa/Monrovia'], // -00:44:30
];

interface OracleResponse {
  readonly create_dates: Readonly<Record<string, string>>;
  readonly results: readonly {
    template: string;
    variables: string;
    ok: boolean;
    output_b64?: string;
    error?: string;
  }[];
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

// The message we give on purpose for this template and date, or null when we must render.
function intendedRefusal(template: string, date: CreateDate): string | null {
  const zone = date[7];
  if (template === 'repr.mako' && zone !== null) return AWARE_REPR;
  if (template === 'tzinfo-str.mako' && zone !== null) return NOT_RENDERABLE('str()', 'tzinfo');
  if (template === 'tzname.mako' && zone !== null && !UTC_ZONES.has(zone)) return UNKNOWN_TZNAME;
  if (date[0] < 1000 && template !== 'repr.mako' && template !== 'tzinfo-str.mako')
    return EARLY_YEAR_STRFTIME;
  return null;
}

oracleTest(
  test,
  'create_date renders like CPython’s datetime: attributes, strftime, isoformat, date(), str, repr',
  (t, python) => {
    const templates = readdirSync(FIXTURES)
      .filter((file) => file.endsWith('.mako'))
      .sort();
    const sources = new Map(
      templates.map((name) => [name, readFileSync(new URL(name, FIXTURES), 'utf8')]),
    );
    const variableSets = DATES.map((date) => ({
      name: JSON.stringify(date),
      rev_id: 'ae1027a6acf0',
      parents: ['bbbb0001', 'cccc0001'],
      message: 'merge',
      branch_labels: null,
      create_date: date,
      main_options: {},
    }));
    const request = {
      templates: templates.map((name) => ({
        name,
        source_b64: Buffer.from(sources.get(name) ?? '', 'utf8').toString('base64'),
      })),
      variable_sets: variableSets,
    };
    const response = JSON.parse(
      runPython(python, ORACLE, [], JSON.stringify(request)),
    ) as OracleResponse;
    const problems: string[] = [];
    for (const result of response.results) {
      const date = JSON.parse(result.variables) as CreateDate;
      const variables = {
        upRevision: 'ae1027a6acf0',
        downRevision: ['bbbb0001', 'cccc0001'],
        branchLabels: null,
        dependsOn: null,
        message: 'merge',
        mainOptions: new Map(),
        createDate: response.create_dates[result.variables] ?? '',
        timezone: date[7] ?? undefined,
      };
      const label = `${result.template} × ${result.variables}`;
      let ours: string;
      try {
        ours = renderMakoTemplate(sources.get(result.template) ?? '', result.template, variables);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const intended = intendedRefusal(result.template, date);
        if (result.ok && (intended === null || !error.message.endsWith(intended)))
          problems.push(`${label}: Mako renders, we fail: ${error.message}`);
        continue;
      }
      if (!result.ok) problems.push(`${label}: Mako fails (${result.error}), we render`);
      else if (intendedRefusal(result.template, date) !== null)
        problems.push(`${label}: we render what we mean to refuse`);
      else if (Buffer.from(result.output_b64 ?? '', 'base64').toString('utf8') !== ours)
        problems.push(`${label}: output differs`);
    }
    t.deepEqual(problems, []);
    t.is(response.results.length, templates.length * DATES.length);
    t.true(templates.length >= 4);
  },
);
