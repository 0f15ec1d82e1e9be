// GitHub, locally, for the action's end-to-end tests: a bare repository as `origin` (the
// server, at <tmp>/server/owner/repo.git, reached over file:// so shallow clones work), developers'
// clones, pull requests and their test merges (refs/pull/N/head and /merge), the merge button, the
// web conflict editor and the merge queue made with plumbing as GitHub makes them (no hooks, no
// driver), and the action's script run as a runner runs it: a checkout like actions/checkout's,
// the event payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, and
// `gh` replaced by a stub on PATH that records its arguments.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Scenario } from './hook-scenario.js';
import { PACKAGE_ROOT, type RunResult } from './temp-repo.js';

/** The repository GitHub serves, as the payloads name it. */
export const REPOSITORY = 'owner/repo';

/** A pull request as the tests open it. */
export interface PullRequest {
  readonly number: number;
  readonly head: string;
  /** The fork's full name, for a pull request from a fork. */
  readonly fork?: string;
}

/** What one run of the action did. */
export interface ActionRun extends RunResult {
  /** GITHUB_OUTPUT, as name → value. */
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Each `gh` call's arguments, and the GH_TOKEN it saw. */
  readonly gh: { readonly args: string[]; readonly token: string }[];
  /** The runner's clone, relative to the scenario's repository. */
  readonly clone: string;
}

/** GitHub around a scenario: its repository is the first developer's clone. */
export interface GitHub {
  /** The bare repository's path. */
  readonly origin: string;
  readonly url: string;
  /** git in the bare repository (the server's own plumbing). */
  server(args: readonly string[], env?: Record<string, string>): Promise<string>;
  /** A developer's clone, relative to the scenario's repository. */
  clone(name: string): Promise<string>;
  /** Pushes `branch` of the scenario's repository (or of `cwd`) to origin. */
  push(branch: string, cwd?: string, target?: string): Promise<void>;
  /** refs/pull/N/head and GitHub's test merge refs/pull/N/merge (absent when it conflicts, as on GitHub). */
  open(pull: PullRequest): Promise<string | undefined>;
  /** The merge button: a merge commit of the pull request on the base, parents [base, head]. */
  mergeButton(pull: PullRequest): Promise<string>;
  /** The web conflict editor: merges the base into the head branch with the files resolved as given. */
  resolveInWebEditor(pull: PullRequest, resolved: Record<string, string>): Promise<void>;
  /** A merge queue's commit for these pull requests on main, as gh-readonly-queue/main/pr-N-<sha>. */
  mergeGroup(pulls: readonly PullRequest[]): Promise<{ ref: string; sha: string }>;
  /** The pull_request payload of a pull request. */
  pullPayload(pull: PullRequest): Promise<object>;
  /** Runs action/main.mjs in a fresh checkout of `checkout` (a ref of origin). */
  runAction(options: ActionOptions): Promise<ActionRun>;
}

/** One run of the action. */
export interface ActionOptions {
  readonly mode: string;
  readonly event: string;
  readonly payload: object;
  /** The ref actions/checkout would check out, and the branch name it gives it (push events). */
  readonly checkout: string;
  readonly branch?: string;
  readonly env?: Record<string, string>;
}

let runs = 0;

