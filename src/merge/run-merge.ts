// `git-alembic merge` from start to end: read the histories, choose the merges, plan and render
// every one of them (so any error stops the run before a file is written), then write them, run
// the hooks, and check the result. The git hooks reuse the second half (writeMergeGroups) with
// the divergences a git operation introduced.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';

import type { CommandRuntime } from '../cli/command.js';
import { reportLoading } from '../cli/load-report.js';
import { type MergeGroup, type MergeSelection, selectMerges } from '../core/merge/merge-targets.js';
import { type MergePlan, type MergeRequest, type MergeServices, type PlannedMerge, planMerge } from '../core/merge/merge-plan.js';
import { renderMerge } from '../core/merge/render-merge.js';
import { parseWallClock, type WallClock, formatCreateDate } from '../core/naming/create-date.js';
import { UsageError } from '../errors.js';
import { checkedWritePath } from '../fs/write-target.js';
import { ExitCode } from '../exit-codes.js';
import { MergeMessages } from '../messages/merge.js';
import { findRepositoryRoot } from '../project/find-repository.js';
import { type EnvironmentSelection, type History, loadHistories, type Workspace } from '../project/workspace.js';
import { mergeRevisionOrigin } from '../project/write-origins.js';
import { confirmMerges } from './confirm-merge.js';
import { gitAuthorTimes } from './merge-dates.js';
import { forwardSlashes, type MergeEnvironment, prepareMergeEnvironment } from './merge-environment.js';
import { type RenderedPlan, targetPath, writeMerge } from './write-merge.js';

/** The command line of `merge`, parsed. */
export interface MergeOptions {
  /** Heads named on the command line; empty means "every divergence". */
  readonly heads: readonly string[];
  readonly selection: EnvironmentSelection;
  readonly message: string | undefined;
  readonly revisionId: string | undefined;
  readonly randomId: boolean;
  /** `--date`, as typed. */
  readonly date: string | undefined;
  readonly dryRun: boolean;
}

/** Runs `git-alembic merge`; returns OK when merges were written or there was nothing to merge. */
export async function runMerge(options: MergeOptions, runtime: CommandRuntime): Promise<ExitCode> {
  const wallClock = parseDateOption(options.date);
  const { workspace, histories } = await reportLoading(runtime, (observer) => loadHistories(runtime.ctx.cwd, runtime.ctx.env, options.selection, observer));
  if (options.heads.length > 0 && histories.length !== 1) throw new UsageError(MergeMessages.ONE_ENVIRONMENT_FOR_HEADS, MergeMessages.ONE_ENVIRONMENT_HINT);
  const work = histories.map((history) => ({ history, selection: selectMerges(history.graph, options.heads) }));
  const groupCount = work.reduce((count, { selection }) => count + (selection.kind === 'merge' ? selection.groups.length : 0), 0);
  if (options.revisionId !== undefined && groupCount > 1) throw new UsageError(MergeMessages.REV_ID_SEVERAL_MERGES, MergeMessages.REV_ID_SEVERAL_MERGES_HINT);
  if (groupCount === 0) {
    runtime.out.info(nothingToMergeMessage(work.map(({ selection }) => selection)));
    return ExitCode.OK;
  }
  const naming: MergeNaming = { message: options.message, revisionId: options.revisionId, randomId: options.randomId, wallClock, dryRun: options.dryRun };
  const chosen = work.flatMap(({ history, selection }) => (selection.kind === 'merge' ? [{ history, groups: selection.groups }] : []));
  const results = await writeMergeGroups(workspace, chosen, naming, runtime);
  await rewriteMergedHeadsFiles(workspace, results, runtime);
  return ExitCode.OK;
}

// The heads file of each environment that got a merge lists its heads now, so `check` is clean
// straight away; as in the hooks, only where a heads file is in use.
async function rewriteMergedHeadsFiles(workspace: Workspace, results: readonly WrittenMerges[], { out }: CommandRuntime): Promise<void> {
  const merged = results.filter(({ written }) => written.length > 0).map(({ history }) => history);
  if (merged.length === 0) return;
  const [{ rewriteHeadsFiles }, { HeadsFileUpkeepMessages }] = await Promise.all([import('../hooks/heads-upkeep.js'), import('../messages/git-integration.js')]);
  for (const file of rewriteHeadsFiles(merged, workspace.repoRoot, workspace.config, headsAfterMerges(results))) {
    out.result(HeadsFileUpkeepMessages.wrote(file.relative, file.heads));
  }
}

/** A history's heads once its merges are written: their parents are heads no more, they are. */
export function headsAfterMerges(results: readonly WrittenMerges[]): (history: History) => readonly string[] {
  const writtenBy = new Map(results.map(({ history, written }) => [history, written]));
  return (history) => {
    const written = writtenBy.get(history) ?? [];
    const merged = new Set(written.flatMap(({ plan }) => plan.parents));
    return [...history.graph.heads.filter((head) => !merged.has(head)), ...written.map(({ plan }) => plan.id)];
  };
}

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

/** The merges to write in one environment. */
export interface EnvironmentMerges {
  readonly history: History;
  readonly groups: readonly MergeGroup[];
}

/** What was written in one environment (files already identical on disk are not listed). */
export interface WrittenMerges {
  readonly history: History;
  readonly written: readonly RenderedPlan[];
}

/**
 * Plans and renders every merge of every environment first (so any error stops the run before
 * a file is written), then writes them, runs the post-write hooks and checks the result.
 */
