// The merge driver's fallback: git's own three-way text merge, which writes conflict markers into
// the current file. Spawned directly rather than through the git port: the driver must know git's
// exact exit status (a conflict count, or an error), and must work without loading simple-git.
// node:child_process loads only when a merge falls back here, not on every driver run.
import { lazySpawnSync } from './lazy-spawn-sync.js';

/** What `git merge-file` did. */
export type MergeFileOutcome =
  | { readonly kind: 'merged'; readonly conflicts: number }
  | { readonly kind: 'failed'; readonly detail: string };

/** The labels git shows on the conflict markers; "ours"/"theirs" would be wrong in a rebase. */
export const MERGE_FILE_LABELS = ['current', 'base', 'incoming'] as const;

/** Arguments for `git merge-file`: the result goes into `current`, with markers of `markerSize`. */
export function mergeFileArguments(
  current: string,
  base: string,
  incoming: string,
  markerSize: number,
): string[] {
  const labels = MERGE_FILE_LABELS.flatMap((label) => ['-L', label]);
  return ['merge-file', ...labels, `--marker-size=${markerSize}`, '--', current, base, incoming];
}

/**
 * Runs `git merge-file` in `cwd`. git leaves `current` untouched when it fails (status above
 * 127: unreadable or binary input); otherwise `current` holds the merge, with markers for each
 * of `conflicts` conflicts.
 */
export function gitMergeFile(
  files: { readonly current: string; readonly base: string; readonly incoming: string },
  markerSize: number,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): MergeFileOutcome {
  const result = lazySpawnSync()(
    'git',
    mergeFileArguments(files.current, files.base, files.incoming, markerSize),
    {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    },
  );
  if (result.error) return { kind: 'failed', detail: result.error.message };
  // merge-file exits with the number of conflicts (capped at 127), or a negative number on error.
  if (result.status !== null && result.status <= 127)
    return { kind: 'merged', conflicts: result.status };
  const detail = (result.stderr ?? '').trim().split('\n')[0] ?? '';
  return {
    kind: 'failed',
    detail:
      detail || `git merge-file exited with ${result.status ?? result.signal ?? 'unknown status'}`,
  };
}
