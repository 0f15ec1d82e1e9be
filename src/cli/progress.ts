// A one-line progress indicator on stderr for work that may take long (reading thousands of
// revision files). It shows nothing for the first second, so fast runs stay silent, redraws at
// most ten times a second, and erases itself when the work ends. It is driven both by updates
// and by a timer: the revision scan is synchronous, so during it only updates can draw.
import type { OutputStream } from './context.js';

/** Milliseconds of silence before the indicator first appears. */
export const PROGRESS_DELAY_MS = 1000;
/** Minimum milliseconds between two redraws. */
export const PROGRESS_INTERVAL_MS = 100;

// Carriage return to the line start, then "erase to end of line" (CSI K).
const ERASE_LINE = '\r\u001B[K';

/** A repeating timer, injectable so tests need no real time; returns its cancel function. */
export type Schedule = (tick: () => void, everyMs: number) => () => void;

/** What the indicator needs from its surroundings. */
export interface ProgressOptions {
  readonly stream: OutputStream;
  /** False keeps it silent (not a TTY, --quiet, TERM=dumb). */
  readonly enabled: boolean;
  /** Milliseconds from any fixed origin (Date.now in real use). */
  readonly now: () => number;
  /** Defaults to an unref'd setInterval, so a pending tick never keeps the process alive. */
  readonly schedule?: Schedule;
}

/** Whether progress may be drawn on this stream: a terminal, not dumb, and not --quiet. */
export function progressEnabled(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
  quiet: boolean,
): boolean {
  return !quiet && stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** The indicator. Create it when the work starts; call `stop` when it ends, also on failure. */
export class ProgressIndicator {
  readonly #options: ProgressOptions;
  readonly #started: number;
  readonly #cancel: (() => void) | undefined;
  #text = '';
  #drawn: string | undefined;
  #drawnAt = Number.NEGATIVE_INFINITY;
  #stopped = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#started = options.now();
    this.#cancel = options.enabled
      ? (options.schedule ?? realSchedule)(() => this.#draw(), PROGRESS_INTERVAL_MS)
      : undefined;
  }

  /** Sets the text to show; drawn now if the delay has passed and the last redraw is old enough. */
  update(text: string): void {
    this.#text = text;
    this.#draw();
  }

  /** Erases the drawn line so other output can be written; the next update or tick draws it again. */
  erase(): void {
    if (this.#drawn === undefined) return;
    this.#options.stream.write(ERASE_LINE);
    this.#drawn = undefined;
    this.#drawnAt = Number.NEGATIVE_INFINITY;
  }

  /** Erases the line, if anything was drawn, and ends the timer. Safe to call twice. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#cancel?.();
    this.erase();
  }

  #draw(): void {
    if (!this.#options.enabled || this.#stopped || this.#text === '' || this.#text === this.#drawn)
      return;
    const now = this.#options.now();
    if (now - this.#started < PROGRESS_DELAY_MS || now - this.#drawnAt < PROGRESS_INTERVAL_MS)
      return;
    this.#options.stream.write(`${ERASE_LINE}${this.#text}`);
    this.#drawn = this.#text;
    this.#drawnAt = now;
  }
}

function realSchedule(tick: () => void, everyMs: number): () => void {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
