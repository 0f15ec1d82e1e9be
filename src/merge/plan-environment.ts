// Plans and renders every merge of one environment before anything is written: ids, dates and
// file names (merge-plan.ts), the dates' sources from git, and each file's text, rendered by
// git-alembic or by the Mako fallback (render-plan.ts).
import path from 'node:path';

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

import type { MergeGroup } from '../core/merge/merge-targets.js';
import {
  type MergePlan,
  type MergeRequest,
  type MergeServices,
  type PlannedMerge,
  planMerge,
} from '../core/merge/merge-plan.js';
import { formatCreateDate, type WallClock } from '../core/naming/create-date.js';
import { MergeMessages } from '../messages/merge.js';
import { TrustMessages } from '../messages/trust.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import type { History, Workspace } from '../project/workspace.js';
import { mergeRevisionOrigin } from '../project/write-origins.js';
import type { Runtime } from '../runtime/context.js';
import { gitAuthorTimes } from './merge-dates.js';
import { forwardSlashes, type MergeEnvironment } from './merge-environment.js';
import type { HeldBack } from './operation-trust.js';
import { type FallbackPolicy, renderPlan } from './render-plan.js';
import { type RenderedPlan, targetPath } from './write-merge.js';

/** How merge revisions are named and dated: `merge`'s command line, or the hooks' defaults. */
export interface MergeNaming {
  /** `-m`; undefined: the configured message. */
  readonly message: string | undefined;
  readonly revisionId: string | undefined;
  readonly randomId: boolean;
  /** `--date`, parsed. */
  readonly wallClock: WallClock | undefined;
  readonly dryRun: boolean;
}

/** The merges of one environment, rendered; or why a git hook writes none there. */
export type PlannedEnvironment =
  | {
      readonly kind: 'planned';
      readonly merges: readonly RenderedPlan[];
      readonly python: string | undefined;
    }
  | { readonly kind: 'held-back'; readonly heldBack: HeldBack };

/** Plans and renders every merge of one environment; reports the merges that already exist. */
export async function planEnvironment(
  history: History,
  prepared: MergeEnvironment,
  groups: readonly MergeGroup[],
  workspace: Workspace,
  naming: MergeNaming,
  { ctx, out }: Runtime,
  fallback: Omit<FallbackPolicy, 'announce'>,
): Promise<PlannedEnvironment> {
  const { environment } = prepared;
  out.verbose(MergeMessages.environment(environment.name));
  if (environment.revisionEnvironment) out.warn(MergeMessages.REVISION_ENVIRONMENT);
  const request = mergeRequest(workspace, naming, prepared);
  const services = await mergeServices(
    history,
    groups,
    workspace.repoRoot,
    request,
    ctx.env,
    ctx.cwd,
  );
  const taken = new Set<string>();
  const plans: MergePlan[] = groups.map((group) =>
    planMerge(history.graph, group, prepared.settings, request, services, taken),
  );
  const merges: RenderedPlan[] = [];
  let python: string | undefined;
  // One line per environment when Python rendered its template, said before the output is checked.
  const announce = (path: string, refusal: string): void => {
    if (python === undefined)
      out.info(TrustMessages.renderedWithPython(prepared.template.name, path, refusal));
    python = path;
  };
  for (const plan of plans) {
    if (plan.kind === 'exists') {
      out.info(MergeMessages.mergeExists(plan.id, plan.parents, plan.file));
      continue;
    }
    reportPlan(plan, request, out);
    const destination = {
      root: workspace.repoRoot,
      file: targetPath(plan),
      origin: mergeRevisionOrigin(environment, workspace.repoRoot, plan.location),
    };
    const outcome = await renderPlan(plan, prepared, destination, { ...fallback, announce });
    if (outcome.kind === 'held-back') return outcome;
    merges.push(outcome.merge);
  }
  return { kind: 'planned', merges, python };
}

function mergeRequest(
  workspace: Workspace,
  naming: MergeNaming,
  prepared: MergeEnvironment,
): MergeRequest {
  return {
    mode: naming.randomId || workspace.config.revisionId === 'random' ? 'random' : 'deterministic',
    message: naming.message,
    revisionId: naming.revisionId,
    wallClock: naming.wallClock,
    timezone: prepared.timezone,
    // Microseconds, like Python's datetime.now(); Date.now() has milliseconds only. Read only
    // when a date needs it: the global `performance` loads node:perf_hooks (about 1 ms) on first use.
    nowMicros: () => Math.floor((performance.timeOrigin + performance.now()) * 1000),
  };
}

async function mergeServices(
  history: History,
  groups: readonly MergeGroup[],
  repoRoot: string,
  request: MergeRequest,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<MergeServices> {
  const absolutePath = (file: string): string => forwardSlashes(path.resolve(repoRoot, file));
  const needsGit = request.mode === 'deterministic' && request.wallClock === undefined;
  const parents = [...new Set(groups.flatMap((group) => group.parents))].map((id) => ({
    id,
    file: path.resolve(repoRoot, history.graph.get(id)?.file ?? id),
  }));
  return {
    hash: sha256Hex,
    // The global Web Crypto: node:crypto loads only when a random id is asked for (never in hooks).
    randomId: () => crypto.randomUUID().replaceAll('-', '').slice(-12),
    absolutePath,
    gitAuthorTimes: needsGit
      ? await gitAuthorTimes(findRepositoryRoot(cwd, env), env, parents)
      : new Map(),
  };
}

function reportPlan(plan: PlannedMerge, request: MergeRequest, out: Runtime['out']): void {
  const { date } = plan;
  out.verbose(
    MergeMessages.planned(
      plan.id,
      plan.parents,
      formatCreateDate(date.createDate),
      MergeMessages.dateSource(date.source, date.parent),
    ),
  );
  if (request.mode === 'deterministic' && request.wallClock === undefined && date.source === 'now')
    out.warn(MergeMessages.NOW_NOT_DETERMINISTIC);
}

/**
 * The SHA-256 of `text`'s UTF-8 bytes in lowercase hex, for the deterministic merge id.
 * @noble/hashes (bundled) rather than node:crypto, so that the hooks load no crypto module; the
 * gain is small (node:crypto's load and first hash: 0.6 to 0.9 ms in a hook's process).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
