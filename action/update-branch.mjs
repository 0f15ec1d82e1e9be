// @ts-check
// Mode `update-branch` (pull_request, workflow_dispatch). Two steps on the pull request's branch:
// 1. When merging the base into it would fork the Alembic history or conflict in a heads file
//    (what GitHub's merge button and conflict editor cannot get right), `git-alembic merge-branch
//    origin/<base>`: decided by comparing with a plain merge (`git merge-tree`, no driver, as on
//    GitHub's servers). Other conflicts are only annotated.
// 2. When the branch's history is forked anyway (its author resolved the heads file in GitHub's
//    web editor, or pressed "Update branch"), the merge revision in a commit on top.
// Then it pushes; a fork's branch cannot be pushed to, so that gets the exact commands instead.
// GitHub runs no pull_request workflow while a pull request conflicts: a heads-file conflict is
// handled once its author resolves it in the web editor (step 2), or by running this by hand.
import {
  checkReport,
  commitFiles,
  describe,
  diverged,
  writeMergeRevisions,
} from './alembic-steps.mjs';
import { fetchWhole, isBranchName, plainMerge, pushHead } from './git-steps.mjs';
import { ActionMessages, shellWords } from './messages.mjs';

/** @typedef {import('./runner.mjs').Runner} Runner */
/** @typedef {{ head: string, base: string, source: string, tracking: string, fork: boolean, url: string }} Target */
/** @typedef {{ outcome: 'in-head' | 'not-needed' | 'merged' | 'conflicts', conflicted: boolean }} BaseMerge */

/** Runs update-branch; returns the step's exit status. @param {Runner} runner */
export function updateBranch(runner) {
  const target = targetOf(runner);
  if (typeof target === 'string') {
    runner.annotate('error', 'git-alembic update-branch', target);
    return runner.finish('error', undefined, 2);
  }
  fetchWhole(runner, [
    `+refs/heads/${target.base}:refs/remotes/origin/${target.base}`,
    `+${target.source}:${target.tracking}`,
  ]);
  runner.gitOutput(['checkout', '--quiet', '-B', target.head, target.tracking]);
  const start = runner.gitOutput(['rev-parse', 'HEAD']).trim();
  const merge = mergeBase(runner, target, start);
  if (merge.outcome === 'conflicts') return conflictsElsewhere(runner, target);
  const fixed = fixDivergence(runner, target.head, start);
  if (runner.gitOutput(['rev-parse', 'HEAD']).trim() === start) {
    return runner.finish(
      merge.outcome === 'in-head' ? 'up-to-date' : 'not-needed',
      ActionMessages.nothingToUpdate(target.head, target.base, merge.outcome === 'in-head'),
    );
  }
  const what = ActionMessages.updateReason(merge.outcome === 'merged', merge.conflicted);
  if (target.fork) {
    runner.gitOutput(['reset', '--quiet', '--hard', start]);
    const commands = forkCommands(target, merge.outcome === 'merged', fixed);
    runner.annotate(
      'error',
      ActionMessages.FORK_TITLE,
      ActionMessages.forkAdvice(target.head, target.base, what, commands),
    );
    return runner.finish(
      'fork',
      ActionMessages.forkAdvice(target.head, target.base, what, commands),
      1,
    );
  }
  const sha = runner.gitOutput(['rev-parse', 'HEAD']).trim();
  if (!pushHead(runner, target.head, 'update-branch')) return runner.finish('error', undefined, 1);
  runner.output('merge-commit', sha);
  return runner.finish('pushed', ActionMessages.pushed(target.head, target.base, what, sha));
}

// Step 1: the base merged in with git-alembic, kept only where a plain merge would go wrong.
/** @param {Runner} runner @param {Target} target @param {string} start @returns {BaseMerge} */
function mergeBase(runner, target, start) {
  const base = `refs/remotes/origin/${target.base}`;
  if (runner.git(['merge-base', '--is-ancestor', base, 'HEAD']).status === 0)
    return { outcome: 'in-head', conflicted: false };
  const plain = plainMerge(runner, 'HEAD', base);
  const merge = runner.gitAlembic(['merge-branch', `origin/${target.base}`], runner.identity());
  runner.echo(merge);
  if (merge.status === 1) return { outcome: 'conflicts', conflicted: plain.conflicted };
  if (merge.status !== 0)
    throw new Error(ActionMessages.stepFailed(`merge-branch origin/${target.base}`, merge.status));
  // With "onMerge": "stage" merge-branch leaves the merge revision staged, as the hook does; here
  // it belongs in the merge commit (amend is allowed: the merge is concluded, MERGE_HEAD is gone).
  if (runner.git(['diff', '--cached', '--quiet']).status !== 0) {
    const amend = runner.git(
      ['commit', '--quiet', '--amend', '--no-edit', '--no-verify'],
      runner.identity(),
    );
    if (amend.status !== 0) throw new Error(`git commit --amend failed: ${amend.stderr.trim()}`);
  }
  if (plain.conflicted || runner.gitOutput(['rev-parse', 'HEAD^{tree}']).trim() !== plain.tree)
    return { outcome: 'merged', conflicted: plain.conflicted };
  runner.gitOutput(['reset', '--quiet', '--hard', start]);
  return { outcome: 'not-needed', conflicted: false };
}

