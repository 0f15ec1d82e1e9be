// Differential test: every template (the installed Alembic's stock ones, read at test time,
// and ours in test/fixtures/templates, each also with CRLF line endings) rendered with every
// variable set, by real Mako through Alembic's own template_to_file and by our renderer.
// The bytes must be identical; where Mako fails, we must fail with an InputError.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { renderMakoTemplate } from '../../../src/core/template/mako-render.js';
import type { TemplateVariables } from '../../../src/core/template/template-variables.js';
import { InputError } from '../../../src/errors.js';
import { oracleTest, runPython } from '../../helpers/python.js';

const FIXTURES = new URL('../../fixtures/templates/', import.meta.url);
const ORACLE = fileURLToPath(new URL('../../oracle/render_mako.py', import.meta.url));

interface VariableSet {
  readonly name: string;
  readonly rev_id: string;
  readonly parents: readonly string[];
  readonly message: string | null;
  readonly branch_labels: readonly string[] | null;
  /** year, month, day, hour, minute, second, microsecond, and the zone (`timezone`), or null for a naive date. */
  readonly create_date: readonly [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    string | null,
  ];
  readonly main_options: Readonly<Record<string, string>>;
}

const VARIABLE_SETS: readonly VariableSet[] = [
  {
    name: 'two parents',
    rev_id: 'ae1027a6acf0',
    parents: ['bbbb0001', 'cccc0001'],
    message: 'merge heads',
    branch_labels: null,
    create_date: [2024, 1, 2, 3, 4, 5, 678901, null],
    main_options: { databases: 'engine1, engine2', script_location: '%(here)s/migrations' },
  },
  {
    name: 'three parents',
    rev_id: '3f9a2c1d0b7e',
    parents: ['a1b2c3d4e5f6', '0123456789ab', 'ffffeeeedddd'],
    message: 'Merge \'quoted\' and "double" heads',
    branch_labels: null,
    create_date: [2024, 6, 30, 23, 59, 59, 0, null],
    main_options: { databases: 'db1,db2,  db3' },
  },
  {
    name: 'one parent, no message',
    rev_id: 'abcdef012345',
    parents: ['abc123'],
    message: null,
    branch_labels: ['feature'],
    create_date: [2023, 12, 31, 0, 0, 0, 5, 'UTC'],
    main_options: { databases: 'main' },
  },
  {
    name: 'no parent, unicode',
    rev_id: '000000000001',
    parents: [],
    message: 'Café ünïcödé — merge ✓ 🚀 中文',
    branch_labels: ['a', 'b'],
    create_date: [2025, 2, 28, 12, 30, 0, 999999, 'Asia/Kolkata'],
    main_options: {},
  },
  {
    name: 'backslashes',
    rev_id: 'Mix_ID.1',
    parents: ['x1', 'y2'],
    message: 'C:\\path\\to\\new and \\n is not a newline \\',
    branch_labels: ["it's"],
    create_date: [2020, 2, 29, 1, 2, 3, 40, 'America/Los_Angeles'],
    main_options: { databases: 'only' },
  },
  {
    name: 'control characters',
    rev_id: 'cafebabe0000',
    parents: ['p1', 'p2'],
    message: 'tab\there, ß and ΑΣ',
    branch_labels: ['a"b\'c', 'tab\tnl\nx', '\x00\x7f\x85\u200b\u2028\u{1f600}\u{e0001}'],
    create_date: [1999, 12, 31, 23, 59, 59, 1, null],
    main_options: { databases: 'a, b' },
  },
  {
    name: 'long message, empty labels',
    rev_id: '0123abcd4567',
    parents: ['0a', '0b'],
    message: `  ${'x'.repeat(90)} merge 100% of \${things} <&> `,
    branch_labels: [],
    create_date: [2030, 1, 1, 0, 0, 0, 0, 'Etc/UTC'],
    main_options: { databases: 'one' },
  },
];

interface TemplateCase {
  readonly name: string;
  readonly source: string;
}

interface OracleResult {
  readonly template: string;
  readonly variables: string;
  readonly ok: boolean;
  readonly output_b64?: string;
  readonly error?: string;
}

interface OracleResponse {
  readonly alembic_version: string;
  readonly passes_refresh: boolean;
  readonly stock: readonly { readonly name: string; readonly source_b64: string }[];
  readonly create_dates: Readonly<Record<string, string>>;
  readonly results: readonly OracleResult[];
}

