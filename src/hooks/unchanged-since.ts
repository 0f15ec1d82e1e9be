// The one trust rule of the hooks: code that a git operation brought in does not run without the
// user's consent. What may run (post-write hooks and the programs they start, a template only
// Python can render) must be as it was in the commit the user had before the operation: the merge's
// first parent, HEAD while a merge is concluded or squashed, ORIG_HEAD after a rebase.
import path from 'node:path';

import { splitNul } from '../git/parse-output.js';
import type { OperationTrust } from '../merge/operation-trust.js';
import type { HookRun } from './hook-run.js';

/**
 * Compares the work tree (what would run) with `commit`; without a commit (an unborn branch)
 * every file inside the work tree counts as changed.
 */
export function unchangedSince(run: HookRun, commit: string | undefined): OperationTrust {
  const inside = (file: string): string | undefined => {
    const relative = path.relative(run.topLevel, file);
    const outside =
      relative === '' ||
      relative === '..' ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative);
    return outside ? undefined : relative.split(path.sep).join('/');
  };
  return {
    async changedFiles(files) {
      const tracked = files.flatMap((file) => {
        const relative = inside(file);
        return relative === undefined ? [] : [{ file, relative }];
      });
      if (tracked.length === 0) return new Set();
      if (commit === undefined) return new Set(tracked.map(({ file }) => file));
      // The commit against the work tree, through the index, with git's own filters (eol, clean);
      // untracked files are the user's own and never listed.
      const args = [
        'diff',
        '--no-ext-diff',
        '--no-renames',
        '--name-only',
        '-z',
        commit,
        '--',
        ...tracked.map(({ relative }) => `:(top,literal)${relative}`),
      ];
      const changed = splitNul(await run.git.run(args));
      // A directory (a module's package) has changed when anything under it has.
      const touches = (relative: string): boolean =>
        changed.some((listed) => listed === relative || listed.startsWith(`${relative}/`));
      return new Set(tracked.filter(({ relative }) => touches(relative)).map(({ file }) => file));
    },
    async textBefore(file) {
      const relative = inside(file);
      if (relative === undefined || commit === undefined) return undefined;
      const result = await run.git.attempt(['cat-file', 'blob', `${commit}:${relative}`]);
      return result.status === 0 ? result.stdout : undefined;
    },
  };
}
