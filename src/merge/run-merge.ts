// `git-alembic merge` from start to end: read the histories, choose the merges, plan and render
// every one of them (so any error stops the run before a file is written), then write them, run
// the hooks, and check the result. The git hooks reuse the second half (writeMergeGroups) with
// the divergences a git operation introduced, and with what that operation changed: they write
// nothing in an environment where it changed code the merge would run.
import path from 'node:path';

import { REVISION_SCRIPT_TOKEN, hookCommands } from '../core/merge/hook-commands.js';
import { type MergeGroup, type MergeSelection, selectMerges } from '../core/merge/merge-targets.js';
import { parseWallClock, type WallClock } from '../core/naming/create-date.js';
import { UsageError } from '../errors.js';
import { checkedWritePath } from '../fs/write-target.js';
import { ExitCode } from '../exit-codes.js';
import { HeadsFileUpkeepMessages } from '../messages/git-integration.js';
import { MergeMessages } from '../messages/merge.js';
import { fallbackOptedOut } from '../python/find-python.js';
import { rewriteHeadsFiles } from '../project/heads-upkeep.js';
import type { LoadObserver } from '../project/load-observer.js';
import {
  type EnvironmentSelection,
  type History,
  loadHistories,
  type Workspace,
} from '../project/workspace.js';
import type { Runtime } from '../runtime/context.js';
import { confirmMerges } from './confirm-merge.js';
import { type HookLaunch, modulePython, resolveHookLaunches } from './hook-programs.js';
import { type MergeEnvironment, prepareMergeEnvironment } from './merge-environment.js';
import {
  changedHookDefinitions,
  changedPrograms,
  type HeldBack,
  type OperationTrust,
} from './operation-trust.js';
import { type MergeNaming, planEnvironment } from './plan-environment.js';
import { type RenderedPlan, writeMerge } from './write-merge.js';

export type { MergeNaming } from './plan-environment.js';

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

/** Runs a load of the histories with what it reports shown (the CLI's progress line and --verbose lines). */
export type ShowLoading = <T>(load: (observer: LoadObserver) => Promise<T>) => Promise<T>;

/** Runs `git-alembic merge`; returns OK when merges were written or there was nothing to merge. */
export async function runMerge(
  options: MergeOptions,
  runtime: Runtime,
  showLoading: ShowLoading,
): Promise<ExitCode> {
  const wallClock = parseDateOption(options.date);
  const { workspace, histories } = await showLoading((observer) =>
    loadHistories(runtime.ctx.cwd, runtime.ctx.env, options.selection, observer),
  );
  if (options.heads.length > 0 && histories.length !== 1)
    throw new UsageError(
      MergeMessages.ONE_ENVIRONMENT_FOR_HEADS,
      MergeMessages.ONE_ENVIRONMENT_HINT,
    );
  const work = histories.map((history) => ({
    history,
    selection: selectMerges(history.graph, options.heads),
  }));
  const groupCount = work.reduce(
    (count, { selection }) => count + (selection.kind === 'merge' ? selection.groups.length : 0),
    0,
  );
  if (options.revisionId !== undefined && groupCount > 1)
    throw new UsageError(
      MergeMessages.REV_ID_SEVERAL_MERGES,
      MergeMessages.REV_ID_SEVERAL_MERGES_HINT,
    );
  if (groupCount === 0) {
    runtime.out.info(nothingToMergeMessage(work.map(({ selection }) => selection)));
    return ExitCode.OK;
  }
  const naming: MergeNaming = {
    message: options.message,
    revisionId: options.revisionId,
    randomId: options.randomId,
    wallClock,
    dryRun: options.dryRun,
  };
  const chosen = work.flatMap(({ history, selection }) =>
    selection.kind === 'merge' ? [{ history, groups: selection.groups }] : [],
  );
  const results = await writeMergeGroups(workspace, chosen, naming, runtime);
  rewriteMergedHeadsFiles(workspace, results, runtime);
  return ExitCode.OK;
}

// The heads file of each environment that got a merge lists its heads now, so `check` is clean
// straight away; as in the hooks, only where a heads file is in use.
function rewriteMergedHeadsFiles(
  workspace: Workspace,
  results: readonly WrittenMerges[],
  { out }: Runtime,
): void {
  const merged = results.filter(({ written }) => written.length > 0).map(({ history }) => history);
  if (merged.length === 0) return;
  for (const file of rewriteHeadsFiles(
    merged,
    workspace.repoRoot,
    workspace.config,
    headsAfterMerges(results),
  )) {
    out.result(HeadsFileUpkeepMessages.wrote(file.relative, file.heads));
  }
}

/** A history's heads once its merges are written: their parents are heads no more, they are. */
export function headsAfterMerges(
  results: readonly WrittenMerges[],
): (history: History) => readonly string[] {
  const writtenBy = new Map(results.map(({ history, written }) => [history, written]));
  return (history) => {
    const written = writtenBy.get(history) ?? [];
    const merged = new Set(written.flatMap(({ plan }) => plan.parents));
    return [
      ...history.graph.heads.filter((head) => !merged.has(head)),
      ...written.map(({ plan }) => plan.id),
    ];
  };
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
  /** In a git hook: why nothing was written there. */
  readonly heldBack: HeldBack | undefined;
  /** The Python that rendered the template, when git-alembic's own renderer could not. */
  readonly python: string | undefined;
}

