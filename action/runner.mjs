// @ts-check
// The GitHub Actions side of the action: its inputs, the event payload, outputs, the step
// summary, annotations, and the processes it runs (git, gh, git-alembic), all with argv arrays.
// Plain JavaScript, type-checked, so the action runs without a build when `version` is given.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ readonly status: number, readonly stdout: string, readonly stderr: string }} Result */
/** @typedef {Readonly<Record<string, string | undefined>>} Environment */

/**
 * @typedef {object} Inputs
 * @property {string} mode
 * @property {boolean} push
 * @property {string} version
 * @property {string} token
 */

// The identity of GitHub's own bot, for commits when the workflow set none.
const BOT = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};
// A git-alembic version or dist-tag as npm takes it; anything else is refused rather than passed to npx.
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/** What one run of the action works with. */
export class Runner {
  /**
   * @param {Environment} env the process environment (INPUT_* variables and GitHub's own)
   * @param {string} cwd the working directory (the `working-directory` input)
   * @param {{ write(text: string): unknown }} stdout where workflow commands and logs go
   */
  constructor(env, cwd, stdout) {
    this.env = env;
    this.cwd = cwd;
    this.stdout = stdout;
    /** @type {Inputs} */
    this.inputs = {
      mode: env['INPUT_MODE'] || 'check',
      push: env['INPUT_PUSH'] === 'true',
      version: (env['INPUT_VERSION'] ?? '').trim(),
      token: env['INPUT_TOKEN'] ?? '',
    };
    this.eventName = env['GITHUB_EVENT_NAME'] ?? '';
    /** @type {any} the webhook payload, as GitHub wrote it */
    this.payload = env['GITHUB_EVENT_PATH']
      ? JSON.parse(readFileSync(env['GITHUB_EVENT_PATH'], 'utf8'))
      : {};
    /** @type {Environment} the environment of every process started: git authenticated with `token` */
    this.processEnv = {
      ...env,
      ...(this.inputs.token === '' ? {} : { GH_TOKEN: this.inputs.token }),
      ...authentication(this.inputs.token, env['GITHUB_SERVER_URL'], (secret) =>
        this.command('add-mask', secret),
      ),
    };
  }

  /** Whether `version` names a release the action may fetch with npx. */
  versionIsValid() {
    return this.inputs.version === '' || VERSION.test(this.inputs.version);
  }

  /**
   * Runs a program and returns how it ended (never throws on a non-zero status).
   * @param {string} program
   * @param {readonly string[]} args
   * @param {Environment} [extra]
   * @returns {Result}
   */
  run(program, args, extra = {}) {
    const result = spawnSync(program, [...args], {
      cwd: this.cwd,
      env: { ...this.processEnv, ...extra },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error)
      return { status: 127, stdout: '', stderr: `${program}: ${result.error.message}\n` };
    return { status: result.status ?? 128, stdout: result.stdout, stderr: result.stderr };
  }

  /** @param {readonly string[]} args @param {Environment} [extra] @returns {Result} */
  git(args, extra) {
    return this.run('git', args, extra);
  }

  /** git, with the output only; throws with git's message on failure. @param {readonly string[]} args @returns {string} */
  gitOutput(args) {
    const result = this.git(args);
    if (result.status !== 0)
      throw new Error(
        `git ${args.join(' ')} failed: ${result.stderr.trim() || `exit ${result.status}`}`,
      );
    return result.stdout;
  }

  /** git-alembic: the given version through npx, else the build in the action's checkout. @param {readonly string[]} args @param {Environment} [extra] @returns {Result} */
  gitAlembic(args, extra) {
    if (this.inputs.version !== '')
      return this.run('npx', ['--yes', `git-alembic@${this.inputs.version}`, ...args], extra);
    const actionPath =
      this.env['GITHUB_ACTION_PATH'] ?? fileURLToPath(new URL('..', import.meta.url));
    return this.run(process.execPath, [path.join(actionPath, 'dist', 'bin.js'), ...args], extra);
  }

  /** Commit identity: the workflow's own if it set one, else GitHub's bot. @returns {Environment} */
  identity() {
    if (this.git(['config', 'user.email']).stdout.trim() !== '') return {};
    return {
      GIT_AUTHOR_NAME: BOT.name,
      GIT_AUTHOR_EMAIL: BOT.email,
      GIT_COMMITTER_NAME: BOT.name,
      GIT_COMMITTER_EMAIL: BOT.email,
    };
  }

  /** Prints what a process printed, so it shows in the log (annotations included). @param {Result} result */
  echo(result) {
    if (result.stdout !== '')
      this.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr !== '')
      this.stdout.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
  }

  /** A step output (one line). @param {string} name @param {string} value */
  output(name, value) {
    const file = this.env['GITHUB_OUTPUT'];
    if (file) appendFileSync(file, `${name}=${value.replace(/[\r\n]+/g, ' ')}\n`);
  }

  /** Markdown for the job summary. @param {string} markdown */
  summary(markdown) {
    const file = this.env['GITHUB_STEP_SUMMARY'];
    if (file) appendFileSync(file, `${markdown}\n`);
  }

  /**
   * Ends a mode: the `result` output, a line for the job summary, and the step's exit status.
   * @param {string} result @param {string | undefined} summary @param {number} [status]
   */
  finish(result, summary, status = 0) {
    this.output('result', result);
    if (summary !== undefined) this.summary(summary);
    return status;
  }

  /** An annotation without a file. @param {'error' | 'warning' | 'notice'} level @param {string} title @param {string} message */
  annotate(level, title, message) {
    this.command(level, message, `title=${escapeProperty(title)}`);
  }

  /** A workflow command: `::name properties::data`. @param {string} name @param {string} data @param {string} [properties] */
  command(name, data, properties = '') {
    this.stdout.write(
      `::${name}${properties === '' ? '' : ` ${properties}`}::${escapeData(data)}\n`,
    );
  }
}

/**
 * git configuration, in the environment, that authenticates to GitHub with `token` the way
 * actions/checkout does; it replaces a header checkout left, so the `token` input is the one used.
 * (gh reads the token from GH_TOKEN.)
 * @param {string} token
 * @param {string | undefined} server GITHUB_SERVER_URL
 * @param {(secret: string) => void} mask
 * @returns {Record<string, string>}
 */
export function authentication(token, server, mask) {
  if (token === '' || server === undefined || !server.startsWith('https://')) return {};
  const header = Buffer.from(`x-access-token:${token}`).toString('base64');
  mask(header);
  const key = `http.${server.replace(/\/$/, '')}/.extraheader`;
  // An empty value clears the list of extra headers, then ours is the only one.
  return {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${header}`,
  };
}

/** Escapes a workflow command's data as the runner unescapes it. @param {string} text */
export function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. @param {string} text */
export function escapeProperty(text) {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
