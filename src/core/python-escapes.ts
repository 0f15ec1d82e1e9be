// Python's escape sequences in the body of a string or bytes literal (what CPython's
// unicode_escape and bytes decoders do), in one place for every reader: the revision reader's
// str values, the template evaluator's literals and the syntax checker's verdict. Raw literals
// have no escapes; their callers do not come here. The Unicode name table is not carried, so
// `\N{name}` decodes only for a caller that accepts any well-formed name.

/** Why an escape sequence cannot be decoded. */
export type EscapeProblem =
  /** `\x`, `\u` or `\U` without its 2, 4 or 8 hex digits. */
  | 'truncated'
  /** `\U` above U+10FFFF. */
  | 'beyond-unicode'
  /** `\N` not followed by `{name}`. */
  | 'malformed-name'
  /** `\N{name}`: well formed, but the character needs Unicode's name table. */
  | 'named';

/** The first escape that cannot be decoded: what is wrong, its letter, and its backslash's offset in the body. */
export interface EscapeError {
  readonly problem: EscapeProblem;
  readonly letter: string;
  readonly at: number;
}

/** How the body is read. */
export interface EscapeOptions {
  /** A bytes literal: `\x` is its only hex escape; `\u`, `\U` and `\N` are text there. */
  readonly bytes?: boolean;
  /** Accept any well-formed `\N{name}` (decoded as U+FFFD): for a check that needs no value. */
  readonly anyName?: boolean;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const HEX_DIGITS = /^[0-9a-fA-F]*$/;

// Per escape: the text it stands for and where the body goes on, or why it cannot be decoded.
type Escape =
  | { readonly text: string; readonly next: number }
  | { readonly problem: EscapeProblem };

/** The body's text with its escapes decoded (unknown escapes keep their backslash), or the first error. */
export function decodeEscapes(body: string, options: EscapeOptions = {}): string | EscapeError {
  let value = '';
  let from = 0;
  // indexOf stays inside the body: callers pass the literal's body, not the rest of the file.
  for (let backslash = body.indexOf('\\'); backslash !== -1; backslash = body.indexOf('\\', from)) {
    value += body.slice(from, backslash);
    const sequence = decodeEscape(body, backslash + 1, options);
    if ('problem' in sequence)
      return { problem: sequence.problem, letter: body.charAt(backslash + 1), at: backslash };
    value += sequence.text;
    from = sequence.next;
  }
  return value + body.slice(from);
}

function decodeEscape(body: string, at: number, options: EscapeOptions): Escape {
  const letter = body.charAt(at);
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { text: simple, next: at + 1 };
  if (letter >= '0' && letter <= '7') {
    let end = at + 1;
    while (end < at + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') end++;
    return { text: String.fromCodePoint(parseInt(body.slice(at, end), 8)), next: end };
  }
  if (letter === 'x') return hexEscape(body, at, 2);
  if (options.bytes === true) return { text: `\\${letter}`, next: at + 1 };
  if (letter === 'u') return hexEscape(body, at, 4);
  if (letter === 'U') return hexEscape(body, at, 8);
  if (letter === 'N') return namedEscape(body, at, options.anyName === true);
  return { text: `\\${letter}`, next: at + 1 };
}

function hexEscape(body: string, at: number, width: number): Escape {
  const digits = body.slice(at + 1, at + 1 + width);
  if (digits.length !== width || !HEX_DIGITS.test(digits)) return { problem: 'truncated' };
  const codePoint = parseInt(digits, 16);
  return codePoint > 0x10ffff
    ? { problem: 'beyond-unicode' }
    : { text: String.fromCodePoint(codePoint), next: at + 1 + width };
}

// `\N{name}`: a brace, a name of at least one character, a closing brace.
function namedEscape(body: string, at: number, anyName: boolean): Escape {
  const close = body.charAt(at + 1) === '{' ? body.indexOf('}', at + 2) : -1;
  if (close === -1 || close === at + 2) return { problem: 'malformed-name' };
  return anyName ? { text: '\uFFFD', next: close + 1 } : { problem: 'named' };
}
