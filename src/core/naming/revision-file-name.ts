// The file name Alembic gives a new revision (`ScriptDirectory._rev_path`).
import type { CreateDate } from './create-date.js';
import { percentFormat } from './percent-format.js';
import { slugOf } from './slug.js';

/** What the name is computed from. */
export interface RevisionNameInput {
  /** `file_template`, after ini interpolation (`%(rev)s_%(slug)s` by default). */
  readonly fileTemplate: string;
  readonly revisionId: string;
  /** The message as given; no message gives an empty slug (`<rev>_.py`). */
  readonly message: string | null;
  readonly truncateSlugLength: number;
  readonly createDate: CreateDate;
}

/**
 * The revision's path relative to its version location: the template formatted with exactly
 * Alembic's nine tokens, plus `.py`. A `/` in the template makes subdirectories.
 * Throws PercentFormatError when the template is not valid for Python's `%`.
 */
export function revisionFileName(input: RevisionNameInput): string {
  const { wall, epoch } = input.createDate;
  return `${percentFormat(input.fileTemplate, {
    rev: input.revisionId,
    slug: slugOf(input.message, input.truncateSlugLength),
    epoch,
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
  })}.py`;
}
