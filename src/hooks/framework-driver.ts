// Registers the merge driver from a pre-commit framework hook: `.git/config` is never cloned and
// the framework has no install-time step, so each hook run makes sure the driver there runs the
// binary this very run was started from. One read of the config file decides; git is started
// only to write (or when the file cannot say for sure).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DRIVER_DESCRIPTION } from '../core/setup/driver-command.js';
import { driverCurrentIn, frameworkDriverCommand } from '../core/setup/framework-driver.js';
import { commonGitDir } from '../git/git-dir.js';
import type { GitProcess } from '../git/git-process.js';

const DRIVER_KEY = 'merge.git-alembic.driver';
const NAME_KEY = 'merge.git-alembic.name';

/** Where this hook's binary and node are. */
export interface RunningBinary {
  /** The path the binary was started as (process.argv[1]). */
  readonly binary: string;
  /** The directory of the node running it. */
  readonly nodeDirectory: string;
}

/**
 * Makes `merge.git-alembic.driver` run `running`; returns true when it wrote the config. A
 * config that cannot be written (locked by another git) is left for the next hook run.
 */
export async function ensureFrameworkDriver(
  gitDir: string | undefined,
  git: GitProcess,
  running: RunningBinary,
): Promise<boolean> {
  const command = frameworkDriverCommand(running.binary, running.nodeDirectory);
  if (gitDir !== undefined && driverCurrentIn(readConfigText(gitDir), command)) return false;
  const current = await git.attempt(['config', '--local', '--null', '--get', DRIVER_KEY]);
  if (current.status === 0 && current.stdout.replace(/\0$/, '') === command) return false;
  const written = await git.attempt(['config', '--local', '--replace-all', DRIVER_KEY, command]);
  if (written.status !== 0) return false;
  await git.attempt(['config', '--local', NAME_KEY, DRIVER_DESCRIPTION]);
  return true;
}

// The common git directory's config (a linked worktree's git dir names it in `commondir`).
function readConfigText(gitDir: string): string {
  try {
    return readFileSync(path.join(commonGitDir(gitDir), 'config'), 'utf8');
  } catch {
    // Unreadable: git decides.
    return '';
  }
}
