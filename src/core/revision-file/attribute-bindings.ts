// Decides, statement by statement, how a module binds the four attributes Alembic reads. A
// plain (or annotated, or chained) assignment of a name at module level is a binding whose
// value we evaluate later. Any other appearance of one of the names outside a load (an
// import, a loop target, `+=`, `.append(…)`, unpacking, a binding inside an `if`/`try`
// block, …) means Alembic sees a value we cannot know, so it is reported, never ignored.
import type { RevisionAttribute } from '../../messages/revision-file.js';
import { AUGMENTED_ASSIGNMENTS } from '../python-operators.js';
import type { Token } from './python-lexer.js';
import { compoundHeaderColon, simpleStatementRanges } from './python-statements.js';

/** `name = value` at module level, for one of the four attributes. */
export interface AttributeBinding {
  readonly attribute: RevisionAttribute;
  /** The target name token (its line is the binding's line). */
  readonly name: Token;
  readonly tokens: readonly Token[];
  /** Token index range of the value expression. */
  readonly valueFrom: number;
  readonly valueTo: number;
}

/** A statement that binds or changes an attribute in a way we cannot evaluate. */
export interface BindingProblem {
  readonly kind: 'conditional' | 'computed';
  readonly attribute: RevisionAttribute;
  readonly tokens: readonly Token[];
  /** Token index range of the offending statement. */
  readonly from: number;
  readonly to: number;
}

const ATTRIBUTES: ReadonlySet<string> = new Set<RevisionAttribute>([
  'revision',
  'down_revision',
  'branch_labels',
  'depends_on',
]);

// The length test spares hashing every name of every statement.
function isAttributeName(token: Token | undefined): token is Token & { text: RevisionAttribute } {
  if (token === undefined || token.kind !== 'name') return false;
  const length = token.text.length;
  return (length === 8 || length === 10 || length === 13) && ATTRIBUTES.has(token.text);
}

/** Collects the attribute bindings of a module from its lines outside function bodies. */
export class AttributeBindingCollector {
  readonly bindings: AttributeBinding[] = [];
  /** The first problem found, in source order. */
  problem: BindingProblem | undefined;

  /** Inspects one logical line; `column` > 0 means it is inside a module-level block. */
  visitLine(tokens: readonly Token[], column: number): void {
    if (!tokens.some(isAttributeName)) return;
    const inBlock = column > 0;
    const header = compoundHeaderColon(tokens);
    if (header === undefined) {
      for (const [from, to] of simpleStatementRanges(tokens, 0, tokens.length))
        this.visitSimpleStatement(tokens, from, to, inBlock);
      return;
    }
    const definedName = definedNameIndex(tokens);
    if (definedName !== undefined) {
      // Only the name a def or class binds matters; its parameters and body are not module-level.
      if (isAttributeName(tokens[definedName]))
        this.report(inBlock ? 'conditional' : 'computed', tokens, 0, header + 1, definedName);
      return;
    }
    this.checkOccurrences(tokens, 0, header + 1, -1, [], inBlock ? 'conditional' : 'computed');
    for (const [from, to] of simpleStatementRanges(tokens, header + 1, tokens.length))
      this.visitSimpleStatement(tokens, from, to, true);
  }

  private visitSimpleStatement(
    tokens: readonly Token[],
    from: number,
    to: number,
    inBlock: boolean,
  ): void {
    const assignment = assignmentShape(tokens, from, to);
    for (const target of assignment.nameTargets) {
      const token = tokens[target];
      if (!isAttributeName(token)) continue;
      if (inBlock) this.report('conditional', tokens, from, to, target);
      else if (assignment.valueFrom !== undefined) {
        this.bindings.push({
          attribute: token.text,
          name: token,
          tokens,
          valueFrom: assignment.valueFrom,
          valueTo: to,
        });
      }
    }
    this.checkOccurrences(
      tokens,
      from,
      to,
      assignment.lastAssignment,
      assignment.nameTargets,
      inBlock ? 'conditional' : 'computed',
    );
  }

