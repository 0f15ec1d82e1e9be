// Installs as a team and its CI run them, with real npm: after setup, a teammate's `npm ci` on a
// fresh clone passes (setup brought the lock file in line with the devDependencies it added),
// and production installs (`npm ci --omit=dev`, `npm install --omit=dev`, a Docker image without
// .git) pass although git-alembic, a devDependency, is not installed there.
// Build first (`npm test` does).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { withoutNpmSettings } from '../helpers/npm-environment.js';
import { packageManagerTools } from '../helpers/package-managers.js';
import { packedDevDependencies, packedPackage } from '../helpers/packed-package.js';
import {
  createTempRepo,
  type RunOptions,
  type TempRepo,
  writeAlembicProject,
} from '../helpers/temp-repo.js';

function npm(repo: TempRepo, args: readonly string[], options: RunOptions = {}) {
  return repo.run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    ...options,
    env: { ...withoutNpmSettings(repo.env), ...options.env },
  });
}

async function project(
  t: Parameters<typeof createTempRepo>[0],
  devDependencies: Record<string, string>,
): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write(
    'package.json',
    `${JSON.stringify({ name: 'app', private: true, devDependencies }, null, 2)}\n`,
  );
  await repo.write('.gitignore', 'node_modules/\n');
  await npm(repo, ['install']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'project']);
  return repo;
}

test.serial(
  "setup adds husky and updates package-lock.json with npm, so a teammate's npm ci on a fresh clone passes",
  async (t) => {
    const { tarball } = await packedPackage();
    const repo = await project(t, { 'git-alembic': `file:${tarball}` });
    const setup = await repo.run(repo.path('node_modules/.bin/git-alembic'), ['setup'], {
      env: withoutNpmSettings(repo.env),
    });
    t.true(
      setup.stdout.includes('  package.json: added husky ^9.1.7 to devDependencies; '),
      setup.stdout,
    );
    t.true(setup.stdout.includes('  package-lock.json: updated by `npm install`\n'), setup.stdout);
    t.regex(setup.stdout, /^next: commit package\.json, .*, package-lock\.json$/m);
    t.is(
      JSON.parse(await repo.read('package-lock.json')).packages['']?.devDependencies?.husky,
      '^9.1.7',
    );
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'set up git-alembic']);

    const clone = path.join(path.dirname(repo.root), 'teammate');
    await repo.git(['clone', '-q', repo.root, clone]);
    const ci = await repo.run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: '../teammate',
      env: withoutNpmSettings(repo.env),
      allowFailure: true,
    });
    t.is(ci.status, 0, ci.stderr);
    const driver = await repo.git(['config', 'merge.git-alembic.driver'], { cwd: '../teammate' });
    t.regex(
      driver.stdout,
      /^node_modules\/\.bin\/git-alembic driver /,
      "the clone's prepare step registered the driver",
    );
    t.is(
      (await repo.git(['config', 'core.hooksPath'], { cwd: '../teammate' })).stdout,
      '.husky/_\n',
    );
  },
);

test.serial(
  '--no-install, or a package manager that is not installed: setup says what to run',
  async (t) => {
    const { tarball } = await packedPackage();
    const repo = await project(t, { 'git-alembic': `file:${tarball}` });
    const lock = await repo.read('package-lock.json');
    const skipped = await repo.run(
      repo.path('node_modules/.bin/git-alembic'),
      ['setup', '--no-install'],
      { env: withoutNpmSettings(repo.env) },
    );
    t.true(
      skipped.stdout.includes(
        "next: run `npm install` so that package-lock.json lists the new devDependencies (installs from the lock file, such as a teammate's `npm ci`, fail until then)\n",
      ),
      skipped.stdout,
    );
    t.is(await repo.read('package-lock.json'), lock);

    await repo.git(['checkout', '-q', '--', '.']);
    await repo.write(
      'package.json',
      (await repo.read('package.json')).replace(
        '"private": true,',
        '"private": true,\n  "packageManager": "pnpm@9.15.0",',
      ),
    );
    await repo.run('rm', ['package-lock.json']);
    await repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
    const gui = await pathWithout(repo, ['pnpm']);
    const missing = await repo.run(repo.path('node_modules/.bin/git-alembic'), ['setup'], {
      env: { ...withoutNpmSettings(repo.env), PATH: gui },
    });
    t.is(
      missing.stderr,
      'git-alembic: warning: pnpm is not on the PATH, so pnpm-lock.yaml does not list the new devDependencies yet\n',
    );
    t.true(
      missing.stdout.includes('next: run `pnpm install` so that pnpm-lock.yaml lists'),
      missing.stdout,
    );
  },
);

