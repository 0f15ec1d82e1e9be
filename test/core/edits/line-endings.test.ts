import test from 'ava';
import {
  appendLines,
  detectEol,
  hasFinalNewline,
  joinLines,
  removeLines,
  splitLines,
} from '../../../src/core/edits/line-endings.js';

const SAMPLES = [
  '',
  'a',
  'a\n',
  'a\r\n',
  '\n',
  '\r\n',
  'a\nb',
  'a\r\nb\r\n',
  'a\r\nb\nc',
  'a\rb\n',
  '\n\n',
  'a\r',
  'a\r\r\n',
];

for (const text of SAMPLES) {
  test(`split and join give back ${JSON.stringify(text)}`, (t) => {
    t.is(joinLines(splitLines(text)), text);
  });
}

test('splitLines keeps each ending', (t) => {
  t.deepEqual(splitLines('a\r\nb\nc'), [
    { content: 'a', ending: '\r\n' },
    { content: 'b', ending: '\n' },
    { content: 'c', ending: '' },
  ]);
  t.deepEqual(splitLines(''), []);
  t.deepEqual(splitLines('\n'), [{ content: '', ending: '\n' }]);
  t.deepEqual(splitLines('a\rb'), [{ content: 'a\rb', ending: '' }], 'a lone CR is content');
  t.deepEqual(splitLines('a\r\r\n'), [{ content: 'a\r', ending: '\r\n' }]);
});

const detects = test.macro({
  exec(t, text: string, expected: '\n' | '\r\n', fallback?: '\n' | '\r\n') {
    t.is(detectEol(text, fallback), expected);
  },
  title: (title) => `detectEol: ${title ?? ''}`,
});
test('LF', detects, 'a\nb\r\n', '\n');
test('CRLF', detects, 'a\r\nb\n', '\r\n');
test('CRLF on an empty first line', detects, '\r\n', '\r\n');
test('LF on an empty first line', detects, '\n', '\n');
test('none: the default', detects, 'abc', '\n');
test('none: the fallback', detects, '', '\r\n', '\r\n');
test('a lone CR is not a line break', detects, 'a\rb', '\n');

test('hasFinalNewline', (t) => {
  t.true(hasFinalNewline('a\n'));
  t.true(hasFinalNewline('a\r\n'));
  t.false(hasFinalNewline('a'));
  t.false(hasFinalNewline(''));
  t.false(hasFinalNewline('a\r'));
});

const appends = test.macro({
  exec(t, text: string, contents: string[], eol: '\n' | '\r\n', expected: string) {
    const lines = splitLines(text);
    const appended = appendLines(lines, contents, eol);
    t.is(joinLines(appended), expected);
    t.is(
      joinLines(removeLines(appended, lines.length, appended.length)),
      text,
      'removing them restores the text',
    );
  },
  title: (title) => `append: ${title ?? ''}`,
});
test('to an empty text', appends, '', ['x', 'y'], '\n', 'x\ny\n');
test('after a final newline', appends, 'a\n', ['x'], '\n', 'a\nx\n');
test('without a final newline: still without', appends, 'a', ['x', 'y'], '\n', 'a\nx\ny');
test('CRLF without a final newline', appends, 'a\r\nb', ['x'], '\r\n', 'a\r\nb\r\nx');
test('to a lone newline', appends, '\n', ['x'], '\n', '\nx\n');
test('nothing', appends, 'a', [], '\n', 'a');

test('removeLines in the middle leaves the ends alone', (t) => {
  const lines = splitLines('a\nb\nc');
  t.is(joinLines(removeLines(lines, 1, 2)), 'a\nc');
  t.is(joinLines(removeLines(lines, 0, 3)), '');
  t.is(joinLines(removeLines(lines, 0, 1)), 'b\nc');
  t.is(
    joinLines(removeLines(lines, 2, 3)),
    'a\nb',
    'the last line had no newline, so the new last one loses its own',
  );
  t.is(joinLines(removeLines(splitLines('a\nb\n'), 1, 2)), 'a\n');
  t.is(joinLines(removeLines(lines, 1, 1)), 'a\nb\nc', 'an empty range');
});
