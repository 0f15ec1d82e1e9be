// Runs real Alembic on revision files: each source is written to its own directory and loaded
// the way Alembic loads revision files (test/oracle/revision_oracle.py).
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';

import { runPython } from './python.js';

const ORACLE = fileURLToPath(new URL('../oracle/revision_oracle.py', import.meta.url));

/** What the oracle prints per file. */
export type OracleAnswer =
  | {
      id: string;
      downRevisions: string[];
      dependencies: string[];
      branchLabels: string[];
      doc: string;
    }
  | { error: string; message: string };

/** Writes each source to its own directory and returns what Alembic reads from each. */
export async function readWithAlembic(
  t: ExecutionContext,
  python: string,
  files: ReadonlyArray<{ fileName: string; source: string | Uint8Array }>,
): Promise<OracleAnswer[]> {
  const root = await mkdtemp(
    path.join(await realpath(os.tmpdir()), 'git-alembic-revision-oracle-'),
  );
  t.teardown(() => rm(root, { recursive: true, force: true, maxRetries: 3 }));
  const paths = await Promise.all(
    files.map(async (file, index) => {
      const directory = path.join(root, `case-${index}`);
      await mkdir(directory);
      const target = path.join(directory, file.fileName);
      await writeFile(target, file.source);
      return target;
    }),
  );
  return JSON.parse(runPython(python, ORACLE, [], JSON.stringify(paths))) as OracleAnswer[];
}
