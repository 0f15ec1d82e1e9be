// The post-merge fold keeps everything git wrote into the merge commit: a signature (signed again
// with the user's own ssh key, or the commit left alone), mergetag, encoding, headers we do not
// know and the message bytes. It replaces only the merge it recorded. Also the hooks' manners
// around it: a pulled branch is named as the user knows it, and after a rebase's progress line
// the hook's line starts a line of its own. Real git, husky 9, ssh-keygen; build first.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import test, { type ExecutionContext } from 'ava';

import { A, B, fork, lines, setUpRepo, staged } from '../helpers/hook-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const FOLDED = `of ${A} \\(main\\) and ${B} \\(dev\\), which this merge left as two heads; added it and migrations/heads\\.txt to the merge commit`;
// No agent: a key is used from its file, or not at all.
const NO_AGENT = { SSH_AUTH_SOCK: undefined };

/** Signs with a throwaway ssh key (a passphrase makes it usable only through SSH_ASKPASS). */
async function sshSigning(repo: TempRepo, passphrase = ''): Promise<void> {
  const key = repo.path('../signing-key');
  await repo.run('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    passphrase,
    '-C',
    'test@example.com',
    '-f',
    key,
  ]);
  await repo.write(
    '../allowed-signers',
    `test@example.com ${(await readFile(`${key}.pub`, 'utf8')).trim()}\n`,
  );
  await repo.git(['config', 'gpg.format', 'ssh']);
  await repo.git(['config', 'user.signingKey', `${key}.pub`]);
  await repo.git(['config', 'gpg.ssh.allowedSignersFile', repo.path('../allowed-signers')]);
}

/** A commit object's bytes. */
function rawCommit(repo: TempRepo, rev: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['cat-file', 'commit', rev],
      { cwd: repo.root, env: repo.env, encoding: 'buffer' },
      (error, stdout) => (error === null ? resolve(stdout) : reject(error)),
    );
  });
}

// The bytes of a commit object without its tree line and signature headers.
function beyondTreeAndSignature(commit: Buffer): Buffer {
  const text = commit.toString('latin1');
  const end = text.indexOf('\n\n');
  const header = text
    .slice(0, end + 1)
    .replace(/^tree [0-9a-f]+\n/, '')
    .replace(/^gpgsig(-sha256)? .*\n(?: .*\n)*/m, '');
  return Buffer.from(header + text.slice(end + 1), 'latin1');
}

/** Checks that HEAD is git's merge commit (HEAD@{1}) with another tree and nothing else changed. */
async function assertOnlyTreeChanged(t: ExecutionContext, repo: TempRepo): Promise<void> {
  const [folded, made] = [await rawCommit(repo, 'HEAD'), await rawCommit(repo, 'HEAD@{1}')];
  t.notDeepEqual(folded, made, 'the fold made a new commit');
  t.true(
    beyondTreeAndSignature(folded).equals(beyondTreeAndSignature(made)),
    'every byte but the tree and the signature kept',
  );
  t.is(
    (await repo.git(['ls-tree', '--name-only', 'HEAD', 'migrations/versions/'])).stdout
      .split('\n')
      .filter(Boolean).length,
    4,
    'the merge revision is in',
  );
  const fsck = await repo.git(['fsck', '--strict', '--no-dangling'], { allowFailure: true });
  t.deepEqual(
    [fsck.status, fsck.stdout + fsck.stderr.replace(/^Checking .*\n/gm, '')],
    [0, ''],
    'git fsck --strict finds nothing',
  );
}

async function signatureStatus(repo: TempRepo, rev = 'HEAD'): Promise<string> {
  return (await repo.git(['log', '-1', '--format=%G?', rev])).stdout.trim();
}

test("a merge git signed (commit.gpgSign, gpg.format ssh) is folded and signed again with the user's key", async (t) => {
  const repo = await setUpRepo(t);
  await sshSigning(repo);
  await repo.git(['config', 'commit.gpgSign', 'true']);
  const merge = await repo.git(['merge', '--no-edit', 'dev'], { env: NO_AGENT });
  t.regex(
    lines(merge.stderr)[0] ?? '',
    new RegExp(`^git-alembic: created merge revision [0-9a-f]{12} ${FOLDED}$`),
  );
  t.is(await signatureStatus(repo, 'HEAD@{1}'), 'G', 'git signed its merge');
  t.is(await signatureStatus(repo), 'G', 'the folded merge is signed, by the same key');
  await repo.git(['verify-commit', 'HEAD']);
  await assertOnlyTreeChanged(t, repo);
  t.deepEqual(await staged(repo), []);
});

