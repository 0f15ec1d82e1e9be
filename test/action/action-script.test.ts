// action/main.mjs outside the modes' happy paths: what it refuses (exit 2, one annotation, nothing
// run), how a pinned `version` runs git-alembic (npx, stubbed here), and the git authentication
// it derives from the `token` input. Real processes; no Python needed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { authentication } from '../../action/runner.mjs';
import {
  createTempRepo,
  PACKAGE_ROOT,
  type RunResult,
  type TempRepo,
} from '../helpers/temp-repo.js';

interface Run extends RunResult {
  readonly output: string;
}

// Runs the action's script in a repository with the given inputs, event and extra PATH entries.
async function runScript(
  repo: TempRepo,
  env: Record<string, string>,
  payload: object = {},
): Promise<Run> {
  const files = { event: repo.path('../event.json'), output: repo.path('../output') };
  await writeFile(files.event, JSON.stringify(payload));
  await writeFile(files.output, '');
  const result = await repo.run(process.execPath, [path.join(PACKAGE_ROOT, 'action', 'main.mjs')], {
    allowFailure: true,
    env: {
      NODE_EXTRA_CA_CERTS: undefined,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_ACTION_PATH: PACKAGE_ROOT,
      INPUT_TOKEN: '',
      ...env,
    },
  });
  return { ...result, output: await readFile(files.output, 'utf8') };
}

const refuses = test.macro(
  async (
    t: ExecutionContext,
    env: Record<string, string>,
    annotation: string,
    payload: object = {},
  ) => {
    const repo = await createTempRepo(t);
    const run = await runScript(repo, env, payload);
    t.deepEqual(
      { status: run.status, stdout: run.stdout, output: run.output },
      { status: 2, stdout: `${annotation}\n`, output: 'result=error\n' },
    );
  },
);

test(
  'an unknown mode',
  refuses,
  { INPUT_MODE: 'fix' },
  "::error title=git-alembic::unknown mode 'fix': use check, update-branch or repair",
);
test(
  'a version that is not an npm version',
  refuses,
  { INPUT_MODE: 'check', INPUT_VERSION: '1.0; rm -rf ~' },
  "::error title=git-alembic::version '1.0; rm -rf ~' is not an npm version or dist-tag",
);
test(
  'repair on a pull request',
  refuses,
  { INPUT_MODE: 'repair', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge' },
  '::error title=git-alembic repair::mode repair runs on push to a branch (and workflow_dispatch on a branch), not on pull_request',
);
test(
  'update-branch on a push',
  refuses,
  { INPUT_MODE: 'update-branch', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
  '::error title=git-alembic update-branch::mode update-branch runs on pull_request (and workflow_dispatch on a branch), not on push',
);
test(
  'update-branch dispatched on the default branch itself',
  refuses,
  {
    INPUT_MODE: 'update-branch',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'owner/repo',
  },
  '::error title=git-alembic update-branch::main is the default branch itself; update-branch brings the default branch into another branch',
  { repository: { full_name: 'owner/repo', default_branch: 'main' } },
);

test('a pinned version runs `npx --yes git-alembic@<version>`; its annotations pass through', async (t) => {
  const repo = await createTempRepo(t);
  const log = repo.path('../npx.log');
  await repo.write(
    '../bin/npx',
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\necho '::error file=a.py,title=GA101::GA101 two heads'\nexit 1\n`,
    0o755,
  );
  const run = await runScript(repo, {
    INPUT_MODE: 'check',
    INPUT_VERSION: '0.2.0',
    PATH: `${repo.path('../bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
  });
  t.is(run.status, 1);
  t.deepEqual((await readFile(log, 'utf8')).split('\n'), [
    '--yes',
    'git-alembic@0.2.0',
    'check',
    '--format',
    'github',
    '',
  ]);
  t.is(run.stdout.split('\n')[0], '::error file=a.py,title=GA101::GA101 two heads');
  t.is(run.output, 'result=diverged\n');
});

test('check where git-alembic cannot read the project: its exit status and message, result=error', async (t) => {
  const repo = await createTempRepo(t);
  const run = await runScript(repo, { INPUT_MODE: 'check', GITHUB_EVENT_NAME: 'push' });
  t.is(run.status, 2);
  t.regex(run.stdout, /^git-alembic: no Alembic environment found from /m);
  t.is(run.output, 'result=error\n');
});

test('the token authenticates git to the GitHub server as actions/checkout does, replacing its header, and is masked', (t) => {
  const masked: string[] = [];
  const env = authentication('ghs_abc', 'https://github.example.com/', (secret) =>
    masked.push(secret),
  );
  const header = Buffer.from('x-access-token:ghs_abc').toString('base64');
  t.deepEqual(env, {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'http.https://github.example.com/.extraheader',
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: 'http.https://github.example.com/.extraheader',
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${header}`,
  });
  t.deepEqual(masked, [header]);
  t.deepEqual(
    authentication('', 'https://github.com', () => undefined),
    {},
    "no token: checkout's own credentials",
  );
  t.deepEqual(
    authentication('ghs_abc', 'file:///tmp/server', () => undefined),
    {},
    'not a GitHub server',
  );
});