/** Puts `origin` under the scenario's repository and pushes main there. */
export async function createGitHub(scenario: Scenario): Promise<GitHub> {
  const { repo } = scenario;
  const origin = repo.path(`../server/${REPOSITORY}.git`);
  const url = `file://${origin}`;
  await repo.git(['init', '-q', '--bare', '-b', 'main', origin]);
  await repo.git(['remote', 'add', 'origin', url]);
  await repo.git(['push', '-q', 'origin', 'main']);
  const server = async (
    args: readonly string[],
    env: Record<string, string> = {},
  ): Promise<string> => (await repo.git(['--git-dir', origin, ...args], { env })).stdout.trim();
  const resolve = (ref: string): Promise<string> => server(['rev-parse', `${ref}^{commit}`]);

  // A merge commit made as GitHub's servers make it: merge-tree, commit-tree, update-ref.
  async function serverMerge(
    first: string,
    second: string,
    message: string,
  ): Promise<{ sha: string | undefined; tree: string }> {
    const merged = await repo.git(
      ['--git-dir', origin, 'merge-tree', '--write-tree', '--no-messages', first, second],
      { allowFailure: true },
    );
    const tree = merged.stdout.split('\n')[0] ?? '';
    if (merged.status !== 0) return { sha: undefined, tree };
    return {
      sha: await server(['commit-tree', tree, '-p', first, '-p', second, '-m', message]),
      tree,
    };
  }

  const github: GitHub = {
    origin,
    url,
    server,
    async clone(name) {
      await repo.git(['clone', '-q', url, `../${name}`]);
      return `../${name}`;
    },
    async push(branch, cwd = '', target = `refs/heads/${branch}`) {
      await repo.git(['push', '-q', '-f', 'origin', `${branch}:${target}`], { cwd });
    },
    async open(pull) {
      const head =
        pull.fork === undefined
          ? await resolve(`refs/heads/${pull.head}`)
          : await resolve(`refs/pull/${pull.number}/head`);
      await server(['update-ref', `refs/pull/${pull.number}/head`, head]);
      const merge = await serverMerge(
        await resolve('refs/heads/main'),
        head,
        `Merge ${head} into ${await resolve('refs/heads/main')}`,
      );
      if (merge.sha === undefined)
        await server(['update-ref', '-d', `refs/pull/${pull.number}/merge`]);
      else await server(['update-ref', `refs/pull/${pull.number}/merge`, merge.sha]);
      return merge.sha;
    },
    async mergeButton(pull) {
      const main = await resolve('refs/heads/main');
      const merge = await serverMerge(
        main,
        await resolve(`refs/pull/${pull.number}/head`),
        `Merge pull request #${pull.number} from ${pull.fork ?? 'owner'}/${pull.head}`,
      );
      if (merge.sha === undefined)
        throw new Error(`pull request #${pull.number} conflicts: the merge button is disabled`);
      await server(['update-ref', 'refs/heads/main', merge.sha, main]);
      return merge.sha;
    },
    async resolveInWebEditor(pull, resolved) {
      const head = await resolve(`refs/pull/${pull.number}/head`);
      const main = await resolve('refs/heads/main');
      const merged = await repo.git(
        ['--git-dir', origin, 'merge-tree', '--write-tree', '--no-messages', head, main],
        { allowFailure: true },
      );
      const index = `${origin}/web-editor-index`;
      const env = { GIT_INDEX_FILE: index };
      await server(['read-tree', merged.stdout.split('\n')[0] ?? ''], env);
      for (const [file, content] of Object.entries(resolved)) {
        const blob = (
          await repo.git(['--git-dir', origin, 'hash-object', '-w', '--stdin'], { input: content })
        ).stdout.trim();
        await server(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], env);
      }
      const tree = await server(['write-tree'], env);
      const sha = await server([
        'commit-tree',
        tree,
        '-p',
        head,
        '-p',
        main,
        '-m',
        `Merge branch 'main' into ${pull.head}`,
      ]);
      await server(['update-ref', `refs/pull/${pull.number}/head`, sha]);
      if (pull.fork === undefined) await server(['update-ref', `refs/heads/${pull.head}`, sha]);
      await repo.git(['--git-dir', origin, 'read-tree', '--empty'], { env });
    },
    async mergeGroup(pulls) {
      let tip = await resolve('refs/heads/main');
      for (const pull of pulls) {
        const merge = await serverMerge(
          tip,
          await resolve(`refs/pull/${pull.number}/head`),
          `Merge pull request #${pull.number}`,
        );
        if (merge.sha === undefined)
          throw new Error(`pull request #${pull.number} conflicts in the queue`);
        tip = merge.sha;
      }
      const ref = `gh-readonly-queue/main/pr-${pulls.at(-1)?.number ?? 0}-${tip}`;
      await server(['update-ref', `refs/heads/${ref}`, tip]);
      return { ref, sha: tip };
    },
    async pullPayload(pull) {
      const head = await resolve(`refs/pull/${pull.number}/head`);
      const repository = { full_name: REPOSITORY, default_branch: 'main' };
      return {
        action: 'synchronize',
        number: pull.number,
        pull_request: {
          number: pull.number,
          head: { ref: pull.head, sha: head, repo: { full_name: pull.fork ?? REPOSITORY } },
          base: { ref: 'main', sha: await resolve('refs/heads/main'), repo: repository },
        },
        repository,
      };
    },
    runAction: (options) => runAction(scenario, github, options),
  };
  return github;
}

