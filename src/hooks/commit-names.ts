// Names for the commits a hook compares, so its line can say which branch each head came from:
// the current branch, the names git gives merged-in commits in GITHEAD_<sha> variables (a
// `git pull` puts the sha there, which says nothing), or what name-rev finds.
import { currentBranch, nameOf } from '../git/plumbing.js';
import type { HookRun } from './hook-run.js';

/** A commit to name; `current` marks the one the current branch pointed to. */
export interface NamedCommit {
  readonly sha: string;
  readonly current?: boolean;
}

/** One name per commit, in order. */
export async function commitNames(run: HookRun, commits: readonly NamedCommit[]): Promise<string[]> {
  const branch = commits.some((commit) => commit.current === true) ? await currentBranch(run.git) : undefined;
  return Promise.all(
    commits.map(async (commit) => {
      if (commit.current === true && branch !== undefined) return branch;
      const given = run.ctx.env[`GITHEAD_${commit.sha}`];
      if (given !== undefined && given !== '' && given !== commit.sha) return given;
      return nameOf(run.git, commit.sha);
    }),
  );
}
