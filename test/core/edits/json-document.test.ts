import test from 'ava';
import { InputError } from '../../../src/errors.js';
import { findMember, parseJsonDocument } from '../../../src/core/edits/json-document.js';
import { JsonSyntaxMessages, PackageJsonMessages } from '../../../src/messages/edits.js';

test('spans of keys and values', (t) => {
  const text = '{ "a": "x\\u0041", "b": [1, {"c": null}], "d": -1.5e3 }';
  const root = parseJsonDocument(text, 'f.json');
  if (root.kind !== 'object') return t.fail();
  t.deepEqual(
    root.members.map((member) => member.key),
    ['a', 'b', 'd'],
  );
  const a = root.members[0];
  t.is(text.slice(a?.keyStart, a?.keyEnd), '"a"');
  t.deepEqual(a?.value, { kind: 'string', start: 7, end: 16, value: 'xA' });
  const b = root.members[1];
  t.is(text.slice(b?.value.start, b?.value.end), '[1, {"c": null}]');
  t.is(b?.value.kind, 'array');
  t.is(findMember(root, 'd')?.value.kind, 'scalar');
  t.is(root.start, 0);
  t.is(root.end, text.length);
});

test('an escaped key is decoded', (t) => {
  const root = parseJsonDocument('{"\\u0073cripts": {}}', 'f.json');
  t.is(root.kind === 'object' ? findMember(root, 'scripts')?.value.kind : undefined, 'object');
});

test('the last of duplicate keys wins, as in JSON.parse', (t) => {
  const root = parseJsonDocument('{"a": 1, "a": "two"}', 'f.json');
  t.is(root.kind === 'object' ? findMember(root, 'a')?.value.kind : undefined, 'string');
});

test('a byte-order mark and surrounding whitespace are allowed', (t) => {
  t.is(parseJsonDocument('\uFEFF \r\n{}\r\n', 'f.json').kind, 'object');
});

test('every valid JSON text the reader accepts, JSON.parse accepts too', (t) => {
  for (const text of [
    '0',
    '-0.5E+2',
    'true',
    'null',
    '""',
    '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '[]',
    '[[],{}]',
    '{"":{"":[]}}',
  ]) {
    t.notThrows(() => JSON.parse(text));
    t.notThrows(() => parseJsonDocument(text, 'f.json'), text);
  }
});

const rejects = test.macro({
  exec(t, text: string, line: number, detail: string, column: number) {
    const error = t.throws(() => parseJsonDocument(text, 'package.json'), {
      instanceOf: InputError,
    });
    t.deepEqual(error?.location, { file: 'package.json', line });
    t.is(
      error?.message,
      `package.json:${line}: ${PackageJsonMessages.invalidJson(detail, column)}`,
    );
    t.throws(() => JSON.parse(text), undefined, 'JSON.parse agrees it is invalid');
  },
  title: (title) => `invalid: ${title ?? ''}`,
});

test('empty text', rejects, '', 1, JsonSyntaxMessages.UNEXPECTED_END, 1);
test(
  'a trailing comma in an object',
  rejects,
  '{\n  "a": 1,\n}',
  3,
  JsonSyntaxMessages.EXPECTED_KEY,
  1,
);
test('a trailing comma in an array', rejects, '[1,]', 1, JsonSyntaxMessages.unexpected(']'), 4);
test(
  'a missing comma',
  rejects,
  '{\n  "a": 1\n  "b": 2\n}',
  3,
  JsonSyntaxMessages.EXPECTED_COMMA_OR_BRACE,
  3,
);
test('a missing colon', rejects, '{"a" 1}', 1, JsonSyntaxMessages.EXPECTED_COLON, 6);
test('a single-quoted key', rejects, "{'a': 1}", 1, JsonSyntaxMessages.EXPECTED_KEY, 2);
test('an unclosed object', rejects, '{"a": 1', 1, JsonSyntaxMessages.UNEXPECTED_END, 8);
test('an unclosed string', rejects, '{"a": "x}', 1, JsonSyntaxMessages.BAD_STRING, 7);
test('a raw newline in a string', rejects, '{"a": "x\ny"}', 1, JsonSyntaxMessages.BAD_STRING, 7);
test('a bad escape', rejects, '"\\x"', 1, JsonSyntaxMessages.BAD_STRING, 1);
test('a comment', rejects, '{\n  // no\n}', 2, JsonSyntaxMessages.EXPECTED_KEY, 3);
test('text after the value', rejects, '{}\n{}', 2, JsonSyntaxMessages.TRAILING_TEXT, 1);
test('a bare word', rejects, '[yes]', 1, JsonSyntaxMessages.unexpected('y'), 2);
test('a leading zero', rejects, '[01]', 1, JsonSyntaxMessages.EXPECTED_COMMA_OR_BRACKET, 3);
test(
  'CRLF lines are counted',
  rejects,
  '{\r\n"a": 1\r\n"b"}',
  3,
  JsonSyntaxMessages.EXPECTED_COMMA_OR_BRACE,
  1,
);

test('deep nesting is refused, not a stack overflow', (t) => {
  const error = t.throws(() => parseJsonDocument('['.repeat(10_000), 'f.json'), {
    instanceOf: InputError,
  });
  t.regex(error?.message ?? '', new RegExp(PackageJsonMessages.TOO_DEEP));
});
