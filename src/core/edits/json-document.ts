// A JSON reader that remembers where every value and key is in the text, so package.json can be
// edited in place: only the bytes we add or remove change, the user's formatting stays.
import { InputError } from '../../errors.js';
import { JsonSyntaxMessages, PackageJsonMessages } from '../../messages/edits.js';

/** A JSON value and its span `[start, end)` in the text. Objects keep their members in order. */
export type JsonNode =
  | {
      readonly kind: 'object';
      readonly start: number;
      readonly end: number;
      readonly members: readonly JsonMember[];
    }
  | {
      readonly kind: 'string';
      readonly start: number;
      readonly end: number;
      readonly value: string;
    }
  | { readonly kind: 'array' | 'scalar'; readonly start: number; readonly end: number };

/** `"key": value` inside an object; `keyStart`/`keyEnd` span the quoted key. */
export interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: JsonNode;
}

const MAX_DEPTH = 256;
const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;

/**
 * Reads a whole JSON document (RFC 8259; a leading byte-order mark is allowed).
 * @throws InputError naming `fileName` and the line, with the column in the message.
 */
export function parseJsonDocument(text: string, fileName: string): JsonNode {
  const reader = new JsonReader(text, fileName);
  return reader.document();
}

/** The last member named `key` (the one JSON.parse keeps), if any. */
export function findMember(
  object: JsonNode & { kind: 'object' },
  key: string,
): JsonMember | undefined {
  return object.members.findLast((member) => member.key === key);
}

class JsonReader {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly fileName: string,
  ) {}

  document(): JsonNode {
    if (this.text.startsWith('\uFEFF')) this.position = 1;
    const value = this.value(0);
    this.skipWhitespace();
    if (this.position < this.text.length) this.fail(JsonSyntaxMessages.TRAILING_TEXT);
    return value;
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(PackageJsonMessages.TOO_DEEP);
    this.skipWhitespace();
    const start = this.position;
    const character = this.text[start];
    if (character === '{') return this.object(depth);
    if (character === '[') return this.array(depth);
    if (character === '"') {
      const end = this.string();
      return { kind: 'string', start, end, value: this.decoded(start, end) };
    }
    if (this.match(NUMBER) || this.match(LITERAL))
      return { kind: 'scalar', start, end: this.position };
    return this.fail(
      character === undefined
        ? JsonSyntaxMessages.UNEXPECTED_END
        : JsonSyntaxMessages.unexpected(character),
    );
  }

  private object(depth: number): JsonNode {
    const start = this.position++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === '}')
      return { kind: 'object', start, end: ++this.position, members };
    for (;;) {
      this.skipWhitespace();
      const keyStart = this.position;
      if (this.text[keyStart] !== '"') this.fail(JsonSyntaxMessages.EXPECTED_KEY);
      const keyEnd = this.string();
      const key = this.decoded(keyStart, keyEnd);
      this.skipWhitespace();
      if (this.text[this.position++] !== ':')
        this.fail(JsonSyntaxMessages.EXPECTED_COLON, this.position - 1);
      members.push({ key, keyStart, keyEnd, value: this.value(depth + 1) });
      if (this.endOfList('}', JsonSyntaxMessages.EXPECTED_COMMA_OR_BRACE))
        return { kind: 'object', start, end: this.position, members };
    }
  }

  private array(depth: number): JsonNode {
    const start = this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === ']') return { kind: 'array', start, end: ++this.position };
    for (;;) {
      this.value(depth + 1);
      if (this.endOfList(']', JsonSyntaxMessages.EXPECTED_COMMA_OR_BRACKET))
        return { kind: 'array', start, end: this.position };
    }
  }

  // After an element: true at the closing bracket (consumed), false after a comma.
  private endOfList(closing: string, expected: string): boolean {
    this.skipWhitespace();
    const character = this.text[this.position++];
    if (character === closing) return true;
    if (character !== ',')
      this.fail(
        character === undefined ? JsonSyntaxMessages.UNEXPECTED_END : expected,
        this.position - 1,
      );
    return false;
  }

  private string(): number {
    if (!this.match(STRING)) this.fail(JsonSyntaxMessages.BAD_STRING);
    return this.position;
  }

  // The value of the string literal at [start, end).
  private decoded(start: number, end: number): string {
    return JSON.parse(this.text.slice(start, end)) as string;
  }

  private match(pattern: RegExp): boolean {
    pattern.lastIndex = this.position;
    if (!pattern.test(this.text)) return false;
    this.position = pattern.lastIndex;
    return true;
  }

  private skipWhitespace(): void {
    this.match(WHITESPACE);
  }

  private fail(detail: string, at: number = this.position): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new InputError(
      { file: this.fileName, line },
      PackageJsonMessages.invalidJson(detail, column),
    );
  }
}
