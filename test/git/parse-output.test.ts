// Parsers of git's -z / --null output, on strings captured from git 2.39.
import test from 'ava';

import {
  fetchedFrom,
  parseBatchOutput,
  parseCheckAttr,
  parseCommitRecord,
  parseConfigEntries,
  parseFetchHead,
  parseIndexListing,
  parseLocations,
  parseNullValue,
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
  t.deepEqual(parseLocations('/r\n/r/.git\n/r/.git\n'), {
    topLevel: '/r',
    gitDir: '/r/.git',
    commonDir: '/r/.git',
    linkedWorktree: false,
  });
  t.true(parseLocations('/w\n/r/.git/worktrees/w\n/r/.git\n')?.linkedWorktree);
  t.is(parseLocations('/r\n'), undefined);
});

test('log -1 -z --format=%H%x20%P --name-only: the commit, its parents and the paths it changed', (t) => {
  const [id, main, dev] = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
  t.deepEqual(
    parseCommitRecord(`${id} ${main} ${dev}\0\nmigrations/x y.py\0migrations/heads.txt\0`),
    {
      id,
      parents: [main, dev],
      changed: ['migrations/x y.py', 'migrations/heads.txt'],
    },
  );
  t.deepEqual(
    parseCommitRecord(`${id} ${main} ${dev}\0`),
    { id, parents: [main, dev], changed: [] },
    'a merge that changed nothing against its first parent',
  );
  t.deepEqual(
    parseCommitRecord(`${id} \0\na\0`),
    { id, parents: [], changed: ['a'] },
    'a root commit',
  );
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
    {
      sha: tag,
      forMerge: false,
      kind: undefined,
      name: 'refs/pull/1/head',
      url: 'https://github.com/o/r',
    },
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

const BLOB_1 = 'b80f0bd60822d4fa4893de455958ef32f6c521bf';
const BLOB_2 = 'ed5294bf7a7118015012cfedba45303893efba78';

test('ls-files -s -v -c -m -z: entries once, skip-worktree (S) and work-tree changes (a second C line) apart', (t) => {
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

test('ls-files -v: an entry marked assume-unchanged (lower-case tag) counts as differing, since git never looks', (t) => {
  const listing = parseIndexListing(
    `h 100644 ${BLOB_1} 0\tm/a.py\x00s 100644 ${BLOB_2} 0\tm/b.py\x00H 100644 ${BLOB_2} 0\tm/c.py\x00`,
  );
  t.deepEqual(
    listing.entries.map((entry) => entry.path),
    ['m/a.py', 'm/b.py', 'm/c.py'],
  );
  t.deepEqual([...listing.modified], ['m/a.py', 'm/b.py']);
  t.deepEqual([...listing.skipWorktree], ['m/b.py']);
});

test('ls-tree -r -z: mode, blob and path; the object type is dropped', (t) => {
  t.deepEqual(
    parseTreeListing(`100644 blob ${BLOB_1}\tm/a.py\x00160000 commit ${BLOB_2}\tsub\x00`),
    [
      { path: 'm/a.py', mode: '100644', blob: BLOB_1, stage: 0 },
      { path: 'sub', mode: '160000', blob: BLOB_2, stage: 0 },
    ],
  );
});

test('cat-file --batch: contents by id, byte for byte (newlines and NULs inside); missing objects left out', (t) => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  const captured = bytes(
    `${BLOB_2} blob 6\n# c\na\n\n${'0'.repeat(40)} missing\n${BLOB_1} blob 3\na\x00\n\n`,
  );
  const contents = parseBatchOutput(captured);
  t.deepEqual([...contents.keys()], [BLOB_2, BLOB_1]);
  t.deepEqual(contents.get(BLOB_2), bytes('# c\na\n'));
  t.deepEqual(contents.get(BLOB_1), bytes('a\x00\n'));
  t.is(parseBatchOutput(new Uint8Array()).size, 0);
});
