// The check every written path goes through, on a real file system with real symbolic links:
// inside the work tree, never in .git, never through a link, whatever `..` or links say.
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';

import { UserError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/fs/atomic-write.js';
import { checkedWritePath, resolvesWithin } from '../../src/fs/write-target.js';
import { WriteTargetMessages } from '../../src/messages/write-targets.js';
import { tempProject } from '../helpers/temp-project.js';

const ORIGIN = { key: 'file_template', file: 'alembic.ini' };

test('a path inside, existing or to be created, comes back absolute and normalised', async (t) => {
  const root = await tempProject(t, { 'migrations/versions/': '' });
  t.is(
    checkedWritePath({ root, file: 'migrations/versions/a.py' }),
    path.join(root, 'migrations', 'versions', 'a.py'),
  );
  t.is(
    checkedWritePath({ root, file: path.join(root, 'migrations', 'new', '..', 'x', 'y', 'a.py') }),
    path.join(root, 'migrations', 'x', 'y', 'a.py'),
  );
});

test('.. and absolute paths that leave the work tree are refused, naming the setting', async (t) => {
  const root = await tempProject(t, { 'repo/migrations/': '' });
  const repo = path.join(root, 'repo');
  for (const file of [
    'migrations/../../escape.py',
    path.join(root, 'elsewhere', 'a.py'),
    '/etc/a.py',
    '.',
  ]) {
    const error = t.throws(() => checkedWritePath({ root: repo, file, origin: ORIGIN }), {
      instanceOf: UserError,
    });
    t.regex(
      error?.message ?? '',
      /\(from file_template in alembic\.ini\) (is|resolves to .*,) outside the repository's work tree/,
      file,
    );
    t.is(error?.exitCode, 2);
  }
});

test('a directory that is a symbolic link to elsewhere is outside, dangling or not; one inside is fine', async (t) => {
  const root = await tempProject(t, { 'repo/migrations/': '', 'repo/shared/': '', 'outside/': '' });
  const repo = path.join(root, 'repo');
  symlinkSync(path.join(root, 'outside'), path.join(repo, 'migrations', 'versions'), 'dir');
  symlinkSync(
    path.join(root, 'nowhere', 'deeper'),
    path.join(repo, 'migrations', 'dangling'),
    'dir',
  );
  symlinkSync('../shared', path.join(repo, 'migrations', 'inside'), 'dir');
  const outside = path.join(root, 'outside', 'a.py');
  t.throws(
    () => checkedWritePath({ root: repo, file: 'migrations/versions/a.py', origin: ORIGIN }),
    { message: WriteTargetMessages.outside('migrations/versions/a.py', outside, ORIGIN) },
  );
  t.throws(() => checkedWritePath({ root: repo, file: 'migrations/dangling/a.py' }), {
    message: /resolves to .*nowhere.deeper.a\.py, outside/,
  });
  t.is(
    checkedWritePath({ root: repo, file: 'migrations/inside/a.py' }),
    path.join(repo, 'migrations', 'inside', 'a.py'),
  );
  t.false(resolvesWithin(repo, 'migrations/versions'));
  t.true(resolvesWithin(repo, 'migrations/inside'));
});

test('.git is not the work tree', async (t) => {
  const root = await tempProject(t, { '.git/hooks/': '' });
  t.throws(() => checkedWritePath({ root, file: '.git/hooks/post-checkout' }), {
    message: /outside the repository's work tree \(or inside \.git\)/,
  });
  t.throws(() => checkedWritePath({ root, file: 'sub/.GIT/x' }), { instanceOf: UserError });
});

test('a file that is a symbolic link is never written through: its target stays, nothing is copied', async (t) => {
  const root = await tempProject(t, { 'repo/.husky/': '', 'home/shared-hook': 'echo shared\n' });
  const repo = path.join(root, 'repo');
  const target = path.join(root, 'home', 'shared-hook');
  symlinkSync(target, path.join(repo, '.husky', 'pre-commit'));
  const error = t.throws(
    () => writeFileAtomic({ root: repo, file: '.husky/pre-commit' }, 'ours\n'),
    { instanceOf: UserError },
  );
  t.is(error?.message, WriteTargetMessages.symbolicLink('.husky/pre-commit', target));
  t.is(readFileSync(target, 'utf8'), 'echo shared\n');
  t.deepEqual(readdirSync(path.join(repo, '.husky')), ['pre-commit']);
});

test('writeFileAtomic creates what is missing inside', async (t) => {
  const root = await tempProject(t, {});
  mkdirSync(path.join(root, 'a'));
  writeFileAtomic({ root, file: path.join(root, 'a', 'b', 'c.txt') }, 'x\n');
  t.is(readFileSync(path.join(root, 'a', 'b', 'c.txt'), 'utf8'), 'x\n');
});
