// Measures the complete Python syntax check (src/core/python-syntax) two ways: its throughput
// on the revision files of a synthetic history, cold (the first pass, as in a short-lived git
// hook) and warm (best of three), and the cost of `git-alembic check` (every file checked
// completely) against `git-alembic heads` (the readers' own checks only) on a 400-revision
// history. Run `npm run build && npx tsx bench/syntax-throughput.ts [revisions]`.
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkPythonSyntax } from '../src/core/python-syntax/check-syntax.js';
import { interleave, medianMs, ours } from './measure.js';
import { writeSyntheticHistory } from './synthetic-history.js';

const revisions = Number(process.argv[2] ?? 400);
const root = mkdtempSync(join(realpathSync(tmpdir()), 'git-alembic-syntax-bench-'));
try {
  writeSyntheticHistory(root, revisions);
  const versions = join(root, 'migrations', 'versions');
  const sources = readdirSync(versions).map((name) => readFileSync(join(versions, name), 'utf8'));
  const megabytes = sources.reduce((total, source) => total + source.length, 0) / 1e6;
  const pass = (): number => {
    const started = process.hrtime.bigint();
    for (const source of sources) checkPythonSyntax(source);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const cold = pass();
  const warm = Math.min(pass(), pass(), pass());
  console.log(`${sources.length} files, ${megabytes.toFixed(2)} MB`);
  console.log(
    `complete syntax check: cold ${(megabytes / cold).toFixed(1)} MB/s (${(cold * 1000).toFixed(0)} ms), warm ${(megabytes / warm).toFixed(1)} MB/s`,
  );
  const [heads = [], check = []] = interleave(
    [ours('heads', root, ['heads'], [0, 1]), ours('check', root, ['check'], [0, 1])],
    7,
  );
  console.log(
    `git-alembic heads (no complete check): ${medianMs(heads).toFixed(0)} ms; git-alembic check (every file checked): ${medianMs(check).toFixed(0)} ms (medians of 7)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
