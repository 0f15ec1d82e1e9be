// Small presentation helpers shared by the commands.
import { relative, sep } from 'node:path';

import type { AlembicEnvironment } from '../alembic/environment.js';

/** The environment's config file relative to the repository, with forward slashes. */
export function relativeConfigPath(environment: AlembicEnvironment, repoRoot: string): string {
  return relative(repoRoot, environment.configFile).split(sep).join('/') || environment.configFile;
}

/** The heading printed above an environment's lines when there are several. */
export function environmentHeader(environment: AlembicEnvironment, repoRoot: string): string {
  const config = relativeConfigPath(environment, repoRoot);
  return environment.name === config ? `${config}:` : `${environment.name} (${config}):`;
}
