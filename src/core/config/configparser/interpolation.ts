// configparser.BasicInterpolation.before_get, step for step: `%%` is a literal `%`,
// `%(name)s` is replaced by the (lower-cased) option's value and interpolated again while it
// contains a `%`, at most 10 levels deep; any other `%` is an error.
import type { ConfigDocument } from './document.js';
import { ConfigParserError } from './errors.js';
import {
  iniKey,
  INTERPOLATION_DEPTH,
  INTERPOLATION_HINT,
  INTERPOLATION_MISSING,
  INTERPOLATION_SYNTAX,
} from '../../../messages/alembic-config.js';

/** configparser.MAX_INTERPOLATION_DEPTH */
export const MAX_INTERPOLATION_DEPTH = 10;

/** Everything an interpolation error has to name, plus the name lookup of the section. */
export interface InterpolationContext {
  readonly document: ConfigDocument;
  readonly section: string;
  readonly option: string;
  readonly line: number | undefined;
  readonly lookup: (name: string) => string | undefined;
}

// Python's _KEYCRE `%\(([^)]+)\)s`, matched at the start of the rest.
const REFERENCE = /^%\(([^)]+)\)s/;

/** Expands `value` as `parser.get(section, option)` would. */
export function interpolate(context: InterpolationContext, value: string): string {
  const output: string[] = [];
  expandInto(context, output, value, 1);
  return output.join('');
}

function expandInto(
  context: InterpolationContext,
  output: string[],
  text: string,
  depth: number,
): void {
  if (depth > MAX_INTERPOLATION_DEPTH)
    throw failure(context, 'InterpolationDepthError', INTERPOLATION_DEPTH(MAX_INTERPOLATION_DEPTH));
  let rest = text;
  while (rest !== '') {
    const percent = rest.indexOf('%');
    if (percent < 0) {
      output.push(rest);
      return;
    }
    output.push(rest.slice(0, percent));
    rest = rest.slice(percent);
    const next = rest.charAt(1);
    if (next === '%') {
      output.push('%');
      rest = rest.slice(2);
    } else if (next === '(') {
      const match = REFERENCE.exec(rest);
      if (match === null)
        throw failure(
          context,
          'InterpolationSyntaxError',
          INTERPOLATION_SYNTAX(rest),
          INTERPOLATION_HINT,
        );
      rest = rest.slice(match[0].length);
      const name = (match[1] as string).toLowerCase();
      const replacement = context.lookup(name);
      if (replacement === undefined)
        throw failure(
          context,
          'InterpolationMissingOptionError',
          INTERPOLATION_MISSING(name),
          INTERPOLATION_HINT,
        );
      if (replacement.includes('%')) expandInto(context, output, replacement, depth + 1);
      else output.push(replacement);
    } else {
      throw failure(
        context,
        'InterpolationSyntaxError',
        INTERPOLATION_SYNTAX(rest),
        INTERPOLATION_HINT,
      );
    }
  }
}

function failure(
  context: InterpolationContext,
  kind: 'InterpolationDepthError' | 'InterpolationSyntaxError' | 'InterpolationMissingOptionError',
  message: string,
  hint?: string,
): ConfigParserError {
  return new ConfigParserError(
    kind,
    context.document.fileName,
    iniKey(context.section, context.option),
    message,
    { line: context.line, hint },
  );
}
