// Round trip of generated revision files: whatever mix of syntax the helper writes, the reader
// gets the spec back, and real Alembic (importing the same bytes) agrees with the reader.
import test from 'ava';

import { readRevisionFile } from '../../../src/core/revision-file/read-revision-file.js';
import { oracleTest } from '../../helpers/python.js';
import { pick } from '../../helpers/random.js';
import {
  type RevisionSpec,
  renderRevisionSource,
  seededRandom,
} from '../../helpers/revision-syntax.js';
import { readWithAlembic } from '../../helpers/revision-oracle.js';

const IDS = [
  '1a2b3c4d5e6f',
  'ae1027a6acf',
  'kilo',
  'Iab12cd34ef5',
  '3k5m7pqrstu1',
  "it's",
  'back\\slash',
  'ñ1',
  'a b',
];
const MESSAGES = [
  'add users',
  'añadir "índice"',
  "it's a \\ path",
  'multi\nline message',
  'ends with a quote"',
  'x"""y',
];

function randomId(random: () => number): string {
  return random() < 0.7
    ? Math.floor(random() * 2 ** 48)
        .toString(16)
        .padStart(12, '0')
    : pick(random, IDS);
}

// `count` different values from `make`, none equal to `excluded` (Alembic refuses self-loops).
function distinct(count: number, make: () => string, excluded = ''): string[] {
  const values = new Set<string>();
  while (values.size < count) {
    const value = make();
    if (value !== excluded) values.add(value);
  }
  return [...values];
}

function randomSpec(random: () => number): RevisionSpec {
  const labels = ['expand', 'contract', 'default', 'feature_x'];
  const id = randomId(random);
  return {
    id,
    downRevisions: distinct(Math.floor(random() * 4), () => randomId(random), id),
    dependencies: distinct(
      Math.floor(random() * 3),
      () => (random() < 0.5 ? randomId(random) : pick(random, labels)),
      id,
    ),
    branchLabels: distinct(Math.floor(random() * 3), () => pick(random, labels)),
    ...(random() < 0.7 ? { message: pick(random, MESSAGES) } : {}),
  };
}

const encoder = new TextEncoder();

function readGenerated(source: string) {
  return readRevisionFile(
    {
      fileName: '0001_generated.py',
      displayPath: 'versions/0001_generated.py',
      bytes: encoder.encode(source),
    },
    { constants: new Map() },
  );
}

test('the reader reads back 400 generated files exactly', (t) => {
  const random = seededRandom(20_240_601);
  for (let index = 0; index < 400; index++) {
    const spec = randomSpec(random);
    const source = renderRevisionSource(spec, random);
    const revision = readGenerated(source);
    const { id, downRevisions, dependencies, branchLabels } = revision;
    t.deepEqual(
      { id, downRevisions, dependencies, branchLabels },
      {
        id: spec.id,
        downRevisions: spec.downRevisions,
        dependencies: spec.dependencies,
        branchLabels: spec.branchLabels,
      },
      source,
    );
  }
});

test('the generator uses every syntax variant it promises', (t) => {
  const random = seededRandom(7);
  const sources = Array.from({ length: 300 }, () =>
    renderRevisionSource(randomSpec(random), random),
  );
  const variants: Record<string, (source: string) => boolean> = {
    crlf: (source) => source.includes('\r\n'),
    bom: (source) => source.startsWith('\ufeff'),
    cookie: (source) => /coding[=:]/.test(source),
    noFinalNewline: (source) => !/[\r\n]$/.test(source),
    annotated: (source) => source.includes('revision: str = '),
    uPrefix: (source) => /[=(,\s][uU]['"]/.test(source),
    implicitConcatenation: (source) => /['"] ['"]/.test(source),
    list: (source) => /down_revision(: [^=]+)? = \[/.test(source),
    oneElementTuple: (source) => /= \([^()]*,\)/.test(source),
    absentBranchLabels: (source) =>
      !source.includes('\nbranch_labels') && !source.includes('\rbranch_labels'),
    staleRevises: (source) => source.includes('Revises: ffffffffffff'),
    upgradeBody: (source) => source.includes('def upgrade()'),
  };
  for (const [name, present] of Object.entries(variants)) t.true(sources.some(present), name);
});

oracleTest(
  test,
  'Alembic imports a sample of generated files to the same values and doc',
  async (t, python) => {
    const random = seededRandom(99);
    const specs = Array.from({ length: 120 }, () => randomSpec(random));
    const sources = specs.map((spec) => renderRevisionSource(spec, random));
    const answers = await readWithAlembic(
      t,
      python,
      sources.map((source) => ({ fileName: '0001_generated.py', source: encoder.encode(source) })),
    );
    sources.forEach((source, index) => {
      const revision = readGenerated(source);
      const ours = {
        id: revision.id,
        downRevisions: revision.downRevisions,
        dependencies: revision.dependencies,
        branchLabels: revision.branchLabels,
        doc: revision.doc ?? '',
      };
      t.deepEqual(answers[index], ours, source);
    });
  },
);
