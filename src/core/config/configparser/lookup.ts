// Reading options from a parsed ini file the way ConfigParser.get / has_option / items do:
// a section's own options first, then DEFAULT; names lower-cased; values through
// BasicInterpolation (`%(name)s`, `%%`), resolved late against the section being read.
import type { ConfigDocument, ConfigOption } from './document.js';
import { interpolate } from './interpolation.js';

const DEFAULT_SECTION = 'DEFAULT';

/** Python `has_section`: true for sections of the file; DEFAULT is not a section. */
export function hasSection(document: ConfigDocument, section: string): boolean {
  return document.sections.has(section);
}

/** Python `has_option`: the section's own options or DEFAULT's; false when the section is missing. */
export function hasOption(document: ConfigDocument, section: string, key: string): boolean {
  return getRawOption(document, section, key) !== undefined;
}

/** The raw option (section first, then DEFAULT), or undefined when absent or when the section is missing. */
export function getRawOption(
  document: ConfigDocument,
  section: string,
  key: string,
): ConfigOption | undefined {
  const name = key.toLowerCase();
  if (section !== DEFAULT_SECTION) {
    const own = document.sections.get(section);
    if (own === undefined) return undefined;
    const option = own.options.get(name);
    if (option !== undefined) return option;
  }
  return document.defaults.options.get(name);
}

/**
 * Python `parser.get(section, key)`: the interpolated value, or undefined when the option (or the
 * section) is missing. Throws a ConfigParserError for a bad `%` or a reference to a missing name.
 */
export function getOption(
  document: ConfigDocument,
  section: string,
  key: string,
): string | undefined {
  const option = getRawOption(document, section, key);
  if (option === undefined) return undefined;
  return interpolate(
    {
      document,
      section,
      option: key.toLowerCase(),
      line: option.line,
      lookup: (name) => getRawOption(document, section, name)?.value,
    },
    option.value,
  );
}

/** Option names Python's `items(section)` lists: DEFAULT's first, then the section's new ones. */
export function sectionOptionNames(document: ConfigDocument, section: string): string[] {
  const names = new Set(document.defaults.options.keys());
  if (section !== DEFAULT_SECTION)
    for (const name of document.sections.get(section)?.options.keys() ?? []) names.add(name);
  return [...names];
}

/** Python `dict(parser.items(section))` (what Alembic's `get_section` returns), every value interpolated. */
export function sectionItems(document: ConfigDocument, section: string): Map<string, string> {
  const items = new Map<string, string>();
  for (const name of sectionOptionNames(document, section))
    items.set(name, getOption(document, section, name) as string);
  return items;
}
