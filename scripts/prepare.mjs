// `prepare`: builds dist/ wherever npm builds this package from its source, which is also how
// the pre-commit framework installs it (`language: node`):
// - a contributor's `npm ci` / `npm install`, and pre-commit 3.x (`npm install --dev --prod` in
//   its clone, then `npm pack`): the devDependencies are there; build.
// - `npm install -g git+…` (pre-commit 4.6.1+, or a user): npm prepares the clone with a nested
//   install that inherits `npm_config_global`, so no devDependency lands next to it. Then install
//   them here first, from the lock file, with the settings that made that install global removed.
// Nothing goes to stdout: pre-commit 3.x takes `npm pack`'s stdout as the tarball's file name.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// The build's tools (scripts/build.mjs imports esbuild and runs typescript's tsc).
const BUILD_TOOLS = ['esbuild', 'typescript'];
// npm settings that, inherited from an outer `npm install -g`, would make the tools' install
// global too, or leave devDependencies out.
const INHERITED_SETTINGS =
  /^npm_config_(global|location|prefix|omit|include|production|only|also|dev|global_style|install_strategy|package_lock_only|dry_run|ignore_scripts)$/i;

function resolvable(name) {
  try {
    createRequire(path.join(root, 'package.json')).resolve(`${name}/package.json`);
    return true;
  } catch {
    // Not installed next to this package.
    return false;
  }
}

function installBuildTools() {
  process.stderr.write(
    'git-alembic prepare: installing the build tools (devDependencies) to build from source\n',
  );
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS.test(name)),
  );
  // npm itself as npm ran us (npm_execpath), else the npm on the PATH.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const args = [
    'install',
    '--no-save',
    '--ignore-scripts',
    '--include=dev',
    '--no-audit',
    '--no-fund',
  ];
  const result = spawnSync(npm[0], [...npm.slice(1), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32' && npm.length === 1,
  });
  if (result.status !== 0) {
    process.stderr.write(
      `git-alembic prepare: \`npm ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})\n`,
    );
    process.exit(1);
  }
}

if (!BUILD_TOOLS.every(resolvable)) installBuildTools();
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
process.exitCode = built.status ?? 1;
