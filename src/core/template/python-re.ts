// The `re` module as templates use it: re.split, with the Python pattern translated into
// an equivalent JavaScript RegExp. Pattern syntax we cannot translate exactly is refused.
import { PYTHON_ERROR, UNSUPPORTED_REGEX } from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import { translatePattern } from './python-re-pattern.js';
import { failAt, type SourceSite } from './template-site.js';
import {
  type CallArguments,
  type PyObject,
  pyFunction,
  pyList,
  pyObject,
  type PyValue,
  pyTypeName,
} from './python-values.js';

const compiled = new Map<string, RegExp>();

/** The `re` module object a template gets from `import re`. */
export const RE_MODULE: PyObject = pyObject('module', 're', [
  ['split', pyFunction('re.split', reSplit)],
]);

function reSplit(args: CallArguments, site: SourceSite): PyValue {
  const parameters = [
    { name: 'pattern', keyword: true },
    { name: 'string', keyword: true },
    { name: 'maxsplit', keyword: true, default: 0 },
    { name: 'flags', keyword: true, default: 0 },
  ];
  const [pattern, subject, maxsplit, flags] = bindArguments('split', parameters, args, site);
  if (typeof pattern !== 'string')
    return failAt(site, UNSUPPORTED_REGEX('a pattern that is not a str'));
  if (flags !== 0) return failAt(site, UNSUPPORTED_REGEX('flags'));
  if (typeof subject !== 'string') {
    return failAt(
      site,
      PYTHON_ERROR(
        'TypeError',
        `expected string or bytes-like object, got '${pyTypeName(subject ?? null)}'`,
      ),
    );
  }
  if (typeof maxsplit !== 'number')
    return failAt(site, PYTHON_ERROR('TypeError', 'maxsplit must be an int'));
  return pyList(splitWith(regexFor(pattern, site), subject, maxsplit, site));
}

function regexFor(pattern: string, site: SourceSite): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(translatePattern(pattern, site), 'gu');
    compiled.set(pattern, regex);
  }
  return regex;
}

// Python's split: pieces between matches, captured groups in between (None when unmatched).
function splitWith(regex: RegExp, subject: string, maxsplit: number, site: SourceSite): PyValue[] {
  const pieces: PyValue[] = [];
  let last = 0;
  let splits = 0;
  regex.lastIndex = 0;
  for (
    let match = regex.exec(subject);
    match !== null && (maxsplit <= 0 || splits < maxsplit);
    match = regex.exec(subject)
  ) {
    if (match[0] === '') failAt(site, UNSUPPORTED_REGEX('a pattern that matches the empty string'));
    pieces.push(subject.slice(last, match.index), ...match.slice(1).map((group) => group ?? null));
    last = match.index + match[0].length;
    splits += 1;
  }
  pieces.push(subject.slice(last));
  return pieces;
}
