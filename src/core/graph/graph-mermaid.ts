// The Mermaid picture: a top-to-bottom flowchart (GitHub and GitLab render it in Markdown).
// Edges point from a revision to what it revises, so heads sit at the top; depends_on edges are
// dotted. Nodes are keyed r0, r1, … by load order, since revision ids need not be valid Mermaid ids.
import { GraphPictureText } from '../../messages/graph.js';
import type { NodeKind, Picture, PictureNode } from './graph-picture.js';

const CLASS_DEFINITIONS = [
  'classDef head stroke-width:3px',
  'classDef effectiveHead stroke-width:3px,stroke-dasharray:5 3',
  'classDef diverged fill:#ffe0e0,stroke:#c62828,stroke-width:3px,color:#000',
];

const CLASS_OF: Record<NodeKind, string | undefined> = {
  diverged: 'diverged',
  head: 'head',
  'effective-head': 'effectiveHead',
  revision: undefined,
};

/** Renders the picture as a Mermaid flowchart, the summary as `%%` comments. */
export function renderMermaid(picture: Picture): string {
  const key = new Map(picture.nodes.map((node) => [node.id, `r${node.index}`]));
  const lines = ['flowchart TB', ...picture.summary.map((line) => `  %% ${line}`)];
  for (const node of picture.nodes)
    lines.push(`  ${key.get(node.id)}["${escapeMermaid(label(node))}"]`);
  for (const node of picture.nodes) {
    for (const parent of node.parents) lines.push(`  ${key.get(node.id)} --> ${key.get(parent)}`);
    for (const target of node.dependencies)
      lines.push(
        `  ${key.get(node.id)} -.->|${GraphPictureText.DEPENDS_ON_EDGE}| ${key.get(target)}`,
      );
  }
  lines.push(...CLASS_DEFINITIONS.map((definition) => `  ${definition}`));
  for (const [kind, className] of Object.entries(CLASS_OF)) {
    const members = picture.nodes
      .filter((node) => node.kind === kind)
      .map((node) => key.get(node.id));
    if (className !== undefined && members.length > 0)
      lines.push(`  class ${members.join(',')} ${className}`);
  }
  return `${lines.join('\n')}\n`;
}

function label(node: PictureNode): string {
  const markers = node.markers.length > 0 ? ` (${node.markers.join(', ')})` : '';
  return `${node.id}${markers}${node.doc ? `\n${node.doc}` : ''}`;
}

// Mermaid's entity codes (#34; and friends) keep quotes and HTML out of the label; a line break is <br/>.
function escapeMermaid(text: string): string {
  return text
    .replace(/[#"<>&]/g, (character) => `#${character.charCodeAt(0)};`)
    .replace(/\n/g, '<br/>');
}
