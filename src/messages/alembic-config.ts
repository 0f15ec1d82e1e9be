// User-facing text for reading Alembic configuration (alembic.ini, pyproject.toml), discovering
// environments and loading git-alembic's own config. Tests assert these exact strings.

// ---- ConfigParser (alembic.ini syntax) ----

/** Key label for an option of an ini section, as used in error messages. */
export const iniKey = (section: string, option: string): string => `[${section}] ${option}`;
/** Key label for a section of an ini file. */
export const iniSectionKey = (section: string): string => `[${section}]`;

export const DUPLICATE_SECTION = (firstLine: number | undefined): string =>
  `section appears twice (first on line ${firstLine ?? '?'}); Python's ConfigParser rejects duplicates`;
export const DUPLICATE_OPTION = (firstLine: number | undefined): string =>
  `option appears twice in the section (first on line ${firstLine ?? '?'}); Python's ConfigParser rejects duplicates`;
export const MISSING_SECTION_HEADER = (line: string): string =>
  `file contains no section header before ${JSON.stringify(line)}`;
export const BOM_HINT =
  'the file starts with a UTF-8 byte order mark, which Python reads as part of the first line; save it without the BOM';
export const UNPARSABLE_LINE = (line: string): string =>
  `cannot parse ${JSON.stringify(line)}: expected "[section]", "key = value", "key: value" or an indented continuation line`;
export const EMPTY_OPTION_NAME = (line: string): string =>
  `option without a name in ${JSON.stringify(line)}`;
export const INTERPOLATION_SYNTAX = (rest: string): string =>
  `bad %-interpolation at ${JSON.stringify(rest.length > 40 ? `${rest.slice(0, 40)}…` : rest)}: '%' must be followed by '%' or '(name)s'`;
export const INTERPOLATION_HINT = 'write %% for a literal percent sign';
export const INTERPOLATION_MISSING = (name: string): string =>
  `%(${name})s refers to an option that is neither in the section nor in [DEFAULT]`;
export const INTERPOLATION_DEPTH = (maximum: number): string =>
  `%-interpolation nested deeper than ${maximum} levels (a reference loop?)`;

// ---- Files and sections ----

export const CONFIG_FILE_MISSING = 'Alembic config file not found';
export const CONFIG_FILE_NOT_UTF8 = 'the file is not valid UTF-8';
export const SECTION_MISSING = (section: string): string =>
  `no [${section}] section in the file (Alembic's -n/--name picks the section)`;
export const TOML_INVALID = (detail: string): string => `invalid TOML: ${detail}`;
export const TOML_NO_ALEMBIC = 'pyproject.toml has no [tool.alembic] table';
export const TOML_NOT_A_TABLE = 'must be a table';
export const CONFIG_READ_FAILED = (detail: string): string => `cannot read the file: ${detail}`;
export const CONFIG_NOT_A_FILE =
  'not a regular file (a directory, a device or a pipe); an Alembic config is a plain file';

// ---- Alembic settings ----

export const SCRIPT_LOCATION_MISSING = "no 'script_location' key found in configuration";
export const SCRIPT_LOCATION_MISSING_HINT =
  'set environments[].scriptLocation in the git-alembic config when env.py or Flask-Migrate chooses the directory in code (config may then be left out)';
export const SCRIPT_LOCATION_EMPTY =
  'empty value: name the directory that holds env.py and script.py.mako';
export const VERSION_DIRECTORY_MISSING = (directory: string): string =>
  `version directory does not exist: ${directory}`;
export const VERSIONS_DEFAULT_MISSING = (directory: string): string =>
  `version directory does not exist: ${directory} (without version_locations Alembic reads <script_location>/versions)`;
export const VERSIONS_MISSING_HINT =
  'create it, set version_locations, or set environments[].versionLocations in the git-alembic config when env.py builds the list (globs such as "migrations/versions/*" work)';
export const VERSION_PATTERN_NO_MATCH = (pattern: string): string =>
  `${JSON.stringify(pattern)} matches no directory`;
export const VERSION_PATTERN_HINT =
  'patterns are relative to the top level; * and ? match within one name, ** any depth, and neither matches hidden names or __pycache__';
export const SCRIPT_DIRECTORY_MISSING = (directory: string): string =>
  `script directory does not exist: ${directory} (Alembic: "Path doesn't exist … Please use the 'init' command")`;
export const PACKAGE_RESOURCE_NOT_FOUND = (value: string, searched: readonly string[]): string =>
  `cannot find the package of ${JSON.stringify(value)} in the repository (searched ${searched.join(', ')})`;
export const PACKAGE_RESOURCE_HINT =
  'set environments[].scriptLocation (or versionLocations) in the git-alembic config to the directory the package resource points to';
export const PACKAGE_RESOURCE_BAD_NAME = (value: string): string =>
  `${JSON.stringify(value)} looks like a package resource ("package:path") but its package name is not a dotted Python name`;
