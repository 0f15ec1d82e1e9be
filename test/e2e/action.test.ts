// The GitHub Action's three modes end to end, on GitHub made local (test/helpers/github-scenario.ts):
// a bare `origin`, two developers' clones of a Python-only project (no package.json, no hooks),
// pull requests, the merge button, the web conflict editor and the merge queue made with plumbing
// as GitHub makes them, and the action's script run in a shallow checkout as a runner runs it.
// Real Alembic judges what lands. Build first (`npm test`).
import { ActionMessages } from '../../action/messages.mjs';
import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import { annotations, createGitHub, type GitHub, type PullRequest, REPOSITORY } from '../helpers/github-scenario.js';
import { assertAlembicWhole, BASE, createScenario, type Scenario, scenarioTest } from '../helpers/hook-scenario.js';
import { parentSource } from '../helpers/merge-project.js';
import { DEV_REV, MAIN_REV, mergeRevisionIn, parents, revisionIdOf } from '../helpers/scenario-checks.js';

const PR1: PullRequest = { number: 1, head: 'feature-a' };
const PR2: PullRequest = { number: 2, head: 'feature-b' };
const BOB = '../bob';
const BOTH_HEADS = `${HEADS_FILE_COMMENT}\n${MAIN_REV}\n${DEV_REV}\n`;
const GA101 =
  `GA101 2 heads on one branch: ${MAIN_REV} (migrations/versions/${MAIN_REV}_rev.py) and ${DEV_REV} (migrations/versions/${DEV_REV}_rev.py), ` +
  `forked from ${BASE} (migrations/versions/${BASE}_rev.py) (hint: run \`git-alembic merge\` and commit the merge revision it writes (what \`alembic merge heads\` would write))`;

interface Story {
  readonly scenario: Scenario;
  readonly github: GitHub;
}

/** A developer's branch from origin's main with one revision on BASE, pushed (to `target`). */
async function developer(scenario: Scenario, cwd: string, branch: string, id: string, options: { keepHeads?: boolean; target?: string; readme?: string } = {}): Promise<void> {
  const prefix = cwd === '' ? '' : `${cwd}/`;
  await scenario.git(['fetch', '-q', 'origin'], { cwd });
  await scenario.git(['checkout', '-q', '-b', branch, 'origin/main'], { cwd });
  await scenario.repo.write(`${prefix}${scenario.scriptPath(`versions/${id}_rev.py`)}`, parentSource({ id, down: [BASE] }));
  if (options.readme !== undefined) await scenario.repo.write(`${prefix}README.md`, options.readme);
  if (options.keepHeads !== false) await scenario.bin(['heads', '--write', '-q'], { cwd });
  await scenario.git(['add', '-A'], { cwd });
  // Dated in the past: a merge revision's Create Date comes from these commits, and a shallow
  // checkout that took the merge commits' dates instead would show.
  const date = { GIT_AUTHOR_DATE: `2024-03-0${id === MAIN_REV ? 1 : 2}T10:00:00Z`, GIT_COMMITTER_DATE: '2024-03-03T10:00:00Z' };
  await scenario.git(['commit', '-q', '-m', `${branch}: add ${id}`], { cwd, env: date });
  await scenario.git(['push', '-q', 'origin', `${branch}:${options.target ?? `refs/heads/${branch}`}`], { cwd });
}

/**
 * Alice (the scenario's repository) opens PR1 adding MAIN_REV, Bob (a clone) opens PR2 adding
 * DEV_REV, both on BASE: each pull request is green on its own.
 */
async function story(
  t: Parameters<typeof createScenario>[0],
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
  await developer(scenario, '', PR1.head, MAIN_REV, bob.readme === undefined ? {} : { readme: 'alice\n' });
  const pr2: PullRequest = bob.fork === true ? { ...PR2, fork: 'bob/repo' } : PR2;
  await developer(scenario, BOB, PR2.head, DEV_REV, { ...bob, ...(bob.fork === true ? { target: 'refs/pull/2/head' } : {}) });
  await github.open(PR1);
  await github.open(pr2);
  return { scenario, github, pr2 };
}

// main as it is on origin, in a fresh clone, judged by real Alembic.
async function assertMainWhole(t: Parameters<typeof assertAlembicWhole>[0], { scenario, github }: Story, name: string, ref = 'main'): Promise<void> {
  const clone = await github.clone(name);
  await scenario.git(['checkout', '-q', ref], { cwd: clone });
  await assertAlembicWhole(t, scenario, clone);
}

