// Turns each environment's divergences into GA101 findings.
import type { Finding } from '../core/findings.js';
import { divergences } from '../core/graph/revision-graph.js';
import { DIVERGED, DIVERGED_HINT } from '../messages/cli.js';
import type { History } from './workspace.js';

/** One GA101 finding per group of heads that share a branch-label set. */
export function divergenceFindings({ environment, graph }: History): Finding[] {
  return divergences(graph).map((divergence) => ({
    id: 'GA101',
    environment: environment.name,
    message: DIVERGED(divergence.heads, divergence.labels),
    hint: DIVERGED_HINT,
    locations: divergence.heads.map((id) => {
      const revision = graph.get(id);
      return { file: revision?.file ?? id, line: revision?.line };
    }),
  }));
}
