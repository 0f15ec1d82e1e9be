// PEP 695 type parameters (`def f[T](x: T)`, `class C[T]`, `type A[T] = …`), with PEP 696 defaults.
import { parseExpression, parseStarExpressions } from './parse-expressions.js';
import type { ParserState } from './parser-state.js';

/** `[T, *Ts, **P, U: bound = default]` after a name (PEP 695, PEP 696). */
export function parseTypeParameters(p: ParserState): void {
  p.expectOp('[');
  do {
    if (p.isOp(']')) break;
    if (!p.acceptOp('**')) p.acceptOp('*');
    p.expectName();
    if (p.acceptOp(':')) parseExpression(p);
    if (p.acceptOp('=')) parseStarExpressions(p);
  } while (p.acceptOp(','));
  p.expectOp(']');
}
