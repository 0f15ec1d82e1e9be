// The only module that imports simple-git. It exposes the few git operations git-alembic
// uses, always as argv arrays (never shell strings), and maps failures to GitCommandError.
import { GitCommandError } from '../errors.js';
import type { SimpleGit } from 'simple-git';

/**
 * Location variables a parent git process may have set for *its* repository. They are removed
 * before running git against any other repository (tests, the demo); inside a hook for the same
 * repository they must stay (GIT_INDEX_FILE points at index.lock under `commit -a`).
 */
export const GIT_LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
] as const;

/** Options for opening a repository. */
export interface GitOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Drop GIT_DIR and friends: the repository is not the one the calling git process works on. */
  readonly scrubLocation?: boolean;
  /** Allow writing `core.hooksPath` and `merge.<driver>.*` (setup and uninstall do; nothing else should). */
  readonly allowHookConfig?: boolean;
}

/**
 * simple-git refuses to run at all when the environment holds EDITOR, PAGER, GIT_EXEC_PATH (which
 * git sets for hooks and merge drivers), GIT_CONFIG_GLOBAL and the like, because it cannot tell
 * them from an injection through its own arguments. Ours are constant argv arrays, and the user's
 * environment passes through on purpose, so those categories are allowed. They also allow argv
 * that configures an editor, pager, ssh or diff program, which git-alembic never builds.
 */
const ENVIRONMENT_ALLOWANCES = {
  allowUnsafeEditor: true,
  allowUnsafePager: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeAskPass: true,
  allowUnsafeSshCommand: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeDiffExternal: true,
} as const;

/** What setup adds: writing the hooks path (husky) and our merge driver's command. */
const HOOK_CONFIG_ALLOWANCES = {
  allowUnsafeHooksPath: true,
  allowUnsafeMergeDriver: true,
} as const;

/** A narrow port over git for one working directory. */
export class Git {
  readonly cwd: string;
  readonly #git: SimpleGit;

  private constructor(cwd: string, git: SimpleGit) {
    this.cwd = cwd;
    this.#git = git;
  }

  /** Opens the port; simple-git is loaded here, lazily, because hooks must start fast. */
  static async open(options: GitOptions): Promise<Git> {
    const { simpleGit } = await import('simple-git');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.env)) {
      if (value === undefined) continue;
      if (options.scrubLocation && (GIT_LOCATION_VARIABLES as readonly string[]).includes(key))
        continue;
      env[key] = value;
    }
    // simple-git's env() replaces the whole environment, so the context's env is passed in full.
    const unsafe = {
      ...ENVIRONMENT_ALLOWANCES,
      ...(options.allowHookConfig === true ? HOOK_CONFIG_ALLOWANCES : {}),
    };
    return new Git(
      options.cwd,
      simpleGit({ baseDir: options.cwd, maxConcurrentProcesses: 2, unsafe }).env(env),
    );
  }

  /** Runs git with an argv array and returns stdout. */
  async run(args: readonly string[]): Promise<string> {
    try {
      return await this.#git.raw([...args]);
    } catch (error) {
      throw new GitCommandError(args, firstLine(error), error);
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n')[0] ?? message;
}
