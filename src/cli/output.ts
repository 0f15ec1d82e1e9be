// Printing with manners: colour only on a TTY (NO_COLOR / FORCE_COLOR honoured), --quiet, --verbose,
// and control characters from repository text escaped (core/terminal-text.ts). The Printer is
// the Output (src/runtime/output.ts) the CLI hands to application code.
import { escapeControlCharacters } from '../core/terminal-text.js';
import { PROGRAM } from '../messages/cli.js';
import type { Output, StreamName, Style, Verbosity } from '../runtime/output.js';
import type { CommandContext, OutputStream } from './context.js';

/** Decides colour the way most CLIs do: FORCE_COLOR wins, then NO_COLOR, then the TTY. */
export function useColour(stream: OutputStream, env: CommandContext['env']): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

const STYLES: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** The one object commands print through. */
export class Printer implements Output {
  readonly verbosity: Verbosity;
  readonly #ctx: CommandContext;
  // Decided when first asked: knowing whether a stream is a terminal may cost Node's stream
  // (descriptor-output.ts).
  readonly #colour: Partial<Record<StreamName, boolean>> = {};

  constructor(ctx: CommandContext, verbosity: Verbosity) {
    this.#ctx = ctx;
    this.verbosity = verbosity;
  }

  /** Styles text for one stream, stdout by default (no-op when that stream gets no colour). */
  style(text: string, style: Style, stream: StreamName = 'stdout'): string {
    this.#colour[stream] ??= useColour(this.#ctx[stream], this.#ctx.env);
    return this.#colour[stream] ? paint(text, style) : text;
  }

  /** The command's result on stdout; printed even with --quiet. */
  result(text: string): void {
    this.#ctx.stdout.write(escapeControlCharacters(text.endsWith('\n') ? text : `${text}\n`));
  }

  /** Headings and next steps around a result on stdout; silenced by --quiet. */
  note(text: string): void {
    if (this.verbosity !== 'quiet') this.result(text);
  }

  /** Progress and explanations on stderr; silenced by --quiet. */
  info(text: string): void {
    if (this.verbosity !== 'quiet') this.#writeError(`${PROGRAM}: ${text}\n`);
  }

  /** Detail shown only with --verbose. */
  verbose(text: string): void {
    if (this.verbosity === 'verbose')
      this.#writeError(`${PROGRAM}: ${this.style(text, 'dim', 'stderr')}\n`);
  }

  /** A warning on stderr, shown even with --quiet. */
  warn(text: string): void {
    this.#writeError(`${PROGRAM}: ${this.style('warning', 'yellow', 'stderr')}: ${text}\n`);
  }

  /** An error line on stderr. */
  error(text: string): void {
    this.#writeError(`${PROGRAM}: ${this.style('error', 'red', 'stderr')}: ${text}\n`);
  }

  /** The one line a failed command ends with: the message, then its hint (`GIT_ALEMBIC_DEBUG=1` adds the stack). */
  failure(message: string, hint: string | undefined): void {
    const tail =
      hint === undefined || hint === '' ? '' : this.style(` (hint: ${hint})`, 'dim', 'stderr');
    this.#writeError(`${PROGRAM}: ${this.style(message, 'red', 'stderr')}${tail}\n`);
  }

  /** Text as it is, on `stream`: another program's output passed on, or a line formatted in full. */
  raw(stream: StreamName, text: string): void {
    this.#ctx[stream].write(text);
  }

  // Repository text in a message must not reach the terminal as control sequences.
  #writeError(text: string): void {
    this.#ctx.stderr.write(escapeControlCharacters(text));
  }
}

function paint(text: string, style: Style): string {
  const [open, close] = STYLES[style];
  return `\u001B[${open}m${text}\u001B[${close}m`;
}