/**
 * Plans and renders every merge of every environment first (so any error stops the run before
 * a file is written), then writes them, runs the post-write hooks and checks the result. With
 * `trust` (a git hook), an environment where the operation changed the post-write hooks, a
 * program they run, or a template only Python renders gets no merge: it is reported as held back.
 */
export async function writeMergeGroups(
  workspace: Workspace,
  work: readonly EnvironmentMerges[],
  naming: MergeNaming,
  runtime: Runtime,
  trust?: OperationTrust,
): Promise<WrittenMerges[]> {
  const prepared: PreparedEnvironment[] = [];
  for (const { history, groups } of work) {
    if (groups.length > 0)
      prepared.push(await prepareEnvironment(history, groups, workspace, naming, runtime, trust));
  }
  // Every path is checked before the first file is written, so a bad one leaves nothing half done.
  for (const { merges } of prepared)
    for (const merge of merges) checkedWritePath(merge.destination);
  const results: WrittenMerges[] = [];
  for (const environment of prepared) {
    const written =
      environment.heldBack === undefined
        ? await writeEnvironment(environment, workspace.repoRoot, naming.dryRun, runtime)
        : [];
    results.push({
      history: environment.history,
      written,
      heldBack: environment.heldBack,
      python: environment.python,
    });
  }
  return results;
}

/** An environment with its merges planned and rendered and its hooks resolved, or held back. */
interface PreparedEnvironment {
  readonly history: History;
  readonly environment: MergeEnvironment;
  readonly merges: readonly RenderedPlan[];
  readonly launches: ReadonlyMap<string, HookLaunch>;
  readonly heldBack: HeldBack | undefined;
  readonly python: string | undefined;
}

async function prepareEnvironment(
  history: History,
  groups: readonly MergeGroup[],
  workspace: Workspace,
  naming: MergeNaming,
  runtime: Runtime,
  trust: OperationTrust | undefined,
): Promise<PreparedEnvironment> {
  const { repoRoot, config } = workspace;
  const environment = await prepareMergeEnvironment(history.environment, repoRoot, config);
  const skip = (heldBack: HeldBack): PreparedEnvironment => ({
    history,
    environment,
    merges: [],
    launches: new Map(),
    heldBack,
    python: undefined,
  });
  const changedHooks =
    trust === undefined
      ? undefined
      : await changedHookDefinitions(history.environment, trust, repoRoot);
  if (changedHooks !== undefined) return skip({ reason: 'post-write-hooks', files: changedHooks });
  const fallback = {
    enabled: config.pythonFallback && !fallbackOptedOut(runtime.ctx.env),
    env: runtime.ctx.env,
    repoRoot,
    trust,
  };
  const planned = await planEnvironment(
    history,
    environment,
    groups,
    workspace,
    naming,
    runtime,
    fallback,
  );
  if (planned.kind === 'held-back') return skip(planned.heldBack);
  const launches =
    planned.merges.length === 0
      ? new Map<string, HookLaunch>()
      : await hookLaunches(environment, repoRoot, runtime, trust);
  const changedCode =
    trust === undefined
      ? new Set<string>()
      : await changedPrograms(
          trust,
          [...launches.values()].flatMap((launch) => launch.code),
        );
  if (changedCode.size > 0) return skip({ reason: 'post-write-hooks', files: [...changedCode] });
  return {
    history,
    environment,
    merges: planned.merges,
    launches,
    heldBack: undefined,
    python: planned.python,
  };
}

// Every hook resolved to what it starts, before anything is written (a missing program fails here).
async function hookLaunches(
  { environment }: MergeEnvironment,
  repoRoot: string,
  { ctx }: Runtime,
  trust: OperationTrust | undefined,
): Promise<Map<string, HookLaunch>> {
  const commands = hookCommands(
    environment.postWriteHooks,
    REVISION_SCRIPT_TOKEN,
    environment.revisionEnvironment,
  );
  if (commands.length === 0) return new Map();
  const place = {
    env: ctx.env,
    cwd: ctx.cwd,
    configDirectory: path.dirname(environment.configFile),
    repoRoot,
  };
  const python = commands.some((command) => command.program.kind === 'module')
    ? modulePython(place)
    : undefined;
  const untrusted =
    trust === undefined || python === undefined
      ? new Set<string>()
      : await changedPrograms(trust, [python]);
  return resolveHookLaunches(commands, { ...place, untrusted });
}

function nothingToMergeMessage(selections: readonly MergeSelection[]): string {
  const [only] = selections;
  if (selections.length === 1 && only?.kind === 'nothing' && only.reason === 'single-head')
    return MergeMessages.singleHead(only.heads[0] as string);
  return MergeMessages.nothingToMerge(selections.length);
}

async function writeEnvironment(
  { history, environment, merges, launches }: PreparedEnvironment,
  repoRoot: string,
  dryRun: boolean,
  runtime: Runtime,
): Promise<RenderedPlan[]> {
  const written: RenderedPlan[] = [];
  for (const merge of merges)
    if ((await writeMerge(merge, environment, launches, dryRun, runtime)) === 'written')
      written.push(merge);
  if (written.length > 0) confirmMerges(history, repoRoot, written, runtime.out);
  return written;
}

function parseDateOption(text: string | undefined): WallClock | undefined {
  if (text === undefined) return undefined;
  const wallClock = parseWallClock(text);
  if (wallClock === undefined)
    throw new UsageError(MergeMessages.badDate(text), MergeMessages.BAD_DATE_HINT);
  return wallClock;
}
