// The errors that stop a revision graph from being built, one class per kind of broken
// history, each carrying its data as readonly fields and naming the files involved.
import { type FileLocation, formatLocation, InputError, UserError } from '../../errors.js';
import {
  GraphErrorMessages,
  HeadSymbolMessages,
  type ReferenceGuess,
} from '../../messages/graph.js';

/** The two attributes that link revisions. */
export type LinkAttribute = 'down_revision' | 'depends_on';

/** A revision names itself in down_revision or depends_on (Alembic: LoopDetected / DependencyLoopDetected). */
export class SelfReferenceError extends InputError {
  readonly revisionId: string;
  readonly attribute: LinkAttribute;
  /** The branch label through which a depends_on entry resolved to the revision itself. */
  readonly label: string | undefined;

  constructor(
    revisionId: string,
    location: FileLocation,
    attribute: LinkAttribute,
    label?: string,
  ) {
    const message =
      label !== undefined
        ? GraphErrorMessages.selfDependencyThroughLabel(revisionId, label)
        : attribute === 'down_revision'
          ? GraphErrorMessages.selfLoop(revisionId)
          : GraphErrorMessages.selfDependency(revisionId);
    super(location, message, { hint: GraphErrorMessages.SELF_REFERENCE_HINT });
    this.revisionId = revisionId;
    this.attribute = attribute;
    this.label = label;
  }
}

/** Two files define the same revision id (Alembic only warns, then lists the head twice). */
export class DuplicateRevisionError extends InputError {
  readonly revisionId: string;
  readonly first: FileLocation;
  readonly second: FileLocation;

  constructor(revisionId: string, first: FileLocation, second: FileLocation) {
    super(second, GraphErrorMessages.duplicateRevision(revisionId, formatLocation(first)), {
      hint: GraphErrorMessages.DUPLICATE_REVISION_HINT,
    });
    this.revisionId = revisionId;
    this.first = first;
    this.second = second;
  }
}

/** A branch label equal to another revision's label or to a revision id (Alembic: RevisionError). */
export class DuplicateBranchLabelError extends InputError {
  readonly label: string;
  readonly revisionId: string;
  /** What the label collides with: another label of `otherRevisionId`, or that revision's id. */
  readonly collidesWith: 'label' | 'revision';
  readonly otherRevisionId: string;
  readonly otherLocation: FileLocation;

  constructor(
    label: string,
    revisionId: string,
    location: FileLocation,
    collidesWith: 'label' | 'revision',
    otherRevisionId: string,
    otherLocation: FileLocation,
  ) {
    const other = formatLocation(otherLocation);
    const message =
      collidesWith === 'revision'
        ? GraphErrorMessages.labelIsRevisionId(label, revisionId, other)
        : otherRevisionId === revisionId
          ? GraphErrorMessages.labelRepeated(label, revisionId)
          : GraphErrorMessages.labelUsedByLabel(label, revisionId, otherRevisionId, other);
    super(location, message, { hint: GraphErrorMessages.DUPLICATE_LABEL_HINT });
    this.label = label;
    this.revisionId = revisionId;
    this.collidesWith = collidesWith;
    this.otherRevisionId = otherRevisionId;
    this.otherLocation = otherLocation;
  }
}

/** down_revision or depends_on names something no revision defines (Alembic: KeyError). */
export class UnknownReferenceError extends InputError {
  readonly revisionId: string;
  readonly attribute: LinkAttribute;
  /** The name as written in the file. */
  readonly reference: string;
  /** What the name may have meant (a branch label, the start of an id), for the hint. */
  readonly guess: ReferenceGuess;

