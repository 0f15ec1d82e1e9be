// A hook asks the index two things, one after the other: which config files are tracked
// (discovery), and then, once the configs are read, what is recorded under the environments'
// version locations and heads files. Each was a `git ls-files`, a process of about 4 ms in a
// hook that starts on every commit. Here the first listing also takes the paths the previous run
// in this repository asked for (remembered in the git directory), so the second question is
// answered from the first whenever they are the same, as they are until an environment moves.
// What is remembered only chooses what to ask: every answer comes from git in this run, and
// paths the first listing did not cover are listed on their own, as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { writeFileAtomic } from '../fs/atomic-write.js';
import type { GitProcess } from './git-process.js';
import type { IndexListing } from './parse-output.js';
import { listIndex, listIndexMatching } from './tracked-files.js';

/** The file, in the revision cache's directory, that remembers the paths of the last run. */
export const INDEX_PATHS_FILE = 'index-paths.json';

/** What discovery looks for in the index: any `*.ini` and `pyproject.toml`. */
const CONFIG_PATHSPECS = [':(top,glob)**/*.ini', ':(top,glob)**/pyproject.toml'];

/** The index of one repository, listed as few times as one run allows. */
export class IndexLister {
  readonly #git: GitProcess;
  readonly #memoryFile: string | undefined;
  // Read with the first listing: a run whose discovery lists nothing never reads it.
  #remembered: readonly string[] = [];
  #first: Promise<IndexListing> | undefined;

  /** `memoryFile`: where the paths of the last run are kept (none: nothing is remembered). */
  constructor(git: GitProcess, memoryFile: string | undefined) {
    this.#git = git;
    this.#memoryFile = memoryFile;
  }

  /**
   * Repository-relative paths of the tracked config files discovery looks for, and of the
   * remembered paths' entries (which discovery filters out by name).
   */
  async trackedConfigFiles(): Promise<string[]> {
    this.#first ??= this.#listFirst();
    return (await this.#first).entries.map((entry) => entry.path);
  }

  /** listIndex for `paths` (repository-relative), from the first listing when it covered them. */
  async listIndex(paths: readonly string[]): Promise<IndexListing> {
    const first = this.#first;
    if (first !== undefined && paths.every((file) => this.#remembered.includes(file)))
      return within(await first, paths);
    const listing = await listIndex(this.#git, paths);
    if (first !== undefined && this.#memoryFile !== undefined) remember(this.#memoryFile, paths);
    return listing;
  }

  // As listIndex lists, with the config files' pathspecs added. It reads the remembered paths
  // before it returns, so listIndex sees them once #first is set.
  #listFirst(): Promise<IndexListing> {
    this.#remembered = this.#memoryFile === undefined ? [] : rememberedPaths(this.#memoryFile);
    // '' (the top level) lists everything, the config files too.
    const pathspecs = this.#remembered.includes('')
      ? []
      : [...CONFIG_PATHSPECS, ...this.#remembered.map((file) => `:(top,literal)${file}`)];
    return listIndexMatching(this.#git, pathspecs);
  }
}

// The part of `listing` that a literal pathspec of each of `paths` matches: the path itself and
// everything under it ('' is the top level).
function within(listing: IndexListing, paths: readonly string[]): IndexListing {
  const matches = (file: string): boolean =>
    paths.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
  return {
    entries: listing.entries.filter((entry) => matches(entry.path)),
    skipWorktree: new Set([...listing.skipWorktree].filter(matches)),
    modified: new Set([...listing.modified].filter(matches)),
  };
}

// The remembered paths; none when the file is missing or not what this module writes.
function rememberedPaths(file: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')
      ? (parsed as string[])
      : [];
  } catch {
    // None yet, or unreadable: this run lists twice and remembers.
    return [];
  }
}

function remember(file: string, paths: readonly string[]): void {
  try {
    // Checked inside the git directory it belongs to, not the work tree.
    writeFileAtomic(
      { root: path.dirname(path.dirname(file)), file },
      JSON.stringify([...new Set(paths)].sort()),
    );
  } catch {
    // A read-only git directory: the next run lists twice again.
  }
}
