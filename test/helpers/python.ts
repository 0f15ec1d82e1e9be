// Finds a Python that can import Alembic (and Mako), the oracle for differential tests.
// Debian's python3-alembic lives in /usr/bin/python3's dist-packages, which a pyenv or
// virtualenv python3 earlier on PATH does not see, so /usr/bin/python3 is tried first.
// GIT_ALEMBIC_ORACLE_PYTHON names another one. (GIT_ALEMBIC_PYTHON is the product's own
// variable: the tests run with it set to 0, so the Mako fallback stays off unless a test turns it on.)
import { execFileSync, spawnSync } from 'node:child_process';
import type { ExecutionContext, TestFn } from 'ava';

const CANDIDATES = [process.env['GIT_ALEMBIC_ORACLE_PYTHON'], '/usr/bin/python3', 'python3'].filter(
  (candidate): candidate is string => Boolean(candidate),
);

let cached: { python: string; alembicVersion: string } | null | undefined;

/** The oracle interpreter and its Alembic version, or null when none is installed. */
export function findAlembicPython(): { python: string; alembicVersion: string } | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', 'import alembic, mako; print(alembic.__version__)'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) {
      cached = { python, alembicVersion: probe.stdout.trim() };
      break;
    }
  }
  return cached;
}

const ENABLE_HINT =
  'Alembic oracle tests skipped: install Alembic for /usr/bin/python3 (apt-get install python3-alembic) ' +
  'or point GIT_ALEMBIC_ORACLE_PYTHON at a python that has it; CI sets GIT_ALEMBIC_REQUIRE_ORACLE=1 to make them mandatory.';
let hintPrinted = false;

/**
 * Declares a test that needs the Python oracle. Without Alembic it is skipped with one line
 * saying how to enable it, unless GIT_ALEMBIC_REQUIRE_ORACLE=1 (CI), where it fails instead.
 */
export function oracleTest(
  test: TestFn,
  title: string,
  implementation: (t: ExecutionContext, python: string) => Promise<void> | void,
): void {
  const found = findAlembicPython();
  if (found) {
    test(title, (t) => implementation(t, found.python));
    return;
  }
  if (process.env['GIT_ALEMBIC_REQUIRE_ORACLE'] === '1') {
    test(title, (t) => {
      t.fail('GIT_ALEMBIC_REQUIRE_ORACLE=1 but no python3 with alembic and mako was found');
    });
    return;
  }
  if (!hintPrinted) {
    hintPrinted = true;
    console.log(ENABLE_HINT);
  }
  test.skip(title, () => {});
}

/** Runs a Python script file with arguments and returns its stdout (throws on failure). */
export function runPython(
  python: string,
  script: string,
  args: readonly string[],
  input?: string,
): string {
  return execFileSync(python, [script, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' },
    maxBuffer: 256 * 1024 * 1024,
  });
}
