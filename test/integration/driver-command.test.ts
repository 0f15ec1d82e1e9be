// The registered driver command, and what /bin/sh does with it when our binary runs, fails or is missing.
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';

import { driverCommand, localBinary } from '../../src/core/setup/driver-command.js';
import { tempProject } from '../helpers/temp-project.js';

const GUARD =
  '|| { [ $? = 1 ] || git merge-file -L current -L base -L incoming --marker-size=%L %A %O %B; exit 1; }';

test("the project's own binary, relative to the top level, %P bare", (t) => {
  t.is(localBinary(''), 'node_modules/.bin/git-alembic');
  t.is(driverCommand(''), `node_modules/.bin/git-alembic driver %O %A %B %L %P ${GUARD}`);
  t.is(driverCommand('web'), `web/node_modules/.bin/git-alembic driver %O %A %B %L %P ${GUARD}`);
});

test('a package directory with a space is quoted; a % in it is doubled for git', (t) => {
  t.is(
    driverCommand('my app'),
    `'my app/node_modules/.bin/git-alembic' driver %O %A %B %L %P ${GUARD}`,
  );
  t.is(driverCommand('100%'), `100%%/node_modules/.bin/git-alembic driver %O %A %B %L %P ${GUARD}`);
});

// Expands the placeholders as git does (%P quoted by git) and runs the line with /bin/sh.
async function runAsGit(
  root: string,
  binaryStatus: number | 'missing',
): Promise<{ status: number; current: string }> {
  if (binaryStatus !== 'missing') {
    await mkdir(path.join(root, 'node_modules', '.bin'), { recursive: true });
    await writeFile(
      path.join(root, 'node_modules', '.bin', 'git-alembic'),
      `#!/bin/sh\nexit ${binaryStatus}\n`,
    );
    await chmod(path.join(root, 'node_modules', '.bin', 'git-alembic'), 0o755);
  }
  const line = driverCommand('')
    .replace(/%O/g, 'O')
    .replace(/%A/g, 'A')
    .replace(/%B/g, 'B')
    .replace(/%L/g, '7')
    .replace(/%P/g, "'m/heads.txt'");
  const status = await promisify(execFile)('/bin/sh', ['-c', line], { cwd: root }).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  return { status, current: await readFile(path.join(root, 'A'), 'utf8') };
}

const FILES = { O: 'r0\n', A: 'a1\n', B: 'b1\n' };

test('exit 0 and 1 from our binary stand; git merge-file is not run again', async (t) => {
  t.deepEqual(await runAsGit(await tempProject(t, FILES), 0), { status: 0, current: 'a1\n' });
  t.deepEqual(await runAsGit(await tempProject(t, FILES), 1), { status: 1, current: 'a1\n' });
});

test('a binary that cannot run (127) or crashes still leaves conflict markers, and a conflict', async (t) => {
  const expected = '<<<<<<< current\na1\n=======\nb1\n>>>>>>> incoming\n';
  t.deepEqual(await runAsGit(await tempProject(t, FILES), 'missing'), {
    status: 1,
    current: expected,
  });
  t.deepEqual(await runAsGit(await tempProject(t, FILES), 70), { status: 1, current: expected });
});
