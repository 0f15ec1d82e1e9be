// The state files of an operation in progress (MERGE_HEAD, ORIG_HEAD, FETCH_HEAD, rebase-merge/),
// found with the file system alone: starting git to ask would cost a process per hook. Where the
// git directory is: ../git/git-dir.ts.
import { statSync } from 'node:fs';
import path from 'node:path';

import { commonGitDir, readStateFile as stateFile } from '../git/git-dir.js';

/**
 * The branch HEAD names, from the HEAD file: `ref: refs/heads/<name>`. Undefined when that does
 * not settle it (a detached HEAD, the reftable backend's placeholder, no git directory): ask git.
 */
export function headBranchName(gitDir: string | undefined): string | undefined {
  const head = stateFile(gitDir, 'HEAD')?.trim();
  const prefix = 'ref: refs/heads/';
  if (head === undefined || !head.startsWith(prefix)) return undefined;
  const name = head.slice(prefix.length);
  // reftable keeps refs elsewhere and writes this name, which no branch can have, into HEAD.
  return name === '' || name === '.invalid' ? undefined : name;
}

/**
 * The commit HEAD points to, read where git keeps it (HEAD, then the branch's loose ref, then
 * packed-refs) instead of starting git; undefined when the files do not settle it (the reftable
 * backend, an unborn branch, anything unexpected): ask git then.
 */
export function headCommit(gitDir: string | undefined): string | undefined {
  try {
    const head = stateFile(gitDir, 'HEAD')?.trim();
    if (gitDir === undefined || head === undefined) return undefined;
    if (SHA.test(head)) return head;
    const ref = head.startsWith('ref: refs/heads/') ? head.slice('ref: '.length) : undefined;
    if (ref === undefined || ref.endsWith('/.invalid')) return undefined;
    const common = commonGitDir(gitDir);
    const loose = stateFile(common, ref)?.trim();
    if (loose !== undefined) return SHA.test(loose) ? loose : undefined;
    // `<sha> <ref>` lines; `#` starts the header, `^` a peeled tag.
    const packed = stateFile(common, 'packed-refs')
      ?.split('\n')
      .find((line) => line.endsWith(` ${ref}`));
    const sha = packed?.slice(0, packed.length - ref.length - 1);
    return sha !== undefined && SHA.test(sha) ? sha : undefined;
  } catch {
    // Unreadable, or a ref path that is not a plain file: git knows.
    return undefined;
  }
}

/** The commits being merged in (MERGE_HEAD, one per line; several for an octopus); empty when no merge is in progress. */
export function mergeHeads(gitDir: string | undefined): string[] {
  return (
    stateFile(gitDir, 'MERGE_HEAD')
      ?.split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => SHA.test(line)) ?? []
  );
}

/** The commit HEAD named before the last merge, rebase or reset (ORIG_HEAD), if recorded. */
export function origHead(gitDir: string | undefined): string | undefined {
  const sha = stateFile(gitDir, 'ORIG_HEAD')?.trim();
  return sha !== undefined && SHA.test(sha) ? sha : undefined;
}

/** What the last fetch wrote to FETCH_HEAD ('' when there is none). */
export function fetchHeadText(gitDir: string | undefined): string {
  return stateFile(gitDir, 'FETCH_HEAD') ?? '';
}

/**
 * Whether the rebase that is ending printed its progress line (`Rebasing (1/1)` and a carriage
 * return, no newline), so a hook's line would run on after it: the merge backend, without
 * --quiet or --verbose. Its rebase-merge/ directory is still there in post-rewrite.
 */
export function rebaseProgressShown(gitDir: string | undefined): boolean {
  if (gitDir === undefined) return false;
  const state = path.join(gitDir, 'rebase-merge');
  const exists = (name: string): boolean =>
    statSync(path.join(state, name), { throwIfNoEntry: false }) !== undefined;
  return exists('.') && !exists('quiet') && !exists('verbose');
}

const SHA = /^[0-9a-f]{40,64}$/;

/** Whether a rebase is under way (its commits are replayed one by one; post-rewrite sees the end). */
export function rebaseInProgress(gitDir: string | undefined): boolean {
  if (gitDir === undefined) return false;
  return ['rebase-merge', 'rebase-apply'].some(
    (name) => statSync(path.join(gitDir, name), { throwIfNoEntry: false })?.isDirectory() === true,
  );
}
