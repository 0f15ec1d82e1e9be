// The syntax tree of the Python subset templates may use. Every node carries its template
// line, so an evaluation error can name the line it happened on.
import type { PyValue } from './python-values.js';

/** Binary operators the evaluator implements. */
export type BinaryOperator = '+' | '-' | '*' | '%';

/** Comparison operators, including the two-word ones. */
export type CompareOperator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'
  | 'is'
  | 'is not';

/** A keyword argument of a call. */
export interface KeywordArgument {
  readonly name: string;
  readonly value: Expression;
}

/** An expression node. */
export type Expression =
  | { readonly kind: 'constant'; readonly value: PyValue; readonly line: number }
  | { readonly kind: 'name'; readonly id: string; readonly line: number }
  | {
      readonly kind: 'attribute';
      readonly object: Expression;
      readonly name: string;
      readonly line: number;
    }
  | {
      readonly kind: 'call';
      readonly callee: Expression;
      readonly args: readonly Expression[];
      readonly keywords: readonly KeywordArgument[];
      readonly line: number;
    }
  | {
      readonly kind: 'index';
      readonly object: Expression;
      readonly index: Expression;
      readonly line: number;
    }
  | {
      readonly kind: 'slice';
      readonly object: Expression;
      readonly lower: Expression | null;
      readonly upper: Expression | null;
      readonly line: number;
    }
  | {
      readonly kind: 'tuple' | 'list';
      readonly items: readonly Expression[];
      readonly line: number;
    }
  | { readonly kind: 'set'; readonly items: readonly Expression[]; readonly line: number }
  | { readonly kind: 'dict'; readonly entries: readonly DictEntry[]; readonly line: number }
  | {
      readonly kind: 'comprehension';
      readonly form: 'list' | 'set' | 'dict' | 'generator';
      /** The item, or the key of a dict comprehension. */
      readonly element: Expression;
      /** The value of a dict comprehension; null otherwise. */
      readonly value: Expression | null;
      readonly clauses: readonly ComprehensionClause[];
      readonly line: number;
    }
  | {
      readonly kind: 'not' | 'negate' | 'plus';
      readonly operand: Expression;
      readonly line: number;
    }
  | {
      readonly kind: 'and' | 'or';
      readonly left: Expression;
      readonly right: Expression;
      readonly line: number;
    }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: Expression;
      readonly right: Expression;
      readonly line: number;
    }
  | {
      readonly kind: 'compare';
      readonly first: Expression;
      readonly rest: readonly {
        readonly operator: CompareOperator;
        readonly operand: Expression;
      }[];
      readonly line: number;
    }
  | {
      readonly kind: 'conditional';
      readonly test: Expression;
      readonly body: Expression;
      readonly orElse: Expression;
      readonly line: number;
    };

/** A `key: value` of a dict display. */
export interface DictEntry {
  readonly key: Expression;
  readonly value: Expression;
}

/** One `for target in iterable if condition…` clause of a comprehension. */
export interface ComprehensionClause {
  readonly target: ForTarget;
  readonly iterable: Expression;
  readonly conditions: readonly Expression[];
}

/** A name an import binds: `import a.b as c` (member null) or `from a import b as c`. */
export interface ImportBinding {
  readonly alias: string;
  readonly module: string;
  readonly member: string | null;
}

/** A parameter of a `def`, with its default expression (evaluated when the def runs). */
export interface Parameter {
  readonly name: string;
  readonly default: Expression | null;
}

/** One `if`/`elif` test and its body. */
export interface IfBranch {
  readonly test: Expression;
  readonly body: readonly Statement[];
}

/** A statement of a `<% %>` or `<%! %>` block, or of a function body. */
export type Statement =
  | {
      readonly kind: 'assign';
      readonly targets: readonly string[];
      readonly value: Expression;
      readonly line: number;
    }
  | { readonly kind: 'import'; readonly bindings: readonly ImportBinding[]; readonly line: number }
  | { readonly kind: 'pass'; readonly line: number }
  | {
      readonly kind: 'def';
      readonly name: string;
      readonly parameters: readonly Parameter[];
      readonly body: readonly Statement[];
      readonly line: number;
    }
  | { readonly kind: 'return'; readonly value: Expression | null; readonly line: number }
  | {
      readonly kind: 'if';
      readonly branches: readonly IfBranch[];
      readonly orElse: readonly Statement[];
      readonly line: number;
    };

/** The target of a `for` loop: one name, or names to unpack. */
export type ForTarget =
  | { readonly kind: 'name'; readonly id: string }
  | { readonly kind: 'unpack'; readonly ids: readonly string[] };

/** The names a loop target binds: one, or each of an unpacking. */
export function targetNames(target: ForTarget): readonly string[] {
  return target.kind === 'name' ? [target.id] : target.ids;
}
