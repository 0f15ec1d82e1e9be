// Which divergences of the histories a git operation introduced, and which it found: the
// check post-commit warns with and the merge-making hooks merge by. A module of its own, so that
// pre-commit can run the check without loading the merge writer.
import { divergences } from '../core/graph/divergences.js';
import {
  type DivergenceOrigin,
  divergenceOrigins,
  lineageFiles,
} from '../core/merge/divergence-origin.js';
import { presentInTrees } from '../git/plumbing.js';
import type { History } from '../project/workspace.js';
import type { HookRun } from './hook-run.js';

/** Each history's divergences with their origin; one git process for the tree lookups of all compared commits. */
export async function introducedDivergences(
  run: HookRun,
  histories: readonly History[],
  commits: readonly string[],
): Promise<DivergenceOrigin[][]> {
  const perHistory = histories.map(({ graph }) => ({
    divergences: divergences(graph),
    view: {
      fileOf: (id: string) => graph.get(id)?.file,
      parentsOf: (id: string) => graph.get(id)?.downRevisions ?? [],
    },
  }));
  const files = [
    ...new Set(perHistory.flatMap(({ divergences: found, view }) => lineageFiles(found, view))),
  ];
  if (files.length === 0) return perHistory.map(() => []);
  const present = await presentInTrees(run.git, commits, files);
  return perHistory.map(({ divergences: found, view }) => divergenceOrigins(found, view, present));
}

/** A divergence a commit introduced, in the history that has it. */
export interface IntroducedFork {
  readonly history: History;
  readonly origin: DivergenceOrigin;
}

/** The divergences of the histories that a commit on `parents` introduced: what post-commit warns of. */
export async function introducedForks(
  run: HookRun,
  histories: readonly History[],
  parents: readonly string[],
): Promise<IntroducedFork[]> {
  const origins = await introducedDivergences(run, histories, parents);
  return histories.flatMap((history, index) =>
    (origins[index] ?? [])
      .filter((origin) => origin.kind === 'introduced')
      .map((origin) => ({ history, origin })),
  );
}
