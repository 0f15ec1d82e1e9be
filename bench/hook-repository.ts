// A repository set up as `npx git-alembic setup` leaves it, for timing the hooks: husky 9 and
// our hook blocks, node_modules/.bin/git-alembic as npm links it, and git isolated from the
// machine's configuration. The project inside is written by the caller.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nodeEnvironment } from './measure.js';

const HUSKY = fileURLToPath(new URL('../node_modules/husky', import.meta.url));

/** git in one repository, returning trimmed stdout. */
export type Git = (...args: string[]) => string;

/** The users' node environment, and git isolated from the machine's config (no global hooks path). */
export function gitEnvironment(root: string): NodeJS.ProcessEnv {
  const global = join(root, 'hooks-bench.gitconfig');
  // No automatic gc in the middle of timed rounds: it would land on one side at random.
  writeFileSync(
    global,
    '[user]\n\tname = Bench\n\temail = bench@example.com\n[commit]\n\tgpgSign = false\n[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n',
  );
  const env: NodeJS.ProcessEnv = {
    ...nodeEnvironment(),
    GIT_CONFIG_GLOBAL: global,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'HUSKY', 'GIT_ALEMBIC'])
    delete env[name];
  return env;
}

/** git with argv in `repo`. */
export function gitIn(repo: string, env: NodeJS.ProcessEnv): Git {
  return (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
}

/**
 * Turns `repo`, which holds a project already, into a repository on `main` with the project
 * committed and git-alembic set up and committed; `bin` is the git-alembic to run.
 */
export function setUpRepository(repo: string, bin: string, env: NodeJS.ProcessEnv): Git {
  const git = gitIn(repo, env);
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  // What npm's link does, one exec each: its `#!/usr/bin/env node` runs env, this runs sh.
  writeFileSync(
    join(repo, 'node_modules', '.bin', 'git-alembic'),
    `#!/bin/sh\nexec '${process.execPath}' '${bin}' "$@"\n`,
    { mode: 0o755 },
  );
  symlinkSync(HUSKY, join(repo, 'node_modules', 'husky'), 'dir');
  writeFileSync(join(repo, 'package.json'), '{\n  "name": "bench",\n  "private": true\n}\n');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  writeFileSync(join(repo, 'README.md'), '# bench\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'project');
  execFileSync(process.execPath, [bin, 'setup'], { cwd: repo, env, stdio: 'ignore' });
  git('add', '-A');
  git('commit', '-q', '-m', 'set up git-alembic');
  return git;
}
