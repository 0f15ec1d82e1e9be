// One real git repository per test scenario, in the real temp directory, isolated from the
// machine's git config and from any git process that runs the tests (GIT_DIR and friends).
import { execFile, type ExecFileException } from 'node:child_process';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';

/** The built CLI the tests run, as npm links it (build with `npm run build` first). */
export const BIN = fileURLToPath(new URL('../../dist/bin.cjs', import.meta.url));
/** This package's root, whose node_modules holds husky 9. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a process printed and how it ended. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** How to run a process in the repository. */
export interface RunOptions {
  /** Relative to the repository root. */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly input?: string;
  /** Resolve with the status instead of failing the test on a non-zero exit. */
  readonly allowFailure?: boolean;
}

/** A temporary repository and helpers that run inside it. */
export interface TempRepo {
  readonly root: string;
  /** The environment every process gets (plus RunOptions.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  git(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** `node dist/bin.cjs <args>`. */
  cli(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  write(file: string, content: string | Uint8Array, mode?: number): Promise<void>;
  read(file: string): Promise<string>;
  exists(file: string): Promise<boolean>;
  path(file: string): string;
}

const SCRUBBED = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
];
const NEUTRALISED = [
  'CI',
  'HUSKY',
  'GIT_ALEMBIC',
  'GIT_ALEMBIC_DEBUG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'INIT_CWD',
];

/**
 * Creates `<tmp>/git-alembic-repo-*` with `git init -b main`, a pinned identity, no signing,
 * gc and maintenance off, an empty global config and no system config, removed when the test
 * ends. `attributes` (default true) commits a `.gitattributes` of `* text=auto eol=lf` first.
 */
export async function createTempRepo(
  t: Pick<ExecutionContext, 'teardown'>,
  options: { attributes?: boolean } = {},
): Promise<TempRepo> {
  const base = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-repo-'));
  t.teardown(() => rm(base, { recursive: true, force: true, maxRetries: 5 }));
  const root = path.join(base, 'repo');
  await mkdir(path.join(base, 'xdg'), { recursive: true });
  await writeFile(path.join(base, 'global.gitconfig'), '');
  const env: Record<string, string | undefined> = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(base, 'global.gitconfig'),
    XDG_CONFIG_HOME: path.join(base, 'xdg'),
  };
  for (const name of [...SCRUBBED, ...NEUTRALISED]) delete env[name];
  const repo = makeRepo(root, env);
  await mkdir(root);
  await repo.git(['init', '-q', '-b', 'main']);
  for (const [key, value] of [
    ['user.name', 'Test'],
    ['user.email', 'test@example.com'],
    ['commit.gpgSign', 'false'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
  ]) {
    await repo.git(['config', key ?? '', value ?? '']);
  }
  if (options.attributes !== false) {
    await repo.write('.gitattributes', '* text=auto eol=lf\n');
    await repo.git(['add', '.gitattributes']);
    await repo.git(['commit', '-q', '-m', 'attributes']);
  }
  return repo;
}

/** A minimal Alembic project: alembic.ini and a base revision `a1` in `<directory>/migrations`. */
export async function writeAlembicProject(repo: TempRepo, directory = ''): Promise<void> {
  const prefix = directory === '' ? '' : `${directory}/`;
  await repo.write(`${prefix}alembic.ini`, '[alembic]\nscript_location = %(here)s/migrations\n');
  await writeRevision(repo, 'a1', null, directory);
}

/** A revision file `<id>_rev.py` with the given parent. */
export async function writeRevision(
  repo: TempRepo,
  id: string,
  downRevision: string | null,
  directory = '',
): Promise<void> {
  const prefix = directory === '' ? '' : `${directory}/`;
  const down = downRevision === null ? 'None' : JSON.stringify(downRevision);
  await repo.write(
    `${prefix}migrations/versions/${id}_rev.py`,
    `revision = ${JSON.stringify(id)}\ndown_revision = ${down}\n`,
  );
}

