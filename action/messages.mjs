// @ts-check
// What the action prints: annotations, job-summary lines and commit messages. Commands in them
// are exact, so a person can copy them into a terminal.

/** `a`, `a and b`, `a, b and c`. @param {readonly string[]} items */
const list = (items) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

// POSIX sh quoting for paths in the commands shown to people.
const SAFE_WORD = /^[A-Za-z0-9_./@%+=:,-]+$/;
/** Words as one sh command line. @param {readonly string[]} words */
export const shellWords = (words) =>
  words.map((word) => (SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');

export const ActionMessages = {
  /** @param {string} mode */
  unknownMode: (mode) => `unknown mode '${mode}': use check, update-branch or repair`,
  /** @param {string} version */
  badVersion: (version) => `version '${version}' is not an npm version or dist-tag`,
  /** @param {string} mode @param {string} event @param {string} events */
  wrongEvent: (mode, event, events) => `mode ${mode} runs on ${events}, not on ${event}`,
  /** @param {string} name */
  badBranch: (name) => `'${name}' is not a branch name git accepts`,
  /** @param {string} name */
  sameBranch: (name) =>
    `${name} is the default branch itself; update-branch brings the default branch into another branch`,
  /** @param {string} head @param {string} landing */
  notLanding: (head, landing) =>
    `the workflow checked out ${head}, not ${landing}, the commit that will land; check that one (actions/checkout without a ref does)`,
  /** @param {string} detail */
  failed: (detail) => `git-alembic action failed: ${detail}`,
  /** @param {number} status */
  checkError: (status) =>
    `git-alembic check could not read the project (exit ${status}; see its message above)`,
  /** @param {string} command @param {number} status */
  stepFailed: (command, status) =>
    `git-alembic ${command} failed (exit ${status}; see its message above)`,

  // ---- check ----------------------------------------------------------------------------
  CHECK_OK: '**git-alembic check:** every Alembic environment has one head per branch.',
  /** @param {readonly string[]} findings */
  checkFailed: (findings) =>
    ['**git-alembic check failed:**', '', ...findings.map((finding) => `- ${finding}`)].join('\n'),
  CHECK_TITLE: 'The Alembic history forks when this lands',
  /** @param {string} base @param {string} head */
  checkFailedOnPull: (base, head) =>
    `Merging this pull request into ${base} leaves two heads on one branch of the Alembic history (see the annotations on the revision files). ` +
    `Fix it on ${head}: git fetch origin ${base} && npx git-alembic merge-branch origin/${base} && git push ` +
    '(or let the git-alembic action do it: mode update-branch).',
  /** @param {string} base */
  checkFailedInQueue: (base) =>
    `This merge group leaves two heads on one branch of the Alembic history in ${base} (see the annotations on the revision files). ` +
    `Take the pull request out of the queue, bring ${base} into it (git fetch origin ${base} && npx git-alembic merge-branch origin/${base} && git push), and queue it again.`,

  // ---- update-branch --------------------------------------------------------------------
  /** @param {string} head @param {string} base @param {boolean} inHead */
  nothingToUpdate: (head, base, inHead) =>
    inHead
      ? `**git-alembic update-branch:** ${head} already contains ${base} and its Alembic history is whole; nothing to do.`
      : `**git-alembic update-branch:** merging ${base} into ${head} needs nothing from git-alembic (git merges it cleanly and the Alembic history stays whole); nothing pushed.`,
  /** @param {boolean} merged @param {boolean} conflicted */
  updateReason: (merged, conflicted) =>
    !merged
      ? 'its Alembic history has two heads on one branch (a merge made without git-alembic, such as in the web conflict editor or by the Update branch button), so the merge revision goes on top'
      : conflicted
        ? 'merging the base conflicts in the Alembic heads file, which git-alembic merges'
        : 'merging the base leaves two heads on one branch of the Alembic history, which the merge revision joins',
  /** @param {string} head @param {string} base @param {string} why @param {string} sha */
  pushed: (head, base, why, sha) =>
    `**git-alembic update-branch:** ${head} (base ${base}): ${why}; pushed ${sha}.`,
  CONFLICTS_TITLE: 'Conflicts outside the Alembic heads files',
  /** @param {string} head @param {string} base @param {readonly string[]} files */
  conflictsElsewhere: (head, base, files) =>
    `Merging ${base} into ${head} conflicts in ${list(files)}, which git-alembic leaves to you. In your clone: ` +
    `git switch ${head} && git fetch origin ${base} && npx git-alembic merge-branch origin/${base}; resolve the conflicts and git add them; ` +
    'npx git-alembic merge, git add its file (the pre-commit hook does both where git-alembic is set up), git commit; git push.',
  FORK_TITLE: 'Update this pull request from your fork',
  /** @param {string} head @param {string} base @param {string} why @param {readonly string[]} commands */
  forkAdvice: (head, base, why, commands) =>
    `${head} (base ${base}): ${why}. This workflow cannot push to a fork; run in your clone of the fork:\n${commands.map((command) => `\n    ${command}`).join('')}`,
  /** @param {string} branch @param {string} detail */
  pushFailed: (branch, detail) =>
    `could not push to ${branch} (${detail}); has it moved, or is it protected?`,

  // ---- repair ---------------------------------------------------------------------------
  /** @param {string} branch @param {string} sha */
  repairNothing: (branch, sha) =>
    `**git-alembic repair:** ${branch} at ${sha} has one head per branch in every Alembic environment; nothing to repair.`,
  /** @param {string} branch */
  commitSubject: (branch) => `Merge Alembic heads on ${branch}`,
  /** @param {string} branch @param {string} sha @param {readonly string[]} findings @param {readonly string[]} files */
  commitBody: (branch, sha, findings, files) =>
    [
      `Created by the git-alembic action: ${branch} at ${sha} had`,
      ...findings.map((finding) => `- ${finding}`),
      '',
      `Adds ${list(files)}.`,
    ].join('\n'),
  /** @param {string} branch @param {string} sha */
  repairedPushed: (branch, sha) =>
    `**git-alembic repair:** pushed ${sha} to ${branch}, with the merge revision.`,
  /** @param {string} branch @param {string} url */
  repairProposed: (branch, url) =>
    `**git-alembic repair:** opened ${url} to add the merge revision to ${branch}.`,
  /** @param {string} name */
  repairExists: (name) =>
    `**git-alembic repair:** ${name} already proposes this merge revision; nothing pushed.`,
  /** @param {readonly string[]} findings */
  unrepaired: (findings) => `git-alembic could not repair this: ${list(findings)}`,
};
