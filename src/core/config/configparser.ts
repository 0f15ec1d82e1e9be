// Python's `configparser.ConfigParser(defaults)` reading one file, exactly as Alembic builds it
// (config.py: `ConfigParser(self.config_args)` then `read()`): delimiters `=` and `:`, only
// full-line `#`/`;` comments (indented ones too), inline text kept as part of the value,
// continuation lines indented deeper than the key, empty lines inside values, lower-cased keys,
// strict duplicate checks, no valueless keys. Values stay raw; interpolation happens on lookup.
import { ConfigParserError } from './configparser/errors.js';
import {
  firstNonSpaceIndex,
  pythonRstrip,
  pythonStrip,
  splitUniversalLines,
} from '../python-text.js';
import {
  BOM_HINT,
  DUPLICATE_OPTION,
  DUPLICATE_SECTION,
  EMPTY_OPTION_NAME,
  iniKey,
  iniSectionKey,
  MISSING_SECTION_HEADER,
  UNPARSABLE_LINE,
} from '../../messages/alembic-config.js';

import {
  type ConfigDocument,
  type ConfigOption,
  type ConfigSection,
  DEFAULT_SECTION,
} from './configparser/document.js';

export { ConfigParserError, type ConfigParserErrorKind } from './configparser/errors.js';
export {
  type ConfigDocument,
  type ConfigOption,
  type ConfigSection,
  DEFAULT_SECTION,
} from './configparser/document.js';
export {
  getOption,
  getRawOption,
  hasOption,
  hasSection,
  sectionItems,
  sectionOptionNames,
} from './configparser/lookup.js';
export { SectionView } from './configparser/section-view.js';

interface PendingOption {
  readonly lines: string[];
  readonly line: number | undefined;
  readonly fixed?: string;
}

interface PendingSection {
  readonly name: string;
  readonly line: number | undefined;
  readonly options: Map<string, PendingOption>;
}

interface ParseState {
  readonly fileName: string;
  readonly defaults: PendingSection;
  readonly sections: Map<string, PendingSection>;
  /** Python's `elements_added`: sections and (section, option) pairs read from this file. */
  readonly added: Set<string>;
  current: PendingSection | undefined;
  currentName: string | undefined;
  option: string | undefined;
  indentLevel: number;
  /** configparser collects ParsingErrors and raises the first at the end of the file. */
  pending: ConfigParserError | undefined;
}

const COMMENT_PREFIXES = ['#', ';'];
// Python's SECTCRE `\[(?P<header>.+)\]` with re.match: anchored at the start only, greedy.
const SECTION_HEADER = /^\[(.+)\]/s;

/**
 * Parses ini text as Python's `ConfigParser(defaults).read(file)` does, throwing a
 * ConfigParserError (DuplicateSectionError, DuplicateOptionError, MissingSectionHeaderError,
 * ParsingError) where Python raises.
 */
export function parseConfigParser(
  text: string,
  fileName: string,
  defaults: Readonly<Record<string, string>> = {},
): ConfigDocument {
  const state: ParseState = {
    fileName,
    defaults: { name: DEFAULT_SECTION, line: undefined, options: new Map() },
    sections: new Map(),
    added: new Set(),
    current: undefined,
    currentName: undefined,
    option: undefined,
    indentLevel: 0,
    pending: undefined,
  };
  for (const [key, value] of Object.entries(defaults)) {
    state.defaults.options.set(key.toLowerCase(), { lines: [], line: undefined, fixed: value });
  }
  for (const [index, line] of splitUniversalLines(text).entries()) readLine(state, line, index + 1);
  if (state.pending) throw state.pending;
  return {
    fileName,
    defaults: finishSection(state.defaults),
    sections: new Map([...state.sections].map(([name, section]) => [name, finishSection(section)])),
  };
}

function readLine(state: ParseState, line: string, lineNumber: number): void {
  const stripped = pythonStrip(line);
  const isComment = COMMENT_PREFIXES.some((prefix) => stripped.startsWith(prefix));
  if (isComment || stripped === '') {
    // empty_lines_in_values=True: a blank line (not a comment) joins the current value.
    if (!isComment && state.current && state.option)
      state.current.options.get(state.option)?.lines.push('');
    return;
  }
  const indent = firstNonSpaceIndex(line);
  if (state.current && state.option && indent > state.indentLevel) {
    state.current.options.get(state.option)?.lines.push(stripped);
    return;
  }
  state.indentLevel = indent;
  const header = SECTION_HEADER.exec(stripped);
  if (header) {
    enterSection(state, header[1] as string, lineNumber);
  } else if (state.current === undefined) {
    const hint = lineNumber === 1 && line.startsWith('\ufeff') ? BOM_HINT : undefined;
    throw new ConfigParserError(
      'MissingSectionHeaderError',
      state.fileName,
      undefined,
      MISSING_SECTION_HEADER(line),
      { line: lineNumber, hint },
    );
  } else {
    readOption(state, state.current, stripped, lineNumber);
  }
}

// Mirrors the section branch of RawConfigParser._read, including its DEFAULT special case.
function enterSection(state: ParseState, name: string, lineNumber: number): void {
  const existing = state.sections.get(name);
  if (existing) {
    if (state.added.has(sectionMark(name))) {
      throw new ConfigParserError(
        'DuplicateSectionError',
        state.fileName,
        iniSectionKey(name),
        DUPLICATE_SECTION(existing.line),
        { line: lineNumber },
      );
    }
    state.current = existing;
  } else if (name === DEFAULT_SECTION) {
    state.current = state.defaults;
  } else {
    state.current = { name, line: lineNumber, options: new Map() };
    state.sections.set(name, state.current);
  }
  state.added.add(sectionMark(name));
  state.currentName = name;
  state.option = undefined;
}

function readOption(
  state: ParseState,
  section: PendingSection,
  stripped: string,
  lineNumber: number,
): void {
  const delimiter = stripped.search(/[=:]/);
  if (delimiter === -1) {
    state.pending ??= new ConfigParserError(
      'ParsingError',
      state.fileName,
      undefined,
      UNPARSABLE_LINE(stripped),
      { line: lineNumber },
    );
    return;
  }
  const rawName = pythonRstrip(stripped.slice(0, delimiter));
  if (rawName === '') {
    state.pending ??= new ConfigParserError(
      'ParsingError',
      state.fileName,
      undefined,
      EMPTY_OPTION_NAME(stripped),
      { line: lineNumber },
    );
  }
  const name = rawName.toLowerCase();
  const sectionName = state.currentName ?? section.name;
  const mark = optionMark(sectionName, name);
  if (state.added.has(mark)) {
    const first = section.options.get(name)?.line;
    throw new ConfigParserError(
      'DuplicateOptionError',
      state.fileName,
      iniKey(sectionName, name),
      DUPLICATE_OPTION(first),
      { line: lineNumber },
    );
  }
  state.added.add(mark);
  section.options.set(name, {
    lines: [pythonStrip(stripped.slice(delimiter + 1))],
    line: lineNumber,
  });
  state.option = name;
}

// Python's _join_multiline_values: lines joined with \n, trailing whitespace (blank lines) removed.
function finishSection(section: PendingSection): ConfigSection {
  const options = new Map<string, ConfigOption>();
  for (const [name, option] of section.options) {
    options.set(name, {
      value: option.fixed ?? pythonRstrip(option.lines.join('\n')),
      line: option.line,
    });
  }
  return { name: section.name, line: section.line, options };
}

function sectionMark(name: string): string {
  return JSON.stringify([name]);
}

function optionMark(section: string, option: string): string {
  return JSON.stringify([section, option]);
}