export const BAD_SEPARATOR = (value: string): string =>
  `${JSON.stringify(value)} is not a valid value; expected space, newline, os, : or ;`;
export const INLINE_COMMENT_HINT =
  'ConfigParser keeps text after the value, comments included; move the comment to a line of its own';
export const NOT_AN_INTEGER = (value: string): string =>
  `${JSON.stringify(value)} is not an integer`;
export const NOT_ASBOOL = (value: string): string =>
  `${JSON.stringify(value)} is not a boolean; expected true/false, yes/no, on/off, y/n, t/f or 1/0`;
export const TIMEZONE_EMPTY =
  'empty value (Alembic fails with "ZoneInfo keys must be normalized relative paths")';
export const TIMEZONE_EMPTY_HINT =
  'remove the key for naive local time, or name a zone such as UTC';
export const SOURCELESS_UNSUPPORTED =
  'sourceless = true is not supported: git-alembic reads revision sources and cannot read .pyc files';

// ---- pyproject.toml values ----

export const TOML_EXPECTED_STRING = (type: string): string => `expected a string, found ${type}`;
export const TOML_EXPECTED_LIST = (type: string): string =>
  `expected a list of strings, found ${type}`;
export const TOML_EXPECTED_BOOLEAN = (type: string): string =>
  `boolean value expected for TOML parameter, found ${type} (Alembic needs a TOML true/false, not a string)`;
export const TOML_EXPECTED_INTEGER = (type: string): string => `expected an integer, found ${type}`;
export const TOML_EXPECTED_HOOK_TABLE = (type: string): string => `expected a table, found ${type}`;
export const TOML_HOOK_NAME_MISSING = "missing the 'name' key (Alembic raises KeyError: 'name')";
export const TOML_PERCENT = (detail: string): string =>
  `Python %-formatting with {here} fails: ${detail}`;
export const TOML_PERCENT_HINT =
  'every string in [tool.alembic] is %-formatted: write %% for a literal percent sign, e.g. "%%(rev)s_%%(slug)s"';

// ---- Discovery ----

export const NO_ENVIRONMENT_FOR_SECTION = (section: string): string =>
  `no configured environment uses the section [${section}]`;
export const NO_INI_WITH_SECTION = (section: string, files: readonly string[]): string =>
  `no Alembic ini has a [${section}] section${files.length === 0 ? '' : ` (read ${files.join(', ')})`}`;
export const TOML_HAS_NO_SECTIONS =
  "no alembic.ini beside it to take the section from, and [tool.alembic] has no sections (Alembic's -n/--name picks an ini section)";
export const HEADS_FILE_SHARED = (headsFile: string, other: string): string =>
  `its heads file ${headsFile} is also the heads file of ${other}, which reads other version locations`;
export const HEADS_FILE_SHARED_HINT =
  'list both environments in the git-alembic config, each with its own headsFile';
export const NOT_A_FILE = 'not read: not a regular file';
export const INI_TOO_LARGE = (size: number, limit: number): string =>
  `not read: ${size} bytes is more than an Alembic ini needs (${limit}); list it in the git-alembic config if it is one`;

// ---- git-alembic's own config ----

export const PROJECT_CONFIG_UNREADABLE = (detail: string): string =>
  `cannot load the git-alembic config: ${detail}`;
export const CODE_CONFIG_NOT_READ =
  'JavaScript configs are not read: the git-alembic configuration is data (JSON or YAML)';
export const CODE_CONFIG_NOT_READ_HINT =
  'move its settings to .git-alembicrc.json (or the "git-alembic" key of package.json) and delete it';
export const UNKNOWN_KEY = (suggestion: string | undefined): string =>
  suggestion === undefined ? 'unknown key' : `unknown key; did you mean "${suggestion}"?`;
export const EXPECTED_OBJECT = (type: string): string => `expected an object, found ${type}`;
export const EXPECTED_BOOLEAN = (type: string): string => `expected true or false, found ${type}`;
export const EXPECTED_STRING = (type: string): string => `expected a string, found ${type}`;
export const EXPECTED_NON_EMPTY = 'must not be empty';
export const EXPECTED_ARRAY = (type: string): string => `expected an array, found ${type}`;
export const EXPECTED_ONE_OF = (choices: readonly string[], found: string): string =>
  `expected one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}, found ${found}`;
export const EXPECTED_CONSTANT = (type: string): string =>
  `expected a string, an array of strings or null, found ${type}`;
export const BAD_CONSTANT_NAME =
  'not a Python name or dotted attribute (such as cli.EXPAND_BRANCH)';
export const REQUIRED_KEY = 'required key is missing';
export const CONFIG_OR_SCRIPT_LOCATION = `${REQUIRED_KEY} (without it, scriptLocation is required and the other Alembic settings take their defaults)`;
export const DUPLICATE_ENVIRONMENT_NAME = (index: number): string =>
  `duplicate name (also used by environments[${index}])`;
