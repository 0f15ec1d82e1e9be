// The GitHub Action's `check` mode end to end, on GitHub made local (test/helpers/action-story.ts:
// a bare origin, two developers' clones, plumbing merges as GitHub makes them, the script run in a
// shallow checkout as a runner runs it). Real Alembic judges what lands. Build first (`npm test`).
import { ActionMessages } from '../../action/messages.mjs';
import { BOTH_HEADS, GA101, PR1, PR2, story } from '../helpers/action-story.js';
import { annotations, REPOSITORY } from '../helpers/github-scenario.js';
import { scenarioTest } from '../helpers/hook-scenario.js';
import { DEV_REV, MAIN_REV } from '../helpers/scenario-checks.js';

scenarioTest(
  'action check: green alone; the second pull request fails on its merge ref once its heads file was resolved by hand, naming heads, files, parent and fix',
  async (t, python) => {
    const { github } = await story(t, python);
    const first = await github.runAction({
      mode: 'check',
      event: 'pull_request',
      payload: await github.pullPayload(PR1),
      checkout: 'refs/pull/1/merge',
    });
    t.is(first.status, 0, first.stdout);
    t.deepEqual(first.outputs, { result: 'ok' });
    t.deepEqual(annotations(first), []);
    t.is(first.summary, `${ActionMessages.CHECK_OK}\n`);

    await github.mergeButton(PR1);
    t.is(
      await github.open(PR2),
      undefined,
      'PR2 now conflicts in heads.txt: GitHub makes no merge ref',
    );
    await github.resolveInWebEditor(PR2, { 'migrations/heads.txt': BOTH_HEADS });
    t.truthy(await github.open(PR2), 'resolved by hand, it merges cleanly again');
    const second = await github.runAction({
      mode: 'check',
      event: 'pull_request',
      payload: await github.pullPayload(PR2),
      checkout: 'refs/pull/2/merge',
    });
    t.is(second.status, 1);
    t.deepEqual(second.outputs, { result: 'diverged' });
    t.deepEqual(
      annotations(second).map(([command, properties, message]) => [
        command,
        properties.replace(/,line=\d+/, ''),
        message,
      ]),
      [
        ['error', `file=migrations/versions/${MAIN_REV}_rev.py,title=GA101`, GA101],
        ['error', `file=migrations/versions/${DEV_REV}_rev.py,title=GA101`, GA101],
        [
          'error',
          'title=The Alembic history forks when this lands',
          ActionMessages.checkFailedOnPull('main', PR2.head),
        ],
      ],
    );
    t.is(second.summary, `${ActionMessages.checkFailed([GA101])}\n`);
  },
);

scenarioTest(
  'action check in a merge queue: a pull request that did not update the heads file forks the group commit',
  async (t, python) => {
    const { github } = await story(t, python, { keepHeads: false });
    const group = await github.mergeGroup([PR1, PR2]);
    const payload = {
      merge_group: {
        head_sha: group.sha,
        head_ref: `refs/heads/${group.ref}`,
        base_ref: 'refs/heads/main',
      },
      repository: { full_name: REPOSITORY },
    };
    const run = await github.runAction({
      mode: 'check',
      event: 'merge_group',
      payload,
      checkout: `refs/heads/${group.ref}`,
    });
    t.is(run.status, 1);
    t.is(run.outputs['result'], 'diverged');
    const found = annotations(run);
    t.true(
      found.some(
        ([, properties, message]) =>
          properties.startsWith(`file=migrations/versions/${MAIN_REV}_rev.py,`) &&
          message === GA101,
      ),
    );
    t.deepEqual(found.at(-1), [
      'error',
      'title=The Alembic history forks when this lands',
      ActionMessages.checkFailedInQueue('main'),
    ]);
  },
);
