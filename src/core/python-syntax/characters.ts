// Which characters start and continue a Python name, and how long an operator is. Non-ASCII
// names follow Unicode's identifier properties (PEP 3131); anything else is a stray character.
import { THREE_CHARACTER_OPERATORS, TWO_CHARACTER_OPERATORS } from '../python-operators.js';

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

/** Whether a name starts at `i`: a letter, `_`, or a non-ASCII identifier start. */
export function isNameStart(source: string, i: number): boolean {
  const code = source.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return ID_START.test(String.fromCodePoint(source.codePointAt(i) ?? 0));
}

/** Whether the character at `i` continues a name. */
export function isNameContinue(source: string, i: number): boolean {
  const code = source.charCodeAt(i);
  if (code < 128)
    return (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 95
    );
  return ID_CONTINUE.test(String.fromCodePoint(source.codePointAt(i) ?? 0));
}

const THREE: ReadonlySet<string> = new Set(THREE_CHARACTER_OPERATORS);
const TWO: ReadonlySet<string> = new Set(TWO_CHARACTER_OPERATORS);
// Characters that are a token on their own; those marked 2 may start a longer one.
const SINGLE = new Uint8Array(128);
for (const character of '()[]{},;~') SINGLE[character.charCodeAt(0)] = 1;
for (const character of '+-*/%@&|^<>:.=!') SINGLE[character.charCodeAt(0)] = 2;

/** Length of the operator or delimiter at `i`, or 0 when no token starts there. */
export function operatorLength(source: string, i: number): number {
  const code = source.charCodeAt(i);
  const single = code < 128 ? (SINGLE[code] ?? 0) : 0;
  if (single !== 2) return single;
  if (THREE.has(source.slice(i, i + 3))) return 3;
  return TWO.has(source.slice(i, i + 2)) ? 2 : 1;
}
