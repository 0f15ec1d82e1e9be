// Python's augmented assignment operators, which both the revision reader (to find a module's
// bindings) and the complete syntax check (to parse `x += 1`) must know the same way.

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
