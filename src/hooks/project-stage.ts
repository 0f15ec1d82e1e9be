// Everything a hook needs past its fast check, behind one dynamic import, initialised only when
// a hook gets that far: the project and its histories, the heads files, staging, and the check
// post-commit warns with. Loading it enters a part of the hooks' bundle of its own for the code
// cache (src/runtime/code-parts.ts).
import { enterCodePart } from '../runtime/code-parts.js';

export { loadTouchedProject, type HookProject } from './hook-histories.js';
export { rewriteHeadsFiles } from '../project/heads-upkeep.js';
export { stageForCommit } from './commit-index.js';
export { introducedDivergences, introducedForks } from './introduced-divergences.js';
export { commitNames, headTexts } from './commit-names.js';
export { HookMessages } from '../messages/hooks.js';
export { loadProjectConfig } from '../config/load-config.js';

enterCodePart('hooks: project');