test('`git merge -S` of an ssh-signed tag: the folded merge keeps the mergetag and is signed', async (t) => {
  const repo = await setUpRepo(t);
  await sshSigning(repo);
  await repo.git(['tag', '-s', '-m', 'dev, signed', 'v-dev', 'dev'], { env: NO_AGENT });
  const merge = await repo.git(['merge', '-S', '--no-edit', 'v-dev'], { env: NO_AGENT });
  t.regex(
    lines(merge.stderr)[0] ?? '',
    /; added it and migrations\/heads\.txt to the merge commit$/,
  );
  const folded = (await rawCommit(repo, 'HEAD')).toString('latin1');
  t.regex(folded, /^mergetag object [0-9a-f]{40}\n type commit\n tag v-dev\n/m);
  t.regex(
    folded,
    /^ -----BEGIN SSH SIGNATURE-----$/m,
    "the tag's own signature is in the mergetag",
  );
  t.is(await signatureStatus(repo), 'G');
  await repo.git(['verify-commit', 'HEAD']);
  await assertOnlyTreeChanged(t, repo);
});

test('an unsigned merge of a signed tag, in ISO-8859-1: mergetag, encoding header and message bytes kept', async (t) => {
  const repo = await setUpRepo(t);
  await sshSigning(repo);
  await repo.git(['tag', '-s', '-m', 'dev, signed', 'v-dev', 'dev'], { env: NO_AGENT });
  await repo.git(['config', 'i18n.commitEncoding', 'ISO-8859-1']);
  const message = Buffer.from(
    'Fusion de la branche d\xe9v  \n\nR\xe9sum\xe9: \xe0 v\xe9rifier\n',
    'latin1',
  );
  await repo.write('../message', message);
  const merge = await repo.git([
    'merge',
    '--no-edit',
    '--cleanup=verbatim',
    '-F',
    repo.path('../message'),
    'v-dev',
  ]);
  t.regex(
    lines(merge.stderr)[0] ?? '',
    /; added it and migrations\/heads\.txt to the merge commit$/,
  );
  const folded = await rawCommit(repo, 'HEAD');
  t.regex(folded.toString('latin1'), /^encoding ISO-8859-1$/m);
  t.regex(folded.toString('latin1'), /^mergetag object /m);
  t.true(folded.subarray(folded.indexOf('\n\n') + 2).equals(message), 'the message, byte for byte');
  t.is(await signatureStatus(repo), 'N', 'git did not sign it, and neither did we');
  await assertOnlyTreeChanged(t, repo);
});

test('a header git-alembic does not know is kept, in its place', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['merge', '--no-edit', 'dev'], { env: { HUSKY: '0' } });
  // A merge commit as a newer git (or another tool) might write it.
  const made = (await rawCommit(repo, 'HEAD')).toString('latin1');
  const crafted = made.replace(/^(committer .*\n)/m, '$1x-future-header some value\n continued\n');
  const id = (
    await repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: crafted })
  ).stdout.trim();
  await repo.git(['update-ref', 'HEAD', id]);
  // As post-merge sees it: MERGE_HEAD still there.
  await repo.write('.git/MERGE_HEAD', (await repo.git(['rev-parse', 'dev'])).stdout);
  const hook = await repo.cli(['hook', 'post-merge', '0']);
  t.regex(
    lines(hook.stderr)[0] ?? '',
    /; added it and migrations\/heads\.txt to the merge commit$/,
  );
  t.regex(
    (await rawCommit(repo, 'HEAD')).toString('latin1'),
    /^committer .*\nx-future-header some value\n continued\n\n/m,
  );
  await assertOnlyTreeChanged(t, repo);
});

test('a signed merge that cannot be signed again without a person (passphrase, no agent) is left as git made it', async (t) => {
  const repo = await setUpRepo(t);
  await sshSigning(repo, 'passphrase');
  await repo.write('../askpass', '#!/bin/sh\necho passphrase\n', 0o755);
  // git signs the merge through SSH_ASKPASS (a GUI would ask the user); the hook never asks.
  const askpass = {
    ...NO_AGENT,
    SSH_ASKPASS: repo.path('../askpass'),
    SSH_ASKPASS_REQUIRE: 'force',
    DISPLAY: ':0',
  };
  const merge = await repo.git(['merge', '-S', '--no-edit', 'dev'], { env: askpass });
  const made = (await repo.git(['rev-parse', 'HEAD@{0}'])).stdout.trim();
  assertNotFolded(
    t,
    merge.stderr,
    /because signing it again failed \(.*passphrase.*\): add them with `git commit --amend -S --no-edit`$/,
  );
  await assertLeftStaged(t, repo, made);
  // What the line says to run works (here through the askpass program).
  await repo.git(['commit', '--amend', '-S', '--no-edit'], { env: askpass });
  t.is(await signatureStatus(repo), 'G');
  t.deepEqual(await staged(repo), []);
});

