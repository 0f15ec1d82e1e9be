// The ASCII picture, drawn like `git log --graph`: one column ("lane") per line of descent being
// followed, `*` for the revision, `|` for lanes passing by, `/` and `\` for lanes moving one
// column per row. Before a revision that several lanes wait for (a branch point) those lanes
// join it; after a merge, one lane per parent fans out; after a base, its lane closes.
import { GraphPictureText } from '../../messages/graph.js';
import type { Picture, PictureNode } from './graph-picture.js';

/** A lane travelling from one column to another over the transition rows. */
interface Move {
  column: number;
  readonly target: number;
}

// The most lines of descent drawn side by side. Every row is as wide as the lanes open and a
// lane may take a row per column to move, so a picture of thousands of parallel heads would be
// quadratic in size (20,000 heads: gigabytes); past this width revisions are listed instead.
const MAX_LANES = 64;

/** Renders the picture as lines of text, heads at the top, then a blank line and the summary. */
export function renderAscii(picture: Picture): string {
  if (picture.nodes.length === 0) return `${GraphPictureText.EMPTY}\n`;
  const lines: string[] = [];
  let lanes: string[] = [];
  let endedColumn = -1;
  for (const node of picture.nodes) {
    // A new lane, then one per further parent: the widest this revision can make the picture.
    if (lanes.length + node.parents.length > MAX_LANES) return renderList(picture);
    let column = lanes.indexOf(node.id);
    if (column === -1) {
      column = lanes.length;
      lanes = [...lanes, node.id];
      // A new line of descent right under a base would read as that base's parent: leave a gap.
      if (column === endedColumn) lines.push(commitRow(column, -1));
    } else {
      lanes = joinLanes(lanes, node.id, column, lines);
    }
    lines.push(`${commitRow(lanes.length, column)} ${describe(node)}`);
    endedColumn = node.parents.length === 0 && column === lanes.length - 1 ? column : -1;
    lanes = replaceLane(lanes, column, node.parents, lines);
  }
  return `${[...lines, '', ...picture.summary].join('\n')}\n`;
}

// The picture too wide to draw: one line per revision in the same order, with its parents.
function renderList(picture: Picture): string {
  const lines = picture.nodes.map((node) =>
    node.parents.length === 0
      ? describe(node)
      : `${describe(node)} ${GraphPictureText.revises(node.parents)}`,
  );
  return `${[GraphPictureText.tooWide(MAX_LANES), ...lines, '', ...picture.summary].join('\n')}\n`;
}

function describe(node: PictureNode): string {
  const markers = node.markers.length > 0 ? ` (${node.markers.join(', ')})` : '';
  return `${node.id}${markers}${node.doc ? ` ${node.doc}` : ''}`;
}

function commitRow(width: number, column: number): string {
  return Array.from({ length: width }, (_, lane) => (lane === column ? '*' : '|')).join(' ');
}

// Every lane waiting for `id` slides into the leftmost one; the lanes right of them close up.
function joinLanes(
  lanes: readonly string[],
  id: string,
  column: number,
  lines: string[],
): string[] {
  let removed = 0;
  const moves = lanes.map((awaited, lane): Move => {
    if (awaited === id && lane !== column) {
      removed++;
      return { column: lane, target: column };
    }
    return { column: lane, target: lane - removed };
  });
  lines.push(...transitionRows(moves));
  return lanes.filter((awaited, lane) => awaited !== id || lane === column);
}

// The revision's lane continues as its first parent; further parents fan out to its right; a
// base's lane ends. Lanes to the right move over to make room or to close the gap.
function replaceLane(
  lanes: readonly string[],
  column: number,
  parents: readonly string[],
  lines: string[],
): string[] {
  const shift = parents.length - 1;
  const moves: Move[] = [];
  lanes.forEach((_, lane) => {
    if (lane < column) moves.push({ column: lane, target: lane });
    else if (lane > column) moves.push({ column: lane, target: lane + shift });
    else for (const offset of parents.keys()) moves.push({ column: lane, target: lane + offset });
  });
  lines.push(...transitionRows(moves));
  return [...lanes.slice(0, column), ...parents, ...lanes.slice(column + 1)];
}

// One row per step until every lane has reached its target column; none when nothing moves.
function transitionRows(moves: Move[]): string[] {
  const rows: string[] = [];
  while (moves.some((move) => move.column !== move.target)) {
    const cells: string[] = [];
    for (const move of moves) {
      if (move.column === move.target) {
        cells[2 * move.column] = '|';
      } else if (move.target < move.column) {
        cells[2 * move.column - 1] = '/';
        move.column -= 1;
      } else {
        cells[2 * move.column + 1] = '\\';
        move.column += 1;
      }
    }
    rows.push(
      Array.from(cells, (cell) => cell ?? ' ')
        .join('')
        .trimEnd(),
    );
  }
  return rows;
}