  // Every other appearance of an attribute name must be a plain load: an attribute of
  // something else (`x.revision`), a keyword argument, or part of an assigned value.
  private checkOccurrences(
    tokens: readonly Token[],
    from: number,
    to: number,
    lastAssignment: number,
    targets: readonly number[],
    kind: BindingProblem['kind'],
  ): void {
    for (let i = from; i < to; i++) {
      if (!isAttributeName(tokens[i]) || targets.includes(i)) continue;
      if (!isPlainLoad(tokens, i, from, to, lastAssignment)) this.report(kind, tokens, from, to, i);
    }
  }

  private report(
    kind: BindingProblem['kind'],
    tokens: readonly Token[],
    from: number,
    to: number,
    nameIndex: number,
  ): void {
    const name = tokens[nameIndex];
    if (this.problem !== undefined || !isAttributeName(name)) return;
    this.problem = { kind, attribute: name.text, tokens, from, to };
  }
}

// The index of the name in `def name(…):`, `async def name(…):` or `class name…:`.
function definedNameIndex(tokens: readonly Token[]): number | undefined {
  const keywordIndex = tokens[0]?.text === 'async' ? 1 : 0;
  const keyword = tokens[keywordIndex]?.text;
  return keyword === 'def' || keyword === 'class' ? keywordIndex + 1 : undefined;
}

function isPlainLoad(
  tokens: readonly Token[],
  i: number,
  from: number,
  to: number,
  lastAssignment: number,
): boolean {
  const token = tokens[i];
  const previous = i > from ? tokens[i - 1] : undefined;
  const next = i + 1 < to ? tokens[i + 1] : undefined;
  if (previous?.kind === 'op' && previous.text === '.') return true;
  if (
    next?.kind === 'op' &&
    (next.text === ':=' ||
      next.text === '.' ||
      next.text === '[' ||
      AUGMENTED_ASSIGNMENTS.has(next.text))
  ) {
    return false;
  }
  if (token !== undefined && token.depth > 0 && next?.kind === 'op' && next.text === '=')
    return true;
  return lastAssignment !== -1 && i > lastAssignment;
}

/** The parts of a simple statement that matter for bindings. */
interface AssignmentShape {
  /** Indices of targets that are a bare name (`x = …`, `x: T = …`, each name of `a = b = …`). */
  readonly nameTargets: readonly number[];
  /** Start of the assigned value, when the statement assigns one. */
  readonly valueFrom: number | undefined;
  /** Index of the last `=` or augmented operator at depth 0, or -1. */
  readonly lastAssignment: number;
}

function assignmentShape(tokens: readonly Token[], from: number, to: number): AssignmentShape {
  const equals: number[] = [];
  let lastAssignment = -1;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token === undefined || token.kind !== 'op' || token.depth !== 0) continue;
    if (token.text === '=') equals.push(i);
    if (token.text === '=' || AUGMENTED_ASSIGNMENTS.has(token.text)) lastAssignment = i;
  }
  const annotated =
    tokens[from]?.kind === 'name' &&
    tokens[from + 1]?.text === ':' &&
    tokens[from + 1]?.kind === 'op';
  if (annotated) {
    const equal = equals[0];
    return {
      nameTargets: [from],
      valueFrom: equal === undefined ? undefined : equal + 1,
      lastAssignment: equal ?? -1,
    };
  }
  const last = equals[equals.length - 1];
  if (last === undefined) return { nameTargets: [], valueFrom: undefined, lastAssignment };
  const starts = [from, ...equals.slice(0, -1).map((equal) => equal + 1)];
  const nameTargets = starts.filter(
    (start, index) => (equals[index] ?? 0) - start === 1 && tokens[start]?.kind === 'name',
  );
  return { nameTargets, valueFrom: last + 1, lastAssignment };
}
