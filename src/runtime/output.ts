// Where application code's output goes. Application code says what kind of text it has (a
// result, a progress note, a warning); cli/ implements this (src/cli/output.ts, the Printer)
// and decides prefixes, colour, --quiet and --verbose, and which stream gets what.

/** How much a command says: --quiet, the default, or --verbose. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** Which of the two streams a piece of text is meant for (each decides colour on its own). */
export type StreamName = 'stdout' | 'stderr';

/** The styles text may ask for; shown only where the stream gets colour. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

/** What application code prints through. */
export interface Output {
  readonly verbosity: Verbosity;
  /** Styles text for one stream, stdout by default (unchanged where that stream gets no colour). */
  style(text: string, style: Style, stream?: StreamName): string;
  /** The command's result on stdout; printed even with --quiet. */
  result(text: string): void;
  /** Progress and explanations on stderr; silenced by --quiet. */
  info(text: string): void;
  /** Detail shown only with --verbose. */
  verbose(text: string): void;
  /** A warning on stderr, shown even with --quiet. */
  warn(text: string): void;
  /**
   * Text written as it is, without prefix or escaping: another program's output passed on as
   * it comes (git merge, a post-write hook), or a line already formatted in full.
   */
  raw(stream: StreamName, text: string): void;
}
