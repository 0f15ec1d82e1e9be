// @ts-check
// The git steps the writing modes share: fetching what they need with its whole history (a
// merge revision's Create Date comes from the commits that added its parents, so a shallow
// clone would date it differently from a developer's clone), and naming branches safely.

import { ActionMessages } from './messages.mjs';

/** @typedef {import('./runner.mjs').Runner} Runner */

/**
 * Fetches `refspecs` from origin, unshallowing the clone first when actions/checkout made it shallow.
 * @param {Runner} runner
 * @param {readonly string[]} refspecs
 */
export function fetchWhole(runner, refspecs) {
  const shallow = runner.gitOutput(['rev-parse', '--is-shallow-repository']).trim() === 'true';
  runner.gitOutput([
    'fetch',
    '--quiet',
    '--no-tags',
    ...(shallow ? ['--unshallow'] : []),
    'origin',
    ...refspecs,
  ]);
}

/**
 * Whether `name` is a valid branch name (so it can go into a refspec as it is).
 * @param {Runner} runner
 * @param {unknown} name
 * @returns {name is string}
 */
export function isBranchName(runner, name) {
  return (
    typeof name === 'string' &&
    name !== '' &&
    !name.startsWith('-') &&
    runner.git(['check-ref-format', `refs/heads/${name}`]).status === 0
  );
}

/**
 * What a merge of two commits gives without any driver, as on GitHub's servers: its tree, and
 * whether it conflicts.
 * @param {Runner} runner
 * @param {string} ours
 * @param {string} theirs
 * @returns {{ tree: string, conflicted: boolean }}
 */
export function plainMerge(runner, ours, theirs) {
  // --name-only --no-messages: the tree id, then only the conflicted paths (git 2.38 and later).
  const result = runner.git([
    'merge-tree',
    '--write-tree',
    '--name-only',
    '--no-messages',
    ours,
    theirs,
  ]);
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`git merge-tree failed: ${result.stderr.trim() || `exit ${result.status}`}`);
  return { tree: result.stdout.split('\n')[0] ?? '', conflicted: result.status === 1 };
}

/**
 * The paths `git status` lists (changed, staged or untracked), so the modes commit only what they wrote.
 * @param {Runner} runner
 * @returns {Set<string>}
 */
export function changedPaths(runner) {
  const entries = runner
    .gitOutput(['status', '--porcelain=v1', '-z', '--untracked-files=all'])
    .split('\0');
  /** @type {Set<string>} */
  const paths = new Set();
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] ?? '';
    if (entry.length < 4) continue;
    paths.add(entry.slice(3));
    // A rename is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') index += 1;
  }
  return paths;
}

/**
 * Pushes HEAD to `branch` on origin, never forced: a branch that moved meanwhile refuses it, and
 * the next run starts over. False (with an annotation) when the push failed.
 * @param {Runner} runner
 * @param {string} branch
 * @param {string} mode
 */
export function pushHead(runner, branch, mode) {
  const pushed = runner.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
  if (pushed.status === 0) return true;
  runner.annotate(
    'error',
    `git-alembic ${mode}`,
    ActionMessages.pushFailed(branch, pushed.stderr.trim()),
  );
  return false;
}
