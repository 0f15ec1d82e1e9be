// Post-write hooks run after the merge is written: exec, console_scripts (from PATH) and module
// (python -m), with REVISION_SCRIPT_FILENAME and cwd; a failing hook is reported and the file stays,
// a missing program stops the merge before anything is written.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import test, { type ExecutionContext } from 'ava';

import { MergeMessages } from '../../src/messages/merge.js';
import { TrustMessages } from '../../src/messages/trust.js';
import { BENCH_TEMPLATE } from '../../bench/synthetic-history.js';
import { cleanEnv, runCli, writeMergeProject, type ParentSpec } from '../helpers/merge-project.js';
import { findAlembicPython } from '../helpers/python.js';
import { tempProject } from '../helpers/temp-project.js';

const python = findAlembicPython()?.python;
const FORK: ParentSpec[] = [
  { id: 'aaaa0001' },
  { id: 'bbbb0001', down: ['aaaa0001'] },
  { id: 'cccc0001', down: ['aaaa0001'] },
];
const TARGET = (root: string) =>
  join(root, 'migrations', 'versions', 'feedface0001_merge_heads_bbbb0001_cccc0001.py');

// Records its arguments and working directory as JSON lines in $RECORD, prints a line, exits $EXIT_WITH.
const RECORDER = `import { appendFileSync } from 'node:fs';
appendFileSync(process.env.RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
console.log('hook says hi');
process.exit(Number(process.env.EXIT_WITH ?? 0));
`;

async function hookedProject(t: ExecutionContext, hooks: string): Promise<string> {
  const root = await tempProject(t, { 'tools/record.mjs': RECORDER, 'tools/sub/': '' });
  writeMergeProject(root, {
    template: BENCH_TEMPLATE,
    revisions: FORK,
    iniTail: `\n[post_write_hooks]\n${hooks}\n`,
  });
  return root;
}

