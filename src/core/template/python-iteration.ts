// Python's iteration protocol on the value model: what `for`, comprehensions, str.join and
// `comma` walk over, and how a loop target takes each item apart.
import { PYTHON_ERROR, UNORDERED_SET } from '../../messages/template.js';
import type { ForTarget } from './python-ast.js';
import { failAt, type SourceSite } from './template-site.js';
import { isSequence, type PyValue, pyTypeName } from './python-values.js';

/**
 * The items of an iterable in Python's order: characters of a str, items of a tuple or list,
 * keys of a dict, what a generator yields (consuming it). A set of several items is refused:
 * Python orders it by hash, which for str changes from one run to the next.
 */
export function iterateValue(value: PyValue, site: SourceSite): Iterable<PyValue> {
  if (typeof value === 'string') return Array.from(value);
  if (isSequence(value)) return value.items;
  if (typeof value === 'object' && value !== null) {
    if (value.kind === 'dict') return Array.from(value.entries.values(), ([key]) => key);
    if (value.kind === 'set')
      return value.entries.size <= 1
        ? value.entries.values()
        : failAt(site, UNORDERED_SET('iterating'));
    if (value.kind === 'generator') return { [Symbol.iterator]: () => value.iterator };
  }
  return failAt(site, PYTHON_ERROR('TypeError', `'${pyTypeName(value)}' object is not iterable`));
}

/** Binds a loop target (`x`, `a, b`) to one item, unpacking it like Python. */
export function bindTarget(
  target: ForTarget,
  item: PyValue,
  locals: Map<string, PyValue>,
  site: SourceSite,
): void {
  if (target.kind === 'name') {
    locals.set(target.id, item);
    return;
  }
  const values = Array.from(iterateValue(item, site));
  if (values.length !== target.ids.length) {
    failAt(
      site,
      PYTHON_ERROR(
        'ValueError',
        `expected ${target.ids.length} values to unpack, got ${values.length}`,
      ),
    );
  }
  for (const [index, id] of target.ids.entries()) locals.set(id, values[index] ?? null);
}
