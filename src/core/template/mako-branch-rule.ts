// Mako writes each control block as Python and inserts `pass` only where its heuristic
// says a branch is empty. When a branch has no statement but its block has other content
// (`% if x:` directly followed by `% else:` and text), the generated module does not
// compile. We refuse the same templates so we never render what Alembic cannot.
import { EMPTY_BRANCH } from '../../messages/template.js';
import type { MakoNode } from './mako-lexer.js';
import { failAt, type SourceSite } from './template-site.js';

/** What one branch of a control block contains, as far as the rule is concerned. */
export interface BranchFacts {
  /** Something that becomes a Python statement (text, `${}`, a nested block, a code block). */
  statement: boolean;
  /** Anything but a comment (a `<%! %>` block counts, though it emits no statement). */
  real: boolean;
  /** A `<% %>` block without statements: a statement only when the body assigns names. */
  emptyCode: boolean;
}

/** Records a node (or a nested control block) found in a branch. */
export function noteNode(
  facts: BranchFacts,
  node: MakoNode | { readonly kind: 'control' },
  statementCount: number,
): void {
  if (node.kind === 'comment') return;
  facts.real = true;
  if (node.kind !== 'code') facts.statement = true;
  else if (!node.isModule) {
    if (statementCount > 0) facts.statement = true;
    else facts.emptyCode = true;
  }
}

/** Fails when Mako's generated code for this block would not compile. */
export function checkBranches(
  branches: readonly BranchFacts[],
  assignsInBody: boolean,
  site: SourceSite,
): void {
  const hasStatement = (facts: BranchFacts): boolean =>
    facts.statement || (facts.emptyCode && assignsInBody);
  const [first, ...others] = branches;
  if (first && !hasStatement(first) && branches.some((facts) => facts.real))
    failAt(site, EMPTY_BRANCH);
  if (others.some((facts) => facts.real && !hasStatement(facts))) failAt(site, EMPTY_BRANCH);
}