// A PATH of symbolic links to what is on the PATH now, without `names`.
async function pathWithout(repo: TempRepo, names: readonly string[]): Promise<string> {
  const directory = path.join(path.dirname(repo.root), 'path');
  await mkdir(directory);
  for (const tool of ['git', 'sh', 'node', 'npm']) {
    if (names.includes(tool)) continue;
    const found = (await repo.run('sh', ['-c', `command -v ${tool}`])).stdout.trim();
    await repo.run('ln', ['-s', found, path.join(directory, tool)]);
  }
  return directory;
}

test.serial(
  'production installs pass after setup: npm ci and npm install with --omit=dev, with and without .git',
  async (t) => {
    const repo = await project(t, await packedDevDependencies());
    await repo.run(repo.path('node_modules/.bin/git-alembic'), ['setup'], {
      env: withoutNpmSettings(repo.env),
    });
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'set up git-alembic']);
    const image = path.join(path.dirname(repo.root), 'image');
    await mkdir(image);
    await repo.run('sh', ['-c', `git archive HEAD | tar -x -C '${image}'`]);
    for (const cwd of ['.', '../image']) {
      for (const command of ['ci', 'install']) {
        const install = await npm(repo, [command, '--omit=dev'], { cwd, allowFailure: true });
        t.is(install.status, 0, `npm ${command} --omit=dev in ${cwd}: ${install.stderr}`);
        t.false(
          await repo.exists(path.join(cwd, 'node_modules', 'git-alembic')),
          'git-alembic is not installed there',
        );
      }
    }
    const development = await npm(repo, ['ci'], { cwd: '../image' });
    t.regex(
      `${development.stdout}${development.stderr}`,
      /git-alembic: not inside a git work tree: skipped registering the merge driver and husky/,
    );
  },
);

const tools = packageManagerTools();
for (const manager of ['pnpm', 'yarn'] as const) {
  const title = `${manager}: setup runs \`${manager} install\`, so a fresh clone installs from the lock file unchanged`;
  if ('reason' in tools) {
    test.skip(title, () => undefined);
    console.log(`skipped "${title}": ${tools.reason}`);
    continue;
  }
  test.serial(title, async (t) => {
    const { tarball } = await packedPackage();
    const repo = await createTempRepo(t);
    const env = {
      ...withoutNpmSettings(repo.env),
      PATH: `${path.dirname(tools.bin[manager])}${path.delimiter}${repo.env['PATH'] ?? ''}`,
    };
    await writeAlembicProject(repo);
    await repo.write(
      'package.json',
      `${JSON.stringify({ name: 'app', private: true, devDependencies: { 'git-alembic': `file:${tarball}` } }, null, 2)}\n`,
    );
    await repo.write('.gitignore', 'node_modules/\n');
    await repo.run(manager, ['install'], { env });
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'project']);
    const setup = await repo.run(repo.path('node_modules/.bin/git-alembic'), ['setup'], { env });
    const lockFile = manager === 'pnpm' ? 'pnpm-lock.yaml' : 'yarn.lock';
    t.true(
      setup.stdout.includes(`  ${lockFile}: updated by \`${manager} install\`\n`),
      `${setup.stdout}${setup.stderr}`,
    );
    t.true((await repo.read(lockFile)).includes('husky'));
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '-m', 'set up git-alembic']);
    await repo.git(['clone', '-q', repo.root, '../teammate']);
    const frozen =
      manager === 'pnpm'
        ? ['install', '--frozen-lockfile']
        : ['install', '--frozen-lockfile', '--non-interactive'];
    const install = await repo.run(manager, frozen, {
      cwd: '../teammate',
      env,
      allowFailure: true,
    });
    t.is(install.status, 0, `${install.stdout}${install.stderr}`);
    t.regex(
      (await repo.git(['config', 'merge.git-alembic.driver'], { cwd: '../teammate' })).stdout,
      /^node_modules\/\.bin\/git-alembic driver /,
    );
  });
}
