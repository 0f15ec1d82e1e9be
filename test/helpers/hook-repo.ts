// One set-up project per test file for the hook tests that need no Python: alembic.ini, a
// template, a base revision, node_modules as npm leaves it (.bin/git-alembic runs the built CLI,
// husky is husky 9), `git-alembic setup` committed, and main and dev forked with a revision
// each. Each test works on a copy. Build first (`npm run build`).
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { ExecutionContext } from 'ava';

import { parentSource } from './merge-project.js';
import { BIN, copyTempRepo, createTempRepo, PACKAGE_ROOT, type RunOptions, type TempRepo } from './temp-repo.js';

/** The base revision. */
export const BASE = 'd6e7f8a9b0c1';
/** The revision main adds on BASE. */
export const A = 'aaaa11112222';
/** The revision dev adds on BASE. */
export const B = 'bbbb33334444';

const TEMPLATE = readFileSync(new URL('../fixtures/templates/untyped-classic.mako', import.meta.url), 'utf8');
const cleanups: (() => void)[] = [];
let template: Promise<TempRepo> | undefined;

process.once('exit', () => {
  for (const cleanup of cleanups) cleanup();
});

/** A copy of the file's set-up repository: on main (A), with branches `setup` (before the fork) and `dev` (B). */
export async function setUpHookRepo(t: ExecutionContext): Promise<TempRepo> {
  template ??= (async () => {
    const repo = await createTempRepo({ teardown: () => undefined });
    cleanups.push(() => rmSync(repo.path('..'), { recursive: true, force: true }));
    await repo.write('alembic.ini', '[alembic]\nscript_location = %(here)s/migrations\n');
    await repo.write('migrations/script.py.mako', TEMPLATE);
    await repo.write(`migrations/versions/${BASE}_rev.py`, parentSource({ id: BASE }));
    await repo.write('package.json', '{\n  "name": "app",\n  "private": true\n}\n');
    await repo.write('.gitignore', 'node_modules\n');
    await repo.write('node_modules/.bin/git-alembic', `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, 0o755);
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

/** Writes `<id>_rev.py` on `down` and commits everything. */
export async function addRevision(repo: TempRepo, id: string, down: string, options: RunOptions = {}): Promise<void> {
  await repo.write(`migrations/versions/${id}_rev.py`, parentSource({ id, down: [down] }));
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', `add ${id}`], options);
}

/** main and dev add A and B on BASE (the set-up repository has this done already). */
export async function fork(repo: TempRepo): Promise<void> {
  await repo.git(['checkout', '-q', '-b', 'dev']);
  await addRevision(repo, B, BASE);
  await repo.git(['checkout', '-q', 'main']);
  await addRevision(repo, A, BASE);
}

/** The lines git-alembic printed. */
export function lines(stderr: string): string[] {
  return stderr.split(/\r|\n/).filter((line) => line.startsWith('git-alembic: '));
}
