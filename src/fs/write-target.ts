// The one check every file git-alembic writes goes through: the path must resolve inside the
// work tree of the repository, whatever a config value says (`..`, an absolute path, a directory
// that is a symbolic link to elsewhere), never inside `.git`, and never be a symbolic link itself
// (writing through it would copy its target into the repository, or change a file elsewhere).
// Alembic would write wherever its settings point; we refuse, naming the setting.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

import { UserError } from '../errors.js';
import { WriteTargetMessages } from '../messages/write-targets.js';

/** The setting a written path comes from, named when it leads outside (e.g. `headsFile` in `.git-alembicrc.json`). */
export interface PathOrigin {
  readonly key: string;
  /** The config file holding the key, as messages show it. */
  readonly file: string;
}

/** A file to write: `file` (absolute, or relative to `root`) inside `root`, the work tree's top level. */
export interface WriteTarget {
  readonly root: string;
  readonly file: string;
  readonly origin?: PathOrigin | undefined;
}

/**
 * The absolute path to write for `target`, normalised (so no `..` is left for the file system
 * to resolve after a symbolic link), once it is known to be inside the work tree.
 * @throws UserError (exit 2) naming the file and the setting it comes from.
 */
export function checkedWritePath(target: WriteTarget): string {
  const root = path.resolve(target.root);
  const file = path.resolve(root, target.file);
  const shown = shownPath(file, root);
  if (!isWithin(root, file) || file === root) throw outside(shown, file, target.origin);
  const link = linkTarget(file);
  if (link !== undefined)
    throw new UserError(WriteTargetMessages.symbolicLink(shown, link), {
      hint: WriteTargetMessages.linkHint(target.origin),
    });
  if (!resolvesWithin(root, file)) throw outside(shown, realPathOfNearest(file), target.origin);
  return file;
}

/** Whether `file`, every link on its way followed, is inside the work tree at `root` (and not in `.git`). */
export function resolvesWithin(root: string, file: string): boolean {
  const realRoot = realpathSync.native(path.resolve(root));
  const real = realPathOfNearest(path.resolve(root, file));
  return (
    isWithin(realRoot, real) &&
    !path
      .relative(realRoot, real)
      .split(path.sep)
      .some((segment) => segment.toLowerCase() === '.git')
  );
}

/** Whether `file` is inside `directory` (or is it). */
export function isWithin(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

function outside(shown: string, resolved: string, origin: PathOrigin | undefined): UserError {
  return new UserError(WriteTargetMessages.outside(shown, resolved, origin), {
    hint: WriteTargetMessages.OUTSIDE_HINT,
  });
}

// What `file` links to, when it is a symbolic link; undefined for anything else or nothing.
function linkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch (error) {
    // Nothing there (ENOENT), or a file where a directory should be (ENOTDIR): not a link.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

// Links followed before giving up, as the kernel's own limit (ELOOP).
const MAX_LINKS = 40;

// The real path `file` would have: its nearest existing ancestor with every link resolved, plus
// the part that does not exist yet (which the writer creates as plain directories). A dangling
// link on the way counts as where it points: the writer's mkdir would follow it there.
function realPathOfNearest(file: string, links = 0): string {
  const missing: string[] = [];
  let current = file;
  for (;;) {
    try {
      return path.join(realpathSync.native(current), ...missing);
    } catch (error) {
      // Not there (yet): try its parent.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UserError(WriteTargetMessages.linkLoop(file));
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const dangling = linkTarget(current);
      if (dangling !== undefined && links < MAX_LINKS)
        return realPathOfNearest(
          path.resolve(path.dirname(current), dangling, ...missing),
          links + 1,
        );
      const parent = path.dirname(current);
      if (parent === current) return file;
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** `file` relative to `root` when inside it (forward slashes, '' for the root itself), else as it is. */
export function shownPath(file: string, root: string): string {
  return isWithin(root, file) ? path.relative(root, file).split(path.sep).join('/') : file;
}