test('a signing program that fails, or hangs, when asked again: not folded, one line, the signed merge untouched', async (t) => {
  const repo = await setUpRepo(t);
  await sshSigning(repo);
  // Signs once (git's merge), then fails or hangs (the fold).
  await repo.write(
    '../signer',
    '#!/bin/sh\nif [ "$2" = sign ]; then\n  if [ -e "$0.used" ]; then [ "$SIGNER" = hang ] && sleep 600; exit 3; fi\n  touch "$0.used"\nfi\nexec ssh-keygen "$@"\n',
    0o755,
  );
  await repo.git(['config', 'gpg.ssh.program', repo.path('../signer')]);
  await repo.git(['config', 'commit.gpgSign', 'true']);
  const main = (await repo.git(['rev-parse', 'main'])).stdout.trim();
  for (const [mode, why] of [
    ['fail', /because signing it again failed \(.*\): add them with/],
    [
      'hang',
      /because signing it again took longer than 2 s \(GIT_ALEMBIC_SIGN_TIMEOUT\): add them with/,
    ],
  ] as const) {
    await repo.git(['reset', '-q', '--hard', main]);
    await repo.git(['clean', '-q', '-fd', 'migrations']);
    await repo.run('rm', ['-f', repo.path('../signer.used')]);
    const merge = await repo.git(['merge', '--no-edit', 'dev'], {
      env: { ...NO_AGENT, SIGNER: mode, GIT_ALEMBIC_SIGN_TIMEOUT: '2' },
    });
    assertNotFolded(t, merge.stderr, why);
    await assertLeftStaged(t, repo, (await repo.git(['rev-parse', 'HEAD@{0}'])).stdout.trim());
    t.deepEqual(
      (await repo.run('find', [repo.path('.git'), '-maxdepth', '1', '-name', 'git-alembic-sign-*']))
        .stdout,
      '',
      'no scratch directory left',
    );
  }
});

function assertNotFolded(t: ExecutionContext, stderr: string, why: RegExp): void {
  const found = lines(stderr);
  t.is(found.length, 1, 'one line');
  t.regex(
    found[0] ?? '',
    new RegExp(
      `^git-alembic: created merge revision [0-9a-f]{12} of ${A} \\(main\\) and ${B} \\(dev\\), which this merge left as two heads; staged it and migrations/heads\\.txt, but left the signed merge commit as it is `,
    ),
  );
  t.regex(found[0] ?? '', why);
}

// HEAD is the signed merge git made, the merge revision and heads file are staged.
async function assertLeftStaged(t: ExecutionContext, repo: TempRepo, head: string): Promise<void> {
  t.is((await repo.git(['reflog', '-1', '--format=%H %gs'])).stdout.trim().split(' ')[0], head);
  t.regex(
    (await repo.git(['reflog', '-1', '--format=%gs'])).stdout,
    /^merge dev: Merge made/,
    'HEAD is the commit git made',
  );
  t.is(await signatureStatus(repo), 'G', 'still signed');
  t.is((await staged(repo)).length, 2, 'the merge revision and heads file are staged');
}

