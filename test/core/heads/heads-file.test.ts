import test from 'ava';
import {
  checkMarkerSize,
  formatHeadsFile,
  isHeadsFileCurrent,
  isHeadsFileId,
  isReplaceableHeadsFile,
  keptComment,
  parseHeadsFile,
  type ParsedHeadsFile,
} from '../../../src/core/heads/heads-file.js';
import {
  EARLIER_HEADS_FILE_COMMENTS,
  HEADS_FILE_COMMENT,
  HeadsFileMessages,
} from '../../../src/messages/edits.js';

const C = HEADS_FILE_COMMENT;

const formatsTo = test.macro({
  exec(
    t,
    heads: readonly string[],
    style: Parameters<typeof formatHeadsFile>[1],
    expected: string,
  ) {
    t.is(formatHeadsFile(heads, style), expected);
  },
  title: (title) => `format: ${title ?? ''}`,
});

test('the standard file, sorted', formatsTo, ['b2', 'a1'], undefined, `${C}\na1\nb2\n`);
test('no heads: the comment alone', formatsTo, [], undefined, `${C}\n`);
test('duplicates collapse', formatsTo, ['a', 'a', 'b'], undefined, `${C}\na\nb\n`);
test('CRLF after every line', formatsTo, ['a', 'b'], { eol: '\r\n' }, `${C}\r\na\r\nb\r\n`);
test('a custom comment', formatsTo, ['a'], { eol: '\n', comment: '# heads' }, '# heads\na\n');
test(
  'no newline after the last head',
  formatsTo,
  ['a', 'b'],
  { eol: '\n', finalNewline: false },
  `${C}\na\nb`,
);
test('no final newline, no heads', formatsTo, [], { eol: '\r\n', finalNewline: false }, C);
// Python sorts by code point: U+1F600 (a surrogate pair in UTF-16) comes after U+FF21.
test(
  'code-point order, not UTF-16 order',
  formatsTo,
  ['\u{1F600}', '\uFF21', 'Z', 'a', '_'],
  undefined,
  `${C}\nZ\n_\na\n\uFF21\n\u{1F600}\n`,
);
test(
  'ids Alembic allows: dots, underscores, letters of any script',
  formatsTo,
  ['0001_init.v2', 'ä'],
  undefined,
  `${C}\n0001_init.v2\nä\n`,
);

// Each would be read back as something else: two ids, a comment, a conflict marker, nothing.
for (const id of [
  'a b',
  'a\tb',
  '',
  'a@b',
  'a-b',
  'a+b',
  'a:b',
  'a\nb',
  '#x',
  '=======',
  'a\u0000',
  'a\uFFFD',
  '\uD800',
]) {
  test(`format refuses the id ${JSON.stringify(id)}`, (t) => {
    t.false(isHeadsFileId(id));
    t.throws(() => formatHeadsFile([id]), {
      instanceOf: RangeError,
      message: HeadsFileMessages.badHeadId(id),
    });
  });
}

test('a # inside an id and a short marker run are fine', (t) => {
  t.true(isHeadsFileId('a#b'));
  t.true(isHeadsFileId('<<x'));
});

for (const comment of ['no hash', '# two\nlines', '# cr\r']) {
  test(`format refuses the comment ${JSON.stringify(comment)}`, (t) => {
    t.throws(() => formatHeadsFile(['a'], { eol: '\n', comment }), { instanceOf: RangeError });
  });
}

const parsesTo = test.macro({
  exec(t, text: string, expected: ParsedHeadsFile, markerSize?: number) {
    t.deepEqual(parseHeadsFile(text, markerSize === undefined ? {} : { markerSize }), expected);
  },
  title: (title) => `parse: ${title ?? ''}`,
});

const ok = (
  heads: string[],
  extra: { eol?: '\n' | '\r\n'; comment?: string | undefined; finalNewline?: boolean } = {},
): ParsedHeadsFile => ({
  kind: 'ok',
  heads,
  eol: extra.eol ?? '\n',
  comment: 'comment' in extra ? extra.comment : C,
  finalNewline: extra.finalNewline ?? true,
});
const unreadable = (reason: string, line?: number): ParsedHeadsFile =>
  line === undefined ? { kind: 'unreadable', reason } : { kind: 'unreadable', reason, line };

