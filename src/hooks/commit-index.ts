// Which index files a pre-commit hook stages into. Usually the one git named in GIT_INDEX_FILE:
// the real index, or under `commit -a` its lock, which becomes the real index. `git commit
// --only` and `git commit -- <paths>` (JetBrains IDEs and other GUIs commit this way) run the
// hook on a temporary index, `next-index-<pid>.lock`, holding HEAD plus the named paths; git
// has already written the real index's next state to `index.lock` beside it, and installs that
// after the commit without reading the temporary one again. A file staged only in the temporary
// index is committed while the real index keeps the old copy, which the next commit records;
// so it is staged in that `index.lock` as well (as `commit -a` has hooks do).
import { statSync } from 'node:fs';
import path from 'node:path';

import { stagePaths } from '../git/plumbing.js';
import type { HookRun } from './hook-run.js';

const TEMPORARY_INDEX = /^next-index-\d+\.lock$/;

/** The real index's pending lock file during a partial commit; none otherwise. */
export function partialCommitIndexes(
  env: Readonly<Record<string, string | undefined>>,
  topLevel: string,
): string[] {
  const index = env['GIT_INDEX_FILE'];
  if (index === undefined || !TEMPORARY_INDEX.test(path.basename(index))) return [];
  const pending = path.resolve(topLevel, path.dirname(index), 'index.lock');
  return statSync(pending, { throwIfNoEntry: false })?.isFile() === true ? [pending] : [];
}

/** Stages files (repository-relative) for the commit being made, and where it needs them afterwards. */
export async function stageForCommit(run: HookRun, files: readonly string[]): Promise<void> {
  await stagePaths(run.git, files, partialCommitIndexes(run.ctx.env, run.topLevel));
}
