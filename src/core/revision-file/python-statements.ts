// Statement structure within one logical line: where a compound statement's header ends
// (`if x: y = 1`), and where `;` separates simple statements.
import type { Token } from './python-lexer.js';

const COMPOUND_KEYWORDS: ReadonlySet<string> = new Set([
  'if',
  'elif',
  'else',
  'try',
  'except',
  'finally',
  'for',
  'while',
  'with',
  'def',
  'class',
  'async',
]);

// `match` and `case` are keywords only where a statement starts and a block follows.
const SOFT_COMPOUND_KEYWORDS: ReadonlySet<string> = new Set(['match', 'case']);

/**
 * Index of the colon ending a compound statement's header (`if x:`, `def f() -> T:`), or
 * undefined when the line is not a compound statement. Colons of lambdas are skipped.
 */
export function compoundHeaderColon(tokens: readonly Token[]): number | undefined {
  const first = tokens[0];
  if (first === undefined || first.kind !== 'name') return undefined;
  const isSoft = SOFT_COMPOUND_KEYWORDS.has(first.text);
  if (!COMPOUND_KEYWORDS.has(first.text) && !isSoft) return undefined;
  let openLambdas = 0;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.depth !== 0) continue;
    if (token.kind === 'name' && token.text === 'lambda') openLambdas++;
    else if (token.kind === 'op' && token.text === ':') {
      if (openLambdas === 0) return isSoft && i !== tokens.length - 1 ? undefined : i;
      openLambdas--;
    }
  }
  return undefined;
}

/** Token index ranges `[from, to)` of the simple statements separated by `;` at depth 0. */
export function simpleStatementRanges(
  tokens: readonly Token[],
  from: number,
  to: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token?.kind === 'op' && token.text === ';' && token.depth === 0) {
      if (i > start) ranges.push([start, i]);
      start = i + 1;
    }
  }
  if (to > start) ranges.push([start, to]);
  return ranges;
}
