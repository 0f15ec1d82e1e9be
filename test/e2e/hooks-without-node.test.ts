// A GUI client that starts git without node on the PATH: the installed package (npm's bin link,
// whose `#!/usr/bin/env node` would fail with "env: 'node': No such file or directory") is never
// started; each hook says in one git-alembic line that it was skipped and where to read why.
// Build first (`npm test` does).
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { linkPackedModules, packedDevDependencies } from '../helpers/packed-package.js';
import {
  createTempRepo,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

// The programs git, husky's runner and our hook bodies use, and nothing else: no node.
const TOOLS = ['git', 'sh', 'env', 'basename', 'dirname', 'cat'];

async function pathWithoutNode(repo: TempRepo): Promise<string> {
  const directory = path.join(path.dirname(repo.root), 'gui-path');
  await mkdir(directory);
  for (const tool of TOOLS) {
    const found = (await repo.run('sh', ['-c', `command -v ${tool}`])).stdout.trim();
    await symlink(found, path.join(directory, tool));
  }
  return directory;
}

const skipped = (hook: string): string =>
  `git-alembic: node was not found on the PATH git gave this hook; ${hook} skipped (see "GUI clients" in the git-alembic README: put node on that PATH in ~/.config/husky/init.sh)`;

test.serial(
  'without node on the PATH, each hook prints one git-alembic line and git goes on',
  async (t) => {
    const repo = await createTempRepo(t);
    await writeAlembicProject(repo);
    await repo.write(
      'package.json',
      `${JSON.stringify({ name: 'app', private: true, devDependencies: await packedDevDependencies() }, null, 2)}\n`,
    );
    await repo.write('.gitignore', 'node_modules\n');
    await linkPackedModules(repo.root);
    await repo.run(repo.path('node_modules/.bin/git-alembic'), ['setup']);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'set up']);
    const gui = { PATH: await pathWithoutNode(repo), NODE_EXTRA_CA_CERTS: undefined };

    await repo.git(['checkout', '-q', '-b', 'dev']);
    await writeRevision(repo, 'b1', 'a1');
    await repo.git(['add', '-A']);
    const commit = await repo.git(['commit', '-q', '-m', 'b1'], { env: gui });
    t.is(commit.stderr, `${skipped('pre-commit')}\n${skipped('post-commit')}\n`);
    await repo.git(['checkout', '-q', 'main']);
    await writeRevision(repo, 'c1', 'a1');
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'c1'], { env: gui });
    const merge = await repo.git(['merge', '-q', '--no-edit', 'dev'], { env: gui });
    t.is(merge.status, 0);
    t.is(merge.stderr, `${skipped('post-merge')}\n`);
    t.notRegex(`${commit.stderr}${merge.stderr}`, /No such file|not found in PATH|husky -/);
  },
);
