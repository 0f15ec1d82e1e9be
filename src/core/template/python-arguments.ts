// Binds a call's positional and keyword arguments to a builtin's parameters, with
// Python's TypeErrors for missing, surplus, duplicate or unknown arguments.
import { PYTHON_ERROR } from '../../messages/template.js';
import { failAt, type SourceSite } from './template-site.js';
import type { CallArguments, PyValue } from './python-values.js';

/** One parameter: its name, whether it may be passed by keyword, and its default. */
export interface Parameter {
  readonly name: string;
  readonly keyword?: boolean;
  /** Absent for a required parameter. */
  readonly default?: PyValue;
}

/** Returns one value per parameter, in parameter order. */
export function bindArguments(
  functionName: string,
  parameters: readonly Parameter[],
  args: CallArguments,
  site: SourceSite,
): PyValue[] {
  if (args.positional.length > parameters.length) {
    failAt(
      site,
      PYTHON_ERROR(
        'TypeError',
        `${functionName}() takes at most ${parameters.length} arguments (${args.positional.length} given)`,
      ),
    );
  }
  const bound = parameters.map((parameter, index) => {
    const byPosition = args.positional[index];
    const byKeyword = parameter.keyword ? args.keywords.get(parameter.name) : undefined;
    if (index < args.positional.length && byKeyword !== undefined) {
      failAt(
        site,
        PYTHON_ERROR(
          'TypeError',
          `${functionName}() got multiple values for argument '${parameter.name}'`,
        ),
      );
    }
    const value =
      index < args.positional.length
        ? byPosition
        : byKeyword !== undefined
          ? byKeyword
          : parameter.default;
    if (value === undefined) {
      failAt(
        site,
        PYTHON_ERROR(
          'TypeError',
          `${functionName}() missing required argument '${parameter.name}'`,
        ),
      );
    }
    return value;
  });
  for (const name of args.keywords.keys()) {
    if (!parameters.some((parameter) => parameter.keyword && parameter.name === name)) {
      failAt(
        site,
        PYTHON_ERROR('TypeError', `${functionName}() got an unexpected keyword argument '${name}'`),
      );
    }
  }
  return bound;
}
