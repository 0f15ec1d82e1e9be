// Compares ways of reading thousands of small revision files and times loadRevisions on them:
// run with `npx tsx bench/scan-throughput.ts [files]`. Writes a temporary directory and removes it.
import { readFileSync, mkdtempSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listRevisionFiles, loadRevisions } from '../src/alembic/scan-versions.js';

const count = Number(process.argv[2] ?? '10000');
const root = mkdtempSync(path.join(realpathSync(os.tmpdir()), 'git-alembic-scan-bench-'));
const body =
  `    op.add_column('users', sa.Column('name', sa.String(length=255), nullable=True))  # "x"\n`.repeat(
    50,
  );

function id(index: number): string {
  return index.toString(16).padStart(12, '0');
}

for (let index = 0; index < count; index++) {
  const down = index === 0 ? 'None' : `'${id(index - 1)}'`;
  const source = `"""step ${index}\n\nRevision ID: ${id(index)}\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = '${id(index)}'\ndown_revision = ${down}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n${body}\n\ndef downgrade():\n    pass\n`;
  writeFileSync(path.join(root, `${id(index)}_step.py`), source);
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  console.log(`${label}: ${best.toFixed(0)} ms`);
}

async function readInBatches(files: readonly string[], batchSize: number): Promise<number> {
  let total = 0;
  for (let start = 0; start < files.length; start += batchSize) {
    const contents = await Promise.all(
      files.slice(start, start + batchSize).map((file) => readFile(file)),
    );
    for (const content of contents) total += content.length;
  }
  return total;
}

try {
  const files = await listRevisionFiles([root], false);
  console.log(`${files.length} files in ${root}`);
  await time('listRevisionFiles', () => listRevisionFiles([root], false));
  await time('readFileSync loop', async () =>
    files.reduce((total, file) => total + readFileSync(file).length, 0),
  );
  for (const batchSize of [16, 64, 256])
    await time(`fs.promises.readFile, batches of ${batchSize}`, () =>
      readInBatches(files, batchSize),
    );
  await time('loadRevisions (list + read + parse)', () =>
    loadRevisions({
      versionLocations: [root],
      recursive: false,
      constants: new Map(),
      displayRoot: root,
    }),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
