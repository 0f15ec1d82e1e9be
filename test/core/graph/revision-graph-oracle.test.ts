// Differential test: our revision graph against Alembic's own RevisionMap, on the hand-written
// cases and on hundreds of seeded random histories (valid and deliberately broken), all sent to
// one Python process. Heads, real heads, bases and real bases must agree in order; propagated
// labels revision by revision; and we must fail exactly where Alembic fails, with the matching
// kind of error. We may fail where Alembic does not only on a genuine cycle it misses.
import { fileURLToPath } from 'node:url';
import test from 'ava';

import {
  RevisionCycleError,
  SelfReferenceError,
  UnknownReferenceError,
} from '../../../src/core/graph/graph-errors.js';
import { divergences } from '../../../src/core/graph/divergences.js';
import { buildRevisionGraph, type RevisionGraph } from '../../../src/core/graph/revision-graph.js';
import { oracleTest, runPython } from '../../helpers/python.js';
import { seededRandom } from '../../helpers/random.js';
import {
  matchesAlembicError,
  type OracleAnswer,
  type OracleMap,
  sameMap,
} from './revision-graph-oracle-match.js';
import { GRAPH_CASES, rev, toRevisions } from './revision-graph-cases.js';
import {
  breakGraph,
  hasCycle,
  MUTATIONS,
  randomGraph,
  type RevisionSpec,
} from './revision-graph-random.js';

const ORACLE = fileURLToPath(new URL('../../oracle/revision_map_oracle.py', import.meta.url));

interface Case {
  readonly title: string;
  readonly spec: readonly RevisionSpec[];
}

function cases(): Case[] {
  const random = seededRandom(0x5eed_a1e);
  const all: Case[] = GRAPH_CASES.map(({ title, revisions }) => ({ title, spec: revisions }));
  for (let index = 0; index < 340; index++)
    all.push({
      title: `random #${index}`,
      spec: randomGraph(random, 1 + Math.floor(random() * 30)),
    });
  for (let index = 0; index < 20; index++)
    all.push({
      title: `large #${index}`,
      spec: randomGraph(random, 60 + Math.floor(random() * 140)),
    });
  for (const mutation of MUTATIONS) {
    for (let index = 0; index < 15; index++) {
      const spec = breakGraph(random, randomGraph(random, 2 + Math.floor(random() * 20)), mutation);
      all.push({ title: `${mutation} #${index}`, spec });
    }
  }
  return all;
}

function ours(spec: readonly RevisionSpec[]): { graph: RevisionGraph } | { error: unknown } {
  try {
    return { graph: buildRevisionGraph(toRevisions(spec)) };
  } catch (error) {
    return { error };
  }
}

function asOracleMap(graph: RevisionGraph): OracleMap {
  const labels = Object.fromEntries(
    graph.revisions.map((revision) => [revision.id, [...graph.branchLabelsOf(revision.id)]]),
  );
  return {
    heads: [...graph.heads],
    real_heads: [...graph.realHeads],
    bases: [...graph.bases],
    real_bases: [...graph.realBases],
    labels,
  };
}

// Alembic 1.8.1 checks reachability, not acyclicity; these are the only extra failures allowed.
function stricterThanAlembic(spec: readonly RevisionSpec[], error: unknown): boolean {
  if (error instanceof SelfReferenceError) return error.label !== undefined;
  return (
    error instanceof RevisionCycleError &&
    error.alembicRevisions.length === 0 &&
    hasCycle(spec, error.kind === 'depends_on')
  );
}

function disagreement(
  testCase: Case,
  alembic: OracleAnswer,
  result: ReturnType<typeof ours>,
): string | undefined {
  if ('graph' in result) {
    if ('error' in alembic)
      return `Alembic fails (${alembic.error}: ${alembic.message}) but we built the graph`;
    const mine = asOracleMap(result.graph);
    return sameMap(mine, alembic)
      ? undefined
      : `Alembic ${JSON.stringify(alembic)}\n   ours ${JSON.stringify(mine)}`;
  }
  const { error } = result;
  if (!('error' in alembic))
    return stricterThanAlembic(testCase.spec, error)
      ? undefined
      : `Alembic builds the map, we threw ${String(error)}`;
  return matchesAlembicError(testCase.spec, alembic, error)
    ? undefined
    : `Alembic ${alembic.error}: ${alembic.message}\n   ours ${String(error)}`;
}

