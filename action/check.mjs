// @ts-check
// Mode `check`: `git-alembic check --format github` on what the workflow checked out, which on
// `pull_request` is GitHub's test merge of the pull request into its base (refs/pull/N/merge) and
// on `merge_group` the queue's commit: the commit that will land. Findings become annotations on
// the revision files; a divergence also gets one annotation saying how to fix the pull request.
import { ActionMessages } from './messages.mjs';

/** @typedef {import('./runner.mjs').Runner} Runner */

/** Runs the check; returns the step's exit status. @param {Runner} runner */
export function check(runner) {
  warnIfNotLanding(runner);
  const result = runner.gitAlembic(['check', '--format', 'github']);
  runner.echo(result);
  if (result.status === 0) return runner.finish('ok', ActionMessages.CHECK_OK);
  if (result.status !== 1) return runner.finish('error', undefined, result.status);
  const advice = adviceFor(runner);
  if (advice !== undefined) runner.annotate('error', ActionMessages.CHECK_TITLE, advice);
  return runner.finish('diverged', ActionMessages.checkFailed(findingsOf(result.stdout)), 1);
}

// The message of each finding once (check prints one annotation per file a finding involves).
/** @param {string} annotations @returns {string[]} */
export function findingsOf(annotations) {
  const messages = annotations.split('\n').flatMap((line) => {
    const match = /^::(?:error|warning)[^:]*::(.*)$/.exec(line);
    return match?.[1] === undefined ? [] : [unescapeData(match[1])];
  });
  return [...new Set(messages)];
}

/** @param {string} text */
function unescapeData(text) {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

// How to fix the pull request (or the queued one) that forks the history.
/** @param {Runner} runner @returns {string | undefined} */
function adviceFor(runner) {
  const { payload, eventName } = runner;
  if (eventName.startsWith('pull_request') && payload.pull_request) {
    return ActionMessages.checkFailedOnPull(
      payload.pull_request.base.ref,
      payload.pull_request.head.ref,
    );
  }
  if (eventName === 'merge_group' && payload.merge_group)
    return ActionMessages.checkFailedInQueue(
      String(payload.merge_group.base_ref).replace(/^refs\/heads\//, ''),
    );
  return undefined;
}

// On pull_request and merge_group GITHUB_SHA is the commit that will land; a checkout of
// something else (`ref: head_ref`) checks a commit that never lands.
/** @param {Runner} runner */
function warnIfNotLanding(runner) {
  const landing = runner.env['GITHUB_SHA'];
  if (
    landing === undefined ||
    !(runner.eventName.startsWith('pull_request') || runner.eventName === 'merge_group')
  )
    return;
  const head = runner.git(['rev-parse', 'HEAD']).stdout.trim();
  if (head !== '' && head !== landing) {
    runner.annotate('warning', 'git-alembic check', ActionMessages.notLanding(head, landing));
  }
}