test('the standard file', parsesTo, `${C}\na1\nb2\n`, ok(['a1', 'b2']));
test(
  'CRLF is recorded as the line end',
  parsesTo,
  `${C}\r\na1\r\nb2\r\n`,
  ok(['a1', 'b2'], { eol: '\r\n' }),
);
test(
  'a missing final newline is recorded',
  parsesTo,
  `${C}\na1`,
  ok(['a1'], { finalNewline: false }),
);
test('no comment', parsesTo, 'a1\nb2\n', ok(['a1', 'b2'], { comment: undefined }));
test(
  'a custom comment is kept whole',
  parsesTo,
  '#  my heads  \na\n',
  ok(['a'], { comment: '#  my heads  ' }),
);
test('comment only', parsesTo, `${C}\n`, ok([]));
test('empty file', parsesTo, '', ok([], { comment: undefined, finalNewline: false }));
test('unsorted with duplicates: sorted set', parsesTo, `${C}\nc\na\nc\nb\n`, ok(['a', 'b', 'c']));
test(
  'blank lines and trailing blanks are tolerated',
  parsesTo,
  `${C}\n\na1 \t\n  \nb2\n\n`,
  ok(['a1', 'b2']),
);
test(
  'mixed line breaks: the first one decides',
  parsesTo,
  `${C}\r\na\nb\r\n`,
  ok(['a', 'b'], { eol: '\r\n' }),
);
test('NUL byte', parsesTo, `${C}\na\u0000b\n`, unreadable(HeadsFileMessages.NUL_BYTE));
test(
  'U+FFFD from undecodable bytes',
  parsesTo,
  `${C}\na\uFFFD\n`,
  unreadable(HeadsFileMessages.INVALID_UTF8),
);
test('a lone surrogate', parsesTo, `${C}\na\uD800\n`, unreadable(HeadsFileMessages.INVALID_UTF8));
test(
  'a second comment line',
  parsesTo,
  `${C}\na\n# more\n`,
  unreadable(HeadsFileMessages.commentNotFirst(3), 3),
);
test(
  'a comment after a blank first line',
  parsesTo,
  `\n${C}\n`,
  unreadable(HeadsFileMessages.commentNotFirst(2), 2),
);
test(
  'two ids on a line',
  parsesTo,
  `${C}\na b\n`,
  unreadable(HeadsFileMessages.notARevisionId(2, 'a b'), 2),
);
test(
  'an indented id',
  parsesTo,
  `${C}\n  a\n`,
  unreadable(HeadsFileMessages.notARevisionId(2, '  a'), 2),
);
test(
  'a lone CR inside a line',
  parsesTo,
  `${C}\na\rb\n`,
  unreadable(HeadsFileMessages.notARevisionId(2, 'a\rb'), 2),
);
test(
  'a byte-order mark',
  parsesTo,
  `\uFEFF${C}\n`,
  unreadable(HeadsFileMessages.notARevisionId(1, `\uFEFF${C}`), 1),
);
for (const character of ['@', '-', '+', ':']) {
  test(
    `an id with ${character}`,
    parsesTo,
    `${C}\na${character}b\n`,
    unreadable(HeadsFileMessages.notARevisionId(2, `a${character}b`), 2),
  );
}
test('a long bad line is shortened in the message', (t) => {
  const line = `${'x'.repeat(70)} y`;
  const result = parseHeadsFile(`${line}\n`);
  t.is(
    result.kind === 'unreadable' ? result.reason : '',
    `line 1 is not a revision id: "${'x'.repeat(60)}…"`,
  );
});

