// The glob patterns of versionLocations: one name against one segment (checked against Python's
// fnmatch.fnmatchcase, whose rules they follow), and the walk over an in-memory tree: order,
// hidden names, __pycache__, links, and how often it lists a directory.
import { fileURLToPath } from 'node:url';
import test from 'ava';

import {
  expandDirectoryGlob,
  hasGlobSyntax,
  matchName,
  parseGlobSegments,
  type DirectoryLister,
} from '../../../src/core/config/directory-glob.js';
import { oracleTest, runPython } from '../../helpers/python.js';
import { seededRandom } from '../../helpers/random.js';

const FNMATCH = fileURLToPath(new URL('../../oracle/fnmatch_oracle.py', import.meta.url));

test('one segment: *, ?, sets, ranges, negation, literal brackets', (t) => {
  t.true(matchName('*', 'anything'));
  t.true(matchName('*', ''));
  t.true(matchName('v?_*', 'v1_expand'));
  t.false(matchName('v?_*', 'v12_expand'));
  t.true(matchName('[ab]*', 'b2'));
  t.true(matchName('[a-c]x', 'bx'));
  t.false(matchName('[!a-c]x', 'bx'));
  t.true(matchName('[!a-c]x', 'dx'));
  t.true(matchName('[]]', ']'));
  t.true(matchName('[!]]', 'a'));
  t.true(matchName('[', '['), 'an unclosed [ stands for itself');
  t.true(matchName('[^a]', '^'), 'only ! negates, as in fnmatch');
  t.true(matchName('2024*', '2024_01'));
  t.false(matchName('expand', 'expanded'));
  t.true(matchName('😀?', '😀x'), '? is one code point');
});

test('a pattern that would make a backtracking regex explode is matched in name × pattern steps', (t) => {
  const name = 'a'.repeat(255);
  t.false(matchName(`${'*a'.repeat(60)}b`, name));
  t.true(matchName(`${'*a'.repeat(60)}*`, name));
});

test('glob syntax and segments', (t) => {
  t.true(hasGlobSyntax('versions/*/expand'));
  t.true(hasGlobSyntax('v[12]'));
  t.false(hasGlobSyntax('versions/2024.1/expand'));
  t.deepEqual(parseGlobSegments(['versions', '', '.', '**', 'e*']), [
    { kind: 'literal', name: 'versions' },
    { kind: 'globstar' },
    { kind: 'wildcard', pattern: 'e*' },
  ]);
});

// An in-memory tree: `a/b/` lists directories; `=>x` marks a link to a directory.
class MemoryTree implements DirectoryLister {
  readonly listed: string[] = [];
  private readonly children = new Map<string, { name: string; link: boolean }[]>();

  constructor(paths: readonly string[]) {
    for (const entry of paths) {
      const [full = '', target] = entry.split('=>');
      const parts = full.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const parent = parts.slice(0, i - 1).join('/');
        const name = parts[i - 1] as string;
        const list = this.children.get(parent) ?? [];
        if (!list.some((child) => child.name === name))
          list.push({ name, link: i === parts.length && target !== undefined });
        this.children.set(parent, list);
      }
    }
  }

  subdirectories(parts: readonly string[]): { name: string; link: boolean }[] {
    this.listed.push(parts.join('/'));
    return [...(this.children.get(parts.join('/')) ?? [])].reverse();
  }

  isDirectory(parts: readonly string[]): boolean {
    const parent = this.children.get(parts.slice(0, -1).join('/')) ?? [];
    return parent.some((child) => child.name === parts.at(-1));
  }
}

const expand = (pattern: string, tree: MemoryTree): string[] =>
  expandDirectoryGlob(parseGlobSegments(pattern.split('/')), tree).map((parts) => parts.join('/'));

const RELEASES = [
  'versions/2023.2/expand',
  'versions/2023.2/contract',
  'versions/2024.1/expand',
  'versions/2024.1/contract',
  'versions/2024.1-hotfix/expand',
  'versions/.old/expand',
  'versions/__pycache__',
];

test('*/expand: every release, in code-point order of the names', (t) => {
  t.deepEqual(expand('versions/*/expand', new MemoryTree(RELEASES)), [
    'versions/2023.2/expand',
    'versions/2024.1/expand',
    'versions/2024.1-hotfix/expand',
  ]);
});

test('**: the directory itself, then every subdirectory, each before its own subdirectories; hidden and __pycache__ left out', (t) => {
  t.deepEqual(expand('versions/**', new MemoryTree(RELEASES)), [
    'versions',
    'versions/2023.2',
    'versions/2023.2/contract',
    'versions/2023.2/expand',
    'versions/2024.1',
    'versions/2024.1/contract',
    'versions/2024.1/expand',
    'versions/2024.1-hotfix',
    'versions/2024.1-hotfix/expand',
  ]);
});

test('a pattern segment starting with . matches hidden names', (t) => {
  t.deepEqual(expand('versions/.*/expand', new MemoryTree(RELEASES)), ['versions/.old/expand']);
});

test('** never descends through a link to a directory (no loops); * matches the link itself', (t) => {
  const tree = new MemoryTree(['m/versions/a', 'm/versions/loop=>m', 'm/versions/loop']);
  t.deepEqual(expand('m/**', tree), ['m', 'm/versions', 'm/versions/a']);
  t.deepEqual(expand('m/versions/*', tree), ['m/versions/a', 'm/versions/loop']);
});

test('no match is an empty list', (t) => {
  t.deepEqual(expand('versions/*/expnad', new MemoryTree(RELEASES)), []);
  t.deepEqual(expand('nowhere/**', new MemoryTree(RELEASES)), []);
});

test('repeated ** visit each directory once per pattern position, not once per path to it', (t) => {
  // A chain 40 deep: a walk that followed every way of splitting it among ten ** would never end.
  const chain = Array.from({ length: 40 }, (_, index) => `d${index}`).join('/');
  const tree = new MemoryTree([chain]);
  const found = expand(`${'**/'.repeat(10)}d39`, tree);
  t.deepEqual(found, [chain]);
  t.true(tree.listed.length <= 41 * 11, `listed ${tree.listed.length} times`);
});

oracleTest(
  test,
  'one segment agrees with Python fnmatch.fnmatchcase on random patterns and names',
  (t, python) => {
    const random = seededRandom(9);
    const pick = (alphabet: string, length: number): string => {
      const characters = Array.from(alphabet);
      return Array.from(
        { length },
        () => characters[Math.floor(random() * characters.length)],
      ).join('');
    };
    const cases = Array.from({ length: 3000 }, () => ({
      pattern: pick('ab-*?[]!^😀', 1 + Math.floor(random() * 7)),
      name: pick('ab-]!^😀', Math.floor(random() * 6)),
    }));
    const expected = JSON.parse(runPython(python, FNMATCH, [], JSON.stringify(cases))) as boolean[];
    const differences = cases.filter(
      (testCase, index) => matchName(testCase.pattern, testCase.name) !== expected[index],
    );
    t.deepEqual(differences, []);
  },
);