export async function writeMergeGroups(workspace: Workspace, work: readonly EnvironmentMerges[], naming: MergeNaming, runtime: CommandRuntime): Promise<WrittenMerges[]> {
  const prepared: PreparedEnvironment[] = [];
  for (const { history, groups } of work) {
    if (groups.length === 0) continue;
    const environment = await prepareMergeEnvironment(history.environment, workspace.repoRoot, workspace.config);
    prepared.push({ history, environment, merges: await planEnvironment(history, environment, groups, workspace, naming, runtime) });
  }
  // Every path is checked before the first file is written, so a bad one leaves nothing half done.
  for (const { merges } of prepared) for (const merge of merges) checkedWritePath(merge.destination);
  const results: WrittenMerges[] = [];
  for (const environment of prepared) {
    results.push({ history: environment.history, written: await writeEnvironment(environment, workspace.repoRoot, naming.dryRun, runtime) });
  }
  return results;
}

/** An environment with its merges planned and rendered. */
interface PreparedEnvironment {
  readonly history: History;
  readonly environment: MergeEnvironment;
  readonly merges: readonly RenderedPlan[];
}

function nothingToMergeMessage(selections: readonly MergeSelection[]): string {
  const [only] = selections;
  if (selections.length === 1 && only?.kind === 'nothing' && only.reason === 'single-head') return MergeMessages.singleHead(only.heads[0] as string);
  return MergeMessages.nothingToMerge(selections.length);
}

async function writeEnvironment({ history, environment, merges }: PreparedEnvironment, repoRoot: string, dryRun: boolean, runtime: CommandRuntime): Promise<RenderedPlan[]> {
  const written: RenderedPlan[] = [];
  for (const merge of merges) if ((await writeMerge(merge, environment, dryRun, runtime)) === 'written') written.push(merge);
  if (written.length > 0) confirmMerges(history, repoRoot, written, runtime.out);
  return written;
}

function parseDateOption(text: string | undefined): WallClock | undefined {
  if (text === undefined) return undefined;
  const wallClock = parseWallClock(text);
  if (wallClock === undefined) throw new UsageError(MergeMessages.badDate(text), MergeMessages.BAD_DATE_HINT);
  return wallClock;
}

// Plans and renders every merge of one environment; reports the merges that already exist.
async function planEnvironment(
  history: History,
  prepared: MergeEnvironment,
  groups: readonly MergeGroup[],
  workspace: Workspace,
  naming: MergeNaming,
  { ctx, out }: CommandRuntime,
): Promise<RenderedPlan[]> {
  const { environment } = prepared;
  out.verbose(MergeMessages.environment(environment.name));
  if (environment.revisionEnvironment) out.warn(MergeMessages.REVISION_ENVIRONMENT);
  const request = mergeRequest(workspace, naming, prepared);
  const services = await mergeServices(history, groups, workspace.repoRoot, request, ctx.env, ctx.cwd);
  const taken = new Set<string>();
  const plans: MergePlan[] = groups.map((group) => planMerge(history.graph, group, prepared.settings, request, services, taken));
  const merges: RenderedPlan[] = [];
  for (const plan of plans) {
    if (plan.kind === 'exists') {
      out.info(MergeMessages.mergeExists(plan.id, plan.parents, plan.file));
      continue;
    }
    reportPlan(plan, request, out);
    merges.push(renderPlan(plan, prepared, workspace));
  }
  return merges;
}

function mergeRequest(workspace: Workspace, naming: MergeNaming, prepared: MergeEnvironment): MergeRequest {
  return {
    mode: naming.randomId || workspace.config.revisionId === 'random' ? 'random' : 'deterministic',
    message: naming.message,
    revisionId: naming.revisionId,
    wallClock: naming.wallClock,
    timezone: prepared.timezone,
    // Microseconds, like Python's datetime.now(); Date.now() has milliseconds only (the global
    // `performance` spares loading node:perf_hooks).
    nowMicros: Math.floor((performance.timeOrigin + performance.now()) * 1000),
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
  const parents = [...new Set(groups.flatMap((group) => group.parents))].map((id) => ({ id, file: path.resolve(repoRoot, history.graph.get(id)?.file ?? id) }));
  return {
    hash: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    randomId: () => randomUUID().replaceAll('-', '').slice(-12),
    absolutePath,
    gitAuthorTimes: needsGit ? await gitAuthorTimes(findRepositoryRoot(cwd, env), env, parents) : new Map(),
  };
}

function reportPlan(plan: PlannedMerge, request: MergeRequest, out: CommandRuntime['out']): void {
  const { date } = plan;
  out.verbose(MergeMessages.planned(plan.id, plan.parents, formatCreateDate(date.createDate), MergeMessages.dateSource(date.source, date.parent)));
  if (request.mode === 'deterministic' && request.wallClock === undefined && date.source === 'now') out.warn(MergeMessages.NOW_NOT_DETERMINISTIC);
}

function renderPlan(plan: PlannedMerge, prepared: MergeEnvironment, { repoRoot, config }: Workspace): RenderedPlan {
  const target = targetPath(plan);
  const { environment, template, codec } = prepared;
  const displayPath = path.relative(repoRoot, target).split(path.sep).join('/');
  const rendered = renderMerge(plan, { template, mainOptions: environment.mainOptions, codec, constants: environment.constants, displayPath });
  const destination = { root: repoRoot, file: target, origin: mergeRevisionOrigin(environment, config, repoRoot, plan.location) };
  return { plan, rendered, target, destination };
}
