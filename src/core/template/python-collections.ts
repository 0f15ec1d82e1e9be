// Dicts and sets, as comprehensions and displays build them. Python finds keys by hash and
// equality; we key a Map by a text that is equal exactly when Python's keys are equal
// (`1`, `True` and `1` in a tuple alike), so building and lookup stay linear.
import { PYTHON_ERROR, UNSUPPORTED_ATTRIBUTE, UNSUPPORTED_KEY } from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import { pyRepr } from './python-repr.js';
import { failAt, type SourceSite } from './template-site.js';
import { type PyDict, pyFunction, type PySet, type PyValue, pyTypeName } from './python-values.js';

/** The Map key for a hashable Python value; fails like Python for lists, dicts and sets. */
export function hashKey(value: PyValue, site: SourceSite): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'i1' : 'i0';
  if (typeof value === 'number') return `i${value}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (value.kind === 'tuple')
    return `t[${value.items.map((item) => hashKey(item, site)).join(',')}]`;
  if (value.kind === 'list' || value.kind === 'dict' || value.kind === 'set') {
    return failAt(site, PYTHON_ERROR('TypeError', `unhashable type: '${value.kind}'`));
  }
  return failAt(site, UNSUPPORTED_KEY(pyTypeName(value)));
}

/** Builds a dict from key/value pairs in order; a repeated key keeps its place and takes the last value. */
export function pyDict(pairs: Iterable<readonly [PyValue, PyValue]>, site: SourceSite): PyDict {
  const entries = new Map<string, readonly [PyValue, PyValue]>();
  for (const [key, value] of pairs) {
    const hash = hashKey(key, site);
    entries.set(hash, [entries.get(hash)?.[0] ?? key, value]);
  }
  return { kind: 'dict', entries };
}

/** Builds a set; a repeated item keeps the first one seen. */
export function pySet(items: Iterable<PyValue>, site: SourceSite): PySet {
  const entries = new Map<string, PyValue>();
  for (const item of items) {
    const hash = hashKey(item, site);
    if (!entries.has(hash)) entries.set(hash, item);
  }
  return { kind: 'set', entries };
}

/** `dict[key]`, with Python's KeyError. */
export function dictItem(dict: PyDict, key: PyValue, site: SourceSite): PyValue {
  const entry = dict.entries.get(hashKey(key, site));
  if (entry === undefined) return failAt(site, PYTHON_ERROR('KeyError', pyRepr(key, site)));
  return entry[1];
}

/** `dict.name`: only `get` is modelled (keys(), items() and values() return views we do not print). */
export function dictAttribute(dict: PyDict, name: string, site: SourceSite): PyValue {
  if (name !== 'get') return failAt(site, UNSUPPORTED_ATTRIBUTE('dict', name));
  return pyFunction('dict.get', (args, callSite) => {
    const [key = null, fallback = null] = bindArguments(
      'get',
      [{ name: 'key' }, { name: 'default', default: null }],
      args,
      callSite,
    );
    const entry = dict.entries.get(hashKey(key, callSite));
    return entry === undefined ? fallback : entry[1];
  });
}

/** `key in dict` or `item in set`. */
export function hasKey(collection: PyDict | PySet, key: PyValue, site: SourceSite): boolean {
  return collection.entries.has(hashKey(key, site));
}
