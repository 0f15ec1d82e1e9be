// Alembic's slug rule for revision file names (`ScriptDirectory._rev_path`).

const DEFAULT_TRUNCATE_SLUG_LENGTH = 40;

/**
 * The slug of a message: Python `\w+` words joined with `_`, lower-cased, then truncated at the
 * last `_` within `truncateSlugLength` code points (0 means the default 40, as in Alembic).
 * `[\p{L}\p{N}_]` with the `u` flag matches CPython's Unicode `\w`, combining marks excluded.
 */
export function slugOf(message: string | null | undefined, truncateSlugLength: number): string {
  const limit = truncateSlugLength || DEFAULT_TRUNCATE_SLUG_LENGTH;
  const words = (message ?? '').match(/[\p{L}\p{N}_]+/gu) ?? [];
  const slug = words.join('_').toLowerCase();
  const codePoints = Array.from(slug);
  if (codePoints.length <= limit) return slug;
  const kept = codePoints.slice(0, limit).join('');
  const cut = kept.lastIndexOf('_');
  return `${cut === -1 ? kept : kept.slice(0, cut)}_`;
}
