import test from 'ava';
import {
  mergeHeadSets,
  mergeHeadsFiles,
  type HeadsMergeResult,
} from '../../../src/core/heads/merge-heads.js';
import {
  EARLIER_HEADS_FILE_COMMENTS,
  HEADS_FILE_COMMENT,
  HeadsFileMessages,
} from '../../../src/messages/edits.js';

const C = HEADS_FILE_COMMENT;
/** A standard heads file (LF, final newline) listing `heads` in the given order. */
const file = (...heads: string[]): string => [C, ...heads].map((line) => `${line}\n`).join('');
const crlf = (...heads: string[]): string => [C, ...heads].map((line) => `${line}\r\n`).join('');

const merges = test.macro({
  exec(
    t,
    base: string,
    current: string,
    incoming: string,
    expected: string,
    markerSize: number = 7,
  ) {
    const result = mergeHeadsFiles(base, current, incoming, markerSize);
    t.deepEqual(result, { kind: 'merged', text: expected, heads: parseHeads(expected) });
  },
  title: (title) => `merges: ${title ?? ''}`,
});

function parseHeads(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
}

test('add/add with an empty base', merges, '', file('a1'), file('b2'), file('a1', 'b2'));
test(
  'both add a different head on top of the same one',
  merges,
  file('r0'),
  file('a1'),
  file('b2'),
  file('a1', 'b2'),
);
test('both make the same change', merges, file('r0'), file('a1'), file('a1'), file('a1'));
test(
  'both add the same new head next to an old one',
  merges,
  file('r0', 'x'),
  file('r0', 'n'),
  file('n', 'r0'),
  file('n', 'r0'),
);
test(
  'current removes a head incoming still has: it goes',
  merges,
  file('a', 'b'),
  file('a'),
  file('a', 'b'),
  file('a'),
);
test(
  'incoming removes a head current still has: it goes',
  merges,
  file('a', 'b'),
  file('a', 'b'),
  file('b'),
  file('b'),
);
test(
  'both replace the same head with different new heads: both new heads',
  merges,
  file('h'),
  file('x'),
  file('y'),
  file('x', 'y'),
);
test(
  'current merged two heads, incoming adds on one of them',
  merges,
  file('a', 'b'),
  file('m'),
  file('a', 'c'),
  file('c', 'm'),
);
test('nothing changed', merges, file('a'), file('a'), file('a'), file('a'));
test('only incoming changed', merges, file('a'), file('a'), file('b'), file('b'));
test('everything removed', merges, file('a'), file(), file(), file());
test(
  'output is sorted in code-point order',
  merges,
  '',
  file('\u{1F600}'),
  file('\uFF21', 'Z'),
  file('Z', '\uFF21', '\u{1F600}'),
);
test(
  'unsorted input sides',
  merges,
  file('b', 'a'),
  file('c', 'b', 'a'),
  file('a', 'b', 'd'),
  file('a', 'b', 'c', 'd'),
);
test(
  'a comment-only base (an environment without revisions yet)',
  merges,
  file(),
  file('a'),
  file('b'),
  file('a', 'b'),
);

// Style comes from current (%A), whatever the other sides look like.
test(
  'CRLF current, LF incoming: CRLF out',
  merges,
  file('r'),
  crlf('a'),
  file('b'),
  crlf('a', 'b'),
);
test(
  'LF current, CRLF incoming and base: LF out',
  merges,
  crlf('r'),
  file('a'),
  crlf('b'),
  file('a', 'b'),
);
test(
  'the comment an earlier version wrote gives way to the current one',
  merges,
  file('r'),
  `${EARLIER_HEADS_FILE_COMMENTS[0]}\na\n`,
  file('b'),
  file('a', 'b'),
);
test(
  'current without a final newline keeps it that way',
  merges,
  file('r'),
  `${C}\na`,
  file('b'),
  `${C}\na\nb`,
);
test(
  'current without a final newline, CRLF',
  merges,
  file('r'),
  `${C}\r\na`,
  file('b'),
  `${C}\r\na\r\nb`,
);
test(
  "current's own comment is kept",
  merges,
  file('r'),
  '# ours\na\n',
  file('b'),
  '# ours\na\nb\n',
);
test(
  'current without a comment gets the standard one',
  merges,
  file('r'),
  'a\n',
  '# theirs\nb\n',
  file('a', 'b'),
);
test('an empty current gets the standard style', merges, '', '', file('b'), file('b'));
test(
  'blank lines and trailing blanks do not survive',
  merges,
  file('r'),
  `${C}\n\na  \n`,
  file('b'),
  file('a', 'b'),
);
test(
  'a larger marker size changes nothing for clean input',
  merges,
  '',
  file('a'),
  file('b'),
  file('a', 'b'),
  32,
);

