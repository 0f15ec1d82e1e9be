// The merge differential test: for every case, real Alembic (create date pinned) and
// git-alembic (same id, date and message) merge two copies of the same project. File name,
// every byte and the `Generating … done` line must be equal; then Alembic reads our result
// (one head) and upgrades a SQLite database to it. All the Python work is one process.
//
// Naive dates are local time, so this file runs in a zone with daylight saving time; the
// oracle gets the same TZ.
process.env['TZ'] = 'America/New_York';

import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { findAlembicPython, oracleTest, runPython } from '../helpers/python.js';
import { runCli, writeMergeProject, type CliRun } from '../helpers/merge-project.js';
import { ORACLE_CASES, type OracleCase } from './merge-oracle-cases.js';

const ORACLE = fileURLToPath(new URL('../oracle/merge_oracle.py', import.meta.url));

interface OracleResult {
  name: string;
  ok: boolean;
  error: string;
  path: string;
  content_b64: string;
  stdout: string;
  heads: string[];
  upgraded_to: string[];
}

interface CaseOutcome {
  readonly ours: CliRun;
  readonly ourFiles: readonly string[];
  readonly oursRoot: string;
  readonly theirsRoot: string;
  readonly theirs: OracleResult;
}

const outcomes = new Map<string, CaseOutcome>();
let root = '';

function stockTemplate(python: string): string {
  const directory = runPython(python, '-c', [
    'import alembic, os; print(os.path.dirname(alembic.__file__))',
  ]).trim();
  return readFileSync(join(directory, 'templates', 'generic', 'script.py.mako'), 'utf8');
}

/** Every file under `directory`, relative to it, with forward slashes. */
function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(directory, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

function oracleDate(text: string): number[] {
  const [day = '', time = ''] = text.split(' ');
  const [whole = '', fraction = ''] = time.split('.');
  return [
    ...day.split('-').map(Number),
    ...whole.split(':').map(Number),
    Number(fraction.padEnd(6, '0')),
  ];
}

async function runOurs(oracleCase: OracleCase, directory: string): Promise<CliRun> {
  return runCli(directory, [
    'merge',
    '-m',
    oracleCase.message,
    '--rev-id',
    oracleCase.revId,
    '--date',
    oracleCase.date,
    ...oracleCase.ourHeads,
  ]);
}

test.before(async () => {
  const found = findAlembicPython();
  if (!found) return;
  root = mkdtempSync(join(realpathSync(tmpdir()), 'git-alembic-merge-oracle-'));
  const stock = stockTemplate(found.python);
  const requests = [];
  for (const [index, oracleCase] of ORACLE_CASES.entries()) {
    const [theirsRoot, oursRoot] = ['alembic', 'ours'].map((side) =>
      join(root, `case${index}`, side),
    ) as [string, string];
    for (const directory of [theirsRoot, oursRoot]) {
      mkdirSync(directory, { recursive: true });
      writeMergeProject(directory, oracleCase.project(stock));
    }
    const before = new Set(listFiles(oursRoot));
    const ours = await runOurs(oracleCase, oursRoot);
    const ourFiles = listFiles(oursRoot).filter((name) => !before.has(name));
    outcomes.set(oracleCase.name, {
      ours,
      ourFiles,
      oursRoot,
      theirsRoot,
      theirs: undefined as unknown as OracleResult,
    });
    requests.push({
      name: oracleCase.name,
      merge_ini: join(theirsRoot, 'alembic.ini'),
      heads: oracleCase.alembicHeads,
      message: oracleCase.message,
      rev_id: oracleCase.revId,
      date: oracleDate(oracleCase.date),
      timezone: oracleCase.timezone,
      check_ini: ours.code === 0 ? join(oursRoot, 'alembic.ini') : null,
    });
  }
  const answer = JSON.parse(
    runPython(found.python, ORACLE, [], JSON.stringify({ cases: requests })),
  ) as { results: OracleResult[] };
  for (const result of answer.results) {
    const outcome = outcomes.get(result.name) as CaseOutcome;
    outcomes.set(result.name, { ...outcome, theirs: result });
  }
});

test.after.always(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});

for (const oracleCase of ORACLE_CASES) {
  oracleTest(test, `merge matches alembic: ${oracleCase.name}`, (t) => {
    const { ours, ourFiles, oursRoot, theirsRoot, theirs } = outcomes.get(
      oracleCase.name,
    ) as CaseOutcome;
    t.is(ours.code, 0, ours.stderr);
    t.is(ours.stderr, '');
    t.true(theirs.ok, theirs.error);
    const theirPath = relative(theirsRoot, theirs.path).split('\\').join('/');
    t.deepEqual(ourFiles, [theirPath], 'the same file name, and nothing else written');
    const ourBytes = readFileSync(join(oursRoot, theirPath));
    t.is(
      ourBytes.toString('latin1'),
      Buffer.from(theirs.content_b64, 'base64').toString('latin1'),
      'the same bytes',
    );
    t.is(
      ours.stdout.replaceAll(oursRoot, '<root>'),
      theirs.stdout.replaceAll(theirsRoot, '<root>'),
      'the same terminal line',
    );
    t.deepEqual(theirs.heads, [oracleCase.revId], 'Alembic reads one head: the merge');
    t.deepEqual(theirs.upgraded_to, [oracleCase.revId], 'alembic upgrade head reaches the merge');
  });
}
