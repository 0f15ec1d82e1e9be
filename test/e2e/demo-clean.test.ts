// `git-alembic demo --clean` removes its throwaway repository at the end, and still reports
// the outcome. One demo run for the whole file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';

import { runDemoCli } from '../helpers/demo-run.js';

test('demo --clean removes the temporary directory and exits 0', async (t) => {
  const demo = await runDemoCli(t, ['--clean']);
  t.is(demo.status, 0, demo.stdout);
  const root = /^Removed (.+) \(--clean\)\.$/m.exec(demo.stdout)?.[1] ?? '';
  t.regex(path.basename(root), /^git-alembic-demo-/);
  t.false(existsSync(root), `${root} is gone`);
  t.regex(demo.stdout, /^ok: one head \([0-9a-f]{12}\) after `git merge dev`/m);
  t.false(demo.stdout.includes('The repository is in'));
});
