// Parsers of git's -z / --null output, on strings captured from git 2.39.
import test from 'ava';

import {
  parseBatchOutput,
  parseCheckAttr,
  parseConfigEntries,
  parseIndexListing,
  parseLocations,
  parseNullValue,
  parseRawCommit,
  parseRewritten,
  parseScopedValue,
  parseTreeListing,
  splitNul,
} from '../../src/git/parse-output.js';

test('check-attr -z: path, attribute, value triples; paths with spaces and newlines intact', (t) => {
  const captured = 'a\0merge\0git-alembic\0b\0merge\0unspecified\0x y\nz\0merge\0unspecified\0';
  t.deepEqual(parseCheckAttr(captured), [
    { path: 'a', attribute: 'merge', value: 'git-alembic' },
    { path: 'b', attribute: 'merge', value: 'unspecified' },
    { path: 'x y\nz', attribute: 'merge', value: 'unspecified' },
  ]);
  t.deepEqual(parseCheckAttr(''), []);
});

test('config --show-scope --null --get: scope and value; nothing means not set', (t) => {
  t.deepEqual(parseScopedValue('local\0.husky/_\0'), { scope: 'local', value: '.husky/_' });
  t.deepEqual(parseScopedValue('global\0\0'), { scope: 'global', value: '' });
  t.deepEqual(parseScopedValue('future\0v\0'), { scope: 'unknown', value: 'v' });
  t.is(parseScopedValue(''), undefined);
});

test('config --null --get and --get-regexp', (t) => {
  t.is(parseNullValue('a b;c\0'), 'a b;c');
  t.is(parseNullValue('\0'), '');
  t.is(parseNullValue(''), undefined);
  t.deepEqual(parseConfigEntries('merge.git-alembic.name\nx\0merge.git-alembic.driver\na\nb\0'), [
    ['merge.git-alembic.name', 'x'],
    ['merge.git-alembic.driver', 'a\nb'],
  ]);
});

test('rev-parse locations: a linked worktree has its own git dir', (t) => {
  t.deepEqual(parseLocations('/r\n/r/.git\n/r/.git\n'), { topLevel: '/r', gitDir: '/r/.git', commonDir: '/r/.git', linkedWorktree: false });
  t.true(parseLocations('/w\n/r/.git/worktrees/w\n/r/.git\n')?.linkedWorktree);
  t.is(parseLocations('/r\n'), undefined);
});

test('cat-file commit: tree, parents, identities and the exact message; a signature is skipped', (t) => {
  const captured = [
    'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    'parent 1111111111111111111111111111111111111111',
    'parent 2222222222222222222222222222222222222222',
    'author Ada Lovelace <ada@example.com> 981169506 +0100',
    'committer  <> 1014786367 -0200',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' abc',
    ' -----END PGP SIGNATURE-----',
    '',
    "Merge branch 'dev'  ",
    '',
    '# not a comment',
    '',
  ].join('\n');
  t.deepEqual(parseRawCommit(captured), {
    tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    parents: ['1111111111111111111111111111111111111111', '2222222222222222222222222222222222222222'],
    author: { name: 'Ada Lovelace', email: 'ada@example.com', date: '981169506 +0100' },
    committer: { name: '', email: '', date: '1014786367 -0200' },
    message: "Merge branch 'dev'  \n\n# not a comment\n",
  });
  t.is(parseRawCommit('tree x\nauthor broken\n\nm')?.tree, undefined);
});

test('post-rewrite stdin: <old> <new> pairs; extra fields and junk ignored', (t) => {
  const old = 'a'.repeat(40);
  const rewritten = 'b'.repeat(40);
  t.deepEqual(parseRewritten(`${old} ${rewritten}\n${old} ${rewritten} extra\nnonsense\n\n`), [
    { old, new: rewritten },
    { old, new: rewritten },
  ]);
  t.deepEqual(splitNul('a b\0c\nd\0'), ['a b', 'c\nd']);
});

const BLOB_1 = 'b80f0bd60822d4fa4893de455958ef32f6c521bf';
const BLOB_2 = 'ed5294bf7a7118015012cfedba45303893efba78';

test('ls-files -s -t -c -m -z: entries once, skip-worktree (S) and work-tree changes (a second C line) apart', (t) => {
  const captured = `H 100644 ${BLOB_1} 0\tapp/x\x00C 100644 ${BLOB_1} 0\tapp/x\x00S 100644 ${BLOB_2} 0\tm/v/a b.py\x00M 100644 ${BLOB_1} 2\tm/c.py\x00H 120000 ${BLOB_2} 0\tm/link\tname.py\x00`;
  const listing = parseIndexListing(captured);
  t.deepEqual(listing.entries, [
    { path: 'app/x', mode: '100644', blob: BLOB_1, stage: 0 },
    { path: 'm/v/a b.py', mode: '100644', blob: BLOB_2, stage: 0 },
    { path: 'm/c.py', mode: '100644', blob: BLOB_1, stage: 2 },
    { path: 'm/link\tname.py', mode: '120000', blob: BLOB_2, stage: 0 },
  ]);
  t.deepEqual([...listing.skipWorktree], ['m/v/a b.py']);
  t.deepEqual([...listing.modified], ['app/x']);
  t.deepEqual(parseIndexListing(''), { entries: [], skipWorktree: new Set(), modified: new Set() });
});

test('ls-tree -r -z: mode, blob and path; the object type is dropped', (t) => {
  t.deepEqual(parseTreeListing(`100644 blob ${BLOB_1}\tm/a.py\x00160000 commit ${BLOB_2}\tsub\x00`), [
    { path: 'm/a.py', mode: '100644', blob: BLOB_1, stage: 0 },
    { path: 'sub', mode: '160000', blob: BLOB_2, stage: 0 },
  ]);
});

test('cat-file --batch: contents by id, byte for byte (newlines and NULs inside); missing objects left out', (t) => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  const captured = bytes(`${BLOB_2} blob 6\n# c\na\n\n${'0'.repeat(40)} missing\n${BLOB_1} blob 3\na\x00\n\n`);
  const contents = parseBatchOutput(captured);
  t.deepEqual([...contents.keys()], [BLOB_2, BLOB_1]);
  t.deepEqual(contents.get(BLOB_2), bytes('# c\na\n'));
  t.deepEqual(contents.get(BLOB_1), bytes('a\x00\n'));
  t.is(parseBatchOutput(new Uint8Array()).size, 0);
});
