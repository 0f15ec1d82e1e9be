// The module docstring is for display only (Alembic's `Script.doc` and the `Create Date:`
// line); the graph never depends on it, since headers go stale when revisions are rebased.
import type { Token } from './python-lexer.js';
import { decodeStringTokens, stringTokenFlags } from './python-literal.js';
import { PREFIX_FORMAT } from './python-string-scan.js';
import { pythonStrip } from '../python-text.js';
import { detachedText } from './detached-text.js';

/** Display fields taken from a module docstring. */
export interface DocstringSummary {
  /** Alembic's `Script.doc`: the stripped docstring up to its first blank line. */
  readonly doc: string | undefined;
  /** The text after `Create Date:`, trimmed. */
  readonly createDate: string | undefined;
}

/**
 * The module docstring when tokens `[from, to)` are the module's first statement and that
 * statement is only str literals (an f-string, even without fields, is not a docstring).
 */
export function docstringOf(
  tokens: readonly Token[],
  from: number,
  to: number,
): string | undefined {
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (
      token === undefined ||
      token.kind !== 'string' ||
      (stringTokenFlags(token) & PREFIX_FORMAT) !== 0
    )
      return undefined;
  }
  return from < to ? decodeStringTokens(tokens, from, to) : undefined;
}

const CREATE_DATE = /^[ \t]*Create Date:[ \t]*(.*)$/m;

/** Alembic's one-paragraph `doc` and the header's `Create Date:` value. */
export function summarizeDocstring(docstring: string): DocstringSummary {
  const longDoc = pythonStrip(docstring);
  const paragraphEnd = longDoc.indexOf('\n\n');
  const doc = paragraphEnd === -1 ? longDoc : longDoc.slice(0, paragraphEnd);
  const createDate = CREATE_DATE.exec(docstring)?.[1]?.trim();
  return {
    doc: doc === '' ? undefined : detachedText(doc),
    createDate:
      createDate === undefined || createDate === '' ? undefined : detachedText(createDate),
  };
}
