// The Graphviz DOT picture: a digraph with edges from a revision to what it revises (heads at
// the top), dashed edges for depends_on, heads drawn bold and diverged heads filled red.
import { GraphPictureText } from '../../messages/graph.js';
import type { NodeKind, Picture, PictureNode } from './graph-picture.js';

const STYLE_OF: Record<NodeKind, string> = {
  diverged: ', style="filled,bold", fillcolor="#ffe0e0", color="#c62828", penwidth=2',
  head: ', style="bold", penwidth=2',
  'effective-head': ', style="bold,dashed", penwidth=2',
  revision: '',
};

/** Renders the picture as a DOT digraph, the summary as `//` comments. */
export function renderDot(picture: Picture): string {
  const lines = [
    'digraph revisions {',
    ...picture.summary.map((line) => `  // ${line}`),
    '  rankdir=TB;',
    '  node [shape=box, fontname="monospace"];',
  ];
  for (const node of picture.nodes)
    lines.push(`  ${quote(node.id)} [label=${quote(label(node))}${STYLE_OF[node.kind]}];`);
  for (const node of picture.nodes) {
    for (const parent of node.parents) lines.push(`  ${quote(node.id)} -> ${quote(parent)};`);
    for (const target of node.dependencies)
      lines.push(
        `  ${quote(node.id)} -> ${quote(target)} [style=dashed, label=${quote(GraphPictureText.DEPENDS_ON_EDGE)}];`,
      );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function label(node: PictureNode): string {
  const markers = node.markers.length > 0 ? ` (${node.markers.join(', ')})` : '';
  return `${node.id}${markers}${node.doc ? `\n${node.doc}` : ''}`;
}

// A DOT quoted string: backslashes and quotes escaped, `&` kept from starting an entity (Graphviz
// decodes &lt; and friends in labels), line breaks as \n (centred lines).
function quote(text: string): string {
  const escaped = text.replace(/[\\"]/g, (character) => `\\${character}`).replace(/&/g, '&amp;');
  return `"${escaped.replace(/\n/g, '\\n')}"`;
}