// Step 2: a history forked on the branch itself gets its merge revision in a commit on top.
/** @param {Runner} runner @param {string} head @param {string} start @returns {{ files: string[], commands: string[] } | undefined} */
function fixDivergence(runner, head, start) {
  const report = checkReport(runner);
  if (!diverged(report)) return undefined;
  const written = writeMergeRevisions(runner);
  const body = ActionMessages.commitBody(
    head,
    start.slice(0, 12),
    report.findings.map(describe),
    written.files,
  );
  commitFiles(runner, ActionMessages.commitSubject(head), body, written.files);
  return written;
}

// What the author of a fork's pull request runs in their clone to do the same.
/** @param {Target} target @param {boolean} merged @param {{ files: string[], commands: string[] } | undefined} fixed */
function forkCommands(target, merged, fixed) {
  const commands = [`git switch ${target.head}`];
  if (merged)
    commands.push(
      `git fetch ${target.url} ${target.base}`,
      'npx git-alembic merge-branch FETCH_HEAD',
    );
  if (fixed !== undefined)
    commands.push(
      ...fixed.commands,
      `git add ${shellWords(fixed.files)}`,
      `git commit -m ${shellWords([ActionMessages.commitSubject(target.head)])}`,
    );
  return [...commands, 'git push'];
}

// What to update, from the event; a string says why there is nothing this mode can do.
/** @param {Runner} runner @returns {Target | string} */
function targetOf(runner) {
  const { payload, eventName, env } = runner;
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  if (eventName === 'pull_request' && payload.pull_request) {
    const pull = payload.pull_request;
    const fork = pull.head.repo === null || pull.head.repo?.full_name !== pull.base.repo?.full_name;
    const number = Number(pull.number);
    // A fork's branch is not in origin; GitHub keeps it as refs/pull/<n>/head there.
    const source = fork ? `refs/pull/${number}/head` : `refs/heads/${pull.head.ref}`;
    const tracking = fork
      ? `refs/remotes/pull/${number}/head`
      : `refs/remotes/origin/${pull.head.ref}`;
    return checked(runner, {
      head: pull.head.ref,
      base: pull.base.ref,
      source,
      tracking,
      fork,
      url: `${server}/${pull.base.repo?.full_name}.git`,
    });
  }
  if (eventName === 'workflow_dispatch' && String(env['GITHUB_REF']).startsWith('refs/heads/')) {
    const head = String(env['GITHUB_REF']).slice('refs/heads/'.length);
    const base = payload.repository?.default_branch;
    const url = `${server}/${env['GITHUB_REPOSITORY']}.git`;
    return checked(runner, {
      head,
      base,
      source: `refs/heads/${head}`,
      tracking: `refs/remotes/origin/${head}`,
      fork: false,
      url,
    });
  }
  return ActionMessages.wrongEvent(
    'update-branch',
    eventName,
    'pull_request (and workflow_dispatch on a branch)',
  );
}

/** @param {Runner} runner @param {Target} target @returns {Target | string} */
function checked(runner, target) {
  for (const name of [target.head, target.base])
    if (!isBranchName(runner, name)) return ActionMessages.badBranch(String(name));
  // A fork's `main` may well ask to go into `main`; the same branch of one repository cannot.
  if (!target.fork && target.head === target.base) return ActionMessages.sameBranch(target.head);
  return target;
}

// merge-branch stopped: conflicts outside the heads files are the author's to resolve.
/** @param {Runner} runner @param {Target} target */
function conflictsElsewhere(runner, target) {
  const files = runner
    .gitOutput(['diff', '--name-only', '-z', '--diff-filter=U'])
    .split('\0')
    .filter((file) => file !== '');
  runner.gitOutput(['merge', '--abort']);
  const advice = ActionMessages.conflictsElsewhere(target.head, target.base, files);
  runner.annotate('warning', ActionMessages.CONFLICTS_TITLE, advice);
  return runner.finish('conflicts', `**git-alembic update-branch:** ${advice}`, 0);
}
