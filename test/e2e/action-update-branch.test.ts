// The GitHub Action's `update-branch` mode end to end, on GitHub made local (test/helpers/action-story.ts:
// a bare origin, two developers' clones, plumbing merges as GitHub makes them, the script run in a
// shallow checkout as a runner runs it). Real Alembic judges what lands. Build first (`npm test`).
import { ActionMessages } from '../../action/messages.mjs';
import {
  assertMainWhole,
  BOB,
  BOTH_HEADS,
  dispatch,
  PR1,
  PR2,
  story,
} from '../helpers/action-story.js';
import { annotations } from '../helpers/github-scenario.js';
import { assertAlembicWhole, scenarioTest } from '../helpers/hook-scenario.js';
import { DEV_REV, MAIN_REV, mergeRevisionIn, revisionIdOf } from '../helpers/scenario-checks.js';

scenarioTest(
  'action update-branch, run by hand on a pull request whose heads file conflicts: merges main with the driver and pushes; then it lands whole',
  async (t, python) => {
    const story2 = await story(t, python);
    const { github } = story2;
    await github.mergeButton(PR1);
    t.is(await github.open(PR2), undefined);
    const before = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    const run = await github.runAction({ mode: 'update-branch', ...dispatch(PR2.head) });
    t.is(run.status, 0, run.stdout);
    const pushed = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    t.deepEqual(run.outputs, { 'merge-commit': pushed, result: 'pushed' });
    t.deepEqual((await github.server(['log', '-1', '--format=%P%n%s', pushed])).split('\n'), [
      `${before} ${await github.server(['rev-parse', 'main'])}`,
      "Merge remote-tracking branch 'origin/main' into feature-b",
    ]);
    t.regex(
      run.summary,
      /merging the base conflicts in the Alembic heads file, which git-alembic merges; pushed/,
    );
    t.truthy(await github.open(PR2), 'no conflict any more');
    await github.mergeButton(PR2);
    await assertMainWhole(t, story2, 'after');
  },
);

scenarioTest(
  'action update-branch with "onMerge": "stage" in the config: the merge revision still goes into the pushed merge commit',
  async (t, python) => {
    const story2 = await story(t, python, { keepHeads: false }, '{ "onMerge": "stage" }\n');
    const { github } = story2;
    await github.mergeButton(PR1);
    const before = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    const run = await github.runAction({
      mode: 'update-branch',
      event: 'pull_request',
      payload: await github.pullPayload(PR2),
      checkout: 'refs/pull/2/merge',
    });
    t.is(run.status, 0, run.stdout);
    t.is(run.outputs['result'], 'pushed');
    const pushed = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    t.is(
      await github.server(['rev-parse', `${pushed}^1`]),
      before,
      'one merge commit, the merge revision inside',
    );
    t.regex(
      run.summary,
      /merging the base leaves two heads on one branch of the Alembic history, which the merge revision joins; pushed/,
    );
    await github.open(PR2);
    await github.mergeButton(PR2);
    await assertMainWhole(t, story2, 'after');
  },
);

scenarioTest(
  'action update-branch on pull_request after the web editor resolved the heads file by hand: the merge revision on top, pushed',
  async (t, python) => {
    const story2 = await story(t, python);
    const { github } = story2;
    await github.mergeButton(PR1);
    await github.resolveInWebEditor(PR2, { 'migrations/heads.txt': BOTH_HEADS });
    await github.open(PR2);
    const resolved = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    const run = await github.runAction({
      mode: 'update-branch',
      event: 'pull_request',
      payload: await github.pullPayload(PR2),
      checkout: 'refs/pull/2/merge',
    });
    t.is(run.status, 0, run.stdout);
    t.is(run.outputs['result'], 'pushed');
    const pushed = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    t.is(
      await github.server(['rev-parse', `${pushed}^`]),
      resolved,
      'one commit on top of the branch',
    );
    t.is(
      await github.server(['log', '-1', '--format=%s', pushed]),
      `Merge Alembic heads on ${PR2.head}`,
    );
    t.regex(run.summary, /web conflict editor/);
    await github.open(PR2);
    await github.mergeButton(PR2);
    await assertMainWhole(t, story2, 'after');
  },
);

scenarioTest(
  'action update-branch on a pull request from a fork: nothing pushed, the exact commands annotated; they work',
  async (t, python) => {
    const { scenario, github, pr2 } = await story(t, python, { fork: true, keepHeads: false });
    await github.mergeButton(PR1);
    await github.open(pr2);
    const refs = await github.server(['for-each-ref', '--format=%(refname) %(objectname)']);
    const run = await github.runAction({
      mode: 'update-branch',
      event: 'pull_request',
      payload: await github.pullPayload(pr2),
      checkout: 'refs/pull/2/merge',
    });
    t.is(run.status, 1);
    t.is(run.outputs['result'], 'fork');
    t.is(
      await github.server(['for-each-ref', '--format=%(refname) %(objectname)']),
      refs,
      'nothing pushed',
    );
    const [annotation] = annotations(run);
    const commands = [
      'git switch feature-b',
      `git fetch ${github.url} main`,
      'npx git-alembic merge-branch FETCH_HEAD',
      'git push',
    ];
    t.deepEqual(annotation, [
      'error',
      'title=Update this pull request from your fork',
      ActionMessages.forkAdvice(
        PR2.head,
        'main',
        ActionMessages.updateReason(true, false),
        commands,
      ),
    ]);
    // Bob runs them (npx git-alembic is the built CLI here; the push would go to his fork).
    for (const command of commands.slice(0, -1)) {
      const [program = '', ...args] = command.split(' ');
      if (program === 'npx') await scenario.bin(args.slice(1), { cwd: BOB });
      else await scenario.git(args, { cwd: BOB });
    }
    t.not(
      revisionIdOf(
        (await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV], 'HEAD', { root: BOB }))?.text,
      ),
      '',
    );
    await assertAlembicWhole(t, scenario, BOB);
  },
);

scenarioTest(
  'action update-branch: conflicts outside the heads files are annotated only; a clean merge needs nothing; a branch with main already in it is up to date',
  async (t, python) => {
    const { scenario, github } = await story(t, python, { readme: 'bob\n' });
    await github.mergeButton(PR1);
    const before = await github.server(['rev-parse', `refs/heads/${PR2.head}`]);
    const conflicted = await github.runAction({ mode: 'update-branch', ...dispatch(PR2.head) });
    t.is(conflicted.status, 0, conflicted.stdout);
    t.is(conflicted.outputs['result'], 'conflicts');
    t.deepEqual(annotations(conflicted).at(-1), [
      'warning',
      'title=Conflicts outside the Alembic heads files',
      ActionMessages.conflictsElsewhere(PR2.head, 'main', ['README.md']),
    ]);
    t.is(await github.server(['rev-parse', `refs/heads/${PR2.head}`]), before);

    // A docs-only branch from before PR1: merging main into it is git's business alone.
    await scenario.git([
      'checkout',
      '-q',
      '-b',
      'docs',
      `${await github.server(['rev-parse', 'main^1'])}`,
    ]);
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
    t.is(
      await github.server(['rev-parse', 'refs/heads/docs']),
      (await scenario.git(['rev-parse', 'docs'])).stdout.trim(),
      'nothing pushed',
    );
  },
);