const dispatch = (branch: string): { event: string; payload: object; checkout: string; branch: string } => ({
  event: 'workflow_dispatch',
  payload: { ref: `refs/heads/${branch}`, repository: { full_name: REPOSITORY, default_branch: 'main' } },
  checkout: `refs/heads/${branch}`,
  branch,
});

scenarioTest('action check: green alone; the second pull request fails on its merge ref once its heads file was resolved by hand, naming heads, files, parent and fix', async (t, python) => {
  const { github } = await story(t, python);
  const first = await github.runAction({ mode: 'check', event: 'pull_request', payload: await github.pullPayload(PR1), checkout: 'refs/pull/1/merge' });
  t.is(first.status, 0, first.stdout);
  t.deepEqual(first.outputs, { result: 'ok' });
  t.deepEqual(annotations(first), []);
  t.is(first.summary, `${ActionMessages.CHECK_OK}\n`);

  await github.mergeButton(PR1);
  t.is(await github.open(PR2), undefined, 'PR2 now conflicts in heads.txt: GitHub makes no merge ref');
  await github.resolveInWebEditor(PR2, { 'migrations/heads.txt': BOTH_HEADS });
  t.truthy(await github.open(PR2), 'resolved by hand, it merges cleanly again');
  const second = await github.runAction({ mode: 'check', event: 'pull_request', payload: await github.pullPayload(PR2), checkout: 'refs/pull/2/merge' });
  t.is(second.status, 1);
  t.deepEqual(second.outputs, { result: 'diverged' });
  t.deepEqual(annotations(second).map(([command, properties, message]) => [command, properties.replace(/,line=\d+/, ''), message]), [
    ['error', `file=migrations/versions/${MAIN_REV}_rev.py,title=GA101`, GA101],
    ['error', `file=migrations/versions/${DEV_REV}_rev.py,title=GA101`, GA101],
    ['error', 'title=The Alembic history forks when this lands', ActionMessages.checkFailedOnPull('main', PR2.head)],
  ]);
  t.is(second.summary, `${ActionMessages.checkFailed([GA101])}\n`);
});

scenarioTest('action check in a merge queue: a pull request that did not update the heads file forks the group commit', async (t, python) => {
  const { github } = await story(t, python, { keepHeads: false });
  const group = await github.mergeGroup([PR1, PR2]);
  const payload = { merge_group: { head_sha: group.sha, head_ref: `refs/heads/${group.ref}`, base_ref: 'refs/heads/main' }, repository: { full_name: REPOSITORY } };
  const run = await github.runAction({ mode: 'check', event: 'merge_group', payload, checkout: `refs/heads/${group.ref}` });
  t.is(run.status, 1);
  t.is(run.outputs['result'], 'diverged');
  const found = annotations(run);
  t.true(found.some(([, properties, message]) => properties.startsWith(`file=migrations/versions/${MAIN_REV}_rev.py,`) && message === GA101));
  t.deepEqual(found.at(-1), ['error', 'title=The Alembic history forks when this lands', ActionMessages.checkFailedInQueue('main')]);
});

scenarioTest('action update-branch, run by hand on a pull request whose heads file conflicts: merges main with the driver and pushes; then it lands whole', async (t, python) => {
  const story2 = await story(t, python);
  const { github } = story2;
  await github.mergeButton(PR1);
  t.is(await github.open(PR2), undefined);
  const before = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  const run = await github.runAction({ mode: 'update-branch', ...dispatch(PR2.head) });
  t.is(run.status, 0, run.stdout);
  const pushed = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  t.deepEqual(run.outputs, { 'merge-commit': pushed, result: 'pushed' });
  t.deepEqual((await github.server(['log', '-1', '--format=%P%n%s', pushed])).split('\n'), [`${before} ${await github.server(['rev-parse', 'main'])}`, "Merge remote-tracking branch 'origin/main' into feature-b"]);
  t.regex(run.summary, /merging the base conflicts in the Alembic heads file, which git-alembic merges; pushed/);
  t.truthy(await github.open(PR2), 'no conflict any more');
  await github.mergeButton(PR2);
  await assertMainWhole(t, story2, 'after');
});

scenarioTest('action update-branch with "onMerge": "stage" in the config: the merge revision still goes into the pushed merge commit', async (t, python) => {
  const story2 = await story(t, python, { keepHeads: false }, '{ "onMerge": "stage" }\n');
  const { github } = story2;
  await github.mergeButton(PR1);
  const before = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  const run = await github.runAction({ mode: 'update-branch', event: 'pull_request', payload: await github.pullPayload(PR2), checkout: 'refs/pull/2/merge' });
  t.is(run.status, 0, run.stdout);
  t.is(run.outputs['result'], 'pushed');
  const pushed = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  t.is(await github.server(['rev-parse', `${pushed}^1`]), before, 'one merge commit, the merge revision inside');
  t.regex(run.summary, /merging the base leaves two heads on one branch of the Alembic history, which the merge revision joins; pushed/);
  await github.open(PR2);
  await github.mergeButton(PR2);
  await assertMainWhole(t, story2, 'after');
});