// Our fixtures as committed (LF) and converted to CRLF; one with a UTF-8 byte-order mark.
function fixtureCases(): TemplateCase[] {
  const files = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.mako'))
    .sort();
  const cases = files.flatMap((file) => {
    const source = readFileSync(new URL(file, FIXTURES), 'utf8');
    return [
      { name: file, source },
      { name: `${file} [CRLF]`, source: source.replaceAll('\n', '\r\n') },
    ];
  });
  const typed = cases.find((entry) => entry.name === 'typed-sequence.mako');
  if (typed) cases.push({ name: 'typed-sequence.mako [BOM]', source: `\uFEFF${typed.source}` });
  return cases;
}

function variablesFor(set: VariableSet, createDate: string, refresh: boolean): TemplateVariables {
  const [first, ...others] = set.parents;
  return {
    upRevision: set.rev_id,
    downRevision: first === undefined ? null : others.length === 0 ? first : set.parents,
    branchLabels: set.branch_labels,
    dependsOn: null,
    createDate,
    timezone: set.create_date[7] ?? undefined,
    message: set.message ?? 'empty message',
    mainOptions: new Map(
      Object.entries(set.main_options).map(([key, value]) => [key.toLowerCase(), value]),
    ),
    refresh,
  };
}

type Outcome =
  | { readonly ok: true; readonly output: Buffer }
  | { readonly ok: false; readonly error: string };

function renderOurs(source: string, name: string, variables: TemplateVariables): Outcome {
  try {
    return { ok: true, output: Buffer.from(renderMakoTemplate(source, name, variables), 'utf8') };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: error.message };
    throw error;
  }
}

function firstDifference(ours: Buffer, theirs: Buffer): string {
  const a = ours.toString('utf8').split('\n');
  const b = theirs.toString('utf8').split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: ours ${JSON.stringify(a[at])} vs Mako ${JSON.stringify(b[at])}`;
}

function compare(result: OracleResult, ours: Outcome): string | null {
  if (!result.ok) return ours.ok ? `Mako fails (${result.error}) but we rendered` : null;
  if (!ours.ok) return `Mako renders but we failed: ${ours.error}`;
  const theirs = Buffer.from(result.output_b64 ?? '', 'base64');
  return ours.output.equals(theirs) ? null : firstDifference(ours.output, theirs);
}

oracleTest(test, 'renders stock and fixture templates byte-identically to Mako', (t, python) => {
  const fixtures = fixtureCases();
  const request = {
    stock: true,
    templates: fixtures.map((entry) => ({
      name: entry.name,
      source_b64: Buffer.from(entry.source, 'utf8').toString('base64'),
    })),
    variable_sets: VARIABLE_SETS,
  };
  const response = JSON.parse(
    runPython(python, ORACLE, [], JSON.stringify(request)),
  ) as OracleResponse;
  const stock = response.stock.map((entry) => ({
    name: entry.name,
    source: Buffer.from(entry.source_b64, 'base64').toString('utf8'),
  }));
  const sources = new Map([...fixtures, ...stock].map((entry) => [entry.name, entry.source]));
  const sets = new Map(VARIABLE_SETS.map((set) => [set.name, set]));
  const mismatches: string[] = [];
  for (const result of response.results) {
    const set = sets.get(result.variables) as VariableSet;
    const variables = variablesFor(
      set,
      response.create_dates[set.name] ?? '',
      response.passes_refresh,
    );
    const problem = compare(
      result,
      renderOurs(sources.get(result.template) ?? '', result.template, variables),
    );
    if (problem !== null) mismatches.push(`${result.template} × ${result.variables}: ${problem}`);
  }
  t.deepEqual(mismatches, []);
  t.true(stock.length >= 3, 'the stock generic, async and multidb templates were found');
  t.true(fixtures.length / 2 >= 40, 'at least 40 fixture templates');
  t.true(sources.size >= 50, 'at least 50 templates in one Python call');
  t.is(response.results.length, sources.size * VARIABLE_SETS.length);
  checkFixtureIntent(t, response.results);
});

// A `fails-` fixture must make Mako fail at least once; any other must render at least once.
function checkFixtureIntent(
  t: Parameters<Parameters<typeof oracleTest>[2]>[0],
  results: readonly OracleResult[],
): void {
  const failing = new Map<string, boolean>();
  const rendering = new Map<string, boolean>();
  for (const result of results) {
    failing.set(result.template, (failing.get(result.template) ?? false) || !result.ok);
    rendering.set(result.template, (rendering.get(result.template) ?? false) || result.ok);
  }
  const wrong = [...failing.keys()].filter((name) =>
    name.startsWith('fails-') ? !failing.get(name) : !rendering.get(name),
  );
  t.deepEqual(wrong, [], 'fixtures named fails-* fail in Mako; all others render');
}
