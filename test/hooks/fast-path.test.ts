// The hooks' fast path: which changed paths could matter, and the operation state found on disk
// without starting git.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { commonGitDir, locateGitDir } from '../../src/git/git-dir.js';
import {
  headBranchName,
  headCommit,
  mergeHeads,
  rebaseInProgress,
} from '../../src/hooks/git-state.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import { anyRevisionFile, couldMatter } from '../../src/hooks/relevance.js';

function directory(t: ExecutionContext, files: Record<string, string>): string {
  const root = mkdtempSync(path.join(realpathSync(os.tmpdir()), 'git-alembic-fast-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const REVISION = "revision = 'a1'\ndown_revision = None\n";

test('a Python file matters when it says down_revision, or is gone; other files do not', async (t) => {
  const root = directory(t, {
    'm/versions/a1.py': REVISION,
    'app/models.py': 'class User: pass\n',
    'README.md': 'x\n',
  });
  t.true(anyRevisionFile(['app/models.py', 'm/versions/a1.py'], root));
  t.false(anyRevisionFile(['app/models.py', 'README.md'], root));
  t.true(
    anyRevisionFile(['m/versions/deleted.py'], root),
    'a deleted file may have been a revision',
  );
  t.false(await couldMatter(['app/models.py', 'README.md'], root));
  t.false(await couldMatter([], root));
  t.true(await couldMatter(['m/versions/a1.py'], root));
  t.true(await couldMatter(['m/heads.txt'], root), 'the default heads file name');
});

test('a heads file by another name matters when .gitattributes gives it the driver', async (t) => {
  const root = directory(t, {
    '.gitattributes':
      '* text=auto eol=lf\nm/heads.txt merge=git-alembic\n"db x/HEADS" merge=git-alembic\n',
  });
  t.true(await couldMatter(['db x/HEADS'], root));
  t.false(await couldMatter(['db/HEADS', 'notes.txt'], root));
});

test('git dir, MERGE_HEAD (several for an octopus) and a rebase under way, read from the disk', (t) => {
  const sha = (digit: string): string => digit.repeat(40);
  const root = directory(t, {
    '.git/MERGE_HEAD': `${sha('a')}\n${sha('b')}\n`,
    'wt/.git': 'gitdir: ../.git/worktrees/wt\n',
    '.git/worktrees/wt/rebase-merge/onto': sha('c'),
  });
  t.is(locateGitDir(root, {}), path.join(root, '.git'));
  t.is(locateGitDir(path.join(root, 'wt'), {}), path.join(root, '.git', 'worktrees', 'wt'));
  t.is(locateGitDir(root, { GIT_DIR: 'elsewhere' }), path.join(root, 'elsewhere'));
  t.is(locateGitDir(path.join(root, 'none'), {}), undefined);
  t.deepEqual(mergeHeads(path.join(root, '.git')), [sha('a'), sha('b')]);
  t.deepEqual(mergeHeads(path.join(root, '.git', 'worktrees', 'wt')), []);
  t.false(rebaseInProgress(path.join(root, '.git')));
  t.true(rebaseInProgress(path.join(root, '.git', 'worktrees', 'wt')));
});

test('the branch HEAD names and the common git directory, read from the disk; git is asked where the files do not settle it', (t) => {
  const root = directory(t, {
    'main/HEAD': 'ref: refs/heads/feature/x\n',
    'detached/HEAD': `${'a'.repeat(40)}\n`,
    'reftable/HEAD': 'ref: refs/heads/.invalid\n',
    'main/worktrees/wt/HEAD': 'ref: refs/heads/side\n',
    'main/worktrees/wt/commondir': '../..\n',
  });
  t.is(headBranchName(path.join(root, 'main')), 'feature/x');
  t.is(headBranchName(path.join(root, 'main', 'worktrees', 'wt')), 'side');
  t.is(headBranchName(path.join(root, 'detached')), undefined);
  t.is(headBranchName(path.join(root, 'reftable')), undefined);
  t.is(headBranchName(path.join(root, 'none')), undefined);
  t.is(commonGitDir(path.join(root, 'main', 'worktrees', 'wt')), path.join(root, 'main'));
  t.is(commonGitDir(path.join(root, 'main')), path.join(root, 'main'));
});

test("HEAD's commit read from the files git keeps it in agrees with git: loose and packed refs, detached, a linked worktree; nothing for an unborn branch", async (t) => {
  const repo = await createTempRepo(t);
  const gitDir = repo.path('.git');
  const revParse = async (cwd = ''): Promise<string> =>
    (await repo.git(['rev-parse', 'HEAD'], { cwd })).stdout.trim();
  t.is(headCommit(gitDir), await revParse());
  await repo.git(['pack-refs', '--all']);
  t.false(await repo.exists('.git/refs/heads/main'), 'only packed now');
  t.is(headCommit(gitDir), await revParse());
  await repo.git(['commit', '-q', '--allow-empty', '-m', 'loose again']);
  t.is(headCommit(gitDir), await revParse());
  await repo.git(['checkout', '-q', '--detach', 'HEAD~1']);
  t.is(headCommit(gitDir), await revParse());
  await repo.git(['worktree', 'add', '-q', '-b', 'side', '../side', 'main']);
  t.is(headCommit(locateGitDir(repo.path('../side'), {})), await revParse('../side'));
  await repo.git(['checkout', '-q', '--orphan', 'unborn']);
  t.is(headCommit(gitDir), undefined);
  t.is(headCommit(undefined), undefined);
});
