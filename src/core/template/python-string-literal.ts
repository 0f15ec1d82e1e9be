// Reads one Python string literal (any quote form, r/u prefixes, escapes), the way the
// CPython tokenizer decodes it. Bytes and f-strings are refused: they need Python.
import {
  BAD_ESCAPE,
  NAMED_UNICODE_ESCAPE,
  UNSUPPORTED_STRING_PREFIX,
  UNTERMINATED_STRING,
} from '../../messages/template.js';
import { atLine, failAt, type SourceSite } from './template-site.js';

/** A decoded literal and where it ends in the source. */
export interface StringLiteral {
  readonly value: string;
  /** Offset just after the closing quote. */
  readonly end: number;
  /** Number of `\n` characters inside the literal. */
  readonly newlines: number;
}

/** Matches a literal's prefix and opening quote at an offset. */
export const STRING_START = /([A-Za-z]{0,2})('''|"""|'|")/y;

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['a', '\x07'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
]);

/** Reads the literal whose prefix starts at `start`; `site.line` is the line of `start`. */
export function readStringLiteral(source: string, start: number, site: SourceSite): StringLiteral {
  STRING_START.lastIndex = start;
  const opening = STRING_START.exec(source);
  if (!opening) return failAt(site, UNTERMINATED_STRING);
  const prefix = (opening[1] ?? '').toLowerCase();
  if (prefix !== '' && prefix !== 'r' && prefix !== 'u') failAt(site, UNSUPPORTED_STRING_PREFIX(opening[1] ?? ''));
  const quote = opening[2] ?? "'";
  const reader = new LiteralReader(source, STRING_START.lastIndex, site, prefix === 'r');
  return reader.read(quote);
}

// Walks the body of one literal; kept as a class so the cursor and line travel together.
class LiteralReader {
  private value = '';
  private newlines = 0;

  constructor(
    private readonly source: string,
    private pos: number,
    private readonly site: SourceSite,
    private readonly raw: boolean,
  ) {}

  read(quote: string): StringLiteral {
    for (;;) {
      if (this.pos >= this.source.length) failAt(this.site, UNTERMINATED_STRING);
      if (this.source.startsWith(quote, this.pos)) {
        return { value: this.value, end: this.pos + quote.length, newlines: this.newlines };
      }
      const char = this.source[this.pos] ?? '';
      if (char === '\\') this.readEscape();
      else if (char === '\n' || char === '\r') this.readNewline(quote.length === 3);
      else {
        this.value += char;
        this.pos += 1;
      }
    }
  }

  // Python's universal newlines: \r\n and \r become \n inside a (triple-quoted) literal.
  private readNewline(allowed: boolean): void {
    if (!allowed) failAt(this.here(), UNTERMINATED_STRING);
    this.pos += this.source.startsWith('\r\n', this.pos) ? 2 : 1;
    this.value += '\n';
    this.newlines += 1;
  }

  private readEscape(): void {
    const next = this.source[this.pos + 1] ?? '';
    if (next === '\n' || next === '\r') {
      if (this.raw) this.value += '\\';
      this.pos += 1;
      this.readNewline(true);
      if (!this.raw) this.value = this.value.slice(0, -1);
      return;
    }
    if (this.raw) {
      this.value += `\\${next}`;
      this.pos += 2;
      return;
    }
    this.pos += 2;
    this.value += this.decodeEscape(next);
  }

  private decodeEscape(letter: string): string {
    const simple = SIMPLE_ESCAPES.get(letter);
    if (simple !== undefined) return simple;
    if (/[0-7]/.test(letter)) return this.readOctal(letter);
    if (letter === 'x') return this.readHex(2, 'x');
    if (letter === 'u') return this.readHex(4, 'u');
    if (letter === 'U') return this.readHex(8, 'U');
    if (letter === 'N') return failAt(this.here(), NAMED_UNICODE_ESCAPE);
    return `\\${letter}`;
  }

  private readOctal(first: string): string {
    let digits = first;
    while (digits.length < 3 && /[0-7]/.test(this.source[this.pos] ?? '')) {
      digits += this.source[this.pos];
      this.pos += 1;
    }
    return String.fromCodePoint(Number.parseInt(digits, 8));
  }

  private readHex(width: number, letter: string): string {
    const digits = this.source.slice(this.pos, this.pos + width);
    const code = Number.parseInt(digits, 16);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== width || code > 0x10ffff) {
      failAt(this.here(), BAD_ESCAPE(letter));
    }
    this.pos += width;
    return String.fromCodePoint(code);
  }

  private here(): SourceSite {
    return atLine(this.site, this.site.line + this.newlines);
  }
}
