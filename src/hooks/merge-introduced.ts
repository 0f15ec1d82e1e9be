// The part the merge-making hooks share: find the divergences of the result that the operation
// introduced (none of the compared commits held two of their heads), write their merge
// revisions with the merge writer, and say which heads came from which commit.
import path from 'node:path';

import type { DivergenceOrigin } from '../core/merge/divergence-origin.js';
import { displayPath } from '../alembic/config-files.js';
import type { HeldBack } from '../merge/operation-trust.js';
import { headsAfterMerges, type MergeNaming, writeMergeGroups } from '../merge/run-merge.js';
import type { RenderedPlan } from '../merge/write-merge.js';
import type { History } from '../project/workspace.js';
import type { Runtime } from '../runtime/context.js';
import type { Output } from '../runtime/output.js';
import type { HookProject } from './hook-histories.js';
import type { HookOutput, HookRun } from './hook-run.js';
import { introducedDivergences } from './introduced-divergences.js';
import { unchangedSince } from './unchanged-since.js';

/** A head a merge revision merges, and the index of the compared commit it came from. */
export interface SourcedHead {
  readonly id: string;
  /** Index into the compared commits; undefined when none of them holds it (new in the result). */
  readonly source: number | undefined;
}

/** A merge revision a hook wrote. */
export interface CreatedMerge {
  readonly environment: string;
  readonly id: string;
  /** Repository-relative, forward slashes. */
  readonly file: string;
  readonly heads: readonly SourcedHead[];
}

/** A divergence left as it is, because a compared commit already had it. */
export interface FoundDivergence {
  readonly environment: string;
  readonly heads: readonly SourcedHead[];
}

/** Divergences left unmerged because the operation changed code their merge would run. */
export interface HeldBackMerges {
  readonly environment: string;
  readonly heldBack: HeldBack;
  readonly heads: readonly SourcedHead[];
}

/** What the hook did and found. */
export interface IntroducedMerges {
  readonly created: readonly CreatedMerge[];
  readonly found: readonly FoundDivergence[];
  readonly heldBack: readonly HeldBackMerges[];
  /** Templates a Python rendered (`[template, python]`), for one line each. */
  readonly renderedWithPython: ReadonlyArray<readonly [string, string]>;
  /** The heads of each history once the merges are in (for the heads files). */
  readonly headsAfter: (history: History) => readonly string[];
  /** Histories that got a merge revision. */
  readonly merged: readonly History[];
}

/**
 * Writes the merge revision of every divergence the operation introduced relative to
 * `commits` (and of the others too with `mergeExistingDivergences`); reports the rest. Code the
 * merge would run must be as it was in `trusted`, the commit the user had before the operation.
 */
export async function mergeIntroduced(
  run: HookRun,
  project: HookProject,
  commits: readonly string[],
  trusted: string | undefined,
): Promise<IntroducedMerges> {
  const origins = await introducedDivergences(run, project.histories, commits);
  const merging = (origin: DivergenceOrigin): boolean =>
    origin.kind === 'introduced' || project.config.mergeExistingDivergences;
  const work = project.histories.map((history, index) => ({
    history,
    groups: (origins[index] ?? []).filter(merging).map(({ divergence }) => ({
      parents: divergence.heads,
      labels: divergence.labels,
      explicit: false,
    })),
  }));
  const results = await writeMergeGroups(
    project.workspace,
    work,
    HOOK_NAMING,
    writerRuntime(run),
    unchangedSince(run, trusted),
  );
  const found = project.histories.flatMap((history, index) =>
    (origins[index] ?? [])
      .filter((origin) => !merging(origin))
      .map((origin) => ({
        environment: history.environment.name,
        heads: sourcedHeads([origin], origin.divergence.heads),
      })),
  );
  return {
    created: results.flatMap(({ history, written }) =>
      written.map((merge) =>
        createdMerge(history, merge, origins[project.histories.indexOf(history)] ?? [], project),
      ),
    ),
    found,
    heldBack: results.flatMap(({ history, heldBack }) =>
      heldBack === undefined
        ? []
        : [
            {
              environment: history.environment.name,
              heldBack,
              heads: sourcedHeads(
                origins[project.histories.indexOf(history)] ?? [],
                mergedHeads(work, history),
              ),
            },
          ],
    ),
    renderedWithPython: results.flatMap(({ history, python }) =>
      python === undefined
        ? []
        : [
            [
              displayPath(
                path.join(history.environment.scriptLocation, 'script.py.mako'),
                project.workspace.repoRoot,
              ),
              python,
            ] as const,
          ],
    ),
    headsAfter: headsAfterMerges(results),
    merged: results.filter(({ written }) => written.length > 0).map(({ history }) => history),
  };
}

// The heads a history's merges would have joined.
function mergedHeads(
  work: readonly { history: History; groups: readonly { parents: readonly string[] }[] }[],
  history: History,
): string[] {
  return [
    ...new Set(
      work
        .filter((entry) => entry.history === history)
        .flatMap(({ groups }) => groups.flatMap((group) => group.parents)),
    ),
  ];
}

// The hooks name and date merges as `git-alembic merge` does by default (deterministically).
const HOOK_NAMING: MergeNaming = {
  message: undefined,
  revisionId: undefined,
  randomId: false,
  wallClock: undefined,
  dryRun: false,
};

function createdMerge(
  history: History,
  { plan, destination: { file: target } }: RenderedPlan,
  origins: readonly DivergenceOrigin[],
  project: HookProject,
): CreatedMerge {
  const file = path.relative(project.workspace.repoRoot, target).split(path.sep).join('/');
  return {
    environment: history.environment.name,
    id: plan.id,
    file,
    heads: sourcedHeads(origins, plan.parents),
  };
}

function sourcedHeads(
  origins: readonly DivergenceOrigin[],
  heads: readonly string[],
): SourcedHead[] {
  return heads.map((id) => {
    const origin = origins.find(({ divergence }) => divergence.heads.includes(id));
    const source = origin?.sources[origin.divergence.heads.indexOf(id)];
    return { id, source };
  });
}

// The merge writer prints Alembic's "Generating … done" lines; a hook says one line of its own.
// Its warnings (a post-write hook failed, a merge not read back) are the hook's warnings.
function writerRuntime({ ctx, out }: Pick<HookRun, 'ctx' | 'out'>): Runtime {
  return { ctx, out: warningsOnly(out) };
}

function warningsOnly(out: HookOutput): Output {
  const silent = (): void => {};
  return {
    verbosity: 'quiet',
    style: (text) => text,
    result: silent,
    info: silent,
    verbose: silent,
    warn: (text) => out.warn(text),
    raw: silent,
  };
}
