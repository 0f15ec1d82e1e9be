// What may stand left of `=`, after `for`, `as`, `del`, or before `+=` and `:`: CPython's rules
// for assignment targets, with its messages ("cannot assign to function call", …).
import { PythonParserMessages as Messages } from '../../messages/revision-file.js';
import { describe, type Expression } from './expression.js';
import type { ParserState } from './parser-state.js';

/** Where a target appears; each place has its own rules and wording. */
export type TargetContext =
  | 'assign'
  | 'for'
  | 'with'
  | 'comprehension'
  | 'delete'
  | 'augmented'
  | 'annotated';

/** Throws CPython's syntax error when `target` cannot be assigned (or deleted) in `context`. */
export function checkTarget(p: ParserState, target: Expression, context: TargetContext): void {
  if (context === 'augmented')
    return checkSingle(p, target, Messages.augmentedTarget(describe(target)));
  if (context === 'annotated') {
    if (target.kind === 'tuple' || target.kind === 'list')
      p.fail(Messages.ANNOTATED_TUPLE, target.token);
    return checkSingle(p, target, Messages.annotatedTarget(describe(target)));
  }
  if (target.kind === 'starred' && context !== 'delete')
    p.fail(Messages.STARRED_TARGET_ALONE, target.token);
  checkNested(p, target, context);
}

// Names (not keywords or __debug__), attributes and subscripts: the augmented and annotated forms.
function checkSingle(p: ParserState, target: Expression, message: string): void {
  if (target.kind === 'name') return checkName(p, target, 'assign');
  if (target.kind !== 'attribute' && target.kind !== 'subscript') p.fail(message, target.token);
}

function checkNested(p: ParserState, target: Expression, context: TargetContext): void {
  switch (target.kind) {
    case 'name':
      return checkName(p, target, context);
    case 'attribute':
    case 'subscript':
      return;
    case 'starred':
      if (context === 'delete') p.fail(Messages.cannotDelete('starred'), target.token);
      return checkNested(p, target.items?.[0] ?? target, context);
    case 'tuple':
    case 'list': {
      const items = target.items ?? [];
      if (items.filter((item) => item.kind === 'starred').length > 1)
        p.fail(Messages.MULTIPLE_STARRED, target.token);
      for (const item of items) checkNested(p, item, context);
      return;
    }
    default:
      return p.fail(
        context === 'delete'
          ? Messages.cannotDelete(describe(target))
          : Messages.cannotAssign(describe(target)),
        target.token,
      );
  }
}

function checkName(p: ParserState, target: Expression, context: TargetContext): void {
  if (target.name === '__debug__')
    p.fail(
      context === 'delete'
        ? Messages.cannotDelete('__debug__')
        : Messages.cannotAssign('__debug__'),
      target.token,
    );
}
