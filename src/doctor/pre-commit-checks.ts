// doctor in a repository set up for the Python pre-commit framework, where husky's checks do not
// apply: our entry in .pre-commit-config.yaml and its hook ids (GA320, GA321), the hook types it
// needs in default_install_hook_types (GA322) and installed in .git/hooks by pre-commit (GA323),
// core.hooksPath not hiding them (GA324). The merge driver: pre-commit-driver-checks.ts. Heads
// files and .gitattributes are checked as for husky.
import path from 'node:path';

import type { Finding } from '../core/findings.js';
import { HOOK_TYPES_OF } from '../core/setup/pre-commit-hooks.js';
import { UserError } from '../errors.js';
import { readTextIfExists } from '../fs/atomic-write.js';
import { readScopedConfig } from '../git/repository.js';
import { PreCommitDoctorMessages } from '../messages/pre-commit.js';
import { installedHookType, PRE_COMMIT_CONFIG } from '../setup/hook-manager.js';
import { type ConfiguredHooks, inspectPreCommitConfig } from '../setup/pre-commit-yaml.js';
import type { DoctorContext } from './doctor-context.js';
import { attributeFindings, finding } from './driver-checks.js';
import { frameworkDriverFindings } from './pre-commit-driver-checks.js';

/** Every set-up finding in pre-commit mode; GA300 alone when nothing of git-alembic is there. */
export async function preCommitSetupFindings(context: DoctorContext): Promise<Finding[]> {
  const { configured, findings: configProblems } = readConfigured(context.project.topLevel);
  const needed = neededHookTypes(configured);
  const hooksPath = await hooksPathFindings(context);
  const findings = [
    ...configProblems,
    ...(configured === undefined ? [] : entryFindings(configured, needed)),
    ...hooksPath,
    ...(hooksPath.length > 0 || configured === undefined
      ? []
      : installedFindings(context, configured, needed)),
    ...frameworkDriverFindings(context),
    ...(await attributeFindings(context)),
  ];
  const attributesMissing =
    findings.filter((entry) => entry.id === 'GA304').length === context.headsFiles.length;
  const nothing =
    configured?.entry === undefined && context.driver.driver === undefined && attributesMissing;
  return nothing
    ? [finding('GA300', PreCommitDoctorMessages.NOT_SET_UP, PreCommitDoctorMessages.SETUP_FIX)]
    : findings;
}

// The config as pre-commit reads it, or GA320 when it is missing, unreadable or has no entry of ours.
function readConfigured(topLevel: string): { configured?: ConfiguredHooks; findings: Finding[] } {
  // Read only, like pre-commit does: a symbolic link is read through, not refused as for a write.
  const before = readTextIfExists(path.join(topLevel, PRE_COMMIT_CONFIG));
  const located = (message: string, line?: number): Finding => ({
    ...finding('GA320', message, PreCommitDoctorMessages.SETUP_FIX),
    locations: [{ file: PRE_COMMIT_CONFIG, line }],
  });
  if (before === undefined) return { findings: [located(PreCommitDoctorMessages.NO_CONFIG)] };
  try {
    const configured = inspectPreCommitConfig(before, PRE_COMMIT_CONFIG);
    return configured.entry === undefined
      ? { findings: [located(PreCommitDoctorMessages.NO_ENTRY)] }
      : { configured, findings: [] };
  } catch (error) {
    // Not YAML, not a pre-commit config: the message names the line.
    if (!(error instanceof UserError)) throw error;
    return { findings: [located(error.message)] };
  }
}

// The hook types the entry's known hook ids run in.
function neededHookTypes(configured: ConfiguredHooks | undefined): string[] {
  return [...new Set((configured?.entry?.ids ?? []).flatMap((id) => HOOK_TYPES_OF[id] ?? []))];
}

