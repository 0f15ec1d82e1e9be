// What the merge-making hooks (post-merge, post-rewrite, pre-commit concluding a merge) add to
// the project stage, behind one dynamic import (a part of the hooks' bundle of its own for the
// code cache, src/runtime/code-parts.ts): writing merge revisions, folding them into the merge
// commit, committing them after a rebase.
import { enterCodePart } from '../runtime/code-parts.js';

export { announceMerges, createMerges, createMergesFor } from './create-merges.js';
export { completeMergeCommit } from './complete-merge.js';
export { commitPaths } from '../git/commit-plumbing.js';
export { HookMessages } from '../messages/hooks.js';

enterCodePart('hooks: merge writing');
