// git-alembic as users get it: `npm pack` of this package, installed with npm. The tarball and a
// template node_modules holding it (and husky) are made once per build and cached in the temp
// directory, keyed by a hash of package.json and everything the package ships, so later test
// runs and parallel AVA workers share them; a lock directory keeps workers from packing at once.
// Scenarios link the template's node_modules: what `npm install` leaves, in a fraction of the time.
// Build first (`npm test` does): the tarball is packed from dist/ as it is, without scripts.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdir,
  readdir,
  readFile,
  realpath,
  rm,
  rmdir,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { withoutNpmSettings } from './npm-environment.js';
import { PACKAGE_ROOT } from './temp-repo.js';

const run = promisify(execFile);

/** The packed package and a node_modules with it installed. */
export interface PackedPackage {
  /** Absolute path of git-alembic-<version>.tgz. */
  readonly tarball: string;
  /** A node_modules directory as `npm install` of the tarball and husky 9 leaves it. */
  readonly modules: string;
}

// The parts of this package that end up in the tarball (package.json's "files", itself, and
// the files npm always adds), so that a change to any of them packs again.
const SHIPPED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  '.gitattributes.example',
  'dist',
  'hooks',
  'templates',
];
const LOCK_STALE_MS = 10 * 60 * 1000;
const POLL_MS = 250;

let memo: Promise<PackedPackage> | undefined;

/** The packed package for the current build, made on first use. */
export function packedPackage(): Promise<PackedPackage> {
  memo ??= prepare();
  return memo;
}

/**
 * Gives `directory` (absolute) the template's node_modules, as a symbolic link: nothing writes
 * there, node follows the link to the real files (so .bin/git-alembic finds its dependencies
 * beside it), and a scenario costs no copy of 800 files.
 */
export async function linkPackedModules(directory: string): Promise<void> {
  const { modules } = await packedPackage();
  await symlink(modules, path.join(directory, 'node_modules'), 'dir');
}

/** The devDependencies a scenario's package.json declares, so npm installs the same thing. */
export async function packedDevDependencies(): Promise<Record<string, string>> {
  return { 'git-alembic': `file:${(await packedPackage()).tarball}`, husky: '^9.1.7' };
}

async function prepare(): Promise<PackedPackage> {
  const directory = path.join(
    await realpath(os.tmpdir()),
    'git-alembic-packed',
    await shippedHash(),
  );
  const ready = path.join(directory, 'ready.json');
  for (;;) {
    const done = await readReady(ready);
    if (done !== undefined) return done;
    if (await tryLock(`${directory}.lock`)) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return (await readReady(ready)) ?? (await build(directory, ready));
  } finally {
    await rmdir(`${directory}.lock`);
  }
}

async function build(directory: string, ready: string): Promise<PackedPackage> {
  await rm(directory, { recursive: true, force: true });
  await mkdir(path.join(directory, 'template'), { recursive: true });
  // --ignore-scripts: `prepare` would rebuild dist/ under the feet of other workers.
  const packed = await run(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', directory],
    { cwd: PACKAGE_ROOT, env: npmEnvironment() },
  );
  const tarball = path.join(directory, packed.stdout.trim().split('\n').at(-1) ?? '');
  const template = path.join(directory, 'template');
  const manifest = {
    name: 'git-alembic-template',
    private: true,
    devDependencies: { 'git-alembic': `file:${tarball}`, husky: '^9.1.7' },
  };
  await writeFile(path.join(template, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: template,
    env: npmEnvironment(),
  });
  const result: PackedPackage = { tarball, modules: path.join(template, 'node_modules') };
  await writeFile(ready, JSON.stringify(result));
  await pruneOldBuilds(path.dirname(directory), directory);
  return result;
}

// Packs of earlier builds, untouched for a day, go (a day: a run still using one is long over).
async function pruneOldBuilds(parent: string, current: string): Promise<void> {
  for (const name of await readdir(parent)) {
    const entry = path.join(parent, name);
    if (entry === current || name.endsWith('.lock')) continue;
    const modified = (await stat(entry).catch(() => undefined))?.mtimeMs ?? Date.now();
    if (Date.now() - modified > 24 * 60 * 60 * 1000)
      await rm(entry, { recursive: true, force: true });
  }
}

async function readReady(file: string): Promise<PackedPackage | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PackedPackage;
  } catch {
    // Not written yet: another worker may be building it.
    return undefined;
  }
}

// mkdir is atomic: exactly one worker creates the lock. A lock left by a killed run is taken over.
async function tryLock(lock: string): Promise<boolean> {
  await mkdir(path.dirname(lock), { recursive: true });
  try {
    await mkdir(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

async function shippedHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of SHIPPED) await hashPath(hash, entry);
  return hash.digest('hex').slice(0, 16);
}

async function hashPath(hash: ReturnType<typeof createHash>, relative: string): Promise<void> {
  const absolute = path.join(PACKAGE_ROOT, relative);
  const stats = await stat(absolute).catch(() => undefined);
  if (stats === undefined) return;
  if (stats.isDirectory()) {
    for (const name of (await readdir(absolute)).sort())
      await hashPath(hash, `${relative}/${name}`);
    return;
  }
  hash
    .update(`${relative}\0`)
    .update(await readFile(absolute))
    .update('\0');
}

// The packing and the template install must not inherit npm's settings for this package (e.g. a
// lifecycle's prefix); they have always kept NODE_EXTRA_CA_CERTS and NPM_* spelt in upper case.
function npmEnvironment(): Record<string, string | undefined> {
  return withoutNpmSettings(process.env, { anyCase: false, keepCaCerts: true });
}
