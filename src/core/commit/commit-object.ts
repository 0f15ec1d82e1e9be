// A commit object as git stores it, handled as bytes from end to end. Folding files into a merge
// commit must replace its tree and nothing else: headers git-alembic knows nothing about
// (mergetag, encoding, whatever a newer git writes) and a message in any encoding come through
// untouched, which no decode-and-encode round trip can promise. The format: header lines
// `name value`, a line starting with a space continues the header before it, the first empty
// line ends the headers, and the message is every byte after it.

const LF = 0x0a;
const SPACE = 0x20;
// Header names are ASCII; a hostile one decodes to something no known name equals.
const NAMES = new TextDecoder();

/** The headers that sign the rest of the object (sha1 and sha256 repositories). */
const SIGNATURE_HEADERS: ReadonlySet<string> = new Set(['gpgsig', 'gpgsig-sha256']);

/** One header with its continuation lines: bytes [start, end), the final newline included. */
interface HeaderSpan {
  readonly name: string;
  readonly start: number;
  /** Where the value starts (after `name `). */
  readonly value: number;
  readonly end: number;
}

/** A name, an email and a date (`1700000000 +0100`), as a header line holds them. */
export interface CommitIdentity {
  readonly name: string;
  readonly email: string;
  readonly date: string;
}

/** Every value of header `name`, in order (continuation lines joined with newlines, as git shows them). */
export function headerValues(commit: Uint8Array, name: string): string[] {
  const decoder = new TextDecoder();
  return (headerSpans(commit) ?? [])
    .filter((span) => span.name === name)
    .map((span) =>
      decoder.decode(commit.subarray(span.value, span.end - 1)).replaceAll('\n ', '\n'),
    );
}

/** Whether the commit carries a signature header. */
export function isSigned(commit: Uint8Array): boolean {
  return (headerSpans(commit) ?? []).some((span) => SIGNATURE_HEADERS.has(span.name));
}

/** The same object with another tree, every other byte kept; undefined unless it starts with a tree header. */
export function withTree(commit: Uint8Array, tree: string): Uint8Array | undefined {
  const first = headerSpans(commit)?.[0];
  if (first?.name !== 'tree' || !/^[0-9a-f]{40,64}$/.test(tree)) return undefined;
  return concat([new TextEncoder().encode(`tree ${tree}\n`), commit.subarray(first.end)]);
}

/** The object without its signature headers: the bytes a signature signs. */
export function withoutSignatures(commit: Uint8Array): Uint8Array {
  const signatures = (headerSpans(commit) ?? []).filter((span) => SIGNATURE_HEADERS.has(span.name));
  const parts: Uint8Array[] = [];
  let kept = 0;
  for (const span of signatures) {
    parts.push(commit.subarray(kept, span.start));
    kept = span.end;
  }
  parts.push(commit.subarray(kept));
  return concat(parts);
}

/** Byte-for-byte equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** Splits `Name <email> 1700000000 +0100` as git does: the first `<`, the first `>` after it. */
export function parseIdentity(value: string): CommitIdentity | undefined {
  const open = value.indexOf('<');
  const close = value.indexOf('>', open + 1);
  if (open === -1 || close === -1) return undefined;
  return {
    name: value.slice(0, open).trimEnd(),
    email: value.slice(open + 1, close),
    date: value.slice(close + 1).trim(),
  };
}

// The headers, located; undefined when no empty line ends them (not a commit object).
function headerSpans(commit: Uint8Array): HeaderSpan[] | undefined {
  const spans: HeaderSpan[] = [];
  let start = 0;
  while (start < commit.length) {
    const newline = commit.indexOf(LF, start);
    if (newline === -1) return undefined;
    if (newline === start) return spans;
    const last = spans.at(-1);
    if (commit[start] === SPACE) {
      if (last === undefined) return undefined;
      spans[spans.length - 1] = { ...last, end: newline + 1 };
    } else {
      const space = commit.subarray(start, newline).indexOf(SPACE);
      const nameEnd = space === -1 ? newline : start + space;
      spans.push({
        name: NAMES.decode(commit.subarray(start, nameEnd)),
        start,
        value: Math.min(nameEnd + 1, newline),
        end: newline + 1,
      });
    }
    start = newline + 1;
  }
  return undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
