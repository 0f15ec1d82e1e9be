// Our ConfigParser: values, interpolation and exact error messages (the oracle test proves the
// Python semantics on many more texts; this one pins our own wording, lines and API).
import test from 'ava';

import {
  ConfigParserError,
  getOption,
  getRawOption,
  hasOption,
  hasSection,
  parseConfigParser,
  sectionItems,
  SectionView,
  type ConfigDocument,
  type ConfigParserErrorKind,
} from '../../../src/core/config/configparser.js';
import {
  parseAsBool,
  parsePythonInt,
  pythonStrip,
  splitUniversalLines,
} from '../../../src/core/python-text.js';

const parse = (text: string): ConfigDocument =>
  parseConfigParser(text, 'alembic.ini', { here: '/srv/app' });

const readsValue = test.macro({
  exec(t, text: string, section: string, key: string, expected: string | undefined) {
    t.is(getOption(parse(text), section, key), expected);
  },
  title: (title) => `value: ${title ?? ''}`,
});

test(
  'inline comment stays in the value',
  readsValue,
  '[alembic]\nversion_path_separator = os  # Use os.pathsep.\n',
  'alembic',
  'version_path_separator',
  'os  # Use os.pathsep.',
);
test('semicolon after the value stays too', readsValue, '[s]\nkey = a ; b\n', 's', 'key', 'a ; b');
test('colon delimiter', readsValue, '[s]\nkey: value\n', 's', 'key', 'value');
test(
  'first delimiter wins',
  readsValue,
  '[s]\nurl = postgresql://u:p@h/db\n',
  's',
  'url',
  'postgresql://u:p@h/db',
);
test(
  'keys are lower-cased on read and lookup',
  readsValue,
  '[s]\nScript_Location = x\n',
  's',
  'SCRIPT_location',
  'x',
);
test(
  'continuation lines join with newlines',
  readsValue,
  '[s]\nkey =\n    a\n\n    b\n\n',
  's',
  'key',
  '\na\n\nb',
);
test(
  'indented comment inside a value is dropped',
  readsValue,
  '[s]\nkey = a\n  # note\n  b\n',
  's',
  'key',
  'a\nb',
);
test(
  'CRLF is not part of the value',
  readsValue,
  '[s]\r\nkey = a  \r\n  b\r\n',
  's',
  'key',
  'a\nb',
);
test('DEFAULT is inherited', readsValue, '[DEFAULT]\nkey = d\n[s]\n', 's', 'key', 'd');
test(
  'here default',
  readsValue,
  '[s]\nloc = %(here)s/migrations\n',
  's',
  'loc',
  '/srv/app/migrations',
);
test('percent escape', readsValue, '[s]\nt = %%(rev)s_%%(slug)s\n', 's', 't', '%(rev)s_%(slug)s');
test(
  'late binding of DEFAULT values',
  readsValue,
  '[DEFAULT]\np = %(base)s/x\n[s]\nbase = /b\n',
  's',
  'p',
  '/b/x',
);
test('missing option', readsValue, '[s]\n', 's', 'nothing', undefined);
test('missing section', readsValue, '[s]\nkey = 1\n', 't', 'key', undefined);
test('empty value', readsValue, '[s]\nkey =\n', 's', 'key', '');

const fails = test.macro({
  exec(
    t,
    text: string,
    lookup: [string, string] | undefined,
    expected: { kind: ConfigParserErrorKind; message: string; line?: number; hint?: string },
  ) {
    const error = t.throws(
      () => (lookup === undefined ? parse(text) : getOption(parse(text), ...lookup)),
      { instanceOf: ConfigParserError },
    );
    t.is(error?.kind, expected.kind);
    t.is(error?.message, expected.message);
    t.is(error?.location.line, expected.line);
    t.is(error?.hint, expected.hint);
  },
  title: (title) => `error: ${title ?? ''}`,
});

test('duplicate section', fails, '[s]\na = 1\n[s]\n', undefined, {
  kind: 'DuplicateSectionError',
  message:
    "alembic.ini:3: [s]: section appears twice (first on line 1); Python's ConfigParser rejects duplicates",
  line: 3,
});
test('duplicate option in another case', fails, '[s]\nKey = 1\nkey = 2\n', undefined, {
  kind: 'DuplicateOptionError',
  message:
    "alembic.ini:3: [s] key: option appears twice in the section (first on line 2); Python's ConfigParser rejects duplicates",
  line: 3,
});
test('option before any section', fails, 'key = 1\n', undefined, {
  kind: 'MissingSectionHeaderError',
  message: 'alembic.ini:1: file contains no section header before "key = 1"',
  line: 1,
});
test('byte order mark', fails, '\ufeff[alembic]\n', undefined, {
  kind: 'MissingSectionHeaderError',
  message: 'alembic.ini:1: file contains no section header before "\ufeff[alembic]"',
  line: 1,
  hint: 'the file starts with a UTF-8 byte order mark, which Python reads as part of the first line; save it without the BOM',
});
test(
  'line without delimiter (reported after the whole file is read)',
  fails,
  '[s]\nbroken\nok = 1\n',
  undefined,
  {
    kind: 'ParsingError',
    message:
      'alembic.ini:2: cannot parse "broken": expected "[section]", "key = value", "key: value" or an indented continuation line',
    line: 2,
  },
);
test('stray percent', fails, '[s]\n\nkey = 100%\n', ['s', 'key'], {
  kind: 'InterpolationSyntaxError',
  message: `alembic.ini:3: [s] key: bad %-interpolation at "%": '%' must be followed by '%' or '(name)s'`,
  line: 3,
  hint: 'write %% for a literal percent sign',
});
test('missing reference', fails, '[s]\nkey = %(Nowhere)s\n', ['s', 'key'], {
  kind: 'InterpolationMissingOptionError',
  message:
    'alembic.ini:2: [s] key: %(nowhere)s refers to an option that is neither in the section nor in [DEFAULT]',
  line: 2,
  hint: 'write %% for a literal percent sign',
});
test('reference loop', fails, '[s]\na = %(b)s\nb = %(a)s\n', ['s', 'a'], {
  kind: 'InterpolationDepthError',
  message: 'alembic.ini:2: [s] a: %-interpolation nested deeper than 10 levels (a reference loop?)',
  line: 2,
});

