// The hooks husky would silently stop: once core.hooksPath points at husky, git no longer runs
// .git/hooks/* (Python's pre-commit framework installs there), nor those of a core.hooksPath in
// the user's or the system's config, nor the repository's own earlier one. Our hook blocks run
// the first three on every machine (hooks/chain-hidden.sh); setup and doctor find them here to
// decide which husky files need a block, and to report hooks that would still not run.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { findHookBlock } from '../core/edits/hook-block.js';
import { type ChainSource, HUSKY_HOOKS, runsHiddenHooks } from '../core/setup/hook-block-body.js';
import { readTextIfExists } from '../fs/atomic-write.js';
import type { ScopedValue } from '../git/parse-output.js';
import { readConfig } from '../git/repository.js';
import type { Git } from '../git/simple-git-port.js';

/** An executable hook in a directory husky hides. */
export interface HiddenHook {
  readonly hook: string;
  /** Absolute path. */
  readonly file: string;
  readonly source: ChainSource;
  /** Whether husky can run it (husky has a wrapper only for its fixed list of hooks). */
  readonly supported: boolean;
}

/** A directory of hooks husky hides, and where it comes from. */
export interface HiddenDirectory {
  readonly source: ChainSource;
  /** Absolute path. */
  readonly directory: string;
}

/**
 * The directories husky hides here: .git/hooks (of the common dir, which linked worktrees
 * share), the global and system core.hooksPath, and `previous`, the repository's own earlier
 * core.hooksPath, when setup is what replaces it.
 */
export async function hiddenDirectories(
  git: Git,
  commonDir: string,
  topLevel: string,
  previous?: ScopedValue,
): Promise<HiddenDirectory[]> {
  const directories: HiddenDirectory[] = [
    { source: { kind: 'git-dir' }, directory: path.join(commonDir, 'hooks') },
  ];
  for (const scope of ['global', 'system'] as const) {
    const value = await readConfig(git, 'core.hooksPath', { scope, path: true });
    // A relative core.hooksPath is relative to where hooks run: the top level.
    if (value !== undefined && value !== '')
      directories.push({
        source: { kind: 'config', scope },
        directory: path.resolve(topLevel, value),
      });
  }
  if (
    previous !== undefined &&
    previous.value !== '' &&
    previous.scope !== 'global' &&
    previous.scope !== 'system'
  ) {
    directories.push({
      source: { kind: 'directory', directory: previous.value.replace(/\\/g, '/') },
      directory: path.resolve(topLevel, previous.value),
    });
  }
  return directories;
}

/**
 * The executable, non-sample hooks in every directory, sorted by name within each; a directory
 * that is husky's own (its hooks directory or `_`), or one listed before it, is left out.
 */
export function hiddenHooks(
  directories: readonly HiddenDirectory[],
  huskyDirectory: string,
): HiddenHook[] {
  const seen = new Set([path.resolve(huskyDirectory), path.resolve(huskyDirectory, '_')]);
  return directories.flatMap(({ source, directory }) => {
    if (seen.has(path.resolve(directory))) return [];
    seen.add(path.resolve(directory));
    return hiddenHooksIn(directory, source);
  });
}

/** Whether `<huskyDirectory>/<hook>` holds a git-alembic block that runs the hidden hooks. */
export function runByBlock(topLevel: string, huskyDirectory: string, hook: string): boolean {
  const relative = `${huskyDirectory}/${hook}`;
  const text = readTextIfExists(path.join(topLevel, ...relative.split('/'))) ?? '';
  return runsHiddenHooks(findHookBlock(text, relative)?.body ?? '');
}

/** The executable, non-sample hooks in `directory`, sorted by name. */
export function hiddenHooksIn(directory: string, source: ChainSource): HiddenHook[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    // No such directory (or unreadable): nothing was running from it.
    return [];
  }
  return names
    .filter(
      (name) =>
        !name.endsWith('.sample') &&
        !name.startsWith('.') &&
        isExecutableFile(path.join(directory, name)),
    )
    .sort()
    .map((hook) => ({
      hook,
      file: path.join(directory, hook),
      source,
      supported: HUSKY_HOOKS.includes(hook),
    }));
}

// git runs a hook only when it is an executable file (on Windows, any file).
function isExecutableFile(file: string): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) return false;
  return process.platform === 'win32' || (stats.mode & 0o111) !== 0;
}
