// `git-alembic doctor`: checks every piece of the git integration and returns findings with
// stable IDs (GA2xx for heads files, GA3xx for the rest), each with a fix. The hooks' checks are
// husky's or, in a repository set up for the Python pre-commit framework, pre-commit-checks.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { Finding } from '../core/findings.js';
import { OUR_HOOKS } from '../core/setup/hook-block-body.js';
import { DoctorMessages } from '../messages/git-integration.js';
import { headsFileFindings } from '../project/heads-file-findings.js';
import type { HookManager } from '../setup/hook-manager.js';
import { type DoctorContext, gatherDoctorContext } from './doctor-context.js';
import { attributeFindings, driverFindings, finding } from './driver-checks.js';
import { hiddenHookFindings } from './hidden-hook-checks.js';
import { blockFindings, huskyFindings } from './hook-checks.js';
import { lineEndingFindings } from './line-ending-checks.js';

/** Where GUI git clients (started from a desktop, not a shell) usually look for programs. */
export const GUI_PATH: readonly string[] = [
  '/usr/local/bin',
  '/opt/homebrew/bin',
  '/usr/bin',
  '/bin',
];

/** What doctor found, and which hook manager's set-up it checked. */
export interface DoctorReport {
  readonly hooks: HookManager;
  readonly findings: readonly Finding[];
}

/** Every finding for the repository around `cwd`, errors and warnings. */
export async function runDoctor(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DoctorReport> {
  const context = await gatherDoctorContext(cwd, env);
  const hooks = context.hooks.checked.manager;
  const preCommit =
    hooks === 'pre-commit' || context.hooks.ours['pre-commit']
      ? await import('./pre-commit-checks.js')
      : undefined;
  // pre-commit's driver and hooks run the framework's own node, not one a GUI client must find (GA312).
  const [setup, machine] =
    hooks === 'pre-commit' && preCommit !== undefined
      ? [await preCommit.preCommitSetupFindings(context), []]
      : [await setupFindings(context), nodeFindings()];
  const both = preCommit?.bothSetUpFindings(context) ?? [];
  const heads =
    context.config === undefined
      ? []
      : await headsFileFindings(
          context.histories,
          context.project.topLevel,
          context.config,
          context.project.env,
        );
  return { hooks, findings: [...context.readFindings, ...both, ...setup, ...heads, ...machine] };
}

/** Whether an executable named `node` is in one of `directories`. */
export function nodeInDirectories(directories: readonly string[]): boolean {
  return directories.some((directory) => existsSync(path.join(directory, 'node')));
}

// GA300 alone when nothing of setup is there; otherwise each missing piece.
async function setupFindings(context: DoctorContext): Promise<Finding[]> {
  const findings = [
    ...driverFindings(context),
    ...(await attributeFindings(context)),
    ...huskyFindings(context),
    ...blockFindings(context),
    ...(await lineEndingFindings(context)),
    ...(await hiddenHookFindings(context)),
  ];
  const count = (id: Finding['id']): number => findings.filter((entry) => entry.id === id).length;
  const nothing =
    context.driver.driver === undefined &&
    count('GA306') === OUR_HOOKS.length &&
    count('GA304') === context.headsFiles.length;
  return nothing
    ? [finding('GA300', DoctorMessages.NOT_SET_UP, DoctorMessages.SETUP_FIX)]
    : findings;
}

// GA312 (a warning): hooks and the driver need node, and GUI clients often have a short PATH.
function nodeFindings(): Finding[] {
  if (process.platform === 'win32' || nodeInDirectories(GUI_PATH)) return [];
  return [
    {
      ...finding('GA312', DoctorMessages.nodeNotOnGuiPath(GUI_PATH), DoctorMessages.GUI_NODE_FIX),
      severity: 'warning',
    },
  ];
}
