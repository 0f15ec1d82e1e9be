// post-rewrite's `<old> <new>` list when stdin does not carry it: the pre-commit framework gives
// stdin to pre-push alone. git feeds the hook from a file of the rebase's state, which is still
// there while post-rewrite runs: rebase-merge/rewritten-list (the merge backend, the default) or
// rebase-apply/rewritten (--apply). Without either, the reflog says where the rebase started.
import path from 'node:path';

import { readStateFile } from '../git/git-dir.js';
import type { GitProcess } from '../git/git-process.js';
import { origHead } from './git-state.js';

const STATE_FILES = [
  path.join('rebase-merge', 'rewritten-list'),
  path.join('rebase-apply', 'rewritten'),
];
const START = 'rebase (start)';

/** The text git would have given post-rewrite on stdin ('' when nothing tells). */
export async function rewrittenListText(
  gitDir: string | undefined,
  git: GitProcess,
): Promise<string> {
  if (gitDir === undefined) return '';
  // This backend's file, else the other's, else the reflog.
  for (const file of STATE_FILES) {
    const list = readStateFile(gitDir, file);
    if (list !== undefined) return list;
  }
  return fromReflog(gitDir, git);
}

// The first replayed commit is the child of the commit the rebase started on (`rebase (start)`
// in HEAD's reflog); the old tip is ORIG_HEAD. post-rewrite needs no more than these two.
async function fromReflog(gitDir: string, git: GitProcess): Promise<string> {
  const tip = origHead(gitDir);
  if (tip === undefined) return '';
  const result = await git.attempt([
    'reflog',
    'show',
    '-n',
    '200',
    '--format=%H %gs',
    'HEAD',
    '--',
  ]);
  const entry = result.stdout
    .split('\n')
    .find((line) => line.slice(line.indexOf(' ') + 1).startsWith(START));
  const start = entry?.slice(0, entry.indexOf(' '));
  if (result.status !== 0 || start === undefined) return '';
  const replayed = await git.attempt(['rev-list', '--reverse', '--first-parent', `${start}..HEAD`]);
  const first = replayed.stdout.split('\n')[0]?.trim();
  return replayed.status === 0 && first ? `${tip} ${first}\n` : '';
}