// GA321 (ids we do not define, no main id, stages left out) and GA322 (hook types not installed by default).
function entryFindings(configured: ConfiguredHooks, needed: readonly string[]): Finding[] {
  const entry = configured.entry;
  if (entry === undefined) return [];
  const at = (id: Finding['id'], message: string, hint: string): Finding => ({
    ...finding(id, message, hint),
    locations: [{ file: PRE_COMMIT_CONFIG, line: entry.line }],
  });
  const unknown = entry.ids.filter((id) => HOOK_TYPES_OF[id] === undefined);
  const problems = [
    ...(unknown.length > 0 ? [PreCommitDoctorMessages.unknownIds(unknown)] : []),
    ...(entry.ids.includes('git-alembic') ? [] : [PreCommitDoctorMessages.NO_MAIN_ID]),
    ...Object.entries(entry.stages).flatMap(([id, stages]) => {
      // `commit` is the pre-commit stage's name before pre-commit 3.2.
      const normalized = stages.map((stage) => (stage === 'commit' ? 'pre-commit' : stage));
      const leftOut = (HOOK_TYPES_OF[id] ?? []).filter((type) => !normalized.includes(type));
      return leftOut.length > 0 ? [PreCommitDoctorMessages.stagesLeftOut(id, leftOut)] : [];
    }),
  ];
  const notDefault = needed.filter((type) => !configured.hookTypes.includes(type));
  return [
    ...problems.map((message) => at('GA321', message, PreCommitDoctorMessages.ENTRY_FIX)),
    ...(notDefault.length > 0
      ? [
          at(
            'GA322',
            PreCommitDoctorMessages.typesNotDefault(notDefault),
            PreCommitDoctorMessages.TYPES_FIX,
          ),
        ]
      : []),
  ];
}

// GA323: the types pre-commit has not installed (a script of its own naming that type) in the common git dir's hooks.
function installedFindings(
  context: DoctorContext,
  configured: ConfiguredHooks,
  needed: readonly string[],
): Finding[] {
  const { commonDir, topLevel } = context.project;
  const missing = needed.filter((type) => installedHookType(commonDir, type) !== type);
  if (missing.length === 0) return [];
  const hooksDirectory = path
    .relative(topLevel, path.join(commonDir, 'hooks'))
    .split(path.sep)
    .join('/');
  const allDefault = missing.every((type) => configured.hookTypes.includes(type));
  return [
    finding(
      'GA323',
      PreCommitDoctorMessages.notInstalled(missing, hooksDirectory),
      PreCommitDoctorMessages.installFix(missing, allDefault),
    ),
  ];
}

// GA324: a core.hooksPath other than the hooks directory pre-commit installs into.
async function hooksPathFindings(context: DoctorContext): Promise<Finding[]> {
  const { project, hooks } = context;
  if (
    hooks.hooksPath === undefined ||
    path.resolve(project.topLevel, hooks.hooksPath) === path.join(project.commonDir, 'hooks')
  )
    return [];
  const scope =
    (await readScopedConfig(project.git, 'core.hooksPath', { path: true }))?.scope ?? 'local';
  return [
    finding(
      'GA324',
      PreCommitDoctorMessages.hooksPathSet(hooks.hooksPath, scope, hooks.huskyActive),
      PreCommitDoctorMessages.hooksPathFix(scope),
    ),
  ];
}

/** GA327 (a warning): git-alembic set up for husky and pre-commit both; which one runs, and what the other does. */
export function bothSetUpFindings(context: DoctorContext): Finding[] {
  const { hooks } = context;
  if (!hooks.ours.husky || !hooks.ours['pre-commit']) return [];
  const inUse = hooks.checked.manager;
  const other = inUse === 'husky' ? 'pre-commit' : 'husky';
  const chained = inUse === 'husky' && hooks.huskyActive && hooks.preCommitInstalled;
  const message = PreCommitDoctorMessages.bothSetUp(
    inUse,
    hooks.checked.reason ?? '',
    other,
    chained,
  );
  return [{ ...finding('GA327', message, PreCommitDoctorMessages.BOTH_FIX), severity: 'warning' }];
}
