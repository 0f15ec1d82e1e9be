// The variables `alembic merge` passes to script.py.mako (ScriptDirectory.generate_revision),
// as a typed object, and their Python values: `comma` is util.format_as_comma and `config`
// a Config whose get_main_option reads the main section's options.
import { PYTHON_ERROR } from '../../messages/template.js';
import { bindArguments } from './python-arguments.js';
import { pyDateTime } from './python-datetime.js';
import { iterateValue } from './python-iteration.js';
import { joinStrings } from './python-str-methods.js';
import { failAt } from './template-site.js';
import {
  type CallArguments,
  hasKind,
  isSequence,
  pyFunction,
  pyObject,
  pyTuple,
  type PyValue,
  pyTypeName,
} from './python-values.js';
import type { SourceSite } from './template-site.js';

/** What a merge passes to the template. Arrays stand for Python tuples. */
export interface TemplateVariables {
  /** `up_revision`: the new revision id. */
  readonly upRevision: string;
  /** `down_revision`, already normalised like Alembic's tuple_rev_as_scalar: one parent is a str, none is null. */
  readonly downRevision: string | readonly string[] | null;
  /** `branch_labels`: util.to_tuple of the labels, or null. */
  readonly branchLabels: readonly string[] | null;
  /** `depends_on`: null for a merge. */
  readonly dependsOn: string | readonly string[] | null;
  /** The text of Python's `str(create_date)`, e.g. `2024-01-02 03:04:05.678901` (naive) or `…+01:00` (aware). */
  readonly createDate: string;
  /**
   * The `timezone` setting that made an aware create date (a zone key such as `UTC`). Without
   * it, what depends on the zone's name (%Z) is refused for an aware date.
   */
  readonly timezone?: string | undefined;
  /** `message`: the message, or `empty message`. */
  readonly message: string;
  /** Options of the config file's main section, keyed as ConfigParser stores them (lower case), values interpolated. */
  readonly mainOptions: ReadonlyMap<string, string>;
  /**
   * Whether `refresh` (True) is in the namespace. `merge` passes refresh=True to generate_revision,
   * which forwards it to the template since Alembic 1.12.1 (before, it was a named parameter and
   * `refresh` was undefined). Defaults to true.
   */
  readonly refresh?: boolean | undefined;
}

/** The template namespace for the variables, as Python values. */
export function templateNamespace(variables: TemplateVariables): ReadonlyMap<string, PyValue> {
  return new Map<string, PyValue>([
    ['up_revision', variables.upRevision],
    ['down_revision', revisionValue(variables.downRevision)],
    ['branch_labels', revisionValue(variables.branchLabels)],
    ['depends_on', revisionValue(variables.dependsOn)],
    ['create_date', pyDateTime(variables.createDate, variables.timezone ?? null)],
    ['comma', FORMAT_AS_COMMA],
    ['message', variables.message],
    ['config', configObject(variables.mainOptions)],
    ...(variables.refresh === false ? [] : [['refresh', true] as const]),
  ]);
}

function isIterable(value: PyValue): boolean {
  return (
    isSequence(value) ||
    hasKind(value, 'dict') ||
    hasKind(value, 'set') ||
    hasKind(value, 'generator')
  );
}

function revisionValue(value: string | readonly string[] | null): PyValue {
  return typeof value === 'string' || value === null ? value : pyTuple([...value]);
}

// alembic.util.format_as_comma: None is "", a str stays, an iterable is joined with ", ".
const FORMAT_AS_COMMA = pyFunction(
  'format_as_comma',
  (args: CallArguments, site: SourceSite): PyValue => {
    const [value = null] = bindArguments(
      'format_as_comma',
      [{ name: 'value', keyword: true }],
      args,
      site,
    );
    if (value === null) return '';
    if (typeof value === 'string') return value;
    if (!isIterable(value))
      return failAt(
        site,
        PYTHON_ERROR('ValueError', `Don't know how to comma-format ${pyTypeName(value)}`),
      );
    return joinStrings(iterateValue(value, site), ', ', site);
  },
);

// Config.get_main_option(name, default=None); ConfigParser lower-cases option names.
function configObject(mainOptions: ReadonlyMap<string, string>): PyValue {
  const getMainOption = pyFunction('Config.get_main_option', (args, site) => {
    const parameters = [
      { name: 'name', keyword: true },
      { name: 'default', keyword: true, default: null },
    ];
    const [name = null, fallback = null] = bindArguments('get_main_option', parameters, args, site);
    if (typeof name !== 'string')
      return failAt(
        site,
        PYTHON_ERROR('AttributeError', `'${pyTypeName(name)}' object has no attribute 'lower'`),
      );
    return mainOptions.get(name.toLowerCase()) ?? fallback;
  });
  return pyObject('Config', 'config', [['get_main_option', getMainOption]]);
}
