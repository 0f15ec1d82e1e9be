// What the merge-making hooks (post-merge, post-rewrite, pre-commit concluding a merge) add to
// the project stage, behind one dynamic import (one chunk of the hooks' bundle): writing merge
// revisions, folding them into the merge commit, committing them after a rebase.
export { announceMerges, createMerges, createMergesFor } from './create-merges.js';
export { completeMergeCommit } from './complete-merge.js';
export { commitPaths } from '../git/commit-plumbing.js';
export { HookMessages } from '../messages/hooks.js';
