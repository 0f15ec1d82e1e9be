// The files every set-up plans for the histories, whichever hook manager runs the hooks: a heads
// file per environment, the .gitattributes lines that give them (and any hook files) the driver
// and their line ends, and the config file that lists the environments. Each path is checked
// inside the work tree, and never read through a link.
import { planConfigFile } from './config-step.js';
import type { SetupEnvironments } from './environments-step.js';
import { planAttributes, planHeadsFiles } from './heads-step.js';

/** The heads files, `.gitattributes` (with `hookFiles` kept LF) and the config file, planned. */
export function planHistoryFiles(
  topLevel: string,
  environments: SetupEnvironments,
  hookFiles: readonly string[],
) {
  const headsEdits = planHeadsFiles(environments.histories, topLevel);
  const attributes = planAttributes(
    topLevel,
    headsEdits.map((edit) => edit.relative),
    hookFiles,
  );
  const config = planConfigFile(topLevel, environments.toList, environments.workspace.config.file);
  return { headsEdits, attributes, config };
}
