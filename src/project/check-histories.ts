// Turns each environment's history into findings: GA101 for a divergence (the heads and their
// files, and the revision they forked from, so a CI annotation on one head's file tells the whole
// story), GA102 for a history with no revision at all (a layout read wrong must never pass as "ok").
import type { Finding } from '../core/findings.js';
import { forkPoints } from '../core/graph/fork-point.js';
import { divergences } from '../core/graph/divergences.js';
import { DIVERGED, DIVERGED_HINT, NO_REVISIONS, NO_REVISIONS_HINT } from '../messages/cli.js';
import { repositoryPath } from './heads-files.js';
import type { History } from './workspace.js';

/** GA102 when the environment's version locations hold no revision file. */
export function emptyHistoryFindings({ environment, graph }: History, repoRoot: string): Finding[] {
  if (graph.revisions.length > 0) return [];
  const directories = environment.versionLocations.map((location) =>
    repositoryPath(location, repoRoot),
  );
  // Pointed at the config, where the fix goes (and where a CI annotation can land).
  const locations = [{ file: repositoryPath(environment.configFile, repoRoot) }];
  return [
    {
      id: 'GA102',
      environment: environment.name,
      message: NO_REVISIONS(directories),
      hint: NO_REVISIONS_HINT,
      locations,
    },
  ];
}

/** One GA101 finding per group of heads that share a branch-label set. */
export function divergenceFindings({ environment, graph }: History): Finding[] {
  const named = (id: string): { id: string; file: string | undefined } => ({
    id,
    file: graph.get(id)?.file,
  });
  return divergences(graph).map((divergence) => ({
    id: 'GA101',
    environment: environment.name,
    message: DIVERGED(
      divergence.heads.map(named),
      divergence.labels,
      forkPoints(graph, divergence.heads).map(named),
    ),
    hint: DIVERGED_HINT,
    locations: divergence.heads.map((id) => {
      const revision = graph.get(id);
      return { file: revision?.file ?? id, line: revision?.line };
    }),
  }));
}
