// printf-style `str % value` for the conversions templates use (`%s`, `%r`, `%d`, `%%`),
// as in the multidb template's `"%s_upgrades" % db_name`. Flags and widths are refused.
import { PYTHON_ERROR, UNSUPPORTED_FORMAT } from '../../messages/template.js';
import { pyRepr, pyStr } from './python-repr.js';
import { failAt, type SourceSite } from './template-site.js';
import { hasKind, type PyValue, pyTypeName } from './python-values.js';

const SPECIFIER = /%(.?)/gs;

/** Evaluates `template % value` like Python's str.__mod__. */
export function percentFormat(template: string, value: PyValue, site: SourceSite): string {
  const args = hasKind(value, 'tuple') ? value.items : [value];
  let used = 0;
  const result = template.replace(SPECIFIER, (_match, conversion: string) => {
    if (conversion === '%') return '%';
    if (!['s', 'r', 'd', 'i'].includes(conversion))
      failAt(site, UNSUPPORTED_FORMAT(`%${conversion}`));
    if (used >= args.length)
      failAt(site, PYTHON_ERROR('TypeError', 'not enough arguments for format string'));
    const arg = args[used] ?? null;
    used += 1;
    return convert(conversion, arg, site);
  });
  // Python only checks for leftovers when the right operand is a tuple or a non-mapping.
  if (used < args.length && !hasKind(value, 'list') && !hasKind(value, 'dict')) {
    failAt(site, PYTHON_ERROR('TypeError', 'not all arguments converted during string formatting'));
  }
  return result;
}

function convert(conversion: string, arg: PyValue, site: SourceSite): string {
  if (conversion === 's') return pyStr(arg, site);
  if (conversion === 'r') return pyRepr(arg, site);
  if (typeof arg === 'number') return String(arg);
  if (typeof arg === 'boolean') return arg ? '1' : '0';
  return failAt(
    site,
    PYTHON_ERROR(
      'TypeError',
      `%${conversion} format: a real number is required, not ${pyTypeName(arg)}`,
    ),
  );
}
