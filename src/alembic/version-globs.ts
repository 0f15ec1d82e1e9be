// Expands the glob patterns of the git-alembic config's versionLocations against the work tree
// (the matching itself is pure: core/config/directory-glob.ts). A pattern that matches nothing
// is an error naming it: a typo must not read as "no revisions".
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import {
  expandDirectoryGlob,
  hasGlobSyntax,
  parseGlobSegments,
  type DirectoryLister,
  type SubdirectoryEntry,
} from '../core/config/directory-glob.js';
import { ConfigError, InputError } from '../errors.js';
import { ScanMessages } from '../messages/revision-file.js';
import { VERSION_PATTERN_NO_MATCH, VERSION_PATTERN_HINT } from '../messages/alembic-config.js';
import type { ValueOrigin } from './package-resource.js';

export { hasGlobSyntax };

/**
 * The directories an absolute pattern matches, absolute, in code-point order segment by
 * segment (a directory before its subdirectories); throws a ConfigError at `origin` when none,
 * naming the pattern as `shownAs`.
 */
export function expandVersionPattern(
  pattern: string,
  origin: ValueOrigin,
  shownAs: string,
): string[] {
  const { root, parts } = splitAbsolute(pattern);
  // The walk starts below the pattern's leading literal segments: only they can be long.
  const firstGlob = parts.findIndex((part) => hasGlobSyntax(part));
  const literal = firstGlob === -1 ? parts.length : firstGlob;
  const start = path.join(root, ...parts.slice(0, literal));
  const found = expandDirectoryGlob(
    parseGlobSegments(parts.slice(literal)),
    new WorkTreeLister(start),
  );
  if (found.length === 0)
    throw new ConfigError(origin.file, origin.key, VERSION_PATTERN_NO_MATCH(shownAs), {
      ...lineOf(origin),
      hint: VERSION_PATTERN_HINT,
    });
  return found.map((names) => path.join(start, ...names));
}

function splitAbsolute(pattern: string): { root: string; parts: string[] } {
  const { root } = path.parse(pattern);
  const rest = pattern.slice(root.length);
  // Windows accepts both separators; on POSIX a backslash is part of a name.
  return { root, parts: rest.split(path.sep === '\\' ? /[\\/]/ : '/') };
}

function lineOf(origin: ValueOrigin): { line?: number } {
  return origin.line === undefined ? {} : { line: origin.line };
}

// Lists each directory once, however many pattern positions reach it.
class WorkTreeLister implements DirectoryLister {
  private readonly listed = new Map<string, SubdirectoryEntry[]>();

  constructor(private readonly start: string) {}

  subdirectories(parts: readonly string[]): readonly SubdirectoryEntry[] {
    const directory = path.join(this.start, ...parts);
    let entries = this.listed.get(directory);
    if (entries === undefined) {
      entries = listSubdirectories(directory);
      this.listed.set(directory, entries);
    }
    return entries;
  }

  isDirectory(parts: readonly string[]): boolean {
    return isDirectoryPath(path.join(this.start, ...parts));
  }
}

// Links followed; a dangling link, a loop or an unreadable entry is no directory to match.
function isDirectoryPath(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function listSubdirectories(directory: string): SubdirectoryEntry[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).flatMap((entry): SubdirectoryEntry[] => {
      if (entry.isDirectory()) return [{ name: entry.name, link: false }];
      if (!entry.isSymbolicLink()) return [];
      // A link counts when it leads to a directory; a dangling one is no directory.
      return isDirectoryPath(path.join(directory, entry.name))
        ? [{ name: entry.name, link: true }]
        : [];
    });
  } catch (error) {
    // A directory that vanished or is no directory has nothing to match; anything else is named.
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new InputError(
      { file: directory },
      ScanMessages.unreadableDirectory(error instanceof Error ? error.message : String(error)),
      { cause: error },
    );
  }
}
