// Evaluates the value of an attribute binding when it is a literal Python can compute without
// running anything: None, str literals (with implicit concatenation and parentheses), and
// tuples or lists of them. Anything else must be named in the project's `constants` table,
// either as the whole value or as one element (`branch_labels = (cli.EXPAND_BRANCH,)`).
import type { ConstantValue } from '../revision.js';
import type { Token } from './python-lexer.js';
import { areBytesLiterals, decodeStringTokens } from './python-literal.js';

/** A value we could read. Sequences hold strings only. */
export type LiteralValue =
  | { readonly kind: 'none' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'sequence'; readonly items: readonly string[] };

/** Why a value (or one element, given by its token range) could not be read. */
export interface ValueProblem {
  readonly kind: 'not-literal' | 'not-a-string';
  readonly from: number;
  readonly to: number;
}

/** The outcome of evaluating a value expression. */
export type Evaluation =
  | { readonly ok: true; readonly value: LiteralValue }
  | { readonly ok: false; readonly problem: ValueProblem };

const NONE: LiteralValue = { kind: 'none' };
const OTHER_CONSTANT_NAMES: ReadonlySet<string> = new Set(['True', 'False', 'Ellipsis', '...']);

/** Evaluates tokens `[from, to)`; `constants` keys must already be whitespace-free. */
export function evaluateValue(
  tokens: readonly Token[],
  from: number,
  to: number,
  constants: ReadonlyMap<string, ConstantValue>,
): Evaluation {
  const constant = lookUpConstant(tokens, from, to, constants);
  if (constant !== undefined) return { ok: true, value: constant };
  const elements = splitTopLevel(tokens, from, to);
  if (elements === undefined) return evaluateElement(tokens, from, to, constants);
  return evaluateSequence(tokens, elements, constants);
}

function evaluateElement(
  tokens: readonly Token[],
  from: number,
  to: number,
  constants: ReadonlyMap<string, ConstantValue>,
): Evaluation {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first === undefined || last === undefined) return fail('not-literal', from, to);
  if (first.kind === 'string') {
    const value = decodeStringTokens(tokens, from, to);
    if (value !== undefined) return { ok: true, value: { kind: 'string', value } };
    if (areBytesLiterals(tokens, from, to)) return fail('not-a-string', from, to);
  } else if (to - from === 1 && first.kind === 'name' && first.text === 'None') {
    return { ok: true, value: NONE };
  } else if (encloses(tokens, from, to, '(', ')')) {
    return to - from === 2 ? emptySequence() : evaluateValue(tokens, from + 1, to - 1, constants);
  } else if (encloses(tokens, from, to, '[', ']')) {
    if (to - from === 2) return emptySequence();
    return evaluateSequence(
      tokens,
      splitTopLevel(tokens, from + 1, to - 1) ?? [[from + 1, to - 1]],
      constants,
    );
  }
  const constant = lookUpConstant(tokens, from, to, constants);
  if (constant !== undefined) return { ok: true, value: constant };
  const isOtherLiteral =
    to - from === 1 && (first.kind === 'number' || OTHER_CONSTANT_NAMES.has(first.text));
  return fail(isOtherLiteral ? 'not-a-string' : 'not-literal', from, to);
}

function evaluateSequence(
  tokens: readonly Token[],
  elements: ReadonlyArray<readonly [number, number]>,
  constants: ReadonlyMap<string, ConstantValue>,
): Evaluation {
  const items: string[] = [];
  for (const [from, to] of elements) {
    if (from === to) return fail('not-literal', from, to);
    const element = evaluateElement(tokens, from, to, constants);
    if (!element.ok) return element;
    if (element.value.kind !== 'string') return fail('not-a-string', from, to);
    items.push(element.value.value);
  }
  return { ok: true, value: { kind: 'sequence', items } };
}

// Element ranges split at top-level commas (a trailing comma ends the last element), or
// undefined when there is no top-level comma, i.e. the range is not a tuple display.
function splitTopLevel(
  tokens: readonly Token[],
  from: number,
  to: number,
): Array<[number, number]> | undefined {
  const depth = tokens[from]?.depth ?? 0;
  const elements: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token?.kind === 'op' && token.text === ',' && token.depth === depth) {
      elements.push([start, i]);
      start = i + 1;
    }
  }
  if (elements.length === 0) return undefined;
  if (start < to) elements.push([start, to]);
  return elements;
}

// Whether the bracket at `from` is closed exactly by the token at `to - 1`.
function encloses(
  tokens: readonly Token[],
  from: number,
  to: number,
  opening: string,
  closing: string,
): boolean {
  const first = tokens[from];
  if (first?.text !== opening || first.kind !== 'op' || tokens[to - 1]?.text !== closing)
    return false;
  for (let i = from + 1; i < to - 1; i++) if ((tokens[i]?.depth ?? 0) <= first.depth) return false;
  return true;
}

function lookUpConstant(
  tokens: readonly Token[],
  from: number,
  to: number,
  constants: ReadonlyMap<string, ConstantValue>,
): LiteralValue | undefined {
  if (constants.size === 0 || from >= to) return undefined;
  let key = '';
  for (let i = from; i < to; i++) key += tokens[i]?.text ?? '';
  const value = constants.get(key.replace(/\s+/g, ''));
  if (value === undefined) return undefined;
  if (value === null) return NONE;
  return typeof value === 'string' ? { kind: 'string', value } : { kind: 'sequence', items: value };
}

function emptySequence(): Evaluation {
  return { ok: true, value: { kind: 'sequence', items: [] } };
}

function fail(kind: ValueProblem['kind'], from: number, to: number): Evaluation {
  return { ok: false, problem: { kind, from, to } };
}
