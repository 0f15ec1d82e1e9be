// @ts-check
// The git-alembic steps the writing modes share: read `check --format json`, and fix a forked
// history in the checkout (`merge`, then `heads --write` where a heads file in use went stale)
// and commit exactly the files that wrote. The merge revision is the one a developer's
// `git-alembic merge` writes: same path, same bytes.
import { changedPaths } from './git-steps.mjs';
import { ActionMessages } from './messages.mjs';

/** @typedef {import('./runner.mjs').Runner} Runner */
/** @typedef {{ id: string, environment: string, message: string }} Finding */
/** @typedef {{ ok: boolean, findings: Finding[] }} CheckReport */

// Stale or missing heads files: `heads --write` fixes them, in environments that use one.
const HEADS_FILE_FINDINGS = new Set(['GA201', 'GA202']);

/** `git-alembic check --format json` in the working directory. @param {Runner} runner @returns {CheckReport} */
export function checkReport(runner) {
  const result = runner.gitAlembic(['check', '--format', 'json']);
  if (result.status !== 0 && result.status !== 1) {
    runner.echo(result);
    throw new Error(ActionMessages.checkError(result.status));
  }
  return JSON.parse(result.stdout);
}

/** Whether the report has a divergence (GA101). @param {CheckReport} report */
export function diverged(report) {
  return report.findings.some((finding) => finding.id === 'GA101');
}

/** A finding as one line. @param {Finding} finding */
export function describe(finding) {
  return `${finding.id} ${finding.environment}: ${finding.message}`;
}

/**
 * Writes the merge revisions (and brings stale heads files up to date); returns the files it
 * wrote and the commands that did it, for a person to repeat. Throws when the result still fails `check`.
 * @param {Runner} runner
 * @returns {{ files: string[], commands: string[] }}
 */
export function writeMergeRevisions(runner) {
  const untouched = changedPaths(runner);
  const commands = ['npx git-alembic merge'];
  step(runner, ['merge']);
  if (checkReport(runner).findings.some((finding) => HEADS_FILE_FINDINGS.has(finding.id))) {
    commands.push('npx git-alembic heads --write');
    step(runner, ['heads', '--write']);
  }
  const after = checkReport(runner);
  if (!after.ok) throw new Error(ActionMessages.unrepaired(after.findings.map(describe)));
  return {
    files: [...changedPaths(runner)].filter((file) => !untouched.has(file)).sort(),
    commands,
  };
}

/** @param {Runner} runner @param {readonly string[]} args */
function step(runner, args) {
  const result = runner.gitAlembic(args);
  runner.echo(result);
  if (result.status !== 0)
    throw new Error(ActionMessages.stepFailed(args.join(' '), result.status));
}

/**
 * Commits `files` alone (hooks skipped: a CI checkout has none of its own to honour).
 * @param {Runner} runner
 * @param {string} subject
 * @param {string} body
 * @param {readonly string[]} files
 */
export function commitFiles(runner, subject, body, files) {
  const paths = files.map((file) => `:(top,literal)${file}`);
  runner.gitOutput(['add', '--', ...paths]);
  const result = runner.git(
    ['commit', '--quiet', '--no-verify', '-m', subject, '-m', body, '--', ...paths],
    runner.identity(),
  );
  if (result.status !== 0) throw new Error(`git commit failed: ${result.stderr.trim()}`);
}
