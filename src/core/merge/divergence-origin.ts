// Whether a git operation introduced a divergence, or found it. A hook merges only the heads an
// operation forked (a merge, a rebase, a commit); a fork one side already had is reported
// instead, because merging it silently would decide something nobody asked for.
//
// Each head of a divergence has a lineage of its own: itself and the ancestors it shares with
// no other head of the group (the revisions since the fork). A compared commit whose tree holds
// revisions of two lineages already had both branches of the fork, so it already had the
// divergence (its later revisions only moved the heads on). No parent history is read: looking
// the lineages' files up in each commit's tree is all it takes.
import type { Divergence } from '../graph/divergences.js';

/** What classifying needs of a revision graph. */
export interface LineageView {
  /** A revision's file, repository-relative; undefined for an unknown id. */
  fileOf(id: string): string | undefined;
  /** A revision's down_revision parents. */
  parentsOf(id: string): readonly string[];
}

/** A divergence with where each of its heads came from. */
export interface DivergenceOrigin {
  readonly divergence: Divergence;
  /**
   * `introduced`: no compared commit held two of its lineages, so the operation forked it.
   * `pre-existing`: some commit already held two or more.
   */
  readonly kind: 'introduced' | 'pre-existing';
  /** For each head (same order as divergence.heads), the first commit whose tree holds it, or undefined when none does. */
  readonly sources: readonly (number | undefined)[];
}

/**
 * Classifies each divergence of the result. `commitFiles[i]` holds those files of
 * `lineageFiles(...)` present in compared commit i's tree.
 */
export function divergenceOrigins(
  divergences: readonly Divergence[],
  view: LineageView,
  commitFiles: readonly ReadonlySet<string>[],
): DivergenceOrigin[] {
  return divergences.map((divergence) => {
    const lineages = exclusiveLineages(divergence.heads, view).map((lineage) =>
      filesOf(lineage, view),
    );
    const alreadyForked = commitFiles.some(
      (files) => lineages.filter((lineage) => lineage.some((file) => files.has(file))).length >= 2,
    );
    const sources = divergence.heads.map((head) => {
      const file = view.fileOf(head);
      const first = commitFiles.findIndex((files) => file !== undefined && files.has(file));
      return first === -1 ? undefined : first;
    });
    return { divergence, kind: alreadyForked ? 'pre-existing' : 'introduced', sources };
  });
}

/** Every file of every lineage of the divergences: what to look up in each compared commit. */
export function lineageFiles(divergences: readonly Divergence[], view: LineageView): string[] {
  const files = divergences.flatMap((divergence) =>
    exclusiveLineages(divergence.heads, view).flatMap((lineage) => filesOf(lineage, view)),
  );
  return [...new Set(files)];
}

/** For each head: itself and its ancestors that are ancestors of no other head. */
export function exclusiveLineages(heads: readonly string[], view: LineageView): string[][] {
  const ancestries = heads.map((head) => ancestryOf(head, view));
  const seen = new Map<string, number>();
  for (const ancestry of ancestries)
    for (const id of ancestry) seen.set(id, (seen.get(id) ?? 0) + 1);
  return ancestries.map((ancestry) => [...ancestry].filter((id) => seen.get(id) === 1));
}

// The head and all its ancestors along down_revision.
function ancestryOf(head: string, view: LineageView): Set<string> {
  const ancestry = new Set<string>([head]);
  const pending = [head];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const parent of view.parentsOf(id)) {
      if (ancestry.has(parent)) continue;
      ancestry.add(parent);
      pending.push(parent);
    }
  }
  return ancestry;
}

function filesOf(ids: readonly string[], view: LineageView): string[] {
  return ids.map((id) => view.fileOf(id)).filter((file): file is string => file !== undefined);
}
