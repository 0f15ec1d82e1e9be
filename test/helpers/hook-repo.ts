// The set-up project the integration hook tests share (no Python needed): one Alembic
// environment, husky 9 and the built CLI as npm would install them, `setup` run and committed,
// then main and dev forked with a revision each. Build first (`npm run build`).
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { ExecutionContext } from 'ava';

import { parentSource } from './merge-project.js';
import {
  BIN,
  copyTempRepo,
  createTempRepo,
  PACKAGE_ROOT,
  type RunOptions,
  type TempRepo,
} from './temp-repo.js';

export const BASE = 'd6e7f8a9b0c1';
/** The revision main adds. */
export const A = 'aaaa11112222';
/** The revision dev adds. */
export const B = 'bbbb33334444';

const TEMPLATE = readFileSync(
  new URL('../fixtures/templates/untyped-classic.mako', import.meta.url),
  'utf8',
);
let template: Promise<TempRepo> | undefined;

/**
 * A copy of the project, removed when the test ends. Branch `setup` is the set-up commit; main
 * and dev add A and B on BASE.
 */
export async function setUpRepo(t: ExecutionContext): Promise<TempRepo> {
  template ??= (async () => {
    const repo = await createTempRepo({ teardown: () => undefined });
    // Removed when the test process ends (each test file runs in its own).
    process.once('exit', () => rmSync(repo.path('..'), { recursive: true, force: true }));
    await repo.write('alembic.ini', '[alembic]\nscript_location = %(here)s/migrations\n');
    await repo.write('migrations/script.py.mako', TEMPLATE);
    await repo.write(`migrations/versions/${BASE}_rev.py`, parentSource({ id: BASE }));
    await repo.write('package.json', '{\n  "name": "app",\n  "private": true\n}\n');
    await repo.write('.gitignore', 'node_modules\n');
    // node_modules as npm leaves it: .bin/git-alembic runs the built CLI, husky is husky 9.
    await repo.write(
      'node_modules/.bin/git-alembic',
      `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`,
      0o755,
    );
    symlinkSync(`${PACKAGE_ROOT}node_modules/husky`, repo.path('node_modules/husky'), 'dir');
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'project']);
    await repo.cli(['setup']);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'set up']);
    await repo.git(['branch', 'setup']);
    await fork(repo);
    return repo;
  })();
  return copyTempRepo(t, await template);
}

/** Writes and commits the revision `id` on `down`. */
export async function addRevision(
  repo: TempRepo,
  id: string,
  down: string,
  options: RunOptions = {},
): Promise<void> {
  await repo.write(`migrations/versions/${id}_rev.py`, parentSource({ id, down: [down] }));
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', `add ${id}`], options);
}

/** main and dev add A and B on BASE, starting from the current commit; main is checked out after. */
export async function fork(repo: TempRepo): Promise<void> {
  await repo.git(['checkout', '-q', '-b', 'dev']);
  await addRevision(repo, B, BASE);
  await repo.git(['checkout', '-q', 'main']);
  await addRevision(repo, A, BASE);
}

/** git-alembic's lines in a process's stderr (git's progress lines end in \r, so split there too). */
export function lines(stderr: string): string[] {
  return stderr.split(/\r|\n/).filter((line) => line.startsWith('git-alembic: '));
}

/** Paths staged against HEAD. */
export async function staged(repo: TempRepo): Promise<string[]> {
  return (await repo.git(['diff', '--cached', '--name-only'])).stdout.split('\n').filter(Boolean);
}
