// `renderGraph`: the revision graph as a picture people can read, in one of three formats.
// Every format shows full revision ids, doc lines, heads and divergences, and is deterministic.
import { renderAscii } from './graph-ascii.js';
import { renderDot } from './graph-dot.js';
import { renderMermaid } from './graph-mermaid.js';
import { describeGraph } from './graph-picture.js';
import type { RevisionGraph } from './revision-graph.js';

/** The picture formats. */
export type GraphFormat = 'ascii' | 'mermaid' | 'markdown' | 'dot';

/**
 * Draws the graph: `ascii` like `git log --graph` (heads at the top, a summary below), `mermaid`
 * as a top-to-bottom flowchart, `markdown` as that flowchart in a ```` ```mermaid ```` fence (what
 * GitHub and GitLab render in a .md file), `dot` as a Graphviz digraph. The text ends with a newline.
 */
export function renderGraph(graph: RevisionGraph, format: GraphFormat): string {
  const picture = describeGraph(graph);
  switch (format) {
    case 'ascii':
      return renderAscii(picture);
    case 'mermaid':
      return renderMermaid(picture);
    case 'markdown':
      return `\`\`\`mermaid\n${renderMermaid(picture)}\`\`\`\n`;
    case 'dot':
      return renderDot(picture);
  }
}
