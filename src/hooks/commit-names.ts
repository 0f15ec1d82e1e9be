// Names for the commits a hook compares, so its line can say which branch each head came from:
// the current branch, the names git gives merged-in commits in GITHEAD_<sha> variables, or what
// name-rev finds. `git pull` puts the bare sha there, which says nothing; FETCH_HEAD says which
// branch of which remote was pulled, and its remote-tracking branch (`origin/main`) names it.
import { fetchedFrom } from '../git/parse-output.js';
import { HookMessages } from '../messages/hooks.js';
import { currentBranch, nameOf, remoteTrackingAt } from '../git/plumbing.js';
import { fetchHeadText, headBranchName } from './git-state.js';
import type { HookRun } from './hook-run.js';

/** A commit to name; `current` marks the one the current branch pointed to. */
export interface NamedCommit {
  readonly sha: string;
  readonly current?: boolean;
}

/** One name per commit, in order. */
export async function commitNames(
  run: HookRun,
  commits: readonly NamedCommit[],
): Promise<string[]> {
  // The HEAD file names the branch without starting git, nearly always.
  const branch = commits.some((commit) => commit.current === true)
    ? (headBranchName(run.gitDir) ?? (await currentBranch(run.git)))
    : undefined;
  return Promise.all(
    commits.map(async (commit) => {
      if (commit.current === true && branch !== undefined) return branch;
      const given = run.ctx.env[`GITHEAD_${commit.sha}`];
      if (given !== undefined && given !== '' && given !== commit.sha) return given;
      return (
        (given === commit.sha ? await pulledName(run, commit.sha) : undefined) ??
        nameOf(run.git, commit.sha)
      );
    }),
  );
}

// The branch `git pull` merged, as FETCH_HEAD records it: its remote-tracking branch, or the
// branch and the address it was pulled from when no remote-tracking branch has it.
async function pulledName(run: HookRun, sha: string): Promise<string | undefined> {
  const fetched = fetchedFrom(fetchHeadText(run.gitDir), sha);
  if (fetched?.kind !== 'branch') return undefined;
  const [tracking] = await remoteTrackingAt(run.git, fetched.name, sha);
  return tracking ?? HookMessages.pulledBranch(fetched.name, fetched.url);
}

/** `id (branch)` for each head (`source`: the index of the commit it came from); a head none of the commits held is `new`. */
export function headTexts(
  heads: readonly { readonly id: string; readonly source: number | undefined }[],
  names: readonly string[],
  newText: string = HookMessages.NEW_HEAD,
): string[] {
  return heads.map(({ id, source }) =>
    HookMessages.head(id, source === undefined ? newText : names[source]),
  );
}
