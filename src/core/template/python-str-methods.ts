// The str methods a template may call (`strip`, `split`, `join`, …) with Python's exact
// semantics: Python's whitespace set, split's empty-field rules, code-point indexing.
import { PYTHON_ERROR, UNSUPPORTED_ATTRIBUTE } from '../../messages/template.js';
import { bindArguments, type Parameter } from './python-arguments.js';
import { isPythonSpace } from './python-char-classes.js';
import { iterateValue } from './python-iteration.js';
import { failAt, type SourceSite } from './template-site.js';
import {
  type CallArguments,
  hasKind,
  type PyFunction,
  pyFunction,
  pyList,
  type PyValue,
  pyTypeName,
} from './python-values.js';

type Method = (self: string, args: CallArguments, site: SourceSite) => PyValue;

const NONE_DEFAULT: Parameter = { name: 'chars', default: null };

const METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ['strip', (self, args, site) => pythonStrip(self, optionalChars('strip', args, site))],
  ['lstrip', (self, args, site) => pythonStrip(self, optionalChars('lstrip', args, site), 'left')],
  ['rstrip', (self, args, site) => pythonStrip(self, optionalChars('rstrip', args, site), 'right')],
  ['split', split],
  ['join', join],
  ['upper', (self, args, site) => changeCase('upper', self, args, site)],
  ['lower', (self, args, site) => changeCase('lower', self, args, site)],
  ['replace', replace],
  ['startswith', (self, args, site) => affix('startswith', self, args, site)],
  ['endswith', (self, args, site) => affix('endswith', self, args, site)],
]);

/** The bound method `self.name`, or an error naming the unsupported attribute. */
export function stringMethod(self: string, name: string, site: SourceSite): PyFunction {
  const method = METHODS.get(name);
  if (method === undefined) return failAt(site, UNSUPPORTED_ATTRIBUTE('str', name));
  return pyFunction(`str.${name}`, (args, callSite) => method(self, args, callSite));
}

function optionalChars(name: string, args: CallArguments, site: SourceSite): string | null {
  const [chars] = bindArguments(name, [NONE_DEFAULT], args, site);
  if (chars === null || typeof chars === 'string') return chars ?? null;
  return failAt(site, PYTHON_ERROR('TypeError', `${name} arg must be None or str`));
}

/** Python's str.strip/lstrip/rstrip: `chars` null means Python's whitespace. */
export function pythonStrip(
  self: string,
  chars: string | null = null,
  side: 'both' | 'left' | 'right' = 'both',
): string {
  const left = side !== 'right';
  const right = side !== 'left';
  const characters = Array.from(self);
  const strippable = (char: string): boolean =>
    chars === null ? isPythonSpace(char) : chars.includes(char);
  let start = 0;
  let end = characters.length;
  while (left && start < end && strippable(characters[start] ?? '')) start += 1;
  while (right && end > start && strippable(characters[end - 1] ?? '')) end -= 1;
  return characters.slice(start, end).join('');
}

function split(self: string, args: CallArguments, site: SourceSite): PyValue {
  const parameters: Parameter[] = [
    { name: 'sep', keyword: true, default: null },
    { name: 'maxsplit', keyword: true, default: -1 },
  ];
  const [separator = null, maxsplit = null] = bindArguments('split', parameters, args, site);
  if (typeof maxsplit !== 'number')
    return failAt(site, PYTHON_ERROR('TypeError', 'maxsplit must be an int'));
  const limit = maxsplit < 0 ? Number.POSITIVE_INFINITY : maxsplit;
  if (separator === null) return pyList(splitOnWhitespace(self, limit));
  if (typeof separator !== 'string')
    return failAt(
      site,
      PYTHON_ERROR('TypeError', `must be str or None, not ${pyTypeName(separator)}`),
    );
  if (separator === '') return failAt(site, PYTHON_ERROR('ValueError', 'empty separator'));
  const parts = self.split(separator);
  if (parts.length - 1 <= limit) return pyList(parts);
  return pyList([...parts.slice(0, limit), parts.slice(limit).join(separator)]);
}

// str.split() without a separator: runs of whitespace separate, ends are dropped.
function splitOnWhitespace(self: string, limit: number): string[] {
  const parts: string[] = [];
  const characters = Array.from(self);
  let index = 0;
  for (;;) {
    while (index < characters.length && isPythonSpace(characters[index] ?? '')) index += 1;
    if (index >= characters.length) return parts;
    if (parts.length >= limit) {
      parts.push(characters.slice(index).join(''));
      return parts;
    }
    const start = index;
    while (index < characters.length && !isPythonSpace(characters[index] ?? '')) index += 1;
    parts.push(characters.slice(start, index).join(''));
  }
}

function join(self: string, args: CallArguments, site: SourceSite): PyValue {
  const [iterable = null] = bindArguments('join', [{ name: 'iterable' }], args, site);
  return joinStrings(iterateValue(iterable, site), self, site);
}

/** str.join: every item must be a str. */
export function joinStrings(items: Iterable<PyValue>, separator: string, site: SourceSite): string {
  const strings: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string')
      failAt(
        site,
        PYTHON_ERROR(
          'TypeError',
          `sequence item ${strings.length}: expected str instance, ${pyTypeName(item)} found`,
        ),
      );
    strings.push(item);
  }
  return strings.join(separator);
}

function replace(self: string, args: CallArguments, site: SourceSite): PyValue {
  const parameters: Parameter[] = [
    { name: 'old' },
    { name: 'new' },
    { name: 'count', default: -1 },
  ];
  const [old, replacement, count] = bindArguments('replace', parameters, args, site);
  if (typeof old !== 'string' || typeof replacement !== 'string' || typeof count !== 'number') {
    return failAt(site, PYTHON_ERROR('TypeError', 'replace() arguments must be str, str and int'));
  }
  if (old === '')
    return failAt(
      site,
      PYTHON_ERROR('ValueError', 'replace() with an empty string is not supported by git-alembic'),
    );
  const parts = self.split(old);
  if (count < 0 || count >= parts.length - 1) return parts.join(replacement);
  return parts.slice(0, count + 1).join(replacement) + old + parts.slice(count + 1).join(old);
}

function affix(
  name: 'startswith' | 'endswith',
  self: string,
  args: CallArguments,
  site: SourceSite,
): PyValue {
  const [affixes = null] = bindArguments(name, [{ name: 'prefix' }], args, site);
  const candidates =
    typeof affixes === 'string' ? [affixes] : hasKind(affixes, 'tuple') ? affixes.items : [null];
  return candidates.some((candidate) => {
    if (typeof candidate !== 'string')
      failAt(site, PYTHON_ERROR('TypeError', `${name} first arg must be str or a tuple of str`));
    return name === 'startswith' ? self.startsWith(candidate) : self.endsWith(candidate);
  });
}

function changeCase(
  name: 'upper' | 'lower',
  self: string,
  args: CallArguments,
  site: SourceSite,
): string {
  bindArguments(name, [], args, site);
  return name === 'upper' ? self.toUpperCase() : self.toLowerCase();
}
