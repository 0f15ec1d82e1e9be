// Hand-written ini texts for the configparser tests: each targets one rule of Python's
// configparser that a naive ini reader gets wrong. Shared by the unit and the oracle test.

/** One ini text, the `here` default passed to the parser, and a title. */
export interface IniCase {
  readonly title: string;
  readonly text: string;
  readonly here: string;
}

const HERE = '/srv/app';

const GENERIC = `# A generic, single database configuration.

[alembic]
# path to migration scripts
script_location = migrations

# template used to generate migration files
# file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s

prepend_sys_path = .
version_path_separator = os  # Use os.pathsep. Default configuration used for new projects.
sqlalchemy.url = driver://user:pass@localhost/dbname

[post_write_hooks]

[loggers]
keys = root,sqlalchemy,alembic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;

const chain = (length: number, last: string): string =>
  `[s]\n${Array.from({ length }, (_, index) => `k${index} = %(k${index + 1})s`).join('\n')}\nk${length} = ${last}\n`;

const cases: Array<[string, string, string?]> = [
  ['generic alembic.ini (1.8.1 init output)', GENERIC],
  [
    'CRLF line endings',
    '[alembic]\r\nscript_location = %(here)s/alembic\r\nversion_locations =\r\n    a\r\n    b\r\n',
  ],
  ['CR-only line endings', '[alembic]\rscript_location = x\r  continued\r'],
  ['mixed line endings', '[alembic]\na = 1\r\nb = 2\rc = 3'],
  ['tab continuation', '[s]\nkey = first\n\tsecond\n\t\tthird\nnext = 1\n'],
  [
    'continuation must be deeper than the key',
    '[s]\n  key = 1\n  other = 2\n    deeper\n not deeper\n',
  ],
  ['indented key after a section header is a key', '[s]\n    key = 1\nnext = 2\n'],
  ['indented section header after a key is a continuation', '[s]\nkey = 1\n  [t]\n'],
  [
    'empty lines inside a value are kept, trailing ones dropped',
    '[s]\nkey = a\n\n  b\n\n\n  c\n\n\nnext = 1\n',
  ],
  ['whitespace-only line inside a value', '[s]\nkey = a\n   \n  b\n'],
  [
    'indented comments are comments, even inside a value',
    '[s]\nkey = a\n  # not part of the value\n  b\n    ; nor this\n',
  ],
  ['semicolon and hash comments', '; top\n# top\n[s]\n;c\n#c\nkey = v\n'],
  ['inline comments stay in the value', '[s]\na = os  # comment\nb = x ; y\nc = #start\n'],
  ['colon delimiter', '[s]\nkey: value\nother : v2\n'],
  ['first delimiter wins (= before :)', '[s]\na = b: c\n'],
  ['first delimiter wins (: before =)', '[s]\na: b = c\n'],
  ['URL value with colons', '[s]\nsqlalchemy.url = postgresql://u:p@localhost:5432/db\n'],
  ['empty value', '[s]\nkey =\nother:\n'],
  ['key without delimiter is a parsing error', '[s]\nkey\n'],
  ['empty key is a parsing error', '[s]\n= value\n'],
  ['two empty keys: the duplicate is raised first', '[s]\n= a\n= b\n'],
  ['duplicate section', '[s]\na = 1\n[t]\n[s]\nb = 2\n'],
  ['duplicate option', '[s]\na = 1\nb = 2\na = 3\n'],
  ['duplicate option differing in case', '[s]\nKey = 1\nkey = 2\n'],
  ['parsing error before a duplicate: the duplicate is raised', '[s]\nbroken\na = 1\na = 2\n'],
  [
    'DEFAULT twice with different keys',
    '[DEFAULT]\na = 1\n[s]\nx = %(a)s%(b)s\n[DEFAULT]\nb = 2\n',
  ],
  ['DEFAULT twice with the same key', '[DEFAULT]\na = 1\n[DEFAULT]\na = 2\n'],
  [
    'DEFAULT is inherited and bound late',
    '[DEFAULT]\npath = %(base)s/x\n[s]\nbase = /one\n[t]\nbase = /two\n',
  ],
  ['a section overrides DEFAULT', '[DEFAULT]\nkey = d\n[s]\nkey = s\n[t]\n'],
  ['[default] in lower case is an ordinary section', '[default]\nkey = 1\n[s]\n'],
  ['here can be overridden in the file', '[DEFAULT]\nhere = /elsewhere\n[s]\nloc = %(here)s/m\n'],
  [
    'here overridden in the section only',
    '[s]\nhere = /local\nloc = %(here)s/m\n[t]\nloc = %(here)s/m\n',
  ],
  ['percent escapes', '[s]\ntemplate = %%(rev)s_%%(slug)s\nliteral = 100%%\n'],
  [
    'here interpolation',
    '[alembic]\nscript_location = %(here)s/alembic\nversion_locations = %(here)s/a %(here)s/b\n',
  ],
  ['references are lower-cased', '[s]\nvalue = %(HERE)s and %(Key)s\nkey = k\n'],
  ['stray percent at the end', '[s]\nbad = 100%\ngood = 1\n'],
  ['stray percent before a letter', '[s]\nbad = %d\n'],
  ['percent-paren with the wrong conversion', '[s]\nbad = %(a)d\na = 1\n'],
  ['empty reference', '[s]\nbad = %()s\n'],
  ['unclosed reference', '[s]\nbad = %(name\n'],
  ['missing reference', '[s]\nbad = %(nowhere)s\n'],
  ['reference chain of depth 10 works', chain(9, 'end')],
  ['reference chain ending in %% one level too deep', chain(10, '100%%')],
  ['reference chain of depth 11 fails', chain(11, 'x%%')],
  ['self reference', '[s]\na = %(a)s\n'],
  ['mutual reference', '[s]\na = %(b)s\nb = %(a)s\n'],
  ['reference to a multi-line value', '[s]\nlist = a\n  b\nboth = %(list)s\n'],
  ['reference on a continuation line', '[s]\nlocations =\n  %(here)s/a\n  %(here)s/b\n'],
  ['here containing a percent sign is interpolated again', '[s]\nloc = %(here)s/m\n', '/tmp/a%b'],
  ['here containing an escaped percent sign', '[s]\nloc = %(here)s/m\n', '/tmp/100%%'],
  ['option before any section', 'key = 1\n[s]\n'],
  ['comment then option before any section', '# c\n\nkey = 1\n'],
  ['empty file', ''],
  ['only comments and blank lines', '# a\n\n; b\n   \n'],
  ['byte order mark', '\ufeff[alembic]\nkey = 1\n'],
  ['section header spacing is kept', '[ alembic ]\nkey = 1\n'],
  ['section header up to the last bracket', '[a]b]\nkey = 1\n'],
  ['text after a section header is ignored', '[alembic] ; trailing\nkey = 1\n'],
  ['empty brackets are not a header', '[s]\n[]\n'],
  ['dotted section names are flat', '[tool.alembic]\nkey = 1\n[a.b.c]\nx = y\n'],
  ['unicode whitespace indents a continuation', '[s]\nkey = a\n\u00a0b\n\u3000c\n\u2003d\n'],
  ['form feed and vertical tab', '[s]\nkey = a\f\n\fb\nother = x\vy\n'],
  ['information separators are Python whitespace', '[s]\nkey = a\u001c\n\u001db\n'],
  ['zero-width and BOM characters are not whitespace', '[s]\nkey = \ufeffa\n\u200bb = 1\n'],
  ['keys with spaces, case and non-ASCII', '[s]\nMy Key = 1\nÄÖÜ = 2\nΣΊΣΥΦΟΣ = 3\n'],
  ['trailing whitespace before CRLF', '[s]\nkey = value   \r\nother = x\t\r\n'],
  ['value with only whitespace after the delimiter', '[s]\nkey =    \n  next\n'],
  [
    'JSON-ish and Python-ish values stay strings',
    '[s]\na = true\nb = null\nc = "quoted"\nd = [1, 2]\ne = None\n',
  ],
  ['key ending in whitespace before the colon', '[s]\nkey   :value\nk2=  v2\n'],
  ['delimiter inside the key position', '[s]\n:value\n'],
  ['no final newline', '[s]\nkey = value'],
  ['blank line right after a section header', '[s]\n\n  indented = 1\n'],
  ['comment between key and continuation', '[s]\nkey = a\n# comment\n  b\n'],
  [
    'multidb sections',
    '[alembic]\ndatabases = engine1, engine2\n\n[engine1]\nsqlalchemy.url = driver://user:pass@localhost/dbname\n\n[engine2]\nsqlalchemy.url = driver://user:pass@localhost/dbname2\n',
  ],
  [
    'post_write_hooks keys',
    '[post_write_hooks]\nhooks = black, ruff\nblack.type = console_scripts\nblack.options = -l 79 REVISION_SCRIPT_FILENAME\n',
  ],
  ['interpolation across DEFAULT into a missing name', '[DEFAULT]\nx = %(y)s\n[s]\n[t]\ny = 1\n'],
];

/** The hand-written cases. */
export const HAND_WRITTEN: readonly IniCase[] = cases.map(([title, text, here]) => ({
  title,
  text,
  here: here ?? HERE,
}));