const refuses = test.macro({
  exec(
    t,
    base: string,
    current: string,
    incoming: string,
    expected: HeadsMergeResult,
    markerSize: number = 7,
  ) {
    t.deepEqual(mergeHeadsFiles(base, current, incoming, markerSize), expected);
  },
  title: (title) => `cannot merge: ${title ?? ''}`,
});

const conflicted = (size: number, ours: string, theirs: string): string =>
  `${C}\n${'<'.repeat(size)} HEAD\n${ours}\n${'='.repeat(size)}\n${theirs}\n${'>'.repeat(size)} dev\n`;
const marker = (side: 'base' | 'current' | 'incoming', line: number): HeadsMergeResult => ({
  kind: 'unreadable',
  side,
  reason: HeadsFileMessages.conflictMarker(line),
  line,
});

test(
  'size-7 markers in current',
  refuses,
  file('r'),
  conflicted(7, 'a', 'b'),
  file('c'),
  marker('current', 2),
);
test(
  'size-7 markers in incoming',
  refuses,
  file('r'),
  file('c'),
  conflicted(7, 'a', 'b'),
  marker('incoming', 2),
);
test(
  'size-9 markers in the virtual base of a criss-cross merge (%L 7)',
  refuses,
  conflicted(9, 'a', 'b'),
  file('a'),
  file('b'),
  marker('base', 2),
);
test(
  'size-9 markers with %L 9',
  refuses,
  file('r'),
  conflicted(9, 'a', 'b'),
  file('c'),
  marker('current', 2),
  9,
);
test(
  'size-32 markers with %L 32',
  refuses,
  file('r'),
  file('c'),
  conflicted(32, 'a', 'b'),
  marker('incoming', 2),
  32,
);
test(
  'a bare separator line',
  refuses,
  file('r'),
  file('a', '======='),
  file('b'),
  marker('current', 3),
);
test(
  'diff3 base section marker',
  refuses,
  file('r'),
  `${C}\n||||||| base\n`,
  file('b'),
  marker('current', 2),
);
test('garbage', refuses, file('r'), file('a'), 'not a heads file\n', {
  kind: 'unreadable',
  side: 'incoming',
  reason: HeadsFileMessages.notARevisionId(1, 'not a heads file'),
  line: 1,
});
test('a Python file', refuses, 'import os\n', file('a'), file('b'), {
  kind: 'unreadable',
  side: 'base',
  reason: HeadsFileMessages.notARevisionId(1, 'import os'),
  line: 1,
});
test('NUL byte', refuses, file('r'), file('a'), `${C}\n\u0000\n`, {
  kind: 'unreadable',
  side: 'incoming',
  reason: HeadsFileMessages.NUL_BYTE,
});
test('invalid UTF-8 (decoded as U+FFFD)', refuses, file('r'), `${C}\n\uFFFD\n`, file('b'), {
  kind: 'unreadable',
  side: 'current',
  reason: HeadsFileMessages.INVALID_UTF8,
});
test('the first unreadable side is reported, base first', refuses, 'x y\n', '=======\n', '\u0000', {
  kind: 'unreadable',
  side: 'base',
  reason: HeadsFileMessages.notARevisionId(1, 'x y'),
  line: 1,
});

test('a bad marker size is a caller bug', (t) => {
  t.throws(() => mergeHeadsFiles('', '', '', 0), { instanceOf: RangeError });
});

// Every membership pattern of three ids across base/current/incoming: 2^9 cases. Independent
// statement of the rule: if both sides agree, take that; else the side that changed wins.
test('set merge, exhaustively over three ids', (t) => {
  const ids = ['a', 'b', 'c'];
  const subset = (mask: number): string[] => ids.filter((_, bit) => (mask >> bit) & 1);
  for (let o = 0; o < 8; o++) {
    for (let a = 0; a < 8; a++) {
      for (let b = 0; b < 8; b++) {
        const expected = ids.filter((id) => {
          const [inO, inA, inB] = [subset(o), subset(a), subset(b)].map((set) => set.includes(id));
          if (inA === inB) return inA;
          return inA === inO ? inB : inA;
        });
        t.deepEqual(
          mergeHeadSets(subset(o), subset(a), subset(b)),
          expected,
          `o=${o} a=${a} b=${b}`,
        );
        t.deepEqual(mergeHeadSets(subset(o), subset(b), subset(a)), expected, 'symmetric');
      }
    }
  }
});

test('merging a file with itself gives it back in canonical form', (t) => {
  const text = file('b', 'a');
  t.deepEqual(mergeHeadsFiles(text, text, text, 7), {
    kind: 'merged',
    text: file('a', 'b'),
    heads: ['a', 'b'],
  });
});
