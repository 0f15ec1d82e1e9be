// The merge driver in pre-commit mode: no hook registers it before the first git-alembic hook
// runs in a clone (GA325), and the binary and node it runs live in the framework's cache, which
// `pre-commit gc` or a new `rev:` removes (GA326). Either way git's fallback leaves conflict
// markers, never a wrong merge; the next git-alembic hook puts it right, which the fix triggers.
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { Finding } from '../core/findings.js';
import { driverCommand, localBinary } from '../core/setup/driver-command.js';
import { frameworkDriverParts } from '../core/setup/framework-driver.js';
import { PreCommitDoctorMessages } from '../messages/pre-commit.js';
import type { DoctorContext } from './doctor-context.js';
import { finding } from './driver-checks.js';

/** GA325 (not registered) and GA326 (it runs a git-alembic or node that is gone). */
export function frameworkDriverFindings(context: DoctorContext): Finding[] {
  const command = context.driver.driver;
  if (command === undefined)
    return [
      finding('GA325', PreCommitDoctorMessages.DRIVER_MISSING, PreCommitDoctorMessages.DRIVER_FIX),
    ];
  const gone = missingPart(command, context.project.topLevel, context.project.packageRelative);
  return gone === undefined
    ? []
    : [
        finding(
          'GA326',
          PreCommitDoctorMessages.driverGone(gone),
          PreCommitDoctorMessages.DRIVER_FIX,
        ),
      ];
}

// What the command runs that is not there: the framework's binary or node, or (a driver husky's
// setup left) the project's node_modules binary. A command of any other shape is not judged.
function missingPart(
  command: string,
  topLevel: string,
  packageRelative: string,
): string | undefined {
  const parts = frameworkDriverParts(command);
  if (parts !== undefined) {
    const node = path.join(parts.nodeDirectory, process.platform === 'win32' ? 'node.exe' : 'node');
    return [parts.binary, node].find((file) => !existsSync(file));
  }
  const binary = localBinary(packageRelative);
  return command === driverCommand(packageRelative) &&
    !existsSync(path.join(topLevel, ...binary.split('/')))
    ? binary
    : undefined;
}
