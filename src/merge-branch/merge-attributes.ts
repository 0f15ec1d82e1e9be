// The heads-file merge driver for one `git merge`, with nothing set up: `-c` options define the
// driver (this very node and bin.js), and `core.attributesFile` points at a temporary file in
// the git directory that holds the user's own attributes file followed by one
// `<heads file> merge=git-alembic` line per environment. That file has the lowest precedence of
// all attribute sources, so the repository's .gitattributes and info/attributes still win for
// the paths they give a merge attribute (those are reported), and the user's global attributes
// keep applying to every other file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { attributeLineFor, DEFAULT_DRIVER_NAME } from '../core/edits/gitattributes.js';
import { DRIVER_DESCRIPTION, driverCommandRunning } from '../core/setup/driver-command.js';
import { shellQuote } from '../core/setup/shell-quote.js';
import { temporaryPathBeside } from '../fs/temporary-path.js';
import type { GitProcess } from '../git/git-process.js';
import { parseCheckAttr } from '../git/parse-output.js';
import { packageFile } from '../fs/package-root.js';

/** The `-c` options for the merge, and the temporary file they name (remove it afterwards). */
export interface MergeDriverConfig {
  readonly configArgs: readonly string[];
  readonly attributesFile: string;
}

/** A heads file whose merge attribute comes from the repository, not from us. */
export interface OverriddenAttribute {
  readonly file: string;
  readonly value: string;
}

/** Writes the attributes file into `gitDir` and returns the options that use it. */
export async function prepareMergeDriver(
  git: GitProcess,
  gitDir: string,
  headsFiles: readonly string[],
): Promise<MergeDriverConfig> {
  const own = await userAttributes(git);
  const lines = headsFiles.map((file) => `${attributeLineFor(file)}\n`).join('');
  const separator = own.length === 0 || own.at(-1) === 0x0a ? '' : '\n';
  const attributesFile = temporaryPathBeside(path.join(gitDir, 'attributes'));
  // wx: a fresh file of ours, never one that exists; 0600 like the rest of the git directory's state.
  writeFileSync(attributesFile, Buffer.concat([own, Buffer.from(`${separator}${lines}`)]), {
    flag: 'wx',
    mode: 0o600,
  });
  const section = `merge.${DEFAULT_DRIVER_NAME}`;
  const configArgs = [
    '-c',
    `${section}.name=${DRIVER_DESCRIPTION}`,
    '-c',
    `${section}.driver=${driverCommandRunning(selfCommand())}`,
    '-c',
    `core.attributesFile=${attributesFile}`,
  ];
  return { configArgs, attributesFile };
}

/** Removes the temporary attributes file (already gone is fine). */
export function removeMergeDriver(config: MergeDriverConfig): void {
  rmSync(config.attributesFile, { force: true });
}

/** The heads files whose `merge` attribute, with our file in place, is not our driver. */
export async function overriddenAttributes(
  git: GitProcess,
  config: MergeDriverConfig,
  headsFiles: readonly string[],
): Promise<OverriddenAttribute[]> {
  if (headsFiles.length === 0) return [];
  const values = parseCheckAttr(
    await git.run([...config.configArgs, 'check-attr', '-z', 'merge', '--', ...headsFiles]),
  );
  return values
    .filter((entry) => entry.value !== DEFAULT_DRIVER_NAME)
    .map((entry) => ({ file: entry.path, value: entry.value }));
}

// This node and this package's executable (dist/bin.cjs), as sh words (forward slashes: git runs the driver with sh).
function selfCommand(): string {
  const forward = (file: string): string => file.replace(/\\/g, '/');
  // The driver must be the same git-alembic as the command running now, however that was started (npx, a path).
  return `${shellQuote(forward(process.execPath))} ${shellQuote(forward(packageFile('dist', 'bin.cjs')))}`;
}

// The attributes file git would read for this user: core.attributesFile, else git's XDG default.
async function userAttributes(git: GitProcess): Promise<Buffer> {
  const configured = await git.attempt(['config', '--path', '--get', 'core.attributesFile']);
  const file = configured.status === 0 ? configured.stdout.trim() : defaultAttributesFile(git.env);
  if (file === undefined || file === '') return Buffer.alloc(0);
  try {
    return readFileSync(path.resolve(git.cwd, file));
  } catch {
    // Missing, a directory, unreadable: git reads no attributes from it either.
    return Buffer.alloc(0);
  }
}

function defaultAttributesFile(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg !== undefined && xdg !== '') return path.join(xdg, 'git', 'attributes');
  const home = env['HOME'] ?? os.homedir();
  return home === '' ? undefined : path.join(home, '.config', 'git', 'attributes');
}
