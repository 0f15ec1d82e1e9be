// The six leading fields of every date text git-alembic reads (`--date`, a `Create Date:` line,
// Python's `str(datetime)`): one place turns a pattern's groups 1 to 6 into numbers.

/** Year, month, day, hour, minute and second. */
export type DateFields = [number, number, number, number, number, number];

/** Groups 1 to 6 of `match` as numbers (each pattern captures them as digits). */
export function dateFields(match: RegExpExecArray): DateFields {
  return match.slice(1, 7).map(Number) as DateFields;
}
