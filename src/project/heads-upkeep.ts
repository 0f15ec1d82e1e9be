// Keeping heads files current after new revisions (the hooks, and `git-alembic merge`), in
// environments set up to use one: the file exists, the config names it, or .gitattributes gives
// it our merge driver. A project that never ran setup gets no heads file from a hook.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { AlembicEnvironment } from '../alembic/environment.js';
import type { ResolvedConfig } from '../config/schema.js';
import { attributeLineFor } from '../core/edits/gitattributes.js';
import { isReplaceableHeadsFile } from '../core/heads/heads-file.js';
import { readTextIfExists } from '../fs/atomic-write.js';
import { repositoryPath, updateHeadsFileTo } from './heads-files.js';
import type { History } from './workspace.js';

/** A heads file a hook rewrote. */
export interface RewrittenHeadsFile {
  /** The environment's display name. */
  readonly environment: string;
  /** Repository-relative, forward slashes. */
  readonly relative: string;
  readonly heads: readonly string[];
}

/**
 * Rewrites each environment's heads file, where one is in use, to list `headsOf(history)`;
 * returns the files that changed (for staging and for the hook's line).
 */
export function rewriteHeadsFiles(
  histories: readonly History[],
  repoRoot: string,
  config: ResolvedConfig,
  headsOf: (history: History) => readonly string[],
): RewrittenHeadsFile[] {
  const rewritten: RewrittenHeadsFile[] = [];
  for (const history of histories) {
    // A heads file the commit holds is in use, even where sparse checkout left it out of the work tree.
    if (
      history.headsFileText === undefined &&
      !headsFileInUse(history.environment, repoRoot, config)
    )
      continue;
    const state = updateHeadsFileTo(history, headsOf(history), repoRoot);
    if (state.written)
      rewritten.push({
        environment: history.environment.name,
        relative: state.relative,
        heads: state.heads,
      });
  }
  return rewritten;
}

/**
 * Whether the environment is set up to keep a heads file. A file there that is not a heads file
 * is someone else's: never rewritten (check and doctor report it as GA201).
 */
export function headsFileInUse(
  environment: AlembicEnvironment,
  repoRoot: string,
  config: ResolvedConfig,
): boolean {
  const file = environment.headsFile;
  const text = readTextIfExists(file);
  if (text !== undefined) return isReplaceableHeadsFile(text);
  if (
    config.environments.some(
      (entry) =>
        entry.headsFile !== undefined &&
        path.resolve(config.baseDirectory, entry.headsFile) === file,
    )
  )
    return true;
  const relative = repositoryPath(file, repoRoot);
  if (path.isAbsolute(relative)) return false;
  return attributeLines(repoRoot).has(attributeLineFor(relative));
}

function attributeLines(repoRoot: string): Set<string> {
  try {
    return new Set(
      readFileSync(path.join(repoRoot, '.gitattributes'), 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim()),
    );
  } catch {
    // No (readable) .gitattributes: no line names the file.
    return new Set();
  }
}
