// In-place edits of a JSON object's members that copy the document's own formatting (line
// breaks, indentation, the space after colons). Removing a member we inserted gives back the
// exact text we started from, so setup followed by uninstall is byte-identical.
import { detectEol, type Eol } from './line-endings.js';
import type { JsonMember, JsonNode } from './json-document.js';

/** A JSON object node. */
export type JsonObject = JsonNode & { kind: 'object' };

/** How a document is formatted; `indent` is undefined when it is all on one line. */
export interface JsonLayout {
  readonly eol: Eol;
  readonly indent: string | undefined;
  /** Text between a key and its value, e.g. `: `. */
  readonly colon: string;
}

const DEFAULT_INDENT = '  ';

/** Reads the layout from the top-level object: its first member's indentation and colon. */
export function detectLayout(text: string, root: JsonObject): JsonLayout {
  const eol = detectEol(text);
  const first = root.members[0];
  if (first === undefined) return { eol, indent: DEFAULT_INDENT, colon: ': ' };
  const lead = text.slice(root.start + 1, first.keyStart);
  const newline = lead.lastIndexOf('\n');
  return {
    eol,
    indent: newline === -1 ? undefined : lead.slice(newline + 1),
    colon: colonOf(text, first),
  };
}

/** Renders `{ "key": value, … }` (values already JSON) for a member indented by `indent`. */
export function formatObject(
  entries: readonly (readonly [string, string])[],
  layout: JsonLayout,
  indent: string,
): string {
  const members = entries.map(([key, value]) => `${JSON.stringify(key)}${layout.colon}${value}`);
  if (layout.indent === undefined) return `{${members.join(',')}}`;
  const inner = indent + layout.indent;
  return `{${layout.eol}${members.map((member) => inner + member).join(`,${layout.eol}`)}${layout.eol}${indent}}`;
}

/** The indentation a new member of `object` gets (its members', or one level deeper than its line). */
export function memberIndent(text: string, object: JsonObject, layout: JsonLayout): string {
  const first = object.members[0];
  if (first !== undefined) return lineIndentAt(text, first.keyStart);
  return lineIndentAt(text, object.start) + (layout.indent ?? '');
}

/**
 * Inserts `"key": value` (value already JSON) into `object` before member `index`, or after the
 * last member when `index` is the member count, copying the whitespace between members.
 */
export function insertMember(
  text: string,
  object: JsonObject,
  index: number,
  key: string,
  value: string,
  layout: JsonLayout,
): string {
  const { members } = object;
  const last = members.at(-1);
  if (last === undefined) {
    const member = `${JSON.stringify(key)}${layout.colon}${value}`;
    const indent = lineIndentAt(text, object.start);
    const inner =
      layout.indent === undefined
        ? member
        : `${layout.eol}${indent}${layout.indent}${member}${layout.eol}${indent}`;
    return splice(text, object.start + 1, object.end - 1, inner);
  }
  const colon = colonOf(text, members[0] ?? last);
  const member = `${JSON.stringify(key)}${colon}${value}`;
  const next = members[index];
  if (next !== undefined)
    return splice(text, next.keyStart, next.keyStart, `${member},${separator(text, next, colon)}`);
  return splice(text, last.value.end, last.value.end, `,${separator(text, last, colon)}${member}`);
}

/** Removes member `index` of `object` with the separator that belongs to it; undoes `insertMember`. */
export function removeMember(text: string, object: JsonObject, index: number): string {
  const { members } = object;
  const member = members[index];
  if (member === undefined) return text;
  if (members.length === 1) return splice(text, object.start + 1, object.end - 1, '');
  const next = members[index + 1];
  if (next !== undefined) return splice(text, member.keyStart, next.keyStart, '');
  const previous = members[index - 1];
  return previous === undefined ? text : splice(text, previous.value.end, member.value.end, '');
}

/** Replaces the text `[start, end)` with `replacement`. */
export function splice(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

function colonOf(text: string, member: JsonMember): string {
  return text.slice(member.keyEnd, member.value.start);
}

// The whitespace after a new comma: what precedes a neighbouring key, except that a one-line
// object written with `": "` gets a space (`{"a": 1, "b": 2}`, not `{"a": 1,"b": 2}`).
function separator(text: string, neighbour: JsonMember, colon: string): string {
  const lead = whitespaceBefore(text, neighbour.keyStart);
  return lead === '' && colon.endsWith(' ') ? ' ' : lead;
}

// The blanks (spaces and tabs) at the start of the line holding `offset`.
function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

// The JSON whitespace right before `offset` (after a `{` or a `,`).
function whitespaceBefore(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && ' \t\n\r'.includes(text[start - 1] ?? '')) start--;
  return text.slice(start, offset);
}
