// The hooks' git queries, against real repositories.
import test from 'ava';

import { GitProcess } from '../../src/git/git-process.js';
import { presentInTrees } from '../../src/git/plumbing.js';
import { splitNul, splitQuotedLines } from '../../src/git/parse-output.js';
import { createTempRepo } from '../helpers/temp-repo.js';

// Counts the git processes it starts (a real git underneath).
class CountingGit extends GitProcess {
  calls: string[] = [];

  override attempt(
    args: readonly string[],
    options?: Parameters<GitProcess['attempt']>[1],
  ): ReturnType<GitProcess['attempt']> {
    this.calls.push(args.join(' '));
    return super.attempt(args, options);
  }
}

test('which files each commit has: what ls-tree lists, for every commit with one git process', async (t) => {
  const repo = await createTempRepo(t);
  const names = [
    'm/versions/a1.py',
    'm/versions/b 2.py',
    'm/versions/c:3.py',
    'm/versions/ünï.py',
    'm/versions/[draft].py',
    'm/versions/new\nline.py',
    'm/versions/link.py',
  ];
  await repo.write('m/versions/a1.py', 'x\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'one']);
  const first = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
  for (const name of names.slice(1, -1)) await repo.write(name, 'y\n');
  await repo.run('ln', ['-s', 'a1.py', repo.path('m/versions/link.py')]);
  await repo.write('m/versions/dir.py/inside.py', 'z\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'two']);
  const second = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
  const asked = [...names, 'm/versions/dir.py', 'm/versions/gone.py', 'm'];
  const git = new CountingGit(repo.root, repo.env);
  const present = await presentInTrees(git, [first, second], asked);
  const lsTree = async (commit: string): Promise<string[]> =>
    splitNul(
      (
        await repo.git([
          '--literal-pathspecs',
          'ls-tree',
          '-r',
          '--full-tree',
          '--name-only',
          '-z',
          commit,
          '--',
          ...asked,
        ])
      ).stdout,
    )
      .filter((file) => asked.includes(file))
      .sort();
  t.deepEqual([...(present[0] ?? [])].sort(), await lsTree(first));
  t.deepEqual([...(present[1] ?? [])].sort(), await lsTree(second));
  t.deepEqual(
    [...(present[1] ?? [])].sort(),
    [...names].sort(),
    'files and links count; directories do not',
  );
  t.is(
    git.calls.filter((call) => !call.includes('ls-tree')).length,
    1,
    'one cat-file for both commits',
  );
  t.is(git.calls.length, 3, 'ls-tree only for the name with a newline, once per commit');
});

test("names as pre-commit's shell block lists them (one per line, quoted where git quotes) read back as git's -z list", async (t) => {
  const repo = await createTempRepo(t);
  const names = [
    'plain.py',
    'a b.py',
    'tab\there.py',
    'new\nline.py',
    'quote".py',
    'back\\slash.py',
    'ünïcödé.py',
    'bell\u0007.py',
    'del\u007f.py',
    '"leading.py',
    'x/heads.txt',
  ];
  for (const name of names) await repo.write(name, 'x\n');
  await repo.git(['add', '-A']);
  const listed = await repo.git([
    '-c',
    'core.quotePath=false',
    'diff',
    '--cached',
    '--name-only',
    '--no-renames',
    '--',
    '*.py',
    '*/heads.txt',
  ]);
  const nul = await repo.git([
    'diff',
    '--cached',
    '--name-only',
    '-z',
    '--no-renames',
    '--',
    '*.py',
    '*/heads.txt',
  ]);
  // As the shell's $(…) keeps it: without the last newline.
  t.deepEqual(splitQuotedLines(listed.stdout.replace(/\n+$/, '')), splitNul(nul.stdout));
  t.deepEqual([...splitNul(nul.stdout)].sort(), [...names].sort());
  t.deepEqual(
    splitQuotedLines('"\\303\\274.py"\n"a\\tb.py"'),
    ['ü.py', 'a\tb.py'],
    'octal escapes are UTF-8 bytes (core.quotePath=true)',
  );
});