test('another program commits while the hook works: nothing is rewritten, the files stay staged, one line says so', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['reset', '-q', '--hard', 'setup']);
  await repo.git(['branch', '-q', '-D', 'dev']);
  // A post-write hook that commits (any program could, at this moment): the hook runs it while
  // writing the merge revision, after post-merge recorded the merge commit and before the fold.
  await repo.write(
    'tools/other-program',
    '#!/bin/sh\ngit update-ref -m other HEAD "$(git commit-tree -p HEAD -m "other program" "HEAD^{tree}")"\n',
    0o755,
  );
  await repo.write(
    'alembic.ini',
    '[alembic]\nscript_location = %(here)s/migrations\n\n[post_write_hooks]\nhooks = other\nother.type = exec\nother.executable = %(here)s/tools/other-program\n',
  );
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'a post-write hook']);
  await fork(repo);
  const merge = await repo.git(['merge', '--no-edit', 'dev']);
  const found = lines(merge.stderr);
  t.is(found.length, 1);
  t.regex(
    found[0] ?? '',
    /; staged it and migrations\/heads\.txt, but left the merge commit as it is because HEAD moved to another commit while the hook ran: commit them \(git commit\)$/,
  );
  t.is(
    (await repo.git(['log', '-1', '--format=%s'])).stdout,
    'other program\n',
    "the other program's commit stays HEAD",
  );
  const made = (await repo.git(['rev-parse', 'HEAD^'])).stdout.trim();
  t.regex(
    (await repo.git(['reflog', '-2', '--format=%H %gs'])).stdout,
    new RegExp(`\\n${made} merge dev: Merge made`),
    'its parent is the merge as git made it',
  );
  t.is(
    (await repo.git(['ls-tree', '--name-only', made, 'migrations/versions/'])).stdout
      .split('\n')
      .filter(Boolean).length,
    3,
    'not folded in',
  );
  t.is((await staged(repo)).length, 2);
});

test('post-merge rewrites nothing when HEAD is not the commit this merge made', async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['merge', '--no-edit', 'dev'], { env: { HUSKY: '0' } });
  const head = (await repo.git(['rev-parse', 'HEAD'])).stdout;
  // MERGE_HEAD names another commit than HEAD's second parent.
  await repo.write('.git/MERGE_HEAD', (await repo.git(['rev-parse', 'setup'])).stdout);
  const hook = await repo.cli(['hook', 'post-merge', '0']);
  t.deepEqual([hook.stdout, hook.stderr], ['', '']);
  t.is((await repo.git(['rev-parse', 'HEAD'])).stdout, head);
  t.deepEqual(await staged(repo), []);
});

test('`git pull` from a real bare origin names the incoming side origin/main, not origin/HEAD', async (t) => {
  const repo = await setUpRepo(t);
  const origin = repo.path('../origin.git');
  await repo.git(['init', '-q', '--bare', '-b', 'main', origin]);
  await repo.git(['push', '-q', origin, 'dev:main', 'dev:release']);
  await repo.git(['branch', '-q', '-D', 'dev']);
  await repo.git(['remote', 'add', 'origin', origin]);
  await repo.git(['fetch', '-q', 'origin']);
  // As a clone has it: origin/HEAD, and main following origin/main.
  await repo.git(['remote', 'set-head', 'origin', 'main']);
  await repo.git(['branch', '-q', '--set-upstream-to=origin/main', 'main']);
  t.is(
    (await repo.git(['name-rev', '--name-only', 'origin/main'])).stdout.trim(),
    'remotes/origin/HEAD',
    'what name-rev alone would say',
  );
  const before = (await repo.git(['rev-parse', 'main'])).stdout.trim();
  const pull = await repo.git(['pull', '--no-rebase', '--no-edit']);
  t.deepEqual(lines(pull.stderr), [expect(pull.stderr, `${B} (origin/main)`)]);
  await repo.git(['reset', '-q', '--hard', before]);
  const named = await repo.git(['pull', '--no-rebase', '--no-edit', 'origin', 'release']);
  t.deepEqual(
    lines(named.stderr),
    [expect(named.stderr, `${B} (origin/release)`)],
    'the branch pulled, though origin/main points there too',
  );
});

function expect(stderr: string, incoming: string): string {
  const id = /created merge revision ([0-9a-f]{12})/.exec(stderr)?.[1] ?? '';
  return `git-alembic: created merge revision ${id} of ${A} (main) and ${incoming}, which this merge left as two heads; added it and migrations/heads.txt to the merge commit`;
}

test("after a rebase, the hook's line starts on a line of its own (git's progress line ends in a carriage return)", async (t) => {
  const repo = await setUpRepo(t);
  await repo.git(['checkout', '-q', 'dev']);
  const rebase = await repo.git(['rebase', 'main']);
  t.regex(rebase.stderr, /Rebasing \(1\/1\)\r\ngit-alembic: created merge revision /);
  t.truthy(
    rebase.stderr
      .split('\n')
      .find((line) => line.startsWith('git-alembic: created merge revision ')),
  );
  await repo.git(['reset', '-q', '--hard', 'ORIG_HEAD']);
  const quiet = await repo.git(['rebase', '-q', 'main']);
  t.regex(quiet.stderr, /^git-alembic: created merge revision /, 'no progress line, no empty line');
});
