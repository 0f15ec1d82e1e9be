// The processes the demo starts in its throwaway repository: git, and node running this
// package's CLI. They get an environment of their own, so the caller's repository, git config
// and switches cannot leak into the demo, nor the demo into them.
import { execFile } from 'node:child_process';
import path from 'node:path';

import { GitCommandError } from '../errors.js';
import { GIT_LOCATION_VARIABLES } from '../git/simple-git-port.js';

/** How a process ended. */
export interface ProcessResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Set by a calling git process, or switches that would turn off what the demo shows.
const NOT_PASSED_ON = [
  ...GIT_LOCATION_VARIABLES,
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'HUSKY',
  'GIT_ALEMBIC',
];

/**
 * The demo's environment: the caller's, without git's location variables and the switches above,
 * with `globalConfig` (an empty file) as the global git config and no system config, so settings
 * such as `merge.ff=only` or a global `core.hooksPath` cannot change the story. A merge never
 * opens an editor (`GIT_MERGE_AUTOEDIT=no`).
 */
export function demoEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  globalConfig: string,
): Record<string, string | undefined> {
  const demo: Record<string, string | undefined> = { ...env };
  for (const name of NOT_PASSED_ON) delete demo[name];
  return {
    ...demo,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_MERGE_AUTOEDIT: 'no',
  };
}

/** Runs programs in the demo repository. */
export class DemoShell {
  readonly directory: string;
  readonly env: Readonly<Record<string, string | undefined>>;

  constructor(directory: string, env: Readonly<Record<string, string | undefined>>) {
    this.directory = directory;
    this.env = env;
  }

  /** Runs a program (stdin closed) and returns how it ended, whatever the status. */
  attempt(program: string, args: readonly string[]): Promise<ProcessResult> {
    return new Promise((resolve, reject) => {
      const options = {
        cwd: this.directory,
        env: this.env,
        encoding: 'utf8' as const,
        maxBuffer: 16 * 1024 * 1024,
        windowsHide: true,
      };
      const child = execFile(program, [...args], options, (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          // Not started at all (ENOENT) or killed: there is no status to report.
          reject(error);
          return;
        }
        resolve({ status: error === null ? 0 : (error.code as number), stdout, stderr });
      });
      child.stdin?.end();
    });
  }

  /** Runs git; a non-zero status throws GitCommandError with what git said. */
  async git(args: readonly string[]): Promise<string> {
    const result = await this.attempt('git', args).catch((error: unknown) => {
      throw new GitCommandError(
        args,
        error instanceof Error ? error.message : String(error),
        error,
      );
    });
    if (result.status !== 0)
      throw new GitCommandError(
        args,
        `${result.stderr}${result.stdout}`.trim() || `exit status ${result.status}`,
      );
    return result.stdout;
  }

  /** Runs this package's CLI (`node dist/bin.cjs …`) in the repository. */
  cli(bin: string, args: readonly string[]): Promise<ProcessResult> {
    return this.attempt(process.execPath, [bin, ...args]);
  }

  /** A path inside the repository from a repository-relative one. */
  path(relative: string): string {
    return path.join(this.directory, ...relative.split('/'));
  }
}
