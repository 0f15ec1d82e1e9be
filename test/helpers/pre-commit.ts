// The Python pre-commit framework that the tests run for real (Debian's 3.0.4 here and in CI):
// found once, and a test that needs it fails, saying how to install it, where it is missing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ExecutionContext } from 'ava';

/** The pre-commit executable: /usr/bin/pre-commit, else the first on PATH; undefined when none. */
export const PRE_COMMIT: string | undefined = [
  '/usr/bin/pre-commit',
  ...(process.env['PATH'] ?? '')
    .split(path.delimiter)
    .map((directory) => path.join(directory, 'pre-commit')),
].find((file) => existsSync(file));

/** PRE_COMMIT; when it is not installed, fails `t` saying so, and gives undefined. */
export function requirePreCommit(t: ExecutionContext): string | undefined {
  if (PRE_COMMIT === undefined)
    t.fail('the pre-commit framework is not installed (apt-get install pre-commit; .ci/run does)');
  return PRE_COMMIT;
}
