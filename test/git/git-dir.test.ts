// Finding the git directory without starting git: a linked worktree's and a submodule's `.git`
// file are read as git reads them, and a pathological one in linear time.
import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';

import { gitFilePointer, locateGitDir } from '../../src/git/git-dir.js';
import { createTempRepo } from '../helpers/temp-repo.js';

test('a linked worktree: the git directory git itself names', async (t) => {
  const repo = await createTempRepo(t);
  await repo.write('README.md', 'x\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'first']);
  const linked = path.join(path.dirname(repo.root), 'linked');
  await repo.git(['worktree', 'add', '-q', linked]);
  const expected = (
    await repo.run('git', ['-C', linked, 'rev-parse', '--absolute-git-dir'])
  ).stdout.trim();
  t.is(realpathSync(locateGitDir(linked, {}) ?? ''), realpathSync(expected));
});

test('the pointer is the whole file less trailing newlines, as git reads it', (t) => {
  t.is(gitFilePointer('gitdir: ../.git/worktrees/a\n'), '../.git/worktrees/a');
  t.is(gitFilePointer('gitdir: /x/y\r\n\n'), '/x/y');
  t.is(gitFilePointer('gitdir: a b '), 'a b ', 'blanks are part of the path for git');
  t.is(gitFilePointer('gitdir:x\n'), undefined);
  t.is(gitFilePointer('gitdir: \n'), undefined);
  t.is(gitFilePointer('x\ngitdir: a\n'), undefined);
});

test('a .git file with a megabyte of blanks inside its pointer is read at once', async (t) => {
  const repo = await createTempRepo(t);
  const pointer = `gitdir: x${' \t'.repeat(500_000)}y\n`;
  const linked = path.join(repo.root, 'sub');
  await repo.write('sub/README.md', 'x\n');
  writeFileSync(path.join(linked, '.git'), pointer);
  // Before the scan, a lazy capture before trailing blanks took minutes here.
  t.is(locateGitDir(linked, {}), path.resolve(linked, pointer.slice(8, -1)));
});
