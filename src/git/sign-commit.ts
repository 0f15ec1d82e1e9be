// Signing a remade merge commit with the user's own signing set-up, through git's own signing
// code: `git commit --amend -S` in a scratch git directory inside this repository's git directory
// that shares its config, objects and refs (as a linked worktree's does) but has no MERGE_HEAD,
// which makes amend refuse in post-merge. amend keeps the extra headers (mergetag, unknown ones)
// and signs with whatever gpg.format, user.signingKey and gpg.*.program say; the caller checks
// that only the tree and the signature changed. The signer never gets a terminal: a new session
// (no controlling tty), no GPG_TTY, SSH_ASKPASS_REQUIRE=never, stdin closed, and a bounded wait.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { CommitIdentity } from '../core/commit/commit-object.js';
import type { GitProcess } from './git-process.js';

/** What to amend and how. */
export interface SignRequest {
  /** The commit to remake (HEAD of the scratch directory). */
  readonly commit: string;
  readonly tree: string;
  /** Kept as it was: amend would make the committer "now". */
  readonly committer: CommitIdentity;
  /** The commit's `encoding` header, if any: amend writes the message in i18n.commitEncoding. */
  readonly encoding: string | undefined;
  readonly timeoutMs: number;
}

/** Why no signed commit came out. */
export type SignFailure =
  | { readonly kind: 'failed'; readonly detail: string }
  | { readonly kind: 'timeout'; readonly seconds: number };

/** The signed commit's id, or why there is none. */
export type SignOutcome =
  | { readonly signed: true; readonly commit: string }
  | { readonly signed: false; readonly failure: SignFailure };

/** Remakes `commit` with `tree` and signs it; the repository's refs, index and work tree are not touched. */
export async function amendSigned(git: GitProcess, request: SignRequest): Promise<SignOutcome> {
  const [gitDir = '', commonDir = ''] = (
    await git.run(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'])
  )
    .trim()
    .split('\n');
  const scratch = mkdtempSync(path.join(gitDir, 'git-alembic-sign-'));
  try {
    const env = scratchEnvironment(scratch, commonDir, gitDir, request);
    await git.run(['read-tree', request.tree], { env });
    const amend = await runDetached(
      [
        '-c',
        `i18n.commitEncoding=${request.encoding ?? 'UTF-8'}`,
        ...scratchConfig(scratch),
        ...AMEND,
      ],
      { ...git.env, ...env },
      scratch,
      request.timeoutMs,
    );
    if (amend.timedOut)
      return {
        signed: false,
        failure: { kind: 'timeout', seconds: Math.round(request.timeoutMs / 1000) },
      };
    if (amend.status !== 0)
      return { signed: false, failure: { kind: 'failed', detail: signerDetail(amend.stderr) } };
    return { signed: true, commit: (await git.run(['rev-parse', 'HEAD'], { env })).trim() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// The message as it is (no clean-up), the old author, no hooks (prepare-commit-msg and post-commit
// are not skipped by --no-verify), signed with the default key.
const AMEND = [
  'commit',
  '--amend',
  '--no-edit',
  '--cleanup=verbatim',
  '--allow-empty',
  '--no-verify',
  '--no-post-rewrite',
  '--quiet',
  '-S',
];

// No hooks, no automatic gc or maintenance (they would look at the shared objects from a
// directory whose refs are not the repository's), no fsmonitor daemon for the scratch work tree.
function scratchConfig(scratch: string): string[] {
  return [
    '-c',
    `core.hooksPath=${path.join(scratch, 'hooks')}`,
    '-c',
    'gc.auto=0',
    '-c',
    'maintenance.auto=false',
    '-c',
    'core.fsmonitor=false',
  ];
}

// A git directory of its own (HEAD at the commit, its own index, an empty work tree) on the
// repository's common directory; its per-worktree config is included when there is one.
function scratchEnvironment(
  scratch: string,
  commonDir: string,
  gitDir: string,
  request: SignRequest,
): Record<string, string | undefined> {
  writeFileSync(path.join(scratch, 'HEAD'), `${request.commit}\n`);
  writeFileSync(path.join(scratch, 'commondir'), `${commonDir}\n`);
  const worktreeConfig = path.join(gitDir, 'config.worktree');
  if (existsSync(worktreeConfig))
    writeFileSync(
      path.join(scratch, 'config.worktree'),
      `[include]\n\tpath = ${JSON.stringify(worktreeConfig)}\n`,
    );
  mkdirSync(path.join(scratch, 'work'));
  return {
    GIT_DIR: scratch,
    GIT_WORK_TREE: path.join(scratch, 'work'),
    GIT_INDEX_FILE: undefined,
    GIT_COMMON_DIR: undefined,
    GIT_PREFIX: undefined,
    GIT_COMMITTER_NAME: request.committer.name,
    GIT_COMMITTER_EMAIL: request.committer.email,
    GIT_COMMITTER_DATE: `@${request.committer.date}`,
    GPG_TTY: undefined,
    SSH_ASKPASS_REQUIRE: 'never',
    GIT_TERMINAL_PROMPT: '0',
  };
}

interface DetachedResult {
  readonly status: number | null;
  readonly stderr: string;
  readonly timedOut: boolean;
}

// git in a new session (setsid: no controlling terminal to prompt on), killed with everything it
// started once `timeoutMs` has passed; then nothing of it may keep this process waiting.
function runDetached(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  timeoutMs: number,
): Promise<DetachedResult> {
  return new Promise((resolve) => {
    const child = spawn('git', [...args], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    const finish = (status: number | null, timedOut: boolean): void => {
      clearTimeout(timer);
      resolve({ status, stderr: Buffer.concat(chunks).toString('utf8'), timedOut });
    };
    const timer = setTimeout(() => {
      killGroup(child.pid);
      // A daemon the signer started may hold the pipe open: stop listening.
      child.stderr.destroy();
      child.unref();
      finish(null, true);
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => finish(null, false));
    child.on('close', (status) => finish(status, false));
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    // A negative pid is the process group: git and the signer it started.
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

// git's first error line, without the `error: ` prefix and the prompt ssh-keygen printed in vain.
function signerDetail(stderr: string): string {
  const line =
    stderr
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text !== '') ?? '';
  const detail = line.replace(/^(error|fatal): /, '').replace(/^Enter passphrase[^:]{0,200}: /, '');
  return detail.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
}
