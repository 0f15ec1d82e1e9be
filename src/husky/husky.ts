// husky 9, from the outside: where its hooks directory is, whether it is active, and running its
// own installer (what `npx husky <dir>` does: core.hooksPath = <dir>/_ and the `_` runtime).
// Its installer reads process.cwd() (it looks for ./.git and runs git without a cwd), so it is
// run as a child process in the top level, never imported. `husky init` is never run: it
// overwrites the prepare script and .husky/pre-commit.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The default hooks directory name, beside package.json. */
export const HUSKY_DIRECTORY_NAME = '.husky';

/** Where husky's runtime lives inside its hooks directory (`core.hooksPath` points here). */
const RUNTIME = '_';

/** `core.hooksPath` for a hooks directory (repository-relative, forward slashes). */
export function huskyHooksPath(huskyDirectory: string): string {
  return `${huskyDirectory}/${RUNTIME}`;
}

/**
 * The hooks directory a `core.hooksPath` value belongs to when it is husky's (`<dir>/_` holding
 * husky's runner `h`), relative to the top level; undefined otherwise.
 */
export function huskyDirectoryOf(
  hooksPath: string | undefined,
  topLevel: string,
): string | undefined {
  if (hooksPath === undefined) return undefined;
  const normalized = hooksPath.replace(/\\/g, '/').replace(/\/+$/, '');
  if (!normalized.endsWith(`/${RUNTIME}`)) return undefined;
  const absolute = path.resolve(topLevel, normalized);
  if (!existsSync(path.join(absolute, 'h'))) return undefined;
  const relative = path.relative(topLevel, path.dirname(absolute)).split(path.sep).join('/');
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
}

/**
 * The hook files of a husky directory (its `_` runtime is a directory, and a symbolic link is
 * never ours to edit, so both are left out), repository-relative and sorted; none when the
 * directory does not exist.
 */
export function huskyHookFiles(topLevel: string, huskyDirectory: string): string[] {
  const directory = path.join(topLevel, ...huskyDirectory.split('/'));
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => lstatSync(path.join(directory, name)).isFile());
  } catch {
    // No husky directory: no hook files.
    return [];
  }
  return names.sort().map((name) => `${huskyDirectory}/${name}`);
}

/** Whether husky's runtime (`<dir>/_/h`) is in place in this work tree. */
export function huskyRuntimePresent(topLevel: string, huskyDirectory: string): boolean {
  return existsSync(path.join(topLevel, ...huskyHooksPath(huskyDirectory).split('/'), 'h'));
}

/** husky's bin.js: the project's own husky when installed, else the one git-alembic depends on. */
export function huskyBin(packageDirectory: string): string {
  const projects = path.join(packageDirectory, 'node_modules', 'husky', 'bin.js');
  if (existsSync(projects)) return projects;
  return path.join(ownHuskyDirectory(), 'bin.js');
}

/** The directory of the husky package git-alembic depends on (as node resolves it from here). */
export function ownHuskyDirectory(): string {
  return path.dirname(fileURLToPath(import.meta.resolve('husky')));
}

/**
 * Runs husky's installer for `huskyDirectory` (relative to `topLevel`). husky reports problems
 * as text on stdout (`HUSKY=0 skip install`, `.git can't be found`) and still exits 0, so any
 * output is returned as the reason it did not install.
 */
export function runHuskyInstaller(
  topLevel: string,
  huskyDirectory: string,
  packageDirectory: string,
  env: Readonly<Record<string, string | undefined>>,
): { readonly installed: true } | { readonly installed: false; readonly reason: string } {
  const result = spawnSync(process.execPath, [huskyBin(packageDirectory), huskyDirectory], {
    cwd: topLevel,
    env,
    encoding: 'utf8',
    windowsHide: true,
  });
  if (result.error) return { installed: false, reason: result.error.message };
  const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || said !== '')
    return {
      installed: false,
      reason: said || `husky exited with ${result.status ?? result.signal}`,
    };
  return { installed: true };
}
