// Heads file status (check, doctor) and the text to write (heads --write, setup, the pre-commit hook).
import test from 'ava';

import { headsFileStatus, headsFileUpdate } from '../../../src/core/heads/heads-file-status.js';
import { HEADS_FILE_COMMENT } from '../../../src/messages/edits.js';

const file = (...heads: string[]): string => [HEADS_FILE_COMMENT, ...heads].map((line) => `${line}\n`).join('');

test('status: missing, current whatever the order and blank lines, stale with what it lists, unreadable with the line', (t) => {
  t.deepEqual(headsFileStatus(undefined, ['a']), { kind: 'missing' });
  t.deepEqual(headsFileStatus(`${file('b', 'a')}\n\n`, ['a', 'b']), { kind: 'current' });
  t.deepEqual(headsFileStatus(file('b', 'a'), ['a']), { kind: 'stale', listed: ['a', 'b'] });
  t.deepEqual(headsFileStatus(`${HEADS_FILE_COMMENT}\n<<<<<<< current\n`, ['a']), { kind: 'unreadable', reason: 'line 2 is a conflict marker', line: 2 });
});

test('update: nothing when current; the standard file when missing; the existing style when stale', (t) => {
  t.is(headsFileUpdate(file('a'), ['a']), undefined);
  t.is(headsFileUpdate(undefined, ['b', 'a']), file('a', 'b'));
  t.is(headsFileUpdate('# mine\r\nold', ['new']), '# mine\r\nnew');
  t.is(headsFileUpdate('', ['a']), file('a'));
});

test('update of an unreadable file keeps only its line breaks', (t) => {
  t.is(headsFileUpdate(`${HEADS_FILE_COMMENT}\r\n<<<<<<< x\r\na\r\n=======\r\nb\r\n>>>>>>> y\r\n`, ['a', 'b']), file('a', 'b').replace(/\n/g, '\r\n'));
});
