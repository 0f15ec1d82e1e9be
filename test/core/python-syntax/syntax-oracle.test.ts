// The complete syntax check against CPython's compile(): the same verdict on every source of a
// corpus (hand-written cases, generated revision files, and those files mutated at random), and
// the same error line on nearly all of them. Python 3.11's grammar is the oracle's; syntax of
// later Pythons is accepted on purpose and checked to be exactly the listed cases.
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { checkPythonSyntax } from '../../../src/core/python-syntax/check-syntax.js';
import { lineAt } from '../../../src/core/revision-file/python-syntax-error.js';
import { oracleTest, runPython } from '../../helpers/python.js';
import { renderRevisionSource, seededRandom } from '../../helpers/revision-syntax.js';
import { NEWER_PYTHON_SYNTAX, SYNTAX_CORPUS } from './syntax-corpus.js';

const ORACLE = fileURLToPath(new URL('../../oracle/syntax_oracle.py', import.meta.url));
type Verdict = [number, string] | null;

function ours(source: string): Verdict {
  try {
    checkPythonSyntax(source);
    return null;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'PythonSyntaxError') throw error;
    return [lineAt(source, (error as Error & { offset: number }).offset), error.message];
  }
}

// Tokens and edits that make (or keep) a file valid or not: each mutation is one of them.
const INSERTIONS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  ':',
  '=',
  ',',
  '.',
  '*',
  '**',
  '@',
  'if ',
  ' else ',
  'for ',
  ' in ',
  'not ',
  'lambda',
  'yield ',
  'return ',
  'break',
  'await ',
  'def ',
  'x',
  '1',
  '0b2',
  '08',
  "b'x'",
  'f"{}"',
  '\t',
  '\n',
  '    ',
  '\\',
  '#',
  ';',
  ':=',
  '+=',
  'None',
  'del ',
  'nonlocal x',
  '...',
];

function mutate(source: string, random: () => number): string {
  const at = Math.floor(random() * source.length);
  const choice = random();
  if (choice < 0.3) return source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 3));
  if (choice < 0.8)
    return (
      source.slice(0, at) +
      (INSERTIONS[Math.floor(random() * INSERTIONS.length)] ?? '') +
      source.slice(at)
    );
  const lines = source.split('\n');
  const line = Math.floor(random() * lines.length);
  lines[line] = ' '.repeat(Math.floor(random() * 9)) + (lines[line] ?? '').trimStart();
  return lines.join('\n');
}

function corpus(): string[] {
  const random = seededRandom(20_261_207);
  const sources = [...SYNTAX_CORPUS];
  for (let index = 0; index < 150; index++) {
    const spec = {
      id: `r${index}`,
      downRevisions: index % 5 === 0 ? [] : [`r${index - 1}`],
      dependencies: [],
      branchLabels: [],
    };
    const file = renderRevisionSource(spec, random)
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n');
    sources.push(file);
    for (let count = 0; count < 6; count++) sources.push(mutate(file, random));
  }
  return sources;
}

oracleTest(
  test,
  'the same verdict as CPython on every source, and the same line on nearly all',
  (t, python) => {
    const sources = corpus();
    const theirs = JSON.parse(runPython(python, ORACLE, [], JSON.stringify(sources))) as Verdict[];
    let sameLine = 0;
    let errors = 0;
    sources.forEach((source, index) => {
      const mine = ours(source);
      const expected = theirs[index] ?? null;
      t.is(
        mine === null,
        expected === null,
        `${JSON.stringify(source.slice(0, 400))}\nours: ${JSON.stringify(mine)}\nPython: ${JSON.stringify(expected)}`,
      );
      if (mine !== null && expected !== null) {
        errors++;
        if (mine[0] === expected[0]) sameLine++;
      }
    });
    t.true(errors > 400, `${errors} invalid sources in the corpus`);
    t.true(sameLine >= errors * 0.98, `same line on ${sameLine} of ${errors}`);
  },
);

oracleTest(
  test,
  'syntax of Pythons after 3.11 is accepted; Python 3.11 refuses exactly these',
  (t, python) => {
    const theirs = JSON.parse(
      runPython(python, ORACLE, [], JSON.stringify(NEWER_PYTHON_SYNTAX)),
    ) as Verdict[];
    for (const [index, source] of NEWER_PYTHON_SYNTAX.entries()) {
      t.is(ours(source), null, source);
      t.not(theirs[index], null, source);
    }
  },
);
