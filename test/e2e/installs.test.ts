// Installs as a team and its CI run them, with real npm: production installs (`npm ci
// --omit=dev`, `npm install --omit=dev`, a Docker image without .git) pass after setup although
// git-alembic, a devDependency, is not installed there.
// Build first (`npm test` does).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { packedDevDependencies } from '../helpers/packed-package.js';
import { createTempRepo, type RunOptions, type TempRepo, writeAlembicProject } from '../helpers/temp-repo.js';

// npm run by `npm test` exports npm_* settings meant for this package, not the scenario.
function npmEnvironment(repo: TempRepo): Record<string, string | undefined> {
  const cleared = Object.keys(repo.env).filter((key) => key.toLowerCase().startsWith('npm_'));
  return { ...Object.fromEntries(cleared.map((key) => [key, undefined])), NODE_EXTRA_CA_CERTS: undefined };
}

function npm(repo: TempRepo, args: readonly string[], options: RunOptions = {}) {
  return repo.run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { ...options, env: { ...npmEnvironment(repo), ...options.env } });
}

async function project(t: Parameters<typeof createTempRepo>[0], devDependencies: Record<string, string>): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('package.json', `${JSON.stringify({ name: 'app', private: true, devDependencies }, null, 2)}\n`);
  await repo.write('.gitignore', 'node_modules/\n');
  await npm(repo, ['install']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  return repo;
}

test.serial('production installs pass after setup: npm ci and npm install with --omit=dev, with and without .git', async (t) => {
  const repo = await project(t, await packedDevDependencies());
  await repo.run(repo.path('node_modules/.bin/git-alembic'), ['setup'], { env: npmEnvironment(repo) });
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'set up git-alembic']);
  const image = path.join(path.dirname(repo.root), 'image');
  await mkdir(image);
  await repo.run('sh', ['-c', `git archive HEAD | tar -x -C '${image}'`]);
  for (const cwd of ['.', '../image']) {
    for (const command of ['ci', 'install']) {
      const install = await npm(repo, [command, '--omit=dev'], { cwd, allowFailure: true });
      t.is(install.status, 0, `npm ${command} --omit=dev in ${cwd}: ${install.stderr}`);
      t.false(await repo.exists(path.join(cwd, 'node_modules', 'git-alembic')), 'git-alembic is not installed there');
    }
  }
  const development = await npm(repo, ['ci'], { cwd: '../image' });
  t.regex(`${development.stdout}${development.stderr}`, /git-alembic: not inside a git work tree: skipped registering the merge driver and husky/);
});
