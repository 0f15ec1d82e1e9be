// After writing, read each new file back and add it to the history, as Alembic does
// (`Script._from_path`, then `add_revision`), and confirm that the merges are read as written and
// that the heads they merged are heads no more. Hooks may have rewritten the files, and a file
// Alembic does not load resolves nothing, so this is checked, not assumed. Only the new files
// are read again: re-reading the whole history would double the cost of a merge.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { divergences } from '../core/graph/divergences.js';
import { buildRevisionGraph, type RevisionGraph } from '../core/graph/revision-graph.js';
import type { PlannedMerge } from '../core/merge/merge-plan.js';
import { readRevisionFile } from '../core/revision-file/read-revision-file.js';
import type { Revision } from '../core/revision.js';
import { UserError } from '../errors.js';
import { MergeMessages } from '../messages/merge.js';
import type { History } from '../project/workspace.js';
import type { Output } from '../runtime/output.js';

/** A merge that was written. */
export interface WrittenMerge {
  readonly plan: PlannedMerge;
  /** `file`: the absolute path of the file. */
  readonly destination: { readonly file: string };
}

// The file names Alembic loads from a version directory (as the revision scanner applies it).
const LOADED_NAME = /^(?!\.#|__init__)[^\n]*\.py$/;

/** Warns about every written merge that is not read back or did not end its divergence. */
export function confirmMerges(
  history: History,
  repoRoot: string,
  written: readonly WrittenMerge[],
  out: Output,
): void {
  const added: Revision[] = [];
  for (const { plan, destination } of written) {
    const target = destination.file;
    const revision = LOADED_NAME.test(path.basename(target))
      ? readBack(history, repoRoot, target, out)
      : undefined;
    if (revision === undefined || revision.id !== plan.id)
      out.warn(MergeMessages.notReadBack(plan.id, target));
    if (revision !== undefined) added.push(revision);
  }
  let graph: RevisionGraph;
  try {
    graph = buildRevisionGraph([...history.graph.revisions, ...added]);
  } catch (error) {
    // A hook may have broken the file; say so, the merge itself is written.
    if (!(error instanceof UserError)) throw error;
    out.warn(MergeMessages.rereadFailed(error.message));
    return;
  }
  warnIfStillDiverged(history, graph, written, out);
}

function readBack(
  history: History,
  repoRoot: string,
  target: string,
  out: Output,
): Revision | undefined {
  const displayPath = path.relative(repoRoot, target).split(path.sep).join('/');
  try {
    return readRevisionFile(
      { fileName: path.basename(target), displayPath, bytes: readFileSync(target) },
      { constants: history.environment.constants },
    );
  } catch (error) {
    // Unreadable after the hooks ran (or removed by one): report it, keep going.
    if (!(error instanceof UserError) && !(error instanceof Error && 'code' in error)) throw error;
    out.warn(MergeMessages.rereadFailed(error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

function warnIfStillDiverged(
  history: History,
  graph: RevisionGraph,
  written: readonly WrittenMerge[],
  out: Output,
): void {
  const heads = new Set(graph.heads);
  const involved = new Set(written.flatMap(({ plan }) => [plan.id, ...plan.parents]));
  const stillHeads = written.flatMap(({ plan }) =>
    plan.parents.filter((parent) => heads.has(parent)),
  );
  const left = divergences(graph).filter((divergence) =>
    divergence.heads.some((head) => involved.has(head)),
  );
  if (stillHeads.length === 0 && left.length === 0) return;
  const remaining = [
    ...new Set([...stillHeads, ...left.flatMap((divergence) => divergence.heads)]),
  ];
  out.warn(MergeMessages.stillDiverged(history.environment.name, remaining));
}
