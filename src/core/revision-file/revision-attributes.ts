// Alembic's normalisation of the four attributes (`Script.__init__`, `Revision.__init__`,
// `to_tuple`, `tuple_rev_as_scalar`), applied to values we read: empty means none, a string
// is a one-element tuple, and the values Alembic would reject or misread are errors here.
import { RevisionFileMessages } from '../../messages/revision-file.js';
import { detachedText } from './detached-text.js';
import type { LiteralValue } from './literal-value.js';

/** A normalised attribute, or the message explaining why the value is unusable. */
export type Normalized<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

// Revision.verify_rev_id: `@ - +` in every version, `:` since Alembic 1.17.1.
const ILLEGAL_ID_CHARACTERS = ['+', '-', ':', '@'];

/** `revision`: a non-empty str without `@ - + :`; `expression` renders the value for messages. */
export function normalizeRevisionId(
  value: LiteralValue,
  expression: () => string,
): Normalized<string> {
  if (value.kind !== 'string')
    return failure(RevisionFileMessages.notAString('revision', expression()));
  if (value.value === '') return failure(RevisionFileMessages.emptyRevision);
  const illegal = ILLEGAL_ID_CHARACTERS.filter((character) => value.value.includes(character));
  if (illegal.length > 0)
    return failure(RevisionFileMessages.illegalRevisionCharacters(illegal, value.value));
  return success(detachedText(value.value));
}

/** `down_revision`: None or empty means a base; an empty string is refused (see the message). */
export function normalizeDownRevisions(value: LiteralValue): Normalized<readonly string[]> {
  const entries = asTuple(value);
  return entries.includes('') ? failure(RevisionFileMessages.emptyDownRevision) : success(entries);
}

/** `depends_on`: `""` alone means none (Alembic tests its truth); next to others it breaks. */
export function normalizeDependencies(value: LiteralValue): Normalized<readonly string[]> {
  const entries = asTuple(value);
  if (entries.length === 1 && entries[0] === '') return success([]);
  return entries.includes('')
    ? failure(RevisionFileMessages.emptyDependencyAmongOthers)
    : success(entries);
}

/** `branch_labels`: kept as written, since Alembic registers every entry (a repeat is its RevisionError); an empty label is refused. */
export function normalizeBranchLabels(value: LiteralValue): Normalized<readonly string[]> {
  const entries = asTuple(value);
  return entries.includes('') ? failure(RevisionFileMessages.emptyBranchLabel) : success(entries);
}

// util.to_tuple: None → (), a str → (str,), a sequence → tuple(sequence).
function asTuple(value: LiteralValue): readonly string[] {
  if (value.kind === 'none') return [];
  return value.kind === 'string' ? [detachedText(value.value)] : value.items.map(detachedText);
}

function success<T>(value: T): Normalized<T> {
  return { ok: true, value };
}

function failure<T>(message: string): Normalized<T> {
  return { ok: false, message };
}
