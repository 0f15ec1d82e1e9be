// Differential test of head symbols: `heads`, `head`, `<x>@heads`, `<x>@head` (x a label, an
// id, a prefix of either, or unknown) resolved by our graph and by Alembic's
// RevisionMap.get_revisions on seeded random histories, in one Python process.
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { MultipleHeadsError, UnknownRevisionError } from '../../../src/core/graph/graph-errors.js';
import { buildRevisionGraph, type RevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { oracleTest, runPython } from '../../helpers/python.js';
import { pick, seededRandom } from '../../helpers/random.js';
import { toRevisions } from './revision-graph-cases.js';
import { randomGraph, type RevisionSpec } from './revision-graph-random.js';

const ORACLE = fileURLToPath(new URL('../../oracle/revision_map_oracle.py', import.meta.url));

type Resolution = { ok: string[] } | { error: string; message?: string };

function symbolsFor(random: () => number, spec: readonly RevisionSpec[]): string[] {
  const symbols = ['heads', 'head', '@heads', '@head', 'zzzz@heads', 'zz@head'];
  for (const label of spec.flatMap((revision) => revision.branch_labels))
    symbols.push(`${label}@heads`, `${label}@head`, `${label.slice(0, 4)}@heads`);
  for (let count = 0; count < 3; count++) {
    const { id } = pick(random, spec);
    symbols.push(
      `${id}@heads`,
      `${id}@head`,
      `${id.slice(0, 4)}@heads`,
      `${id.slice(0, 2)}@heads`,
      `${id.slice(0, 5)}@head`,
    );
  }
  return [...new Set(symbols)];
}

function ours(graph: RevisionGraph, symbol: string): Resolution {
  try {
    return { ok: [...graph.resolveHeadSymbol(symbol)] };
  } catch (error) {
    if (error instanceof MultipleHeadsError)
      return { error: 'MultipleHeads', message: error.heads.join(', ') };
    if (error instanceof UnknownRevisionError) return { error: 'ResolutionError' };
    throw error;
  }
}

// Alembic's MultipleHeads message ends with the heads it found; compare those, not the wording.
function normalise(resolution: Resolution): Resolution {
  if (!('error' in resolution)) return resolution;
  if (resolution.error === 'MultipleHeads')
    return {
      error: 'MultipleHeads',
      message: /; ([^;]*)$/.exec(resolution.message ?? '')?.[1] ?? '',
    };
  return { error: resolution.error };
}

oracleTest(test, 'head symbols resolve as Alembic resolves them', (t, python) => {
  const random = seededRandom(0xbead);
  const requests = Array.from({ length: 150 }, () => {
    const revisions = randomGraph(random, 1 + Math.floor(random() * 25));
    return { revisions, symbols: symbolsFor(random, revisions) };
  });
  const output = runPython(
    python,
    ORACLE,
    [],
    requests.map((request) => `${JSON.stringify(request)}\n`).join(''),
  );
  const answers = output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { symbols?: Record<string, Resolution> });
  const failures: string[] = [];
  const outcomes = new Map<string, number>();
  requests.forEach((request, index) => {
    const graph = buildRevisionGraph(toRevisions(request.revisions));
    const expected = answers[index]?.symbols ?? {};
    for (const symbol of request.symbols) {
      const alembic = normalise(expected[symbol] ?? { error: 'missing' });
      const mine = ours(graph, symbol);
      const kind = 'error' in alembic ? alembic.error : 'ok';
      outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      if (JSON.stringify(mine) !== JSON.stringify(alembic))
        failures.push(
          `${symbol}: Alembic ${JSON.stringify(alembic)}, ours ${JSON.stringify(mine)} in ${JSON.stringify(request.revisions)}`,
        );
    }
  });
  t.log(JSON.stringify(Object.fromEntries(outcomes)));
  t.deepEqual(failures.slice(0, 5), []);
  t.true(
    (outcomes.get('ok') ?? 0) > 300 &&
      (outcomes.get('MultipleHeads') ?? 0) > 50 &&
      (outcomes.get('ResolutionError') ?? 0) > 150,
  );
});
