import test from 'ava';

import {
  configLine,
  driverCurrentIn,
  frameworkDriverCommand,
  frameworkDriverParts,
} from '../../src/core/setup/framework-driver.js';
import { frameworkStage } from '../../src/hooks/framework-stage.js';

// What pre-commit's run.py sets for each hook type (3.0.4 and 4.x alike); PRE_COMMIT=1 for all.
test('the stage comes from the variables the framework sets, post-commit from the entry', (t) => {
  const base = { PRE_COMMIT: '1' };
  t.deepEqual(frameworkStage(base, undefined), { kind: 'hook', hook: 'pre-commit', args: [] });
  t.deepEqual(frameworkStage(base, 'post-commit'), { kind: 'hook', hook: 'post-commit', args: [] });
  t.deepEqual(frameworkStage({ ...base, PRE_COMMIT_IS_SQUASH_MERGE: '0' }, undefined), {
    kind: 'hook',
    hook: 'post-merge',
    args: ['0'],
  });
  t.deepEqual(frameworkStage({ ...base, PRE_COMMIT_IS_SQUASH_MERGE: '1' }, undefined), {
    kind: 'hook',
    hook: 'post-merge',
    args: ['1'],
  });
  t.deepEqual(frameworkStage({ ...base, PRE_COMMIT_REWRITE_COMMAND: 'rebase' }, undefined), {
    kind: 'hook',
    hook: 'post-rewrite',
    args: ['rebase'],
  });
  const checkout = {
    ...base,
    PRE_COMMIT_FROM_REF: 'a',
    PRE_COMMIT_TO_REF: 'b',
    PRE_COMMIT_CHECKOUT_TYPE: '1',
  };
  t.deepEqual(frameworkStage(checkout, undefined), { kind: 'driver-only' });
  t.deepEqual(
    frameworkStage(
      {
        ...base,
        PRE_COMMIT_FROM_REF: 'a',
        PRE_COMMIT_TO_REF: 'b',
        PRE_COMMIT_REMOTE_NAME: 'origin',
      },
      undefined,
    ),
    { kind: 'none' },
    'pre-push',
  );
  t.deepEqual(
    frameworkStage({ ...base, PRE_COMMIT_COMMIT_MSG_SOURCE: 'message' }, undefined),
    { kind: 'none' },
    'prepare-commit-msg',
  );
});

test('the framework driver command: its binary, and the config line git writes for it', (t) => {
  const command = frameworkDriverCommand(
    '/home/a b/.cache/pre-commit/repo1/node_env-system/bin/git-alembic',
    '/opt/node 100%/bin',
  );
  t.is(
    command,
    `PATH='/opt/node 100%%/bin':"$PATH" '/home/a b/.cache/pre-commit/repo1/node_env-system/bin/git-alembic' driver %O %A %B %L %P || { [ $? = 1 ] || git merge-file -L current -L base -L incoming --marker-size=%L %A %O %B; exit 1; }`,
  );
  t.deepEqual(frameworkDriverParts(command), {
    binary: '/home/a b/.cache/pre-commit/repo1/node_env-system/bin/git-alembic',
    nodeDirectory: '/opt/node 100%/bin',
  });
  t.deepEqual(frameworkDriverParts(frameworkDriverCommand("/it's/git-alembic", '/usr/bin')), {
    binary: "/it's/git-alembic",
    nodeDirectory: '/usr/bin',
  });
  t.is(
    frameworkDriverParts('node_modules/.bin/git-alembic driver %O %A %B %L %P'),
    undefined,
    'the husky command is not a framework one',
  );
  t.is(configLine('driver', 'a "b" \\ c;'), '\tdriver = "a \\"b\\" \\\\ c;"');
  const config = `[core]\n\tbare = false\n[merge "git-alembic"]\n\tname = x\n${configLine('driver', command)}\n`;
  t.true(driverCurrentIn(config, command));
  t.false(
    driverCurrentIn(config, frameworkDriverCommand('/elsewhere/git-alembic', '/usr/bin')),
    'another binary',
  );
  t.false(
    driverCurrentIn(`${config}[merge "git-alembic"]\n\tdriver = other\n`, command),
    'a later value wins',
  );
  t.false(
    driverCurrentIn(`${config}[include]\n\tpath = more.config\n`, command),
    'an include could override it: ask git',
  );
  t.false(driverCurrentIn('', command));
});