for (const marker of [
  '<<<<<<< HEAD',
  '=======',
  '>>>>>>> dev',
  '||||||| base',
  '<<<<<<<',
  '=========',
  '<<<<<<<<<<<<<<<< x',
]) {
  test(
    `marker ${JSON.stringify(marker)}`,
    parsesTo,
    `${C}\na\n${marker}\n`,
    unreadable(HeadsFileMessages.conflictMarker(3), 3),
  );
}
test(
  'a marker run glued to text is still a marker',
  parsesTo,
  '>>>>>>>x\n',
  unreadable(HeadsFileMessages.conflictMarker(1), 1),
);
test(
  'marker size 32 still catches size-7 markers',
  parsesTo,
  'a\n=======\n',
  unreadable(HeadsFileMessages.conflictMarker(2), 2),
  32,
);
test(
  'marker size 3 catches size-3 markers',
  parsesTo,
  'a\n|||\n',
  unreadable(HeadsFileMessages.conflictMarker(2), 2),
  3,
);
test(
  'a short run of marker characters is an id',
  parsesTo,
  'a\n<<\n',
  ok(['<<', 'a'], { comment: undefined }),
);

for (const size of [0, -1, 1.5, Number.NaN]) {
  test(`marker size ${size} is refused`, (t) => {
    t.throws(() => checkMarkerSize(size), {
      instanceOf: RangeError,
      message: HeadsFileMessages.badMarkerSize(size),
    });
    t.throws(() => parseHeadsFile('a\n', { markerSize: size }), { instanceOf: RangeError });
  });
}

test('format then parse gives the heads back, in every style', (t) => {
  const heads = ['b', 'a', 'c_3'];
  for (const eol of ['\n', '\r\n'] as const) {
    for (const finalNewline of [true, false]) {
      const parsed = parseHeadsFile(formatHeadsFile(heads, { eol, finalNewline }));
      t.deepEqual(parsed, { kind: 'ok', heads: ['a', 'b', 'c_3'], eol, comment: C, finalNewline });
    }
  }
});

const current = test.macro({
  exec(t, text: string, heads: readonly string[], expected: boolean) {
    t.is(isHeadsFileCurrent(text, heads), expected);
  },
  title: (title) => `current: ${title ?? ''}`,
});

test('same heads', current, `${C}\na\nb\n`, ['b', 'a'], true);
test('same heads, CRLF', current, `${C}\r\na\r\nb\r\n`, ['a', 'b'], true);
test('same heads, no comment, unsorted, no final newline', current, 'b\na', ['a', 'b'], true);
test('duplicates in the wanted list', current, `${C}\na\n`, ['a', 'a'], true);
test('a head missing', current, `${C}\na\n`, ['a', 'b'], false);
test('a head too many', current, `${C}\na\nb\n`, ['a'], false);
test('a different head', current, `${C}\na\n`, ['b'], false);
test('no heads both ways', current, `${C}\n`, [], true);
test('unreadable file', current, `${C}\n=======\n`, [], false);

const replaceable = test.macro({
  exec(t, text: string, expected: boolean) {
    t.is(isReplaceableHeadsFile(text), expected);
  },
  title: (title) => `replaceable: ${title ?? ''}`,
});

test('a heads file', replaceable, `${C}\na\n`, true);
test('an empty file', replaceable, '', true);
test(
  'a heads file with conflict markers, as git merge-file leaves it',
  replaceable,
  `${C}\n<<<<<<< current\na\n=======\nb\n>>>>>>> incoming\n`,
  true,
);
test(
  'conflict markers around two comment lines (diff3)',
  replaceable,
  '<<<<<<< a\n# old\nx\n||||||| base\n# older\n=======\n# new\ny\n>>>>>>> b\n',
  true,
);
test('notes of someone else', replaceable, 'Remember to run the migrations\n', false);
test('a second comment line without markers', replaceable, `${C}\na\n# mine\n`, false);
test(
  'conflict markers around text that is not a heads file',
  replaceable,
  '<<<<<<< a\nsome text\n=======\nb\n>>>>>>> b\n',
  false,
);
test('a NUL byte', replaceable, `${C}\n<<<<<<< a\n\u0000\n`, false);

test('the comment an earlier version wrote gives way to the current one; any other stays', (t) => {
  t.is(keptComment(EARLIER_HEADS_FILE_COMMENTS[0]), undefined);
  t.is(keptComment('# mine'), '# mine');
  t.is(keptComment(undefined), undefined);
  t.true(C.includes('npx git-alembic heads --write'), 'the comment says how to resolve a conflict');
});
