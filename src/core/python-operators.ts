// Python's operator tokens, which the readers must split alike: the complete syntax check's and
// the template evaluator's tokenizers, and the revision reader (which finds a module's bindings).

/** The operator tokens of three characters, and `...`. */
export const THREE_CHARACTER_OPERATORS: readonly string[] = ['**=', '//=', '>>=', '<<=', '...'];

/** The operator tokens of two characters. */
export const TWO_CHARACTER_OPERATORS: readonly string[] = [
  '**',
  '//',
  '>>',
  '<<',
  '<=',
  '>=',
  '==',
  '!=',
  '->',
  ':=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
];

/** Operators of augmented assignment (`x += 1`). */
export const AUGMENTED_ASSIGNMENTS: ReadonlySet<string> = new Set([
  '+=',
  '-=',
  '*=',
  '/=',
  '//=',
  '%=',
  '@=',
  '&=',
  '|=',
  '^=',
  '>>=',
  '<<=',
  '**=',
]);
