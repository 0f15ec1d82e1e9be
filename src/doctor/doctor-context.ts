// What doctor looks at, gathered once: the project, its config and environments (or why they
// cannot be read), the registered driver, the husky directory, the hooks path in effect, and
// which hook manager git-alembic is set up for (husky's checks or pre-commit's).
import { UserError } from '../errors.js';
import type { Finding } from '../core/findings.js';
import type { ResolvedConfig } from '../config/schema.js';
import { DoctorMessages } from '../messages/git-integration.js';
import { inspectHeadsFile, type HeadsFileState } from '../project/heads-files.js';
import { type History, loadHistory, openWorkspace } from '../project/workspace.js';
import { registeredDriver, type RegisteredDriver } from '../setup/driver-step.js';
import {
  chooseHookManager,
  type HookManagerChoice,
  type HookManagerSurvey,
  surveyHookManagers,
} from '../setup/hook-manager.js';
import { openSetUpProject } from '../setup/husky-step.js';
import type { Project } from '../setup/project.js';

/** Everything the checks need. */
export interface DoctorContext {
  readonly project: Project;
  readonly config: ResolvedConfig | undefined;
  readonly histories: readonly History[];
  readonly headsFiles: readonly HeadsFileState[];
  readonly driver: RegisteredDriver;
  readonly huskyDirectory: string;
  /**
   * What the repository has of husky and pre-commit (core.hooksPath in effect among it), and which
   * of them doctor checks.
   */
  readonly hooks: HookManagerSurvey & { readonly checked: HookManagerChoice };
  /** GA310/GA313 when the config or the environments cannot be read. */
  readonly readFindings: readonly Finding[];
}

/** Gathers the context from `cwd`. @throws NotAGitRepositoryError outside a work tree. */
export async function gatherDoctorContext(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DoctorContext> {
  const { project, husky } = await openSetUpProject(cwd, env);
  const { huskyDirectory } = husky;
  const { config, histories, readFindings } = await readEnvironments(cwd, project);
  const survey = await surveyHookManagers(project, huskyDirectory);
  return {
    project,
    config,
    histories,
    headsFiles: histories.map((history) => inspectHeadsFile(history, project.topLevel)),
    driver: await registeredDriver(project.git),
    huskyDirectory,
    hooks: { ...survey, checked: chooseHookManager(survey, project.hasPackageJson) },
    readFindings,
  };
}

// The config and every environment's history; a problem becomes a finding instead of an error.
async function readEnvironments(
  cwd: string,
  project: Project,
): Promise<Pick<DoctorContext, 'config' | 'histories' | 'readFindings'>> {
  const { loadProjectConfig } = await import('../config/load-config.js');
  try {
    await loadProjectConfig(project.topLevel);
  } catch (error) {
    // A bad git-alembic config is GA310; everything that reads environments needs it.
    if (!(error instanceof UserError)) throw error;
    return {
      config: undefined,
      histories: [],
      readFindings: [readFinding('GA310', error, DoctorMessages.CONFIG_FIX)],
    };
  }
  try {
    const workspace = await openWorkspace(cwd, project.env, {});
    const histories: History[] = [];
    for (const environment of workspace.environments)
      histories.push(await loadHistory(environment, workspace));
    return { config: workspace.config, histories, readFindings: [] };
  } catch (error) {
    // No environment, a bad alembic.ini, an unreadable revision file: GA313.
    if (!(error instanceof UserError)) throw error;
    return {
      config: undefined,
      histories: [],
      readFindings: [readFinding('GA313', error, error.hint ?? DoctorMessages.ENVIRONMENTS_FIX)],
    };
  }
}

function readFinding(id: 'GA310' | 'GA313', error: UserError, fix: string): Finding {
  return { id, environment: '', message: error.message, hint: fix, locations: [] };
}
