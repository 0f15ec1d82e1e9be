// The slow path of post-merge, pre-commit (while concluding a merge) and post-rewrite: load the
// touched histories, write the merge revisions the operation made necessary, rewrite and stage
// the heads files, and print a line per merge (how it was completed is the hook's to say).
import { displayPath } from '../alembic/config-files.js';
import { HookMessages } from '../messages/hooks.js';
import { TrustMessages } from '../messages/trust.js';
import type { FilesView } from '../project/project-files.js';
import { commitNames, headTexts, type NamedCommit } from './commit-names.js';
import { stageForCommit } from './commit-index.js';
import { type RewrittenHeadsFile, rewriteHeadsFiles } from '../project/heads-upkeep.js';
import { type HookProject, loadTouchedProject } from './hook-histories.js';
import type { HookRun } from './hook-run.js';
import { type CreatedMerge, type IntroducedMerges, mergeIntroduced } from './merge-introduced.js';

/** What the operation compared: the commits whose trees were combined, and its name in messages. */
export interface OperationSpec {
  readonly commits: readonly NamedCommit[];
  /** `this merge`, `this rebase`… */
  readonly operation: string;
  /** Where its result is: HEAD once committed, the index while it is being committed. */
  readonly result: FilesView;
}

/** The merges written, ready for the hook to complete (fold, commit) and announce. */
export interface CreatedMerges {
  readonly project: HookProject;
  readonly outcome: IntroducedMerges;
  readonly headsFiles: readonly RewrittenHeadsFile[];
  /** Everything staged: merge revisions and heads files, repository-relative. */
  readonly files: readonly string[];
  /** One name per compared commit. */
  readonly names: readonly string[];
}

/** Loads the project and writes and stages the merges; undefined when there was nothing to merge. */
export async function createMergesFor(
  run: HookRun,
  changed: readonly string[],
  spec: OperationSpec,
): Promise<CreatedMerges | undefined> {
  const project = await loadTouchedProject(run, changed, spec.result);
  return project === undefined ? undefined : createMerges(run, project, spec);
}

/** Writes and stages the merges; undefined when there was nothing to merge. Reports divergences left alone. */
export async function createMerges(
  run: HookRun,
  project: HookProject,
  spec: OperationSpec,
): Promise<CreatedMerges | undefined> {
  if (project.histories.length === 0) return undefined;
  const trusted = spec.commits.find((commit) => commit.current === true)?.sha;
  const outcome = await mergeIntroduced(
    run,
    project,
    spec.commits.map((commit) => commit.sha),
    trusted,
  );
  if (outcome.created.length === 0 && outcome.found.length === 0 && outcome.heldBack.length === 0)
    return undefined;
  const names = await commitNames(run, spec.commits);
  const several = project.workspace.environments.length > 1;
  for (const found of outcome.found) {
    run.out.info(
      HookMessages.found(
        headTexts(found.heads, names),
        spec.operation,
        several ? found.environment : undefined,
      ),
    );
  }
  reportTrust(run, outcome, names, project.workspace.repoRoot);
  if (outcome.created.length === 0) return undefined;
  const headsFiles = rewriteHeadsFiles(
    outcome.merged,
    project.workspace.repoRoot,
    project.config,
    outcome.headsAfter,
  );
  const files = [
    ...outcome.created.map((merge) => merge.file),
    ...headsFiles.map((file) => file.relative),
  ];
  await stageForCommit(run, files);
  return { project, outcome, headsFiles, files, names };
}

// One line per environment a Python rendered the template of, or that got no merge because the
// operation changed code the merge would run.
function reportTrust(
  run: HookRun,
  outcome: IntroducedMerges,
  names: readonly string[],
  repoRoot: string,
): void {
  for (const [template, python] of outcome.renderedWithPython)
    run.out.info(TrustMessages.renderedInHook(template, python));
  for (const { heldBack, heads } of outcome.heldBack) {
    const files = heldBack.files.map((file) => displayPath(file, repoRoot));
    const message =
      heldBack.reason === 'template' ? TrustMessages.heldBackTemplate : TrustMessages.heldBackHooks;
    run.out.info(message(files, headTexts(heads, names)));
  }
}

/** Prints one line per merge written: what, why, and `completion` (given the other files staged with it). */
export function announceMerges(
  run: HookRun,
  created: CreatedMerges,
  operation: string,
  completion: (files: readonly string[]) => string,
): void {
  const several = created.project.workspace.environments.length > 1;
  for (const merge of created.outcome.created) {
    const headsFiles = created.headsFiles
      .filter((file) => file.environment === merge.environment)
      .map((file) => file.relative);
    run.out.info(
      `${createdText(merge, created.names, operation, several)}; ${completion(headsFiles)}`,
    );
  }
}

function createdText(
  merge: CreatedMerge,
  names: readonly string[],
  operation: string,
  several: boolean,
): string {
  return HookMessages.created(
    merge.id,
    headTexts(merge.heads, names),
    operation,
    several ? merge.environment : undefined,
  );
}
