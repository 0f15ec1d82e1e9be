// The GitHub Action's `repair` mode end to end, on GitHub made local (test/helpers/action-story.ts:
// a bare origin, two developers' clones, plumbing merges as GitHub makes them, the script run in a
// shallow checkout as a runner runs it). Real Alembic judges what lands. Build first (`npm test`).
import { assertMainWhole, forkedMain, pushOf } from '../helpers/action-story.js';
import { REPOSITORY } from '../helpers/github-scenario.js';
import { scenarioTest } from '../helpers/hook-scenario.js';
import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import {
  DEV_REV,
  MAIN_REV,
  mergeRevisionIn,
  parents,
  revisionIdOf,
} from '../helpers/scenario-checks.js';

scenarioTest(
  'action repair after a heads file resolved by hand in the web editor landed: a pull request with the merge revision a developer would write; proposed once',
  async (t, python) => {
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
    t.deepEqual(call?.args.slice(0, 10), [
      'pr',
      'create',
      '--repo',
      REPOSITORY,
      '--base',
      'main',
      '--head',
      head,
      '--title',
      'Merge Alembic heads on main',
    ]);
    t.is(call?.token, 'ghs_test_token');
    await scenario.git(['fetch', '-q', 'origin']);
    t.deepEqual(await parents(scenario, `origin/${head}`), [main]);
    // Alice, with the whole history, writes the same file byte for byte.
    await scenario.git(['checkout', '-q', '--detach', 'origin/main']);
    await scenario.bin(['merge', '-q']);
    const proposed = await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV], `origin/${head}`);
    t.is(
      await scenario.repo.read(proposed?.file ?? ''),
      proposed?.text ?? 'none',
      'the same path and bytes',
    );
    t.is(
      (await scenario.git(['show', `origin/${head}:migrations/heads.txt`])).stdout,
      `${HEADS_FILE_COMMENT}\n${revisionIdOf(proposed?.text)}\n`,
    );
    await assertMainWhole(t, forked, 'proposed', `origin/${head}`);

    const again = await github.runAction({ mode: 'repair', ...pushOf(main) });
    t.is(again.status, 0, again.stdout);
    t.deepEqual(again.outputs, { result: 'exists' });
    t.deepEqual(again.gh, []);
  },
);

scenarioTest(
  'action repair with push: true commits the merge revision onto main; the next run finds nothing to repair',
  async (t, python) => {
    const forked = await forkedMain(t, python);
    const { github } = forked;
    const main = await github.server(['rev-parse', 'main']);
    const run = await github.runAction({
      mode: 'repair',
      ...pushOf(main),
      env: { INPUT_PUSH: 'true' },
    });
    t.is(run.status, 0, run.stdout);
    const repaired = await github.server(['rev-parse', 'main']);
    t.deepEqual(run.outputs, { 'merge-commit': repaired, result: 'pushed' });
    t.is(await github.server(['rev-parse', 'main^']), main);
    t.deepEqual(run.gh, []);
    await assertMainWhole(t, forked, 'after');
    const next = await github.runAction({
      mode: 'repair',
      ...pushOf(repaired),
      env: { INPUT_PUSH: 'true' },
    });
    t.deepEqual(next.outputs, { result: 'ok' });
    t.is(await github.server(['rev-parse', 'main']), repaired);
  },
);
