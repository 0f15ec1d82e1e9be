// stdout and stderr without process.stdout and process.stderr where that is the same thing.
// Node makes those streams on first use, and making one loads node:stream, and node:net for a
// pipe or a terminal: 2 to 4 ms of a hook or `heads` that prints a line or nothing. On POSIX
// Node writes files, terminals and (on Linux) pipes synchronously anyway; fs.writeSync writes
// the same bytes in the same order. Node's own stream takes over for good on Windows (it writes
// UTF-16 to consoles) and from the first write writeSync cannot finish (a non-blocking or closed
// pipe), so that what comes after never overtakes what it holds.
import { fstatSync, writeSync } from 'node:fs';

/**
 * Standard output (1) or standard error (2), written with writeSync while that is equivalent:
 * an OutputStream (context.ts) for processContext.
 */
export class DescriptorOutput {
  readonly #descriptor: 1 | 2;
  #stream: NodeJS.WriteStream | undefined;
  #isTTY: boolean | undefined;

  constructor(descriptor: 1 | 2) {
    this.#descriptor = descriptor;
  }

  write(text: string): void {
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
    } catch {
      // EAGAIN, EPIPE…: Node's stream writes the rest, or reports the failure as it always has.
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
