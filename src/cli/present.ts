// Small presentation helpers shared by the commands.
import { relative, sep } from 'node:path';

import type { AlembicEnvironment } from '../alembic/environment.js';
import type { Finding } from '../core/findings.js';
import { formatLocation } from '../errors.js';
import type { Printer } from './output.js';

/** The environment's config file relative to the repository, with forward slashes. */
export function relativeConfigPath(environment: AlembicEnvironment, repoRoot: string): string {
  return relative(repoRoot, environment.configFile).split(sep).join('/') || environment.configFile;
}

/** The heading printed above an environment's lines when there are several. */
export function environmentHeader(environment: AlembicEnvironment, repoRoot: string): string {
  const config = relativeConfigPath(environment, repoRoot);
  return environment.name === config ? `${config}:` : `${environment.name} (${config}):`;
}

/** A finding as one line for a warning: `<ID> <environment>: <message> (hint: <hint>)`. */
export function findingWarning(finding: Finding): string {
  const scope = finding.environment === '' ? '' : ` ${finding.environment}:`;
  return `${finding.id}${scope} ${finding.message} (hint: ${finding.hint})`;
}

/**
 * A finding as text: `<ID>[ (warning)] <environment>: <message>`, its locations, then its hint
 * under `label` (`check` says hint, `doctor` says fix). On a terminal the ID is red, or yellow
 * for a warning, and the label dim; piped, the text is plain.
 */
export function findingLines(finding: Finding, out: Printer, label: 'hint' | 'fix'): string[] {
  const warning = finding.severity === 'warning';
  const id = out.style(finding.id, warning ? 'yellow' : 'red');
  const scope = finding.environment === '' ? '' : ` ${finding.environment}:`;
  return [
    `${id}${warning ? ' (warning)' : ''}${scope} ${finding.message}`,
    ...finding.locations.map((location) => `  ${formatLocation(location)}`),
    `  ${out.style(`${label}:`, 'dim')} ${finding.hint}`,
  ];
}
