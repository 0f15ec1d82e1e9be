// Text from a repository (revision ids, docstrings, file names, git's output) reaches the
// terminal in our messages. Control characters in it would be commands to the terminal:
// colours, cursor moves, window titles, hidden or reordered text (bidi overrides). Everything
// we print passes through here first.

// C0 controls except tab and newline, DEL, C1 controls, line and paragraph separators, and the
// bidi marks, embeddings, overrides and isolates. Our own colour codes (cli/output.ts: bold,
// dim, red, green, yellow, cyan and their resets) are matched first and kept.
const UNPRINTABLE =
  /\u001B\[(?:1|2|22|31|32|33|36|39)m|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * `text` with each control character written as `\uXXXX` (also a valid JSON escape of the same
 * character, so JSON output stays equivalent), except tab, newline and our own colour codes.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNPRINTABLE, (match) =>
    match.length > 1 ? match : `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