scenarioTest('action update-branch on pull_request after the web editor resolved the heads file by hand: the merge revision on top, pushed', async (t, python) => {
  const story2 = await story(t, python);
  const { github } = story2;
  await github.mergeButton(PR1);
  await github.resolveInWebEditor(PR2, { 'migrations/heads.txt': BOTH_HEADS });
  await github.open(PR2);
  const resolved = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  const run = await github.runAction({ mode: 'update-branch', event: 'pull_request', payload: await github.pullPayload(PR2), checkout: 'refs/pull/2/merge' });
  t.is(run.status, 0, run.stdout);
  t.is(run.outputs['result'], 'pushed');
  const pushed = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  t.is(await github.server(['rev-parse', `${pushed}^`]), resolved, 'one commit on top of the branch');
  t.is(await github.server(['log', '-1', '--format=%s', pushed]), `Merge Alembic heads on ${PR2.head}`);
  t.regex(run.summary, /web conflict editor/);
  await github.open(PR2);
  await github.mergeButton(PR2);
  await assertMainWhole(t, story2, 'after');
});

scenarioTest('action update-branch on a pull request from a fork: nothing pushed, the exact commands annotated; they work', async (t, python) => {
  const { scenario, github, pr2 } = await story(t, python, { fork: true, keepHeads: false });
  await github.mergeButton(PR1);
  await github.open(pr2);
  const refs = await github.server(['for-each-ref', '--format=%(refname) %(objectname)']);
  const run = await github.runAction({ mode: 'update-branch', event: 'pull_request', payload: await github.pullPayload(pr2), checkout: 'refs/pull/2/merge' });
  t.is(run.status, 1);
  t.is(run.outputs['result'], 'fork');
  t.is(await github.server(['for-each-ref', '--format=%(refname) %(objectname)']), refs, 'nothing pushed');
  const [annotation] = annotations(run);
  const commands = ['git switch feature-b', `git fetch ${github.url} main`, 'npx git-alembic merge-branch FETCH_HEAD', 'git push'];
  t.deepEqual(annotation, [
    'error',
    'title=Update this pull request from your fork',
    ActionMessages.forkAdvice(PR2.head, 'main', ActionMessages.updateReason(true, false), commands),
  ]);
  // Bob runs them (npx git-alembic is the built CLI here; the push would go to his fork).
  for (const command of commands.slice(0, -1)) {
    const [program = '', ...args] = command.split(' ');
    if (program === 'npx') await scenario.bin(args.slice(1), { cwd: BOB });
    else await scenario.git(args, { cwd: BOB });
  }
  t.not(revisionIdOf((await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV], 'HEAD', { root: BOB }))?.text), '');
  await assertAlembicWhole(t, scenario, BOB);
});

scenarioTest('action update-branch: conflicts outside the heads files are annotated only; a clean merge needs nothing; a branch with main already in it is up to date', async (t, python) => {
  const { scenario, github } = await story(t, python, { readme: 'bob\n' });
  await github.mergeButton(PR1);
  const before = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
  const conflicted = await github.runAction({ mode: 'update-branch', ...dispatch(PR2.head) });
  t.is(conflicted.status, 0, conflicted.stdout);
  t.is(conflicted.outputs['result'], 'conflicts');
  t.deepEqual(annotations(conflicted).at(-1), ['warning', 'title=Conflicts outside the Alembic heads files', ActionMessages.conflictsElsewhere(PR2.head, 'main', ['README.md'])]);
  t.is(await github.server(['rev-parse', `refs/heads/${PR2.head}`]), before);

  // A docs-only branch from before PR1: merging main into it is git's business alone.
  await scenario.git(['checkout', '-q', '-b', 'docs', `${await github.server(['rev-parse', 'main^1'])}`]);
  await scenario.repo.write('docs.md', 'docs\n');
  await scenario.commitAll('docs');
  await scenario.git(['push', '-q', 'origin', 'docs']);
  const clean = await github.runAction({ mode: 'update-branch', ...dispatch('docs') });
  t.is(clean.status, 0, clean.stdout);
  t.deepEqual(clean.outputs, { result: 'not-needed' });
  t.is(clean.summary, `${ActionMessages.nothingToUpdate('docs', 'main', false)}\n`);

  await scenario.git(['fetch', '-q', 'origin']);
  await scenario.git(['checkout', '-q', '-b', 'later', 'origin/main']);
  await scenario.repo.write('later.md', 'later\n');
  await scenario.commitAll('later');
  await scenario.git(['push', '-q', 'origin', 'later']);
  const upToDate = await github.runAction({ mode: 'update-branch', ...dispatch('later') });
  t.deepEqual(upToDate.outputs, { result: 'up-to-date' });
  t.is(await github.server(['rev-parse', 'refs/heads/docs']), (await scenario.git(['rev-parse', 'docs'])).stdout.trim(), 'nothing pushed');
});

