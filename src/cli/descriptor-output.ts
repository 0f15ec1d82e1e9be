// stdout and stderr without process.stdout and process.stderr where that is the same thing.
// Node makes those streams on first use, and making one loads node:stream, and node:net for a
// pipe or a terminal: 2 to 4 ms of a hook or `heads` that prints a line or nothing. On POSIX
// Node writes files, terminals and (on Linux) pipes synchronously anyway; fs.writeSync writes
// the same bytes in the same order. Node's own stream takes over for good on Windows (it writes
// UTF-16 to consoles) and from the first write writeSync cannot finish (a non-blocking pipe that
// is full), so that what comes after never overtakes what it holds. A reader that has gone
// (EPIPE) gets nothing more, where Node's stream would end the process on an unhandled error.
import { fstatSync, writeSync } from 'node:fs';

/**
 * Standard output (1) or standard error (2), written with writeSync while that is equivalent:
 * an OutputStream (context.ts) for processContext.
 */
export class DescriptorOutput {
  readonly #descriptor: 1 | 2;
  #stream: NodeJS.WriteStream | undefined;
  #isTTY: boolean | undefined;
  /** The reader has gone (`git-alembic heads | head -1`): the rest is dropped, as elsewhere. */
  #readerGone = false;

  constructor(descriptor: 1 | 2) {
    this.#descriptor = descriptor;
  }

  write(text: string): void {
    if (this.#readerGone) return;
    if (this.#stream !== undefined || process.platform === 'win32') {
      this.#stream ??= this.#nodeStream();
      this.#stream.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length)
        written += writeSync(this.#descriptor, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        this.#readerGone = true;
        return;
      }
      // EAGAIN (a non-blocking pipe), anything else: Node's stream writes the rest, or fails
      // as it would have.
      this.#stream = this.#nodeStream();
      this.#stream.write(bytes.subarray(written));
    }
  }

  /** Only a character device can be a terminal: anything else is answered without Node's stream. */
  get isTTY(): boolean {
    if (this.#isTTY === undefined) {
      let device = false;
      try {
        device = fstatSync(this.#descriptor).isCharacterDevice();
      } catch {
        // A closed descriptor is no terminal.
      }
      this.#isTTY = device && this.#nodeStream().isTTY === true;
    }
    return this.#isTTY;
  }

  #nodeStream(): NodeJS.WriteStream {
    return this.#descriptor === 1 ? process.stdout : process.stderr;
  }
}
