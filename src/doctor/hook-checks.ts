// husky and our hooks: husky active (core.hooksPath at its `_`, the runtime there), our blocks
// present and current, and linked worktrees, where husky's gitignored runtime is missing so no
// hook runs. The hooks husky hides: hidden-hook-checks.ts.
import path from 'node:path';

import { findHookBlock } from '../core/edits/hook-block.js';
import type { Finding } from '../core/findings.js';
import { chainLinesIn, OUR_HOOKS } from '../core/setup/hook-block-body.js';
import { huskyHooksPath, huskyRuntimePresent } from '../husky/husky.js';
import { readTextIfExists } from '../fs/atomic-write.js';
import { DoctorMessages } from '../messages/git-integration.js';
import { expectedBlockBody } from '../setup/hook-files-step.js';
import { pointsAtHusky } from '../setup/husky-step.js';
import type { DoctorContext } from './doctor-context.js';
import { finding } from './driver-checks.js';

/** GA305 or GA311: whether husky's hooks run in this work tree. */
export function huskyFindings(context: DoctorContext): Finding[] {
  const { project, huskyDirectory } = context;
  const { hooksPath } = context.hooks;
  const expected = huskyHooksPath(huskyDirectory);
  if (!pointsAtHusky(hooksPath, huskyDirectory, project.topLevel)) {
    return [
      finding(
        'GA305',
        DoctorMessages.huskyInactive(hooksPath, expected),
        DoctorMessages.huskyFix(project.packageRelative, huskyDirectory),
      ),
    ];
  }
  if (huskyRuntimePresent(project.topLevel, huskyDirectory)) return [];
  if (project.linkedWorktree)
    return [
      finding(
        'GA311',
        DoctorMessages.worktreeWithoutHusky(expected),
        DoctorMessages.worktreeFix(huskyDirectory),
      ),
    ];
  return [
    finding(
      'GA305',
      DoctorMessages.huskyRuntimeMissing(expected),
      DoctorMessages.huskyFix(project.packageRelative, huskyDirectory),
    ),
  ];
}

/** GA306 (block missing) and GA307 (block differs from what this version writes). */
export function blockFindings(context: DoctorContext): Finding[] {
  return OUR_HOOKS.flatMap((hook): Finding[] => {
    const relative = `${context.huskyDirectory}/${hook}`;
    const text = readTextIfExists(path.join(context.project.topLevel, ...relative.split('/')));
    const block = text === undefined ? undefined : findHookBlock(text, relative);
    if (block === undefined)
      return [
        {
          ...finding('GA306', DoctorMessages.blockMissing(relative), DoctorMessages.SETUP_FIX),
          locations: [{ file: relative }],
        },
      ];
    const expected = expectedBlockBody(
      hook,
      context.project.packageRelative,
      chainLinesIn(block.body),
    );
    if (block.body === expected) return [];
    return [
      {
        ...finding('GA307', DoctorMessages.blockOutdated(relative), DoctorMessages.SETUP_FIX),
        locations: [{ file: relative }],
        severity: 'warning',
      },
    ];
  });
}
