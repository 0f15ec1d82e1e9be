// The names Mako reserves for itself: a template that assigns one fails to compile in Mako,
// so we refuse it too.
import { RESERVED_NAME } from '../../messages/template.js';
import type { TokenCursor } from './python-token-cursor.js';

/** Names Mako reserves; a template may not assign them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'context',
  'loop',
  'UNDEFINED',
  'STOP_RENDERING',
]);

/** Refuses Mako's reserved names as assignment targets, at the current token. */
export function checkAssignable(parser: TokenCursor, name: string): void {
  if (RESERVED_NAMES.has(name)) parser.fail(RESERVED_NAME(name));
}
