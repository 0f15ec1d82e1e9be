// Both halves of the merge driver: its definition in the git config (never cloned) and the
// `.gitattributes` line that gives each heads file the driver (committed), plus the binary the
// driver command runs.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_DRIVER_NAME } from '../core/edits/gitattributes.js';
import type { Finding } from '../core/findings.js';
import { driverCommand, localBinary } from '../core/setup/driver-command.js';
import { checkAttribute } from '../git/repository.js';
import { DoctorMessages } from '../messages/git-integration.js';
import type { DoctorContext } from './doctor-context.js';

/** GA301, GA302, GA303. */
export function driverFindings(context: DoctorContext): Finding[] {
  const { driver, project } = context;
  const expected = driverCommand(project.packageRelative);
  const binary = localBinary(project.packageRelative);
  const findings: Finding[] = [];
  if (driver.driver === undefined)
    findings.push(finding('GA301', DoctorMessages.DRIVER_MISSING, DoctorMessages.DRIVER_FIX));
  else if (driver.driver !== expected)
    findings.push({
      ...finding(
        'GA302',
        DoctorMessages.driverDiffers(driver.driver, expected),
        DoctorMessages.DRIVER_FIX,
      ),
      severity: 'warning',
    });
  if (!existsSync(path.join(project.topLevel, ...binary.split('/')))) {
    findings.push(
      finding(
        'GA303',
        DoctorMessages.binaryMissing(binary),
        DoctorMessages.installFix(project.packageRelative),
      ),
    );
  }
  return findings;
}

/** GA304 for each heads file inside the repository that git does not give our driver. */
export async function attributeFindings(context: DoctorContext): Promise<Finding[]> {
  const paths = context.headsFiles
    .map((state) => state.relative)
    .filter((relative) => !path.isAbsolute(relative));
  const values = await checkAttribute(context.project.git, 'merge', paths);
  return paths
    .filter((relative) => values.get(relative) !== DEFAULT_DRIVER_NAME)
    .map((relative) => ({
      ...finding(
        'GA304',
        DoctorMessages.attributeMissing(relative, values.get(relative)),
        DoctorMessages.SETUP_FIX,
      ),
      locations: [{ file: '.gitattributes' }],
    }));
}

/** A repository-level finding (no environment, no location). */
export function finding(id: Finding['id'], message: string, hint: string): Finding {
  return { id, environment: '', message, hint, locations: [] };
}
