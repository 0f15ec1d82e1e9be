// The errors Python's configparser raises, as ConfigErrors that also say which Python error
// they stand for (the differential test compares that with Python itself).
import { ConfigError } from '../../../errors.js';

/** The Python exception class a ConfigParserError mirrors. */
export type ConfigParserErrorKind =
  | 'DuplicateSectionError'
  | 'DuplicateOptionError'
  | 'MissingSectionHeaderError'
  | 'ParsingError'
  | 'InterpolationSyntaxError'
  | 'InterpolationMissingOptionError'
  | 'InterpolationDepthError';

/** A syntax or interpolation error in an ini file, named after the configparser exception it mirrors. */
export class ConfigParserError extends ConfigError {
  readonly kind: ConfigParserErrorKind;

  constructor(
    kind: ConfigParserErrorKind,
    file: string,
    key: string | undefined,
    message: string,
    options: { line?: number | undefined; hint?: string | undefined } = {},
  ) {
    super(file, key, message, {
      ...(options.line === undefined ? {} : { line: options.line }),
      ...(options.hint === undefined ? {} : { hint: options.hint }),
    });
    this.kind = kind;
  }
}