function records(root: string): Array<{ argv: string[]; cwd: string }> {
  return readFileSync(join(root, 'record.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { argv: string[]; cwd: string });
}

test('exec: argv with the revision path substituted, cwd relative to the ini, Alembic’s lines', async (t) => {
  const hooks = [
    'hooks = rec',
    'rec.type = exec',
    `rec.executable = ${process.execPath}`,
    `rec.options = %(here)s/tools/record.mjs --file=REVISION_SCRIPT_FILENAME "two words" 'it''s'`,
    'rec.cwd = tools/sub',
  ].join('\n');
  const root = await hookedProject(t, hooks);
  const run = await runCli(
    root,
    ['merge', '--rev-id', 'feedface0001'],
    cleanEnv({ RECORD: join(root, 'record.jsonl') }),
  );
  t.is(run.code, 0, run.stderr);
  t.deepEqual(records(root), [
    { argv: [`--file=${TARGET(root)}`, 'two words', 'its'], cwd: join(root, 'tools', 'sub') },
  ]);
  t.is(
    run.stdout,
    [
      MergeMessages.generating(TARGET(root)),
      MergeMessages.hookRunning('rec'),
      'hook says hi',
      MergeMessages.HOOK_DONE,
      '',
    ].join('\n'),
  );
  t.is(run.stderr, '');
});

test('a failing hook is reported; the revision stays and the exit status is 0', async (t) => {
  const hooks = [
    'hooks = bad',
    'bad.type = exec',
    `bad.executable = ${process.execPath}`,
    'bad.options = tools/record.mjs REVISION_SCRIPT_FILENAME',
  ].join('\n');
  const root = await hookedProject(t, hooks);
  const run = await runCli(
    root,
    ['merge', '--rev-id', 'feedface0001'],
    cleanEnv({ RECORD: join(root, 'record.jsonl'), EXIT_WITH: '3' }),
  );
  t.is(run.code, 0);
  t.is(readFileSync(TARGET(root), 'utf8').includes("revision = 'feedface0001'"), true);
  t.deepEqual(
    records(root),
    [{ argv: [TARGET(root)], cwd: root }],
    'without cwd, hooks run where git-alembic runs',
  );
  t.is(
    run.stderr,
    `git-alembic: warning: ${MergeMessages.hookFailed('bad', MergeMessages.hookExit(3, null), TARGET(root))}\n`,
  );
});

test('a missing hook program fails the merge before anything is written: exec, console_scripts, module', async (t) => {
  const cases: Array<[string[], string]> = [
    [
      ['hooks = fmt', 'fmt.type = exec', 'fmt.executable = no-such-formatter-here'],
      TrustMessages.executableMissing('no-such-formatter-here'),
    ],
    [
      ['hooks = fmt', 'fmt.type = exec', 'fmt.executable = tools/no-such-script.sh'],
      TrustMessages.executableMissing('tools/no-such-script.sh'),
    ],
    [
      ['hooks = lint', 'lint.type = console_scripts', 'lint.entrypoint = no-such-linter-here'],
      TrustMessages.consoleScriptMissing('no-such-linter-here'),
    ],
    ...(python === undefined
      ? []
      : [
          [
            ['hooks = fmt', 'fmt.type = module', 'fmt.module = no_such_module_here.sub'],
            TrustMessages.moduleMissing('no_such_module_here.sub', python),
          ] as [string[], string],
        ]),
  ];
  for (const [hooks, missing] of cases) {
    const name = hooks[0]?.slice('hooks = '.length) ?? '';
    // A working hook first: it must not run either.
    const root = await hookedProject(
      t,
      [
        `hooks = ok, ${name}`,
        'ok.type = exec',
        `ok.executable = ${process.execPath}`,
        'ok.options = tools/record.mjs',
        ...hooks.slice(1),
      ].join('\n'),
    );
    const before = readdirSync(join(root, 'migrations', 'versions'));
    const run = await runCli(
      root,
      ['merge', '--rev-id', 'feedface0001'],
      cleanEnv({
        RECORD: join(root, 'record.jsonl'),
        ...(python === undefined ? {} : { GIT_ALEMBIC_PYTHON: python }),
      }),
    );
    t.is(run.code, 2);
    t.is(
      run.stderr.split('\n')[0],
      `git-alembic: ${TrustMessages.hookProgramMissing(name, missing)} (hint: ${TrustMessages.HOOK_PROGRAM_MISSING_HINT})`,
    );
    t.deepEqual(readdirSync(join(root, 'migrations', 'versions')), before, 'no merge revision');
    t.false(existsSync(join(root, 'record.jsonl')), 'not even the hook before it ran');
  }
});

test('console_scripts runs the console script of that name from PATH', async (t) => {
  const root = await hookedProject(
    t,
    [
      'hooks = lint',
      'lint.type = console_scripts',
      'lint.entrypoint = fakelint',
      'lint.options = --strict',
    ].join('\n'),
  );
  mkdirSync(join(root, 'bin'));
  writeFileSync(
    join(root, 'bin', 'fakelint'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(root, 'args.txt')}"\n`,
  );
  chmodSync(join(root, 'bin', 'fakelint'), 0o755);
  const run = await runCli(
    root,
    ['merge', '--rev-id', 'feedface0001'],
    cleanEnv({ PATH: `${join(root, 'bin')}${delimiter}${process.env['PATH'] ?? ''}` }),
  );
  t.is(run.stderr, '');
  t.is(readFileSync(join(root, 'args.txt'), 'utf8'), `${TARGET(root)}\n--strict\n`);
});

(python === undefined ? test.skip : test)(
  'module runs `python -m` with the Python GIT_ALEMBIC_PYTHON names',
  async (t) => {
    const root = await hookedProject(
      t,
      [
        'hooks = fmt',
        'fmt.type = module',
        'fmt.module = recordargs',
        'fmt.options = -x REVISION_SCRIPT_FILENAME',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'tools', 'recordargs.py'),
      `import sys\nopen(${JSON.stringify(join(root, 'args.txt'))}, "w").write("\\n".join(sys.argv[1:]))\n`,
    );
    const env = cleanEnv({
      GIT_ALEMBIC_PYTHON: python as string,
      PYTHONPATH: join(root, 'tools'),
      PYTHONDONTWRITEBYTECODE: '1',
    });
    const run = await runCli(root, ['merge', '--rev-id', 'feedface0001'], env);
    t.is(run.stderr, '');
    t.is(readFileSync(join(root, 'args.txt'), 'utf8'), `-x\n${TARGET(root)}`);
  },
);

test('hook configuration errors stop the merge before anything is written', async (t) => {
  const cases: Array<[string[], string]> = [
    [
      ['hooks = x', 'x.type = custom_from_env_py'],
      MergeMessages.hookTypeUnknown('x', 'custom_from_env_py'),
    ],
    [['hooks = x', 'x.executable = ruff'], MergeMessages.hookTypeMissing('x')],
    [['hooks = x', 'x.type = exec'], MergeMessages.hookOptionMissing('x', 'executable')],
  ];
  for (const [hooks, message] of cases) {
    const root = await hookedProject(t, hooks.join('\n'));
    const before = readdirSync(join(root, 'migrations', 'versions'));
    const run = await runCli(root, ['merge']);
    t.is(run.code, 2);
    t.true(run.stderr.startsWith(`git-alembic: ${message}`), run.stderr);
    t.deepEqual(readdirSync(join(root, 'migrations', 'versions')), before);
  }
});

test('revision_environment: a warning that env.py is not run', async (t) => {
  const root = await tempProject(t, {});
  writeMergeProject(root, {
    template: BENCH_TEMPLATE,
    revisions: FORK,
    settings: ['revision_environment = true'],
  });
  const run = await runCli(root, ['merge']);
  t.is(run.code, 0);
  t.is(run.stderr, `git-alembic: warning: ${MergeMessages.REVISION_ENVIRONMENT}\n`);
});

test('a hook that breaks the merge is caught by the check after writing', async (t) => {
  // The hook rewrites down_revision to a single parent: the divergence is back.
  const hooks = [
    'hooks = spoil',
    'spoil.type = exec',
    `spoil.executable = ${process.execPath}`,
    `spoil.options = -e "const f=process.argv[1];const fs=require('fs');fs.writeFileSync(f,fs.readFileSync(f,'utf8').replace(/down_revision = .*/, \\"down_revision = 'bbbb0001'\\"))" REVISION_SCRIPT_FILENAME`,
  ].join('\n');
  const root = await hookedProject(t, hooks);
  const run = await runCli(root, ['merge', '--rev-id', 'feedface0001']);
  t.is(run.code, 0);
  t.is(
    run.stderr,
    `git-alembic: warning: ${MergeMessages.stillDiverged('alembic.ini', ['cccc0001', 'feedface0001'])}\n`,
  );
});
