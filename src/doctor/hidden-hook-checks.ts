// The hooks husky hides (.git/hooks, a global or system core.hooksPath): each must be run by
// the git-alembic block of the husky file of the same name (GA308), be one husky can run at all
// (GA309), and sit where the blocks' runner looks (GA316: a core.hooksPath in a config file the
// runner does not read). The runner itself is asked, so doctor and the hooks cannot disagree.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Finding } from '../core/findings.js';
import type { ChainSource } from '../core/setup/hook-block-body.js';
import { DoctorMessages } from '../messages/git-integration.js';
import { packageFile } from '../fs/package-root.js';
import {
  type HiddenHook,
  hiddenDirectories,
  hiddenHooks,
  runByBlock,
} from '../setup/hidden-hooks.js';
import { pointsAtHusky } from '../setup/husky-step.js';
import { shownPath } from '../fs/write-target.js';
import type { DoctorContext } from './doctor-context.js';
import { finding } from './driver-checks.js';

/** GA308, GA309 and GA316 for the executable hooks husky keeps git from running here. */
export async function hiddenHookFindings(context: DoctorContext): Promise<Finding[]> {
  const { project, huskyDirectory } = context;
  if (!pointsAtHusky(context.hooks.hooksPath, huskyDirectory, project.topLevel)) return [];
  const directories = await hiddenDirectories(project.git, project.commonDir, project.topLevel);
  const hidden = hiddenHooks(
    directories,
    path.join(project.topLevel, ...huskyDirectory.split('/')),
  );
  const unseen =
    hidden.some((found) => found.source.kind === 'config') && !(await runnerReadsConfig(context));
  return hidden.flatMap((found) => hiddenHookFinding(context, found, unseen));
}

function hiddenHookFinding(context: DoctorContext, found: HiddenHook, unseen: boolean): Finding[] {
  const shown = shownPath(found.file, context.project.topLevel);
  const where = placeOf(found.source);
  if (!found.supported)
    return [
      {
        ...finding(
          'GA309',
          DoctorMessages.unsupportedHidden(shown, where),
          DoctorMessages.UNSUPPORTED_FIX,
        ),
        severity: 'warning',
      },
    ];
  const relative = `${context.huskyDirectory}/${found.hook}`;
  if (!runByBlock(context.project.topLevel, context.huskyDirectory, found.hook)) {
    return [
      finding(
        'GA308',
        DoctorMessages.hiddenNotChained(shown, where),
        DoctorMessages.hiddenFix(shown, relative),
      ),
    ];
  }
  if (found.source.kind === 'config' && unseen)
    return [
      finding(
        'GA316',
        DoctorMessages.hooksPathUnseen(shown, where),
        DoctorMessages.hooksPathUnseenFix(found.source.scope),
      ),
    ];
  return [];
}

function placeOf(source: ChainSource): string {
  if (source.kind === 'git-dir') return '.git/hooks';
  if (source.kind === 'config') return DoctorMessages.configHooksPath(source.scope);
  return source.directory;
}

// Runs the blocks' own check (hooks/chain-hidden.sh) with the environment git gives hooks
// (GIT_EXEC_PATH tells it where git keeps the system config).
async function runnerReadsConfig(context: DoctorContext): Promise<boolean> {
  const runner = readFileSync(packageFile('hooks', 'chain-hidden.sh'), 'utf8');
  const execPath = (await context.project.git.run(['--exec-path'])).trim();
  const env = { ...context.project.env, GIT_EXEC_PATH: execPath };
  const result = spawnSync('sh', ['-c', `${runner}\ngit_alembic_config_mentions`], {
    cwd: context.project.topLevel,
    env,
    windowsHide: true,
  });
  return result.status === 0;
}
