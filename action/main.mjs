// @ts-check
// The action's entry (action.yml runs `node action/main.mjs` in the working directory): reads
// the inputs and the event, runs the chosen mode, and exits with its status. Every failure ends
// in one annotation; nothing here needs a build, so a pinned `version` runs through npx alone.
import { check } from './check.mjs';
import { ActionMessages } from './messages.mjs';
import { repair } from './repair.mjs';
import { Runner } from './runner.mjs';
import { updateBranch } from './update-branch.mjs';

/** @type {Record<string, (runner: Runner) => number>} */
const MODES = { check, 'update-branch': updateBranch, repair };

/** Runs the action in `cwd` with `env`; returns the exit status. @param {Record<string, string | undefined>} env @param {string} cwd */
export function main(env, cwd) {
  const runner = new Runner(env, cwd, process.stdout);
  const mode = Object.hasOwn(MODES, runner.inputs.mode) ? MODES[runner.inputs.mode] : undefined;
  if (mode === undefined) return refuse(runner, ActionMessages.unknownMode(runner.inputs.mode));
  if (!runner.versionIsValid())
    return refuse(runner, ActionMessages.badVersion(runner.inputs.version));
  try {
    return mode(runner);
  } catch (error) {
    // A git or git-alembic failure the mode did not expect: one annotation, and the step fails.
    runner.annotate(
      'error',
      'git-alembic',
      ActionMessages.failed(error instanceof Error ? error.message : String(error)),
    );
    runner.output('result', 'error');
    return 1;
  }
}

/** @param {Runner} runner @param {string} message */
function refuse(runner, message) {
  runner.annotate('error', 'git-alembic', message);
  runner.output('result', 'error');
  return 2;
}

process.exitCode = main(process.env, process.cwd());
