// How the oracle's answers compare with ours: which of our errors stands for which Alembic
// exception, and map equality that does not depend on JavaScript's object key order.
import {
  DuplicateBranchLabelError,
  RevisionCycleError,
  SelfReferenceError,
  UnknownReferenceError,
} from '../../../src/core/graph/graph-errors.js';
import type { RevisionSpec } from './revision-graph-random.js';

/** What the oracle prints for a history Alembic can load. */
export interface OracleMap {
  heads: string[];
  real_heads: string[];
  bases: string[];
  real_bases: string[];
  labels: Record<string, string[]>;
}

/** What the oracle prints for one history. */
export type OracleAnswer = OracleMap | { error: string; message: string; args: string[] };

/** True when both maps list the same sets in the same order and the same labels per revision. */
export function sameMap(left: OracleMap, right: OracleMap): boolean {
  const lists = (map: OracleMap) =>
    JSON.stringify([map.heads, map.real_heads, map.bases, map.real_bases]);
  const labels = (map: OracleMap) =>
    JSON.stringify(Object.entries(map.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return lists(left) === lists(right) && labels(left) === labels(right);
}

/** The ids Alembic names in "… is detected in revisions (a, b)". */
function cycleIds(message: string): string[] {
  const inside = /\(([^)]*)\)$/.exec(message)?.[1] ?? '';
  return inside === '' ? [] : inside.split(', ');
}

// References that name nothing: any of them may be the KeyError Alembic reports first.
function unknownReferences(spec: readonly RevisionSpec[]): Set<string> {
  const ids = new Set(spec.map((revision) => revision.id));
  const labels = new Set(spec.flatMap((revision) => revision.branch_labels));
  const unknown = new Set<string>();
  for (const revision of spec) {
    for (const name of revision.down) if (!ids.has(name)) unknown.add(name);
    for (const name of revision.depends_on)
      if (!ids.has(name) && !labels.has(name)) unknown.add(name);
  }
  return unknown;
}

/** Whether our error is the counterpart of the exception Alembic raised. */
export function matchesAlembicError(
  spec: readonly RevisionSpec[],
  alembic: { error: string; message: string; args: string[] },
  error: unknown,
): boolean {
  // A label where down_revision wants an id: Alembic's failure depends on where it trips.
  if (
    error instanceof UnknownReferenceError &&
    error.attribute === 'down_revision' &&
    error.guess.kind === 'label'
  )
    return true;
  switch (alembic.error) {
    case 'LoopDetected':
      return (
        error instanceof SelfReferenceError &&
        error.attribute === 'down_revision' &&
        alembic.message === `Self-loop is detected in revisions (${error.revisionId})`
      );
    case 'DependencyLoopDetected':
      return (
        error instanceof SelfReferenceError &&
        error.attribute === 'depends_on' &&
        error.label === undefined &&
        alembic.message.endsWith(`(${error.revisionId})`)
      );
    case 'RevisionError':
      return (
        alembic.message.startsWith('Branch name ') && error instanceof DuplicateBranchLabelError
      );
    case 'KeyError':
      return (
        error instanceof UnknownReferenceError &&
        unknownReferences(spec).has(alembic.args[0] ?? '') &&
        unknownReferences(spec).has(error.reference)
      );
    case 'CycleDetected':
      return (
        error instanceof RevisionCycleError &&
        error.kind === 'down_revision' &&
        sameIds(error.alembicRevisions, cycleIds(alembic.message))
      );
    case 'DependencyCycleDetected':
      if (error instanceof SelfReferenceError)
        return error.attribute === 'depends_on' && error.label !== undefined;
      return (
        error instanceof RevisionCycleError &&
        error.kind === 'depends_on' &&
        sameIds(error.alembicRevisions, cycleIds(alembic.message))
      );
    default:
      return false;
  }
}

function sameIds(left: readonly string[], right: readonly string[]): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
