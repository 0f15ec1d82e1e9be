// The hooks husky would silently stop: once core.hooksPath points at husky, git no longer runs
// .git/hooks/* (Python's pre-commit framework installs there) nor an earlier core.hooksPath.
// Setup chains them into the husky hook file of the same name.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { type ChainSource, HUSKY_HOOKS } from '../core/setup/hook-block-body.js';
import type { ScopedValue } from '../git/parse-output.js';

/** An executable hook in the directory husky hides. */
export interface HiddenHook {
  readonly hook: string;
  /** Absolute path. */
  readonly file: string;
  readonly source: ChainSource;
  /** Whether husky can run it (husky has a wrapper only for its fixed list of hooks). */
  readonly supported: boolean;
}

/** Where hooks ran before setup, given the `core.hooksPath` in effect then. */
export function previousHooksSource(previous: ScopedValue | undefined, commonDir: string, topLevel: string): { source: ChainSource; directory: string } {
  if (previous === undefined || previous.value === '') return { source: { kind: 'git-dir' }, directory: path.join(commonDir, 'hooks') };
  const directory = path.resolve(topLevel, previous.value);
  if (previous.scope === 'global' || previous.scope === 'system') return { source: { kind: 'config', scope: previous.scope }, directory };
  return { source: { kind: 'directory', directory: previous.value.replace(/\\/g, '/') }, directory };
}

/**
 * The executable, non-sample hooks in `directory`, sorted by name. A directory that is the husky
 * directory itself (or its `_`) holds husky's own files, never something to chain.
 */
export function hiddenHooksIn(directory: string, source: ChainSource, huskyDirectories: readonly string[]): HiddenHook[] {
  if (huskyDirectories.some((husky) => path.resolve(husky) === path.resolve(directory))) return [];
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    // No such directory (or unreadable): nothing was running from it.
    return [];
  }
  return names
    .filter((name) => !name.endsWith('.sample') && !name.startsWith('.') && isExecutableFile(path.join(directory, name)))
    .sort()
    .map((hook) => ({ hook, file: path.join(directory, hook), source, supported: HUSKY_HOOKS.includes(hook) }));
}

// git runs a hook only when it is an executable file (on Windows, any file).
function isExecutableFile(file: string): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) return false;
  return process.platform === 'win32' || (stats.mode & 0o111) !== 0;
}
