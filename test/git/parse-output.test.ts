// Parsers of git's -z / --null output, on strings captured from git 2.39.
import test from 'ava';

import { fetchedFrom, parseCheckAttr, parseCommitRecord, parseConfigEntries, parseFetchHead, parseLocations, parseNullValue, parseRewritten, parseScopedValue, splitNul } from '../../src/git/parse-output.js';

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

test('log -1 -z --format=%H%x20%P --name-only: the commit, its parents and the paths it changed', (t) => {
  const [id, main, dev] = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
  t.deepEqual(parseCommitRecord(`${id} ${main} ${dev}\0\nmigrations/x y.py\0migrations/heads.txt\0`), {
    id,
    parents: [main, dev],
    changed: ['migrations/x y.py', 'migrations/heads.txt'],
  });
  t.deepEqual(parseCommitRecord(`${id} ${main} ${dev}\0`), { id, parents: [main, dev], changed: [] }, 'a merge that changed nothing against its first parent');
  t.deepEqual(parseCommitRecord(`${id} \0\na\0`), { id, parents: [], changed: ['a'] }, 'a root commit');
  t.is(parseCommitRecord(''), undefined);
  t.is(parseCommitRecord('fatal: bad revision\0'), undefined);
});

test('FETCH_HEAD: the line git pull merges, with its branch and address', (t) => {
  const [main, topic, tag] = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
  const captured = [
    `${main}\t\tbranch 'main' of /tmp/x/origin`,
    `${topic}\tnot-for-merge\tbranch 'feature/x' of github.com:o/r`,
    `${tag}\tnot-for-merge\ttag 'v1.0' of github.com:o/r`,
    `${tag}\tnot-for-merge\t'refs/pull/1/head' of https://github.com/o/r`,
    `${topic}\t\thttps://example.com/r`,
    '',
  ].join('\n');
  t.deepEqual(parseFetchHead(captured), [
    { sha: main, forMerge: true, kind: 'branch', name: 'main', url: '/tmp/x/origin' },
    { sha: topic, forMerge: false, kind: 'branch', name: 'feature/x', url: 'github.com:o/r' },
    { sha: tag, forMerge: false, kind: 'tag', name: 'v1.0', url: 'github.com:o/r' },
    { sha: tag, forMerge: false, kind: undefined, name: 'refs/pull/1/head', url: 'https://github.com/o/r' },
    { sha: topic, forMerge: true, kind: undefined, name: '', url: 'https://example.com/r' },
  ]);
  t.is(fetchedFrom(captured, main)?.name, 'main');
  t.is(fetchedFrom(captured, tag), undefined, 'not-for-merge lines are not what pull merged');
  t.deepEqual(parseFetchHead('junk\n\n'), []);
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