oracleTest(
  test,
  'the graph agrees with Alembic RevisionMap on hand-written and 500+ random histories',
  (t, python) => {
    const all = cases();
    const output = runPython(
      python,
      ORACLE,
      [],
      all.map((testCase) => `${JSON.stringify(testCase.spec)}\n`).join(''),
    );
    const answers = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as OracleAnswer);
    t.is(answers.length, all.length);
    const failures: string[] = [];
    const seen = {
      built: 0,
      failed: 0,
      stricter: 0,
      walkedBack: 0,
      effectiveHeads: 0,
      diverged: 0,
      multipleBases: 0,
    };
    all.forEach((testCase, index) => {
      const alembic = answers[index] as OracleAnswer;
      const result = ours(testCase.spec);
      const problem = disagreement(testCase, alembic, result);
      if (problem !== undefined)
        failures.push(`${testCase.title}: ${problem}\n   input ${JSON.stringify(testCase.spec)}`);
      if ('error' in alembic) seen.failed++;
      else if ('error' in result) seen.stricter++;
      if ('graph' in result) countShapes(result.graph, seen);
    });
    t.log(`${all.length} histories: ${JSON.stringify(seen)}`);
    t.deepEqual(failures.slice(0, 5), []);
    // The generator must keep producing the shapes this test exists for.
    t.true(
      seen.built >= 300 &&
        seen.failed >= 150 &&
        seen.walkedBack >= 20 &&
        seen.effectiveHeads >= 20 &&
        seen.diverged >= 50 &&
        seen.multipleBases >= 50,
    );
  },
);

oracleTest(
  test,
  'a duplicate id: Alembic lists the head twice, we refuse and name both files',
  (t, python) => {
    const spec = [rev('a'), rev('b', 'a'), rev('b', 'a')];
    const alembic = JSON.parse(
      runPython(python, ORACLE, [], `${JSON.stringify(spec)}\n`),
    ) as OracleAnswer;
    t.deepEqual('heads' in alembic ? alembic.heads : alembic, ['b', 'b']);
    const result = ours(spec);
    t.true('error' in result && String(result.error).includes('versions/b.py:10'));
  },
);

oracleTest(
  test,
  'a label in down_revision: Alembic fails one way or another, we name the label',
  (t, python) => {
    const spec = [rev('a', [], { labels: ['x'] }), rev('b', 'x')];
    const alembic = JSON.parse(
      runPython(python, ORACLE, [], `${JSON.stringify(spec)}\n`),
    ) as OracleAnswer;
    t.true('error' in alembic);
    const result = ours(spec);
    t.true(
      'error' in result &&
        result.error instanceof UnknownReferenceError &&
        result.error.guess.kind === 'label',
    );
  },
);

function countShapes(
  graph: RevisionGraph,
  seen: Record<'built' | 'walkedBack' | 'effectiveHeads' | 'diverged' | 'multipleBases', number>,
): void {
  seen.built++;
  if (graph.heads.length > graph.realHeads.length) seen.effectiveHeads++;
  if (divergences(graph).length > 0) seen.diverged++;
  if (graph.bases.length > 1) seen.multipleBases++;
  const labelledAbove = graph.revisions.some(
    (revision) =>
      revision.branchLabels.length === 0 &&
      graph.branchLabelsOf(revision.id).length > 0 &&
      !hasLabelledAncestor(graph, revision.id),
  );
  if (labelledAbove) seen.walkedBack++;
}

// True when some ancestor (or the revision itself) declares a label: the plain inheritance case.
function hasLabelledAncestor(graph: RevisionGraph, id: string): boolean {
  const todo = [id];
  const seen = new Set(todo);
  while (todo.length > 0) {
    const revision = graph.get(todo.pop() as string);
    if (revision === undefined) continue;
    if (revision.branchLabels.length > 0) return true;
    for (const parent of revision.downRevisions)
      if (!seen.has(parent) && seen.add(parent)) todo.push(parent);
  }
  return false;
}