test('sections, options and lines are kept in file order', (t) => {
  const document = parse('# c\n[alembic]\nb = 2\na = 1\n\n[other]\nx = y\n');
  t.deepEqual([...document.sections.keys()], ['alembic', 'other']);
  t.deepEqual([...(document.sections.get('alembic')?.options.keys() ?? [])], ['b', 'a']);
  t.deepEqual(getRawOption(document, 'alembic', 'a'), { value: '1', line: 4 });
  t.deepEqual(getRawOption(document, 'alembic', 'here'), { value: '/srv/app', line: undefined });
  t.true(hasSection(document, 'alembic'));
  t.false(hasSection(document, 'DEFAULT'));
  t.true(hasOption(document, 'other', 'here'));
  t.false(hasOption(document, 'missing', 'here'));
});

test('sectionItems lists DEFAULT first, then the section, interpolated', (t) => {
  const document = parse('[DEFAULT]\nd = %(here)s\n[s]\nk = %(d)s/k\n');
  t.deepEqual(
    [...sectionItems(document, 's')],
    [
      ['here', '/srv/app'],
      ['d', '/srv/app'],
      ['k', '/srv/app/k'],
    ],
  );
});

test('SectionView interpolates lazily: one broken value fails only when read', (t) => {
  const view = new SectionView(
    parse('[alembic]\nurl = postgresql://u:p%ss@h/db\ndatabases = a, b\n'),
    'alembic',
  );
  t.is(view.size, 3);
  t.deepEqual([...view.keys()], ['here', 'url', 'databases']);
  t.is(view.get('DATABASES'), 'a, b');
  t.true(view.has('url'));
  t.false(view.has('nope'));
  t.is(view.get('nope'), undefined);
  t.throws(() => view.get('url'), { instanceOf: ConfigParserError });
  t.throws(() => [...view], { instanceOf: ConfigParserError });
});

test('SectionView of a missing document or section is empty', (t) => {
  t.is(new SectionView(undefined, 'alembic').size, 0);
  const view = new SectionView(parse('[other]\n'), 'alembic');
  t.is(view.size, 0);
  t.false(view.has('here'));
  t.deepEqual([...view], []);
});

const integer = test.macro({
  exec(t, text: string, expected: number | undefined) {
    t.is(parsePythonInt(text), expected);
  },
  title: (_title, text: string) => `int(${JSON.stringify(text)})`,
});
for (const [text, expected] of [
  ['40', 40],
  [' 12 ', 12],
  ['+7', 7],
  ['-3', -3],
  ['1_000', 1000],
  ['0', 0],
  ['', undefined],
  ['4.0', undefined],
  ['_1', undefined],
  ['1__0', undefined],
  ['0x10', undefined],
  ['forty', undefined],
] as const) {
  test(integer, text, expected);
}

const asbool = test.macro({
  exec(t, text: string, expected: boolean | undefined) {
    t.is(parseAsBool(text), expected);
  },
  title: (_title, text: string) => `asbool(${JSON.stringify(text)})`,
});
for (const [text, expected] of [
  ['true', true],
  [' Yes ', true],
  ['ON', true],
  ['t', true],
  ['1', true],
  ['false', false],
  ['Off', false],
  ['n', false],
  ['0', false],
  ['', undefined],
  ['2', undefined],
  ['truthy', undefined],
] as const) {
  test(asbool, text, expected);
}

test('Python whitespace is not JavaScript whitespace', (t) => {
  t.is(pythonStrip('\u001c\u0085 a \u00a0'), 'a');
  t.is(pythonStrip('\ufeffa'), '\ufeffa');
  t.deepEqual(splitUniversalLines('a\r\nb\rc\n\nd'), ['a', 'b', 'c', '', 'd']);
  t.deepEqual(splitUniversalLines('a\n'), ['a']);
  t.deepEqual(splitUniversalLines(''), []);
});
