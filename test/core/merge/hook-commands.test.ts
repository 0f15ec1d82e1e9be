// Post-write hook configuration turned into commands, and its mistakes found before writing.
import test from 'ava';

import { hookCommands } from '../../../src/core/merge/hook-commands.js';
import { UserError } from '../../../src/errors.js';
import { MergeMessages } from '../../../src/messages/merge.js';

const PATH = '/repo/versions/abc_merge.py';

test('exec, console_scripts and module hooks, in order, with cwd', (t) => {
  const commands = hookCommands(
    [
      {
        name: 'fmt',
        type: 'exec',
        options: { executable: 'ruff', options: 'format REVISION_SCRIPT_FILENAME', cwd: 'tools' },
      },
      {
        name: 'lint',
        type: 'console_scripts',
        options: { entrypoint: 'flake8', options: '--max-line-length "100"' },
      },
      { name: 'black', type: 'module', options: { module: 'black' } },
    ],
    PATH,
    false,
  );
  t.deepEqual(commands, [
    {
      name: 'fmt',
      program: { kind: 'exec', executable: 'ruff' },
      args: ['format', PATH],
      cwd: 'tools',
    },
    {
      name: 'lint',
      program: { kind: 'console_scripts', entrypoint: 'flake8' },
      args: [PATH, '--max-line-length', '100'],
      cwd: undefined,
    },
    { name: 'black', program: { kind: 'module', module: 'black' }, args: [PATH], cwd: undefined },
  ]);
});

test('a hook without a type fails with Alembic’s message', (t) => {
  t.throws(() => hookCommands([{ name: 'fmt', type: undefined, options: {} }], PATH, false), {
    instanceOf: UserError,
    message: "Key 'fmt.type' (or 'type' in toml) is required for post write hook 'fmt'",
  });
});

test('a type we cannot run is an error naming it; env.py is mentioned when it would have run', (t) => {
  const hooks = [{ name: 'custom', type: 'my_formatter', options: {} }];
  const error = t.throws(() => hookCommands(hooks, PATH, true), { instanceOf: UserError });
  t.is(error?.message, MergeMessages.hookTypeUnknown('custom', 'my_formatter'));
  t.is(error?.hint, MergeMessages.hookTypeUnknownHint(true));
  t.not(MergeMessages.hookTypeUnknownHint(false), MergeMessages.hookTypeUnknownHint(true));
});

test('the required option of each type', (t) => {
  for (const [type, option] of [
    ['exec', 'executable'],
    ['console_scripts', 'entrypoint'],
    ['module', 'module'],
  ] as const) {
    t.throws(() => hookCommands([{ name: 'h', type, options: {} }], PATH, false), {
      message: `Key h.${option} is required for post write hook 'h'`,
    });
  }
});

test('options shlex cannot split are an error before anything runs', (t) => {
  t.throws(
    () =>
      hookCommands(
        [{ name: 'h', type: 'exec', options: { executable: 'x', options: '"open' } }],
        PATH,
        false,
      ),
    { message: /No closing quotation/ },
  );
});
