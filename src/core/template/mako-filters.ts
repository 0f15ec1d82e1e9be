// The filter pipeline of `${expr | f, g}`. Mako prepends its default filter `str` unless
// `n` is listed, then applies the filters left to right; a name it does not know as an
// escape is looked up like any other name (so `comma` is Alembic's template variable).
import {
  FILTER_NOT_CALLABLE,
  NOT_A_STRING_RESULT,
  PYTHON_ERROR,
  REPEATED_HTML_FILTER,
  UNSUPPORTED_FILTER,
} from '../../messages/template.js';
import { PythonParser } from './python-parser.js';
import type { Scope } from './python-evaluator.js';
import { isPythonSpace } from './python-char-classes.js';
import { pyStr } from './python-repr.js';
import { pythonStrip } from './python-str-methods.js';
import { tokenizePython } from './python-tokenizer.js';
import { failAt, type SourceSite } from './template-site.js';
import { type PyValue, pyTypeName } from './python-values.js';

/** One step of a pipeline: a Mako escape function or a name looked up at render time. */
export type FilterStep =
  | { readonly kind: 'escape'; readonly name: EscapeName }
  | { readonly kind: 'name'; readonly name: string };

type EscapeName = 'str' | 'h' | 'x' | 'u' | 'trim';

// Mako's DEFAULT_ESCAPES, minus the ones refused (`entity`, `decode.*`).
const ESCAPES: ReadonlyMap<string, EscapeName> = new Map([
  ['str', 'str'],
  ['unicode', 'str'],
  ['h', 'h'],
  ['x', 'x'],
  ['u', 'u'],
  ['trim', 'trim'],
]);
const REFUSED = new Set(['entity']);
const DEFAULT_FILTERS: readonly FilterStep[] = [{ kind: 'escape', name: 'str' }];
const MARKUP_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&#34;'],
  ["'", '&#39;'],
]);

/** Parses the text after `|` into the pipeline Mako would run, defaults included. */
export function compileFilters(text: string, site: SourceSite): readonly FilterStep[] {
  const names = filterNames(text, site);
  const steps: FilterStep[] = names.includes('n') ? [] : [...DEFAULT_FILTERS];
  for (const name of names) {
    if (name === 'n') continue;
    if (REFUSED.has(name)) failAt(site, UNSUPPORTED_FILTER(name));
    const escaper = ESCAPES.get(name);
    steps.push(escaper === undefined ? { kind: 'name', name } : { kind: 'escape', name: escaper });
  }
  if (steps.filter((step) => step.kind === 'escape' && step.name === 'h').length > 1)
    failAt(site, REPEATED_HTML_FILTER);
  return steps;
}

// Mako parses the list as Python after appending a comma, so a trailing comma is an error.
function filterNames(text: string, site: SourceSite): string[] {
  if (Array.from(text).every(isPythonSpace)) return [];
  const parser: PythonParser = new PythonParser(tokenizePython(text, site), site);
  const names: string[] = [];
  for (;;) {
    const expression = parser.expression();
    if (expression.kind !== 'name') parser.fail(UNSUPPORTED_FILTER(text.trim()));
    names.push(expression.id);
    if (!parser.isOperator(',')) break;
    parser.next();
  }
  parser.expectEnd("',' or the end of the filters");
  return names;
}

/** Runs a pipeline on a value; the result written to the output must be a str. */
export function applyFilters(
  value: PyValue,
  steps: readonly FilterStep[],
  scope: Scope,
  site: SourceSite,
): string {
  let current = value;
  for (const step of steps)
    current =
      step.kind === 'escape'
        ? applyEscape(step.name, current, site)
        : callFilter(step.name, current, scope, site);
  if (typeof current !== 'string') return failAt(site, NOT_A_STRING_RESULT(pyTypeName(current)));
  return current;
}

function callFilter(name: string, value: PyValue, scope: Scope, site: SourceSite): PyValue {
  const filter = scope.lookup(name, site);
  if (typeof filter !== 'object' || filter === null || filter.kind !== 'function')
    return failAt(site, FILTER_NOT_CALLABLE(name));
  return filter.call({ positional: [value], keywords: new Map() }, site);
}

function applyEscape(name: EscapeName, value: PyValue, site: SourceSite): string {
  if (name === 'str') return pyStr(value, site);
  if (name === 'h') return escapeMarkup(pyStr(value, site));
  if (typeof value !== 'string')
    return failAt(
      site,
      PYTHON_ERROR('TypeError', `filter '${name}' expects a str, not ${pyTypeName(value)}`),
    );
  if (name === 'x') return escapeMarkup(value);
  if (name === 'trim') return pythonStrip(value);
  return urlEscape(value, site);
}

function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => MARKUP_ESCAPES.get(char) ?? char);
}

// urllib.parse.quote_plus of the UTF-8 bytes: unreserved characters stay, a space is `+`.
function urlEscape(text: string, site: SourceSite): string {
  if (/\p{Cs}/u.test(text))
    failAt(site, PYTHON_ERROR('UnicodeEncodeError', "'utf-8' codec can't encode a surrogate"));
  let result = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-~]/.test(char)) result += char;
    else result += char === ' ' ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return result;
}