/**
 * node_modules in `<directory>` as npm would leave it after installing git-alembic: husky as a
 * symlink to this package's husky 9, and .bin/git-alembic a shim that runs dist/bin.cjs. The shim
 * logs `hook` calls (arguments, then stdin) to `<directory>/hook.log` and exits with
 * $SHIM_HOOK_STATUS when that is set, standing in for the hook command of a later issue.
 */
export async function installShims(repo: TempRepo, directory = ''): Promise<void> {
  const modules = repo.path(path.join(directory, 'node_modules'));
  await mkdir(path.join(modules, '.bin'), { recursive: true });
  await symlink(
    path.join(PACKAGE_ROOT, 'node_modules', 'husky'),
    path.join(modules, 'husky'),
    'dir',
  );
  const log = repo.path(path.join(directory, 'hook.log'));
  const shim = [
    '#!/bin/sh',
    'if [ "$1" = hook ]; then',
    `  { printf '%s\\n' "$*"; cat; } >> '${log}'`,
    '  if [ -n "${SHIM_HOOK_STATUS-}" ]; then exit "$SHIM_HOOK_STATUS"; fi',
    'fi',
    `exec '${process.execPath}' '${BIN}' "$@"`,
    '',
  ].join('\n');
  await repo.write(path.join(directory, 'node_modules', '.bin', 'git-alembic'), shim, 0o755);
}

/**
 * A copy of a repository createTempRepo made (work tree, .git, its own global config), in a new
 * temporary directory removed when the test ends: set-up work shared between tests.
 */
export async function copyTempRepo(
  t: Pick<ExecutionContext, 'teardown'>,
  template: TempRepo,
): Promise<TempRepo> {
  const base = await mkdtemp(path.join(await realpath(os.tmpdir()), 'git-alembic-repo-'));
  t.teardown(() => rm(base, { recursive: true, force: true, maxRetries: 5 }));
  // verbatimSymlinks: relative links (node_modules/.bin) keep pointing inside the copy.
  await cp(path.dirname(template.root), base, { recursive: true, verbatimSymlinks: true });
  const env = {
    ...template.env,
    GIT_CONFIG_GLOBAL: path.join(base, 'global.gitconfig'),
    XDG_CONFIG_HOME: path.join(base, 'xdg'),
  };
  return makeRepo(path.join(base, 'repo'), env);
}

function makeRepo(root: string, env: Record<string, string | undefined>): TempRepo {
  const run = (
    command: string,
    args: readonly string[],
    options: RunOptions = {},
  ): Promise<RunResult> =>
    new Promise((resolve, reject) => {
      const child = execFile(
        command,
        [...args],
        {
          cwd: path.join(root, options.cwd ?? ''),
          env: { ...env, ...options.env },
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        },
        (error: ExecFileException | null, stdout: string, stderr: string) => {
          const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          if (status !== 0 && options.allowFailure !== true) {
            reject(
              new Error(`${command} ${args.join(' ')} exited ${status}\n${stdout}\n${stderr}`),
            );
            return;
          }
          resolve({ stdout, stderr, status });
        },
      );
      // A process may exit without reading its stdin; that is not the test's failure.
      child.stdin?.on('error', () => undefined);
      if (options.input === undefined) child.stdin?.end();
      else child.stdin?.end(options.input);
    });
  const repo: TempRepo = {
    root,
    env,
    git: (args, options) => run('git', args, options),
    cli: (args, options) => run(process.execPath, [BIN, ...args], options),
    run,
    async write(file, content, mode) {
      const target = repo.path(file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      if (mode !== undefined) await chmod(target, mode);
    },
    read: (file) => readFile(repo.path(file), 'utf8'),
    exists: async (file) => (await stat(repo.path(file)).catch(() => undefined)) !== undefined,
    path: (file) => path.join(root, ...file.split('/')),
  };
  return repo;
}
