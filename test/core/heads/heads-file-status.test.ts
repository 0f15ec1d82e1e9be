// Heads file status (check, doctor) and the text to write (heads --write, setup, the pre-commit hook).
import test from 'ava';

import {
  headsFileCommentUpdate,
  headsFileStatus,
  headsFileUpdate,
} from '../../../src/core/heads/heads-file-status.js';
import { EARLIER_HEADS_FILE_COMMENTS, HEADS_FILE_COMMENT } from '../../../src/messages/edits.js';

const file = (...heads: string[]): string =>
  [HEADS_FILE_COMMENT, ...heads].map((line) => `${line}\n`).join('');

test('status: missing, current whatever the order and blank lines, stale with what it lists, unreadable with the line', (t) => {
  t.deepEqual(headsFileStatus(undefined, ['a']), { kind: 'missing' });
  t.deepEqual(headsFileStatus(`${file('b', 'a')}\n\n`, ['a', 'b']), { kind: 'current' });
  t.deepEqual(headsFileStatus(file('b', 'a'), ['a']), { kind: 'stale', listed: ['a', 'b'] });
  t.deepEqual(headsFileStatus(`${HEADS_FILE_COMMENT}\n<<<<<<< current\n`, ['a']), {
    kind: 'unreadable',
    reason: 'line 2 is a conflict marker',
    line: 2,
  });
});

test('update: nothing when current; the standard file when missing; the existing style when stale', (t) => {
  t.is(headsFileUpdate(file('a'), ['a']), undefined);
  t.is(headsFileUpdate(undefined, ['b', 'a']), file('a', 'b'));
  t.is(headsFileUpdate('# mine\r\nold', ['new']), '# mine\r\nnew');
  t.is(headsFileUpdate('', ['a']), file('a'));
});

test('update of an unreadable file keeps only its line breaks', (t) => {
  t.is(
    headsFileUpdate(`${HEADS_FILE_COMMENT}\r\n<<<<<<< x\r\na\r\n=======\r\nb\r\n>>>>>>> y\r\n`, [
      'a',
      'b',
    ]),
    file('a', 'b').replace(/\n/g, '\r\n'),
  );
});

test('a comment an earlier version wrote: replaced when the file is rewritten, and by setup when current', (t) => {
  const earlier = `${EARLIER_HEADS_FILE_COMMENTS[0]}\r\na\r\n`;
  t.is(headsFileUpdate(earlier, ['b']), file('b').replace(/\n/g, '\r\n'));
  t.is(headsFileUpdate(earlier, ['a']), undefined, 'current: the hooks leave it');
  t.is(headsFileCommentUpdate(earlier), file('a').replace(/\n/g, '\r\n'));
  t.is(headsFileCommentUpdate(file('a')), undefined);
  t.is(headsFileCommentUpdate('# mine\na\n'), undefined);
  t.is(headsFileCommentUpdate(undefined), undefined);
});
