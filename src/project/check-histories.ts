// Turns each environment's divergences into GA101 findings: the heads and their files, and the
// revision they forked from, so a CI annotation on one head's file tells the whole story.
import type { Finding } from '../core/findings.js';
import { forkPoints } from '../core/graph/fork-point.js';
import { divergences } from '../core/graph/revision-graph.js';
import { DIVERGED, DIVERGED_HINT } from '../messages/cli.js';
import type { History } from './workspace.js';

/** One GA101 finding per group of heads that share a branch-label set. */
export function divergenceFindings({ environment, graph }: History): Finding[] {
  const named = (id: string): { id: string; file: string | undefined } => ({ id, file: graph.get(id)?.file });
  return divergences(graph).map((divergence) => ({
    id: 'GA101',
    environment: environment.name,
    message: DIVERGED(divergence.heads.map(named), divergence.labels, forkPoints(graph, divergence.heads).map(named)),
    hint: DIVERGED_HINT,
    locations: divergence.heads.map((id) => {
      const revision = graph.get(id);
      return { file: revision?.file ?? id, line: revision?.line };
    }),
  }));
}
