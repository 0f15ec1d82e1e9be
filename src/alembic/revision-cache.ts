// What the revision files of an environment parsed to, kept in the git directory between runs:
// a hook on a 400-revision history then reads one small file instead of reading and parsing 400.
// Entries are keyed by content, never by name or time: the id of the bytes git vouches for (the
// blob of a file read from git, or of a work-tree file git's own stat-and-racy check finds clean),
// so an entry can never describe other bytes than those it is used for. A file without such an id
// (untracked, modified, a link in the work tree) is read and parsed every time. The cache is one
// JSON file per environment and build (the key below), holding the entries its last run used; an
// unreadable, corrupt or foreign file is ignored and silently rewritten. Set GIT_ALEMBIC_CACHE=0
// to read everything afresh.
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';

import type { ConstantValue, Revision } from '../core/revision.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { packageFile } from '../fs/package-root.js';
import { ownDirectory } from '../git/git-dir.js';

/** Parsed revisions by content id, for one environment. */
export interface RevisionCache {
  /** The revision the bytes with this id hold, as read from `file` (display path); undefined when unknown. */
  get(contentId: string, file: string): Revision | undefined;
  /** Records what the bytes with this id hold. */
  set(contentId: string, revision: Revision): void;
  /** Writes the entries this run used, when that spares later runs real work; never fails. */
  save(): void;
}

/** What a cache is for: the environment's version locations and the values its parse depends on. */
export interface RevisionCacheKey {
  /** Repository-relative version locations, in order. */
  readonly versionLocations: readonly string[];
  readonly recursive: boolean;
  readonly constants: ReadonlyMap<string, ConstantValue>;
}

// Bumped whenever the entry layout changes.
const FORMAT = 1;
// A few new files (the migration a commit adds) cost later runs less to parse than rewriting
// the whole file costs this one; so do a few entries no longer used.
const WORTH_WRITING = 16;
// Each build and environment has a file; the oldest go once there are more than this.
const FILES_KEPT = 16;

// [id, downRevisions, dependencies, branchLabels, line, doc, createDate, dependsOnEmptyString]
type Entry = [string, string[], string[], string[], number, string | null, string | null, 0 | 1];

/** Where the caches of the repository whose (common) git directory is `commonDir` are kept; none with GIT_ALEMBIC_CACHE=0. */
export function revisionCacheDirectory(
  commonDir: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return commonDir === undefined || env['GIT_ALEMBIC_CACHE'] === '0'
    ? undefined
    : ownDirectory(commonDir);
}

/** The cache of `key` in `directory` (revisionCacheDirectory). */
export function openRevisionCache(directory: string, key: RevisionCacheKey): RevisionCache {
  const identity = JSON.stringify([
    FORMAT,
    buildIdentity(),
    key.versionLocations,
    key.recursive,
    [...key.constants],
  ]);
  const file = path.join(directory, `revisions-${hashText(identity)}.json`);
  const stored = readEntries(file, identity);
  const used = new Map<string, Entry>();
  let added = 0;
  return {
    get(contentId, displayPath) {
      const entry = stored.get(contentId);
      if (entry === undefined) return undefined;
      used.set(contentId, entry);
      return revisionOf(entry, displayPath);
    },
    set(contentId, revision) {
      // A revision without a `revision` binding takes its id from the file name, not the bytes.
      if (revision.line === undefined) return;
      used.set(contentId, entryOf(revision.line, revision));
      added += 1;
    },
    save() {
      const unused = stored.size - (used.size - added);
      const worth =
        (stored.size === 0 && added > 0) || added >= WORTH_WRITING || unused >= WORTH_WRITING;
      if (!worth) return;
      try {
        // Checked inside the git directory it belongs to (which exists), not the work tree.
        writeFileAtomic(
          { root: path.dirname(directory), file },
          JSON.stringify({ identity, entries: Object.fromEntries(used) }),
        );
        removeOldest(directory);
      } catch {
        // A read-only git directory: the next run parses again.
      }
    },
  };
}

// Caches of earlier builds (every upgrade or rebuild starts a new file) and of environments no
// longer read would otherwise pile up.
function removeOldest(directory: string): void {
  const files = readdirSync(directory).filter((name) => /^revisions-[0-9a-f]{8}\.json$/.test(name));
  if (files.length <= FILES_KEPT) return;
  const byAge = files
    .map((name) => ({
      name,
      time: statSync(path.join(directory, name), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of byAge.slice(FILES_KEPT)) unlinkSync(path.join(directory, name));
}

// The entries of a cache file written for `identity`; none when it is missing, unreadable or
// corrupt (a single entry of the wrong shape makes the whole file suspect).
function readEntries(file: string, identity: string): Map<string, Entry> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    const { identity: stored, entries } = parsed as { identity?: unknown; entries?: unknown };
    if (
      stored !== identity ||
      typeof entries !== 'object' ||
      entries === null ||
      Array.isArray(entries)
    )
      return new Map();
    const all = Object.entries(entries as Record<string, unknown>);
    return all.every(([, entry]) => isEntry(entry)) ? new Map(all as [string, Entry][]) : new Map();
  } catch {
    // Missing (the first run) or not JSON (a corrupt file): rebuilt by this run.
    return new Map();
  }
}

// The file is data like any other: every entry is checked before use.
function isEntry(value: unknown): value is Entry {
  if (!Array.isArray(value) || value.length !== 8) return false;
  const [id, down, dependencies, labels, line, doc, createDate, emptyDependency] =
    value as unknown[];
  return (
    typeof id === 'string' &&
    isStrings(down) &&
    isStrings(dependencies) &&
    isStrings(labels) &&
    typeof line === 'number' &&
    Number.isInteger(line) &&
    line > 0 &&
    (doc === null || typeof doc === 'string') &&
    (createDate === null || typeof createDate === 'string') &&
    (emptyDependency === 0 || emptyDependency === 1)
  );
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function entryOf(line: number, revision: Revision): Entry {
  const { id, downRevisions, dependencies, branchLabels, doc, createDate, dependsOnEmptyString } =
    revision;
  return [
    id,
    [...downRevisions],
    [...dependencies],
    [...branchLabels],
    line,
    doc ?? null,
    createDate ?? null,
    dependsOnEmptyString === true ? 1 : 0,
  ];
}

// The shape the readers return, so that a cached revision is indistinguishable from a parsed one.
function revisionOf(
  [id, downRevisions, dependencies, branchLabels, line, doc, createDate, emptyDependency]: Entry,
  file: string,
): Revision {
  return {
    id,
    downRevisions,
    dependencies,
    ...(emptyDependency === 1 ? { dependsOnEmptyString: true } : {}),
    branchLabels,
    file,
    line,
    doc: doc ?? undefined,
    createDate: createDate ?? undefined,
  };
}

// This build of git-alembic: a new version or a rebuilt dist/ parses afresh, so a change to the
// reader never meets entries an older reader wrote.
let identityOfBuild: string | undefined;
function buildIdentity(): string {
  if (identityOfBuild !== undefined) return identityOfBuild;
  try {
    const { version } = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
      version?: unknown;
    };
    const built = statSync(packageFile('dist', 'bin.js'), { throwIfNoEntry: false });
    identityOfBuild = `${String(version)} ${built === undefined ? `unbuilt ${process.pid}` : `${built.size} ${built.mtimeMs}`}`;
  } catch {
    identityOfBuild = `unknown ${process.pid}`;
  }
  return identityOfBuild;
}

// FNV-1a, 32 bits: a short file name (the identity inside the file is what is compared).
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
