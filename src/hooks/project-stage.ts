// Everything a hook needs past its fast check, behind one dynamic import: the hooks' bundle
// makes one chunk of it, where a dozen separate imports made a dozen files to load in a process
// that starts on every commit. The project and its histories, the heads files, staging, and the
// check post-commit warns with.
export { loadTouchedProject, type HookProject } from './hook-histories.js';
export { rewriteHeadsFiles } from '../project/heads-upkeep.js';
export { stageForCommit } from './commit-index.js';
export { introducedDivergences, introducedForks } from './introduced-divergences.js';
export { commitNames, headTexts } from './commit-names.js';
export { HookMessages } from '../messages/hooks.js';
export { loadProjectConfig } from '../config/load-config.js';
