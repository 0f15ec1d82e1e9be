// The reader has two paths: a fast one for the common shape of revision files, and the precise
// one (tokenizer, binding collector, evaluator) for everything else. These tests hold them to
// the same answer: on thousands of generated and adversarial files, readRevisionFile (fast path
// first) gives exactly what the precise reader gives, value or error (message, line, hint).
import test from 'ava';

import { InputError } from '../../../src/errors.js';
import { readRevisionFile } from '../../../src/core/revision-file/read-revision-file.js';
import { readRevisionFilePrecisely } from '../../../src/core/revision-file/revision-file.js';
import type { ConstantValue } from '../../../src/core/revision.js';
import { pick } from '../../helpers/random.js';
import {
  BODY_SNIPPETS,
  MODULE_SNIPPETS,
  insertSnippet,
  mutateCharacters,
  randomBalancedBody,
  randomTokenSoup,
} from '../../helpers/revision-mutations.js';
import {
  type RevisionSpec,
  renderRevisionSource,
  seededRandom,
} from '../../helpers/revision-syntax.js';

const encoder = new TextEncoder();
const NO_CONSTANTS = new Map<string, ConstantValue>();

function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.message, line: error.location.line, hint: error.hint };
  }
}

/** Both readers' outcomes for one source. */
function bothOutcomes(
  source: string,
  constants: ReadonlyMap<string, ConstantValue> = NO_CONSTANTS,
): [unknown, unknown] {
  const input = {
    fileName: 'a1b2c3.py',
    displayPath: 'versions/a1b2c3.py',
    bytes: encoder.encode(source),
  };
  return [
    outcome(() => readRevisionFile(input, { constants })),
    outcome(() => readRevisionFilePrecisely(input, { constants })),
  ];
}

function randomId(random: () => number): string {
  return random() < 0.8
    ? Math.floor(random() * 2 ** 48)
        .toString(16)
        .padStart(12, '0')
    : pick(random, ['kilo', 'Iab12cd34ef5', 'a_very_long_revision_identifier_1']);
}

function randomSpec(random: () => number): RevisionSpec {
  const id = randomId(random);
  const parents = Math.floor(random() * 3);
  return {
    id,
    downRevisions: Array.from({ length: parents }, (_, index) => `${randomId(random)}${index}`),
    dependencies: random() < 0.2 ? [randomId(random)] : [],
    branchLabels: random() < 0.2 ? [pick(random, ['expand', 'contract'])] : [],
  };
}

test('generated files read the same through both paths', (t) => {
  const random = seededRandom(41);
  for (let index = 0; index < 1500; index++) {
    const source = renderRevisionSource(randomSpec(random), random);
    const [combined, precise] = bothOutcomes(source);
    t.deepEqual(combined, precise, source);
  }
});

test('inserted snippets (strings hiding code, blocks, f-strings, bad syntax) read the same through both paths', (t) => {
  const random = seededRandom(42);
  for (let index = 0; index < 3000; index++) {
    const base = renderRevisionSource(randomSpec(random), random)
      .replaceAll('\r\n', '\n')
      .replaceAll('\r', '\n');
    const inBody = random() < 0.4;
    const snippet = pick(random, inBody ? BODY_SNIPPETS : MODULE_SNIPPETS);
    const source = insertSnippet(base, snippet, inBody ? pick(random, ['    ', '\t']) : '', random);
    const [combined, precise] = bothOutcomes(source);
    t.deepEqual(combined, precise, source);
  }
});

test('random character edits read the same through both paths', (t) => {
  const random = seededRandom(43);
  for (let index = 0; index < 4000; index++) {
    const source = mutateCharacters(renderRevisionSource(randomSpec(random), random), random);
    const [combined, precise] = bothOutcomes(source);
    t.deepEqual(combined, precise, source);
  }
});

const TAILS = [
  '',
  '\ndef downgrade():\n    pass\n',
  '\nrevision = "late"\n',
  'down_revision = ("p",)\n',
  '\n    )\n',
];

test('function bodies with deep, multi-line brackets and strings read the same through both paths', (t) => {
  const random = seededRandom(44);
  for (let index = 0; index < 3000; index++) {
    const body = random() < 0.5 ? randomBalancedBody(random) : randomTokenSoup(random);
    const source = `"""doc"""\nrevision = 'abc'\ndown_revision = None\n\ndef upgrade():\n${body}${pick(random, TAILS)}`;
    const [combined, precise] = bothOutcomes(source);
    t.deepEqual(combined, precise, source);
  }
});

test('constants that name literal text are honoured on both paths', (t) => {
  const sources = [
    "revision = 'abc'\ndown_revision = None\n",
    "revision = 'abc'\ndown_revision = ('p1', 'p2')\n",
    "revision = 'abc'\ndown_revision = 'p1', ('p2')\n",
    "revision = 'abc'\ndown_revision = [('p1')]\n",
    "revision = 'abc'\ndown_revision = ('p1' 'p2')\n",
  ];
  const tables: Array<Record<string, ConstantValue>> = [
    { "'abc'": 'zzz' },
    { None: 'base' },
    { "('p1','p2')": ['x'] },
    { "'p1','p2'": null },
    { "'p1'": 'q1' },
    { "('p1''p2')": 'joined' },
    { "'p1''p2'": 'inner' },
    { unrelated: 'x' },
  ];
  for (const source of sources) {
    for (const table of tables) {
      const [combined, precise] = bothOutcomes(source, new Map(Object.entries(table)));
      t.deepEqual(combined, precise, `${source} with ${JSON.stringify(table)}`);
    }
  }
});
