// Parsers of git's -z / --null output, on strings captured from git 2.39.
import test from 'ava';

import { parseCheckAttr, parseConfigEntries, parseLocations, parseNullValue, parseRawCommit, parseRewritten, parseScopedValue, splitNul } from '../../src/git/parse-output.js';

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
