// User-facing text of the revision graph: the errors that stop Alembic from building its
// revision map (each naming the files involved), head-symbol resolution, and the words the
// graph pictures use. InputError adds the `file:line: ` prefix where a single file is at fault.

/** Joins ids for a message: `a, b, c`. */
export function listIds(ids: readonly string[]): string {
  return ids.join(', ');
}

/** Quotes names for a message: `'a', 'b'`. */
export function quoteNames(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

/** What an unknown reference in down_revision or depends_on may have meant. */
export type ReferenceGuess =
  | { readonly kind: 'label'; readonly revisionId: string }
  | { readonly kind: 'prefix'; readonly revisionId: string }
  | { readonly kind: 'none' };

/** Errors found while building the graph (Alembic's RevisionMap fails on each of these). */
export const GraphErrorMessages = {
  selfLoop: (id: string): string =>
    `revision ${id} names itself in down_revision (Alembic: LoopDetected, "Self-loop is detected in revisions (${id})")`,
  selfDependency: (id: string): string =>
    `revision ${id} names itself in depends_on (Alembic: DependencyLoopDetected, "Dependency self-loop is detected in revisions (${id})")`,
  selfDependencyThroughLabel: (id: string, label: string): string =>
    `revision ${id} depends on its own branch label '${label}', so it depends on itself`,
  SELF_REFERENCE_HINT: 'remove the revision’s own id from down_revision / depends_on',
  duplicateRevision: (id: string, firstLocation: string): string =>
    `revision id ${id} is also defined in ${firstLocation}; Alembic would list ${id} twice in its heads ` +
    'and `alembic merge heads` would fail with "Duplicate head revisions specified"',
  DUPLICATE_REVISION_HINT:
    'give one of the two files a new revision id (and update any down_revision meant to point at it)',
  labelRepeated: (label: string, id: string): string =>
    `revision ${id} lists branch label '${label}' twice (Alembic: RevisionError, "Branch name '${label}' in revision ${id} already used by revision ${id}")`,
  labelUsedByLabel: (label: string, id: string, otherId: string, otherLocation: string): string =>
    `branch label '${label}' of revision ${id} is already used by revision ${otherId} (${otherLocation}); ` +
    `Alembic fails with "Branch name '${label}' in revision ${id} already used by revision ${otherId}"`,
  labelIsRevisionId: (label: string, id: string, otherLocation: string): string =>
    `branch label '${label}' of revision ${id} is also the id of revision ${label} (${otherLocation}); ` +
    `Alembic fails with "Branch name '${label}' in revision ${id} already used by revision ${label}"`,
  DUPLICATE_LABEL_HINT: 'branch labels must be unique and must differ from every revision id',
  missingParent: (id: string, parent: string): string =>
    `down_revision of revision ${id} names '${parent}', which no revision file defines (Alembic: KeyError: '${parent}')`,
  labelAsParent: (id: string, label: string): string =>
    `down_revision of revision ${id} names '${label}', a branch label, not a revision id (Alembic fails on it too: KeyError, CycleDetected or "broken map")`,
  missingDependency: (id: string, target: string): string =>
    `depends_on of revision ${id} names '${target}', which is neither a revision id nor a branch label (Alembic: KeyError: '${target}')`,
  missingReferenceHint: (guess: ReferenceGuess): string => {
    if (guess.kind === 'label')
      return `that is a branch label of revision ${guess.revisionId}; down_revision needs the revision id: write '${guess.revisionId}'`;
    if (guess.kind === 'prefix')
      return `Alembic needs the full revision id here: write '${guess.revisionId}'`;
    return 'was the file that defines it deleted or renamed, or is its directory missing from version_locations?';
  },
  cycle: (
    kind: 'down_revision' | 'depends_on',
    path: string,
    alembicIds: readonly string[],
  ): string => {
    const what =
      kind === 'down_revision' ? 'a cycle in down_revision' : 'a cycle through depends_on';
    const alembic =
      alembicIds.length === 0
        ? 'Alembic 1.8.1 does not report this cycle, but no upgrade order exists for it'
        : kind === 'down_revision'
          ? `Alembic fails with "Cycle is detected in revisions (${listIds(alembicIds)})"`
          : `Alembic fails with "Dependency cycle is detected in revisions (${listIds(alembicIds)})"`;
    return `the history has ${what}: ${path}; ${alembic}`;
  },
  emptyDependsOnBase: (bases: readonly string[], stranded: readonly string[]): string =>
    `${bases.join(', ')} ${bases.length === 1 ? 'has' : 'have'} depends_on = "", which Alembic keeps as a value, so ${bases.length === 1 ? 'it is' : 'they are'} not a real base and ` +
    `${stranded.join(', ')} cannot be reached from one (Alembic: DependencyCycleDetected, "Dependency cycle is detected in revisions (${stranded.join(', ')})")`,
  EMPTY_DEPENDS_ON_HINT: 'write depends_on = None in that file',
  CYCLE_HINT:
    'a revision must never be (directly or indirectly) its own ancestor: fix down_revision / depends_on in one of these files',
} as const;

/** Errors of head symbols (`head`, `heads`, `<label>@head`, `<label>@heads`). */
export const HeadSymbolMessages = {
  multipleHeads: (symbol: string, heads: readonly string[]): string =>
    `'${symbol}' names ${heads.length} heads (${listIds(heads)}); Alembic fails with "Multiple heads are present for given argument '${symbol}'; ${listIds(heads)}"`,
  MULTIPLE_HEADS_HINT: 'merge them first, or name the branch with <label>@head',
  noSuchRevision: (name: string): string =>
    `no revision or branch label '${name}'${name.length < 4 ? ' (a partial revision id needs at least four characters)' : ''}`,
  ambiguousRevision: (name: string, matches: readonly string[]): string =>
    `'${name}' is the start of several revisions: ${listIds(matches.slice(0, 3))}${matches.length > 3 ? ', …' : ''}`,
  AMBIGUOUS_HINT: 'write more characters of the revision id, or use a branch label',
  unsupportedSymbol: (symbol: string): string => `'${symbol}' is not a head symbol`,
  UNSUPPORTED_SYMBOL_HINT: 'use head, heads, <label>@head or <label>@heads',
} as const;

/** Words of the graph pictures. */
export const GraphPictureText = {
  HEAD: 'head',
  EFFECTIVE_HEAD: 'effective head',
  DIVERGED: 'diverged',
  BASE: 'base',
  branchLabels: (labels: readonly string[]): string => `branch: ${labels.join(', ')}`,
  dependsOn: (ids: readonly string[]): string => `depends on: ${listIds(ids)}`,
  DEPENDS_ON_EDGE: 'depends on',
  EMPTY: 'no revisions',
  summary: (revisions: number, heads: number, bases: number): string =>
    `${plural(revisions, 'revision')}, ${plural(heads, 'head')}, ${plural(bases, 'base')}`,
  diverged: (heads: readonly string[], labels: readonly string[]): string =>
    `diverged: ${heads.length} heads on ${labels.length === 0 ? 'the unlabelled branch' : `branch ${quoteNames(labels)}`}: ${listIds(heads)}`,
  NOT_DIVERGED: 'no divergence',
  tooWide: (lanes: number): string =>
    `(more than ${lanes} lines of descent side by side, too wide to draw: one revision per line, heads first)`,
  revises: (parents: readonly string[]): string => `<- ${listIds(parents)}`,
} as const;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
