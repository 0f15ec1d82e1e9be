// The head symbols Alembic accepts where a command wants heads: `heads`, `head`, `<x>@heads`
// and `<x>@head` (RevisionMap._resolve_revision_number and filter_for_lineage).
//
// - `heads` is every real head (`_real_heads`): what `alembic merge heads` merges.
// - `head` is the single versioned head; more than one fails (MultipleHeads).
// - `<x>@heads` is every versioned head sharing lineage with x, i.e. descending from x (a head
//   has no descendants of its own), x being a revision id, a branch label, or a unique prefix
//   (more than three characters) of either. `<x>@head` is the same and must find only one.
// - An empty x (`@heads`) means no branch at all, as in Alembic.
import { neighbours } from './adjacency.js';
import {
  MultipleHeadsError,
  UnknownRevisionError,
  UnsupportedHeadSymbolError,
} from './graph-errors.js';
import type { GraphStructure } from './graph-structure.js';

/** What head-symbol resolution needs from a built graph. */
export interface HeadSymbolContext {
  readonly structure: GraphStructure;
  readonly heads: readonly string[];
  readonly realHeads: readonly string[];
}

/** The revision ids a head symbol stands for, in heads order; throws where Alembic fails. */
export function resolveHeadSymbol(
  { structure, heads, realHeads }: HeadSymbolContext,
  symbol: string,
): readonly string[] {
  const at = symbol.indexOf('@');
  const branch = at === -1 ? '' : symbol.slice(0, at);
  const which = at === -1 ? symbol : symbol.slice(at + 1);
  if (which !== 'head' && which !== 'heads') throw new UnsupportedHeadSymbolError(symbol);
  if (branch === '') return which === 'heads' ? realHeads : single('head', heads);
  if (heads.length === 0) return [];
  const lineage = descendantsOf(structure, resolveIdentifier(structure, branch));
  const found = heads.filter((id) => lineage.has(structure.indexById.get(id) as number));
  return which === 'heads' ? found : single(`${branch}@head`, found);
}

/** The index of a revision named by id, branch label, or unique prefix of either (longer than three characters). */
export function resolveIdentifier(
  { revisions, indexById, labelOwners }: GraphStructure,
  name: string,
): number {
  const exact = indexById.get(name) ?? labelOwners.get(name);
  if (exact !== undefined) return exact;
  const keys = [...revisions.map((revision) => revision.id), ...labelOwners.keys()];
  const matches = keys.filter((key) => key.length > 3 && key.startsWith(name));
  if (matches.length !== 1) throw new UnknownRevisionError(name, matches);
  const key = matches[0] as string;
  return indexById.get(key) ?? (labelOwners.get(key) as number);
}

function single(symbol: string, heads: readonly string[]): readonly string[] {
  if (heads.length > 1) throw new MultipleHeadsError(symbol, heads);
  return heads;
}

function descendantsOf({ children }: GraphStructure, start: number): Set<number> {
  const found = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const child of neighbours(children, todo.pop() as number)) {
      if (!found.has(child)) {
        found.add(child);
        todo.push(child);
      }
    }
  }
  return found;
}