  constructor(
    revisionId: string,
    location: FileLocation,
    attribute: LinkAttribute,
    reference: string,
    guess: ReferenceGuess,
  ) {
    const message =
      attribute === 'depends_on'
        ? GraphErrorMessages.missingDependency(revisionId, reference)
        : guess.kind === 'label'
          ? GraphErrorMessages.labelAsParent(revisionId, reference)
          : GraphErrorMessages.missingParent(revisionId, reference);
    super(location, message, { hint: GraphErrorMessages.missingReferenceHint(guess) });
    this.revisionId = revisionId;
    this.attribute = attribute;
    this.reference = reference;
    this.guess = guess;
  }
}

/** A revision is its own ancestor (Alembic: CycleDetected / DependencyCycleDetected). */
export class RevisionCycleError extends UserError {
  /** 'down_revision': the cycle uses down_revision only; 'depends_on': it needs a depends_on edge. */
  readonly kind: LinkAttribute;
  /** The cycle, each revision revised by the next and the last by the first. */
  readonly cycle: readonly string[];
  /** The files of `cycle`, in the same order. */
  readonly locations: readonly FileLocation[];
  /** The revisions Alembic names in its own error (sorted); empty when Alembic misses the cycle. */
  readonly alembicRevisions: readonly string[];

  constructor(
    kind: LinkAttribute,
    cycle: readonly string[],
    locations: readonly FileLocation[],
    alembicRevisions: readonly string[],
  ) {
    const steps = cycle.map(
      (id, index) => `${id} (${formatLocation(locations[index] ?? { file: '?' })})`,
    );
    const path = [...steps, cycle[0] ?? ''].join(' → ');
    super(GraphErrorMessages.cycle(kind, path, alembicRevisions), {
      hint: GraphErrorMessages.CYCLE_HINT,
    });
    this.kind = kind;
    this.cycle = cycle;
    this.locations = locations;
    this.alembicRevisions = alembicRevisions;
  }
}

/** A base with `depends_on = ""` strands revisions that no real base reaches (Alembic: DependencyCycleDetected). */
export class EmptyDependsOnBaseError extends InputError {
  /** The bases that are not real bases because of `depends_on = ""`. */
  readonly bases: readonly string[];
  /** The revisions Alembic names, sorted. */
  readonly stranded: readonly string[];

  constructor(bases: readonly string[], location: FileLocation, stranded: readonly string[]) {
    super(location, GraphErrorMessages.emptyDependsOnBase(bases, stranded), {
      hint: GraphErrorMessages.EMPTY_DEPENDS_ON_HINT,
    });
    this.bases = bases;
    this.stranded = stranded;
  }
}

/** `head` or `<label>@head` matched more than one head (Alembic: MultipleHeads). */
export class MultipleHeadsError extends UserError {
  readonly symbol: string;
  readonly heads: readonly string[];

  constructor(symbol: string, heads: readonly string[]) {
    super(HeadSymbolMessages.multipleHeads(symbol, heads), {
      hint: HeadSymbolMessages.MULTIPLE_HEADS_HINT,
    });
    this.symbol = symbol;
    this.heads = heads;
  }
}

/** A name in a head symbol matches no revision or label, or several (Alembic: ResolutionError). */
export class UnknownRevisionError extends UserError {
  readonly identifier: string;
  /** Every id or label the identifier is the start of (empty when nothing matches). */
  readonly matches: readonly string[];

  constructor(identifier: string, matches: readonly string[]) {
    const message =
      matches.length === 0
        ? HeadSymbolMessages.noSuchRevision(identifier)
        : HeadSymbolMessages.ambiguousRevision(identifier, matches);
    super(message, { hint: matches.length === 0 ? undefined : HeadSymbolMessages.AMBIGUOUS_HINT });
    this.identifier = identifier;
    this.matches = matches;
  }
}

/** Something other than head, heads, <label>@head or <label>@heads. */
export class UnsupportedHeadSymbolError extends UserError {
  readonly symbol: string;

  constructor(symbol: string) {
    super(HeadSymbolMessages.unsupportedSymbol(symbol), {
      hint: HeadSymbolMessages.UNSUPPORTED_SYMBOL_HINT,
    });
    this.symbol = symbol;
  }
}