// A checkout as actions/checkout makes it (depth 1, the event's ref), then the action's script.
async function runAction(
  scenario: Scenario,
  github: GitHub,
  options: ActionOptions,
): Promise<ActionRun> {
  const { repo } = scenario;
  runs += 1;
  const clone = `../runner-${runs}`;
  const work = repo.path(clone);
  await repo.git(['init', '-q', clone]);
  await repo.git(['remote', 'add', 'origin', github.url], { cwd: clone });
  await repo.git(
    [
      'fetch',
      '-q',
      '--depth',
      '1',
      '--no-tags',
      'origin',
      `+${options.checkout}:refs/remotes/checkout`,
    ],
    { cwd: clone },
  );
  const sha = (
    await repo.git(['rev-parse', 'refs/remotes/checkout'], { cwd: clone })
  ).stdout.trim();
  await repo.git(
    [
      'checkout',
      '-q',
      ...(options.branch === undefined ? ['--detach', sha] : ['-B', options.branch, sha]),
    ],
    { cwd: clone },
  );
  await repo.git(['update-ref', '-d', 'refs/remotes/checkout'], { cwd: clone });

  const files = {
    event: `${work}.event.json`,
    output: `${work}.output`,
    summary: `${work}.summary.md`,
    gh: `${work}.gh.log`,
    stub: `${work}.bin`,
  };
  await writeFile(files.event, JSON.stringify(options.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  await writeFile(files.gh, '');
  await repo.write(path.relative(repo.root, path.join(files.stub, 'gh')), GH_STUB, 0o755);
  const env = {
    PATH: `${files.stub}${path.delimiter}${process.env['PATH'] ?? ''}`,
    NODE_EXTRA_CA_CERTS: undefined,
    GH_STUB_LOG: files.gh,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ACTION_PATH: PACKAGE_ROOT,
    GITHUB_SERVER_URL: `file://${path.dirname(path.dirname(github.origin))}`,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REF: options.branch === undefined ? options.checkout : `refs/heads/${options.branch}`,
    GITHUB_SHA: sha,
    INPUT_MODE: options.mode,
    INPUT_TOKEN: 'ghs_test_token',
    INPUT_PUSH: 'false',
    INPUT_VERSION: '',
    ...options.env,
  };
  const result = await repo.run(process.execPath, [path.join(PACKAGE_ROOT, 'action', 'main.mjs')], {
    cwd: clone,
    env,
    allowFailure: true,
  });
  const outputs = Object.fromEntries(
    (await readFile(files.output, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const gh = (await readFile(files.gh, 'utf8'))
    .split('\u001e')
    .filter(Boolean)
    .map((line) => {
      const [token = '', ...args] = line.split('\u001f');
      return { token, args };
    });
  return { ...result, outputs, summary: await readFile(files.summary, 'utf8'), gh, clone };
}

// Records each call (GH_TOKEN, then the arguments, separated by US, ended by RS: a pull
// request's body spans lines) and answers `pr create` as gh does, with the new pull request's URL.
const GH_STUB = `#!/bin/sh
line="$GH_TOKEN"
for argument in "$@"; do line="$line$(printf '\\037')$argument"; done
printf '%s\\036' "$line" >> "$GH_STUB_LOG"
if [ "$1 $2" = "pr create" ]; then echo "https://github.com/${REPOSITORY}/pull/99"; fi
`;

/** The annotations (workflow commands) an action run printed, as [command, properties, message]. */
export function annotations(run: RunResult): [string, string, string][] {
  return run.stdout.split('\n').flatMap((line) => {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (match === null) return [];
    const message = (match[3] ?? '')
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%25/g, '%');
    return [[match[1] ?? '', (match[2] ?? '').trim(), message]];
  });
}
