// @ts-check
// Mode `repair` (push to the default branch; workflow_dispatch): when the pushed commit has a
// forked Alembic history, as after a heads-file conflict resolved by hand in GitHub's web editor
// or two pull requests merged without the heads file, write the merge revision (the same file a
// developer's merge writes), bring stale heads files up to date, commit, and either push to the
// branch (`push: true`) or open a pull request with `gh`. The pull request's branch is named
// after what it adds, so a second run proposes nothing twice.
import { createHash } from 'node:crypto';

import { checkReport, commitFiles, describe, writeMergeRevisions } from './alembic-steps.mjs';
import { fetchWhole, isBranchName, pushHead } from './git-steps.mjs';
import { ActionMessages } from './messages.mjs';

/** @typedef {import('./runner.mjs').Runner} Runner */

/** Runs repair; returns the step's exit status. @param {Runner} runner */
export function repair(runner) {
  const branch = branchOf(runner);
  if (!isBranchName(runner, branch)) {
    runner.annotate(
      'error',
      'git-alembic repair',
      ActionMessages.wrongEvent(
        'repair',
        runner.eventName,
        'push to a branch (and workflow_dispatch on a branch)',
      ),
    );
    return runner.finish('error', undefined, 2);
  }
  fetchWhole(runner, [`+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
  const sha = runner.gitOutput(['rev-parse', 'HEAD']).trim();
  const report = checkReport(runner);
  if (report.ok) return runner.finish('ok', ActionMessages.repairNothing(branch, sha.slice(0, 12)));
  const { files } = writeMergeRevisions(runner);
  commitFiles(
    runner,
    ActionMessages.commitSubject(branch),
    ActionMessages.commitBody(branch, sha.slice(0, 12), report.findings.map(describe), files),
    files,
  );
  return runner.inputs.push ? pushToBranch(runner, branch) : propose(runner, branch, files);
}

/** @param {Runner} runner @returns {string | undefined} */
function branchOf(runner) {
  const ref = runner.env['GITHUB_REF'] ?? '';
  if (
    (runner.eventName === 'push' || runner.eventName === 'workflow_dispatch') &&
    ref.startsWith('refs/heads/')
  )
    return ref.slice('refs/heads/'.length);
  return undefined;
}

/** @param {Runner} runner @param {string} branch */
function pushToBranch(runner, branch) {
  const sha = runner.gitOutput(['rev-parse', 'HEAD']).trim();
  if (!pushHead(runner, branch, 'repair')) return runner.finish('error', undefined, 1);
  runner.output('merge-commit', sha);
  return runner.finish('pushed', ActionMessages.repairedPushed(branch, sha));
}

// A branch named after the files and bytes it adds, pushed, and a pull request for it.
/** @param {Runner} runner @param {string} branch @param {readonly string[]} files */
function propose(runner, branch, files) {
  const added = runner.gitOutput([
    '--literal-pathspecs',
    'ls-tree',
    '-r',
    '--full-tree',
    'HEAD',
    '--',
    ...files,
  ]);
  const name = `git-alembic/merge-heads-${createHash('sha256').update(added).digest('hex').slice(0, 12)}`;
  if (
    runner.git(['ls-remote', '--exit-code', '--heads', 'origin', `refs/heads/${name}`]).status === 0
  )
    return runner.finish('exists', ActionMessages.repairExists(name));
  if (!pushHead(runner, name, 'repair')) return runner.finish('error', undefined, 1);
  const body = runner.gitOutput(['log', '-1', '--format=%b']).trim();
  const repository = runner.env['GITHUB_REPOSITORY'];
  const title = ActionMessages.commitSubject(branch);
  const created = runner.run('gh', [
    'pr',
    'create',
    ...(repository ? ['--repo', repository] : []),
    '--base',
    branch,
    '--head',
    name,
    '--title',
    title,
    '--body',
    body,
  ]);
  runner.echo(created);
  if (created.status !== 0) return runner.finish('error', undefined, 1);
  const url = created.stdout.trim().split('\n').at(-1) ?? '';
  runner.output('pull-request', url);
  return runner.finish('pull-request', ActionMessages.repairProposed(branch, url));
}
