// Commit objects as bytes: the fold replaces the tree and keeps every other byte (mergetag,
// encoding, unknown headers, a message that is not UTF-8); signatures are found and left out.
import test from 'ava';

import {
  headerValues,
  isSigned,
  parseIdentity,
  sameBytes,
  withoutSignatures,
  withTree,
} from '../../../src/core/commit/commit-object.js';

const TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const OTHER_TREE = 'd'.repeat(40);

// A merge of a signed tag, in ISO-8859-1, with a header no git knows, then signed.
function commit(signature: readonly string[]): Buffer {
  const head = [
    `tree ${TREE}`,
    `parent ${'1'.repeat(40)}`,
    `parent ${'2'.repeat(40)}`,
    'author J\xfcrgen <j@example.com> 981169506 +0100',
    'committer  <> 1014786367 -0200',
    'encoding ISO-8859-1',
    `mergetag object ${'2'.repeat(40)}`,
    ' type commit',
    ' tag v1',
    ' ',
    ' -----BEGIN SSH SIGNATURE-----',
    ' -----END SSH SIGNATURE-----',
    'x-future-header  spaced  value ',
    ...signature,
    '',
    "Merge tag 'v1' \xe9t\xe9  \r",
    '',
    '',
  ].join('\n');
  return Buffer.from(head, 'latin1');
}

const SIGNATURE = [
  'gpgsig -----BEGIN SSH SIGNATURE-----',
  ' U1NIU0lH',
  ' -----END SSH SIGNATURE-----',
];

test('withTree replaces the tree header and keeps every other byte', (t) => {
  const original = commit([]);
  const remade = withTree(original, OTHER_TREE);
  t.truthy(remade);
  const expected = Buffer.from(original.toString('latin1').replace(TREE, OTHER_TREE), 'latin1');
  t.true(sameBytes(remade ?? new Uint8Array(), expected));
  t.is(withTree(original, 'not a sha'), undefined);
  t.is(
    withTree(Buffer.from(`parent ${TREE}\n\nm`), OTHER_TREE),
    undefined,
    'a tree header comes first or the object is not remade',
  );
});

test('signature headers: found in sha1 and sha256 objects, and removed with their continuation lines only', (t) => {
  const signed = commit(SIGNATURE);
  t.true(isSigned(signed));
  t.false(isSigned(commit([])));
  t.true(
    isSigned(
      commit(['gpgsig-sha256 -----BEGIN PGP SIGNATURE-----', ' x', ' -----END PGP SIGNATURE-----']),
    ),
  );
  t.true(sameBytes(withoutSignatures(signed), commit([])));
  t.false(
    isSigned(Buffer.from(`tree ${TREE}\n\ngpgsig in the message\n`)),
    'a message line is no header',
  );
});

test('header values: parents in order, continuation lines joined, identities split as git does', (t) => {
  const original = commit([]);
  t.deepEqual(headerValues(original, 'parent'), ['1'.repeat(40), '2'.repeat(40)]);
  t.deepEqual(headerValues(original, 'encoding'), ['ISO-8859-1']);
  t.is(headerValues(original, 'mergetag')[0]?.split('\n').length, 6);
  t.deepEqual(headerValues(original, 'x-future-header'), [' spaced  value ']);
  t.deepEqual(parseIdentity(headerValues(original, 'committer')[0] ?? ''), {
    name: '',
    email: '',
    date: '1014786367 -0200',
  });
  t.deepEqual(parseIdentity('Ada Lovelace <ada@example.com> 981169506 +0100'), {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    date: '981169506 +0100',
  });
  t.is(parseIdentity('no email 1 +0000'), undefined);
});

test('malformed objects: no header end, a continuation first, or a huge header are handled without failing', (t) => {
  t.deepEqual(headerValues(Buffer.from(`tree ${TREE}\nparent x`), 'tree'), []);
  t.false(isSigned(Buffer.from(' gpgsig x\n\n')));
  t.is(withTree(Buffer.from(' continuation\n\n'), OTHER_TREE), undefined);
  const huge = Buffer.concat([
    Buffer.from(`tree ${TREE}\n`),
    Buffer.alloc(4 * 1024 * 1024, 0x61),
    Buffer.from('\n\nmessage\n'),
  ]);
  t.is(withTree(huge, OTHER_TREE)?.length, huge.length);
  t.false(isSigned(huge));
});