// main after PR2 was resolved by hand in the web editor and merged with the button: forked.
async function forkedMain(t: Parameters<typeof createScenario>[0], python: string): Promise<Story> {
  const { scenario, github } = await story(t, python);
  await github.mergeButton(PR1);
  await github.resolveInWebEditor(PR2, { 'migrations/heads.txt': BOTH_HEADS });
  await github.open(PR2);
  await github.mergeButton(PR2);
  return { scenario, github };
}

const pushOf = (sha: string): { event: string; payload: object; checkout: string; branch: string } => ({
  event: 'push',
  payload: { ref: 'refs/heads/main', after: sha, repository: { full_name: REPOSITORY, default_branch: 'main' } },
  checkout: 'refs/heads/main',
  branch: 'main',
});

scenarioTest('action repair after a heads file resolved by hand in the web editor landed: a pull request with the merge revision a developer would write; proposed once', async (t, python) => {
  const forked = await forkedMain(t, python);
  const { scenario, github } = forked;
  const main = await github.server(['rev-parse', 'main']);
  const run = await github.runAction({ mode: 'repair', ...pushOf(main) });
  t.is(run.status, 0, run.stdout);
  t.is(run.outputs['result'], 'pull-request');
  t.is(run.outputs['pull-request'], `https://github.com/${REPOSITORY}/pull/99`);
  t.is(await github.server(['rev-parse', 'main']), main, 'main untouched');
  const [call] = run.gh;
  const head = call?.args[7] ?? '';
  t.regex(head, /^git-alembic\/merge-heads-[0-9a-f]{12}$/);
  t.deepEqual(call?.args.slice(0, 10), ['pr', 'create', '--repo', REPOSITORY, '--base', 'main', '--head', head, '--title', 'Merge Alembic heads on main']);
  t.is(call?.token, 'ghs_test_token');
  await scenario.git(['fetch', '-q', 'origin']);
  t.deepEqual(await parents(scenario, `origin/${head}`), [main]);
  // Alice, with the whole history, writes the same file byte for byte.
  await scenario.git(['checkout', '-q', '--detach', 'origin/main']);
  await scenario.bin(['merge', '-q']);
  const proposed = await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV], `origin/${head}`);
  t.is(await scenario.repo.read(proposed?.file ?? ''), proposed?.text ?? 'none', 'the same path and bytes');
  t.is((await scenario.git(['show', `origin/${head}:migrations/heads.txt`])).stdout, `${HEADS_FILE_COMMENT}\n${revisionIdOf(proposed?.text)}\n`);
  await assertMainWhole(t, forked, 'proposed', `origin/${head}`);

  const again = await github.runAction({ mode: 'repair', ...pushOf(main) });
  t.is(again.status, 0, again.stdout);
  t.deepEqual(again.outputs, { result: 'exists' });
  t.deepEqual(again.gh, []);
});

scenarioTest('action repair with push: true commits the merge revision onto main; the next run finds nothing to repair', async (t, python) => {
  const forked = await forkedMain(t, python);
  const { github } = forked;
  const main = await github.server(['rev-parse', 'main']);
  const run = await github.runAction({ mode: 'repair', ...pushOf(main), env: { INPUT_PUSH: 'true' } });
  t.is(run.status, 0, run.stdout);
  const repaired = await github.server(['rev-parse', 'main']);
  t.deepEqual(run.outputs, { 'merge-commit': repaired, result: 'pushed' });
  t.is(await github.server(['rev-parse', 'main^']), main);
  t.deepEqual(run.gh, []);
  await assertMainWhole(t, forked, 'after');
  const next = await github.runAction({ mode: 'repair', ...pushOf(repaired), env: { INPUT_PUSH: 'true' } });
  t.deepEqual(next.outputs, { result: 'ok' });
  t.is(await github.server(['rev-parse', 'main']), repaired);
});
