// Differential test: every file the reader accepts reads the same under real Alembic (which
// imports it), and every file marked `alembicFails` makes Alembic fail as well.
import { execFileSync } from 'node:child_process';
import test from 'ava';

import { oracleTest } from '../../helpers/python.js';
import { readWithAlembic } from '../../helpers/revision-oracle.js';
import { VALID_CASES } from './revision-file-cases.js';
import {
  BINDING_ERROR_CASES,
  CONFLICT_MARKER_CASES,
  SYNTAX_ERROR_CASES,
  VALUE_ERROR_CASES,
} from './revision-file-error-cases.js';

const DEFAULT_FILE_NAME = '0001_case.py';

function supportsPep701(python: string): boolean {
  return (
    execFileSync(python, ['-c', 'import sys; print(sys.version_info >= (3, 12))'], {
      encoding: 'utf8',
    }).trim() === 'True'
  );
}

oracleTest(test, 'Alembic reads every accepted case to the expected values', async (t, python) => {
  const pep701 = supportsPep701(python);
  const cases = VALID_CASES.filter(
    (validCase) =>
      validCase.constants === undefined && (pep701 || validCase.requiresPython312 !== true),
  );
  const answers = await readWithAlembic(
    t,
    python,
    cases.map((validCase) => ({
      fileName: validCase.fileName ?? DEFAULT_FILE_NAME,
      source: validCase.source,
    })),
  );
  cases.forEach((validCase, index) => {
    const { id, downRevisions, dependencies, branchLabels, doc } = validCase.expected;
    t.deepEqual(
      answers[index],
      { id, downRevisions, dependencies, branchLabels, doc: doc ?? '' },
      validCase.title,
    );
  });
});

oracleTest(test, 'Alembic fails too on every case marked alembicFails', async (t, python) => {
  const cases = [
    ...VALUE_ERROR_CASES,
    ...BINDING_ERROR_CASES,
    ...SYNTAX_ERROR_CASES,
    ...CONFLICT_MARKER_CASES,
  ].filter((errorCase) => errorCase.alembicFails === true);
  const answers = await readWithAlembic(
    t,
    python,
    cases.map((errorCase) => ({
      fileName: errorCase.fileName ?? DEFAULT_FILE_NAME,
      source: errorCase.source,
    })),
  );
  cases.forEach((errorCase, index) => {
    t.true(
      answers[index] !== undefined && 'error' in answers[index],
      `${errorCase.title}: ${JSON.stringify(answers[index])}`,
    );
  });
});
