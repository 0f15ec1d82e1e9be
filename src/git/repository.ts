// The git queries and config edits setup, uninstall, doctor and check need, as argv arrays over
// the port's `run` (src/git/simple-git-port.ts stays the only importer of simple-git).
import { BareRepositoryError, GitCommandError, NotAGitRepositoryError } from '../errors.js';
import type { Git } from './simple-git-port.js';
import {
  type GitLocations,
  parseCheckAttr,
  parseConfigEntries,
  parseLocations,
  parseNullValue,
  parseScopedValue,
  type ScopedValue,
} from './parse-output.js';

/** Top level, git dir and common dir, absolute. @throws NotAGitRepositoryError outside a work tree. */
export async function gitLocations(git: Git): Promise<GitLocations> {
  let output: string;
  try {
    // --path-format=absolute (git 2.31): --git-common-dir is otherwise relative to the cwd.
    output = await git.run([
      'rev-parse',
      '--path-format=absolute',
      '--show-toplevel',
      '--git-dir',
      '--git-common-dir',
    ]);
  } catch (error) {
    throw (await isBareRepository(git))
      ? new BareRepositoryError(git.cwd, error)
      : new NotAGitRepositoryError(git.cwd, error);
  }
  const locations = parseLocations(output);
  if (locations === undefined) throw new NotAGitRepositoryError(git.cwd);
  return locations;
}

// Asked only after rev-parse failed: a bare repository has no top level to show.
async function isBareRepository(git: Git): Promise<boolean> {
  try {
    return (await git.run(['rev-parse', '--is-bare-repository'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** The value of `attribute` for each repository-relative path (`unspecified` when unset). */
export async function checkAttribute(
  git: Git,
  attribute: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  // -z: paths come back unquoted whatever characters they hold.
  const output = await git.run(['check-attr', '-z', attribute, '--', ...paths]);
  return new Map(parseCheckAttr(output).map((entry) => [entry.path, entry.value]));
}

/** Which config file to read or write. */
export type ConfigFileScope = 'local' | 'global' | 'system';

/** A config value, from every scope or one; `path` expands `~/` as git does for path settings. */
export async function readConfig(
  git: Git,
  key: string,
  options: { scope?: ConfigFileScope; path?: boolean } = {},
): Promise<string | undefined> {
  const scope = options.scope === undefined ? [] : [`--${options.scope}`];
  const type = options.path === true ? ['--type=path'] : [];
  // --null: exact bytes, and '' (not "\0") tells "not set" apart from an empty value.
  return parseNullValue(await git.run(['config', ...scope, ...type, '--null', '--get', key]));
}

/** The effective value of `key` and the scope it comes from; `path` expands `~/`. */
export async function readScopedConfig(
  git: Git,
  key: string,
  options: { path?: boolean } = {},
): Promise<ScopedValue | undefined> {
  const type = options.path === true ? ['--type=path'] : [];
  return parseScopedValue(
    await git.run(['config', '--show-scope', ...type, '--null', '--get', key]),
  );
}

/** Every `[key, value]` of the repository's own config whose key matches `pattern`. */
export async function localConfigEntries(git: Git, pattern: string): Promise<[string, string][]> {
  return parseConfigEntries(
    await git.run(['config', '--local', '--null', '--get-regexp', pattern]),
  );
}

/** Sets `key` in the repository's own config, replacing every earlier value. */
export async function writeLocalConfig(git: Git, key: string, value: string): Promise<void> {
  await git.run(['config', '--local', '--replace-all', key, value]);
}

/** Removes `key` from the repository's own config; nothing happens when it is not set. */
export async function unsetLocalConfig(git: Git, key: string): Promise<void> {
  // Exit 5 without a message when the key is absent, which the port treats as success.
  await git.run(['config', '--local', '--unset-all', key]);
}

/** Removes a whole section (`merge.git-alembic`); false when there was none. */
export async function removeLocalSection(git: Git, section: string): Promise<boolean> {
  try {
    await git.run(['config', '--local', '--remove-section', section]);
    return true;
  } catch (error) {
    // "fatal: no such section": already gone, which is what the caller wants.
    if (error instanceof GitCommandError && /no such section/i.test(error.message)) return false;
    throw error;
  }
}
