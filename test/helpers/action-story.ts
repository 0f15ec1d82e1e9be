// The story the action's end-to-end tests tell, on GitHub made local (./github-scenario.ts): a
// Python-only project (no package.json, no hooks), Alice (the scenario's repository) opening PR1
// and Bob (a clone) opening PR2, each adding a revision on the same parent, so each is green on
// its own and the second to land forks main. Real Alembic judges what lands.
import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { createGitHub, type GitHub, type PullRequest, REPOSITORY } from './github-scenario.js';
import { assertAlembicWhole, BASE, createScenario, type Scenario } from './hook-scenario.js';
import { parentSource } from './merge-project.js';
import { DEV_REV, MAIN_REV } from './scenario-checks.js';

type TestContext = Parameters<typeof createScenario>[0];

/** Alice's pull request, adding MAIN_REV. */
export const PR1: PullRequest = { number: 1, head: 'feature-a' };
/** Bob's, adding DEV_REV. */
export const PR2: PullRequest = { number: 2, head: 'feature-b' };
/** Bob's clone, relative to Alice's. */
export const BOB = '../bob';
/** heads.txt as someone resolves its conflict by hand in the web editor: both lines kept. */
export const BOTH_HEADS = `${HEADS_FILE_COMMENT}\n${MAIN_REV}\n${DEV_REV}\n`;
/** The GA101 annotation's message for the fork of MAIN_REV and DEV_REV. */
export const GA101 =
  `GA101 2 heads on one branch: ${MAIN_REV} (migrations/versions/${MAIN_REV}_rev.py) and ${DEV_REV} (migrations/versions/${DEV_REV}_rev.py), ` +
  `forked from ${BASE} (migrations/versions/${BASE}_rev.py) (hint: run \`git-alembic merge\` and commit the merge revision it writes (what \`alembic merge heads\` would write))`;

/** The scenario and its GitHub. */
export interface Story {
  readonly scenario: Scenario;
  readonly github: GitHub;
}

/** A developer's branch from origin's main with one revision on BASE, pushed (to `target`). */
async function developer(
  scenario: Scenario,
  cwd: string,
  branch: string,
  id: string,
  options: { keepHeads?: boolean; target?: string; readme?: string } = {},
): Promise<void> {
  const prefix = cwd === '' ? '' : `${cwd}/`;
  await scenario.git(['fetch', '-q', 'origin'], { cwd });
  await scenario.git(['checkout', '-q', '-b', branch, 'origin/main'], { cwd });
  await scenario.repo.write(
    `${prefix}${scenario.scriptPath(`versions/${id}_rev.py`)}`,
    parentSource({ id, down: [BASE] }),
  );
  if (options.readme !== undefined) await scenario.repo.write(`${prefix}README.md`, options.readme);
  if (options.keepHeads !== false) await scenario.bin(['heads', '--write', '-q'], { cwd });
  await scenario.git(['add', '-A'], { cwd });
  // Dated in the past: a merge revision's Create Date comes from these commits, and a shallow
  // checkout that took the merge commits' dates instead would show.
  const date = {
    GIT_AUTHOR_DATE: `2024-03-0${id === MAIN_REV ? 1 : 2}T10:00:00Z`,
    GIT_COMMITTER_DATE: '2024-03-03T10:00:00Z',
  };
  await scenario.git(['commit', '-q', '-m', `${branch}: add ${id}`], { cwd, env: date });
  await scenario.git(
    ['push', '-q', 'origin', `${branch}:${options.target ?? `refs/heads/${branch}`}`],
    { cwd },
  );
}

/**
 * Alice (the scenario's repository) opens PR1 adding MAIN_REV, Bob (a clone) opens PR2 adding
 * DEV_REV, both on BASE: each pull request is green on its own.
 */
export async function story(
  t: TestContext,
  python: string,
  bob: { keepHeads?: boolean; fork?: boolean; readme?: string } = {},
  config?: string,
): Promise<Story & { pr2: PullRequest }> {
  const scenario = await createScenario(t, python, { pythonOnly: true });
  if (config !== undefined) {
    await scenario.repo.write('.git-alembicrc.json', config);
    await scenario.commitAll('git-alembic config');
  }
  const github = await createGitHub(scenario);
  await github.clone('bob');
  await scenario.git(['config', 'user.name', 'Bob'], { cwd: BOB });
  await scenario.git(['config', 'user.email', 'bob@example.com'], { cwd: BOB });
  await developer(
    scenario,
    '',
    PR1.head,
    MAIN_REV,
    bob.readme === undefined ? {} : { readme: 'alice\n' },
  );
  const pr2: PullRequest = bob.fork === true ? { ...PR2, fork: 'bob/repo' } : PR2;
  await developer(scenario, BOB, PR2.head, DEV_REV, {
    ...bob,
    ...(bob.fork === true ? { target: 'refs/pull/2/head' } : {}),
  });
  await github.open(PR1);
  await github.open(pr2);
  return { scenario, github, pr2 };
}

// main as it is on origin, in a fresh clone, judged by real Alembic.
/** Asserts that real Alembic finds `ref` of origin whole, in a fresh clone called `name`. */
export async function assertMainWhole(
  t: TestContext,
  { scenario, github }: Story,
  name: string,
  ref = 'main',
): Promise<void> {
  const clone = await github.clone(name);
  await scenario.git(['checkout', '-q', ref], { cwd: clone });
  await assertAlembicWhole(t, scenario, clone);
}

/** A workflow_dispatch run on `branch`. */
export const dispatch = (
  branch: string,
): { event: string; payload: object; checkout: string; branch: string } => ({
  event: 'workflow_dispatch',
  payload: {
    ref: `refs/heads/${branch}`,
    repository: { full_name: REPOSITORY, default_branch: 'main' },
  },
  checkout: `refs/heads/${branch}`,
  branch,
});

// main after PR2 was resolved by hand in the web editor and merged with the button: forked.
export async function forkedMain(t: TestContext, python: string): Promise<Story> {
  const { scenario, github } = await story(t, python);
  await github.mergeButton(PR1);
  await github.resolveInWebEditor(PR2, { 'migrations/heads.txt': BOTH_HEADS });
  await github.open(PR2);
  await github.mergeButton(PR2);
  return { scenario, github };
}

/** A push to main, at `sha`. */
export const pushOf = (
  sha: string,
): { event: string; payload: object; checkout: string; branch: string } => ({
  event: 'push',
  payload: {
    ref: 'refs/heads/main',
    after: sha,
    repository: { full_name: REPOSITORY, default_branch: 'main' },
  },
  checkout: 'refs/heads/main',
  branch: 'main',
});
