// Where in a template something happened, and the one way the renderer reports a problem:
// an InputError naming the template file and line, so a user never gets a wrong file.
import { InputError } from '../../errors.js';
import { TEMPLATE_HINT } from '../../messages/template.js';

/** A template file and a 1-based line in it. */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
}

/** Throws the renderer's error for a construct at `site`. */
export function failAt(site: SourceSite, message: string): never {
  throw new InputError({ file: site.file, line: site.line }, message, { hint: TEMPLATE_HINT });
}

/** Throws the renderer's error for the template as a whole (no single line to blame). */
export function failIn(file: string, message: string): never {
  throw new InputError({ file }, message, { hint: TEMPLATE_HINT });
}

/** The same site on another line. */
export function atLine(site: SourceSite, line: number): SourceSite {
  return line === site.line ? site : { file: site.file, line };
}
