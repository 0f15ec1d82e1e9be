// End-to-end: nothing an incoming branch brings in runs inside the git hooks without the user's
// consent. The config is data (a merged-in JavaScript config never runs); post-write hooks, the
// programs they start and a template only Python can render run only when the operation left
// them as they were in the commit the user had before; `git-alembic merge`, run on purpose,
// runs them. Packed package, husky 9, real git; Alembic judges the result.
import { readFileSync } from 'node:fs';
import type { ExecutionContext } from 'ava';

import { TrustMessages } from '../../src/messages/trust.js';
import {
  alembicLines,
  assertAlembicWhole,
  BASE,
  createScenario,
  type Scenario,
  scenarioTest,
} from '../helpers/hook-scenario.js';
import {
  assertMergedInHead,
  DEV_REV,
  MAIN_REV,
  mergeRevisionIn,
  sha,
} from '../helpers/scenario-checks.js';

const HEADS = [`${MAIN_REV} (main)`, `${DEV_REV} (dev)`];

// A JavaScript file that leaves `<name>.ran` beside the repository when anything runs it.
function marker(scenario: Scenario, name: string): string {
  return scenario.repo.path(`../${name}.ran`);
}

function writesMarker(file: string, esm: boolean): string {
  return esm
    ? `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(file)}, 'ran');\nexport default { onMerge: 'stage' };\n`
    : `require('node:fs').writeFileSync(${JSON.stringify(file)}, 'ran');\nmodule.exports = { onMerge: 'stage' };\n`;
}

// dev adds `files` and a revision (committed as on another machine, without hooks); main adds a revision.
async function forkWith(
  scenario: Scenario,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  await scenario.git(['checkout', '-q', '-b', 'dev']);
  for (const [file, content] of Object.entries(files)) await scenario.repo.write(file, content);
  await scenario.revision({ id: DEV_REV, down: [BASE] });
  await scenario.commitAll('dev: add bbbb and more', { env: { HUSKY: '0' } });
  await scenario.git(['checkout', '-q', 'main']);
  await scenario.revision({ id: MAIN_REV, down: [BASE] });
  await scenario.commitAll('main: add aaaa');
}

async function exists(file: string): Promise<boolean> {
  return (await import('node:fs/promises')).stat(file).then(
    () => true,
    () => false,
  );
}

scenarioTest(
  'trust 1: a merge that brings in JavaScript configs and a cosmiconfig meta-config runs none of them',
  async (t, python) => {
    const scenario = await createScenario(t, python);
    const files = {
      'git-alembic.config.js': writesMarker(marker(scenario, 'config-js'), false),
      'git-alembic.config.mjs': writesMarker(marker(scenario, 'config-mjs'), true),
      '.config/git-alembicrc.cjs': writesMarker(marker(scenario, 'rc-cjs'), false),
      '.config/config.js': writesMarker(marker(scenario, 'meta-config'), false),
      '.config/config.json': JSON.stringify({ searchPlaces: ['git-alembic.config.js'] }),
    };
    await forkWith(scenario, files);
    const merge = await scenario.git(['merge', '--no-edit', 'dev']);
    // Named, not run, and not silently ignored either: the hook reports it and writes nothing.
    t.deepEqual(alembicLines(merge), [
      'git-alembic: post-merge hook failed: git-alembic.config.js: JavaScript configs are not read: the git-alembic configuration is data (JSON or YAML); run `git-alembic check`',
    ]);
    for (const name of ['config-js', 'config-mjs', 'rc-cjs', 'meta-config'])
      t.false(await exists(marker(scenario, name)), `${name} never ran`);
    // With a data config beside them, they are ignored: the merge goes on with it.
    await scenario.git(['reset', '-q', '--hard', 'HEAD^1']);
    await scenario.git(['checkout', '-q', 'dev']);
    await scenario.repo.write('.git-alembicrc.json', '{ "onMerge": "amend" }\n');
    await scenario.commitAll('dev: a data config too', { env: { HUSKY: '0' } });
    await scenario.git(['checkout', '-q', 'main']);
    const merged = await scenario.git(['merge', '--no-edit', 'dev']);
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(alembicLines(merged), [
      `git-alembic: created merge revision ${id} of ${HEADS.join(' and ')}, which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    for (const name of ['config-js', 'config-mjs', 'rc-cjs', 'meta-config'])
      t.false(await exists(marker(scenario, name)), `${name} never ran`);
    await assertAlembicWhole(t, scenario);
  },
);

// Records each run as a JSON line in $RECORD: the argv it got.
const RECORDER =
  "import { appendFileSync } from 'node:fs';\nappendFileSync(process.env.RECORD, JSON.stringify(process.argv.slice(2)) + '\\n');\n";

function hooksSection(hooks: readonly string[]): string {
  return `\n[post_write_hooks]\n${hooks.join('\n')}\n`;
}

const RECORD_HOOK = [
  'hooks = rec',
  'rec.type = exec',
  `rec.executable = ${process.execPath}`,
  'rec.options = %(here)s/tools/record.mjs REVISION_SCRIPT_FILENAME',
];

// main's alembic.ini runs the recorder after writing a revision; committed before the fork.
async function withRecorder(
  t: ExecutionContext,
  python: string,
): Promise<{ scenario: Scenario; env: Record<string, string> }> {
  const scenario = await createScenario(t, python);
  await scenario.repo.write('tools/record.mjs', RECORDER);
  await scenario.repo.write(
    'alembic.ini',
    (await scenario.repo.read('alembic.ini')) + hooksSection(RECORD_HOOK),
  );
  await scenario.commitAll('format new revisions');
  return { scenario, env: { RECORD: scenario.repo.path('../record.jsonl') } };
}

async function recorded(scenario: Scenario): Promise<string[][]> {
  const file = scenario.repo.path('../record.jsonl');
  if (!(await exists(file))) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string[]);
}

scenarioTest(
  'trust 2: post-write hooks the user already had run inside the merge',
  async (t, python) => {
    const { scenario, env } = await withRecorder(t, python);
    await forkWith(scenario, {});
    await scenario.git(['merge', '--no-edit', 'dev'], { env });
    const merged = await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(await recorded(scenario), [[scenario.repo.path(merged?.file ?? '')]]);
    await assertAlembicWhole(t, scenario);
  },
);

scenarioTest(
  'trust 3: hooks the incoming branch changed, or a program of theirs it changed, hold the merge back (merge, --no-commit, --squash); `git-alembic merge` then runs them',
  async (t, python) => {
    const { scenario, env } = await withRecorder(t, python);
    const evil = `evil.type = exec\nevil.executable = ${process.execPath}\nevil.options = -e "require('fs').writeFileSync(\`${marker(scenario, 'evil')}\`, 'ran')" REVISION_SCRIPT_FILENAME`;
    const ini = await scenario.repo.read('alembic.ini');
    const changedHooks = `${ini.replace('hooks = rec', 'hooks = rec, evil')}${evil}\n`;
    await forkWith(scenario, { 'alembic.ini': changedHooks });
    const main = await sha(scenario, 'main');
    const heldBack = `git-alembic: ${TrustMessages.heldBackHooks(['alembic.ini'], HEADS)}`;
    const forms: Array<[string[], string[] | undefined]> = [
      [['merge', '--no-edit', 'dev'], undefined],
      [
        ['merge', '--no-commit', 'dev'],
        ['commit', '--no-edit'],
      ],
      [
        ['merge', '--squash', 'dev'],
        ['commit', '-m', 'squash'],
      ],
    ];
    for (const [form, conclude] of forms) {
      const merge = await scenario.git(form, { env });
      const commit = conclude === undefined ? undefined : await scenario.git(conclude, { env });
      const lines = [...alembicLines(merge), ...(commit === undefined ? [] : alembicLines(commit))];
      // After `git commit` concludes the merge, post-commit also notes the two heads, as after any commit.
      t.deepEqual(
        lines.filter(
          (line) =>
            !line.includes('updated migrations/heads.txt') &&
            !line.includes('warning: this commit left two heads'),
        ),
        [heldBack],
        form.join(' '),
      );
      t.is(await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]), undefined, 'no merge revision');
      t.deepEqual(await recorded(scenario), [], 'no hook ran');
      t.false(await exists(marker(scenario, 'evil')));
      await scenario.git(['reset', '-q', '--hard', main]);
    }
    // The user has looked: `git-alembic merge` creates the merge revision and runs the hooks.
    await scenario.git(['merge', '--no-edit', 'dev'], { env });
    const run = await scenario.bin(['merge'], { env });
    t.regex(
      run.stdout,
      /^Generating .* \.\.\. {2}done\nRunning post write hook 'rec' \.\.\.\n {2}done\nRunning post write hook 'evil' \.\.\.\n {2}done\nwrote migrations\/heads\.txt: [0-9a-f]{12}\n$/,
    );
    t.is((await recorded(scenario)).length, 1);
    t.true(await exists(marker(scenario, 'evil')), run.stderr);

    // The incoming branch leaves the definitions alone but changes the program they run.
    await scenario.git(['reset', '-q', '--hard', main]);
    await scenario.git(['clean', '-q', '-f', '--', 'migrations']);
    await scenario.git(['branch', '-q', '-D', 'dev']);
    await scenario.git(['reset', '-q', '--hard', 'HEAD~1']);
    await forkWith(scenario, { 'tools/record.mjs': `${RECORDER}require('node:fs');\n` });
    const merge = await scenario.git(['merge', '--no-edit', 'dev'], { env });
    t.deepEqual(alembicLines(merge), [
      `git-alembic: ${TrustMessages.heldBackHooks(['tools/record.mjs'], HEADS)}`,
    ]);
    t.is((await recorded(scenario)).length, 1, 'the changed recorder did not run');
  },
);

scenarioTest(
  'trust 4: after a rebase onto a base that changed the hooks, nothing is written; hooks changed on the rebased branch itself run',
  async (t, python) => {
    const { scenario, env } = await withRecorder(t, python);
    const changed = (await scenario.repo.read('alembic.ini')).replace(
      'REVISION_SCRIPT_FILENAME',
      'REVISION_SCRIPT_FILENAME --changed',
    );
    // The hooks change on main, the base dev is rebased onto.
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await scenario.revision({ id: DEV_REV, down: [BASE] });
    await scenario.commitAll('dev: add bbbb');
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.repo.write('alembic.ini', changed);
    await scenario.revision({ id: MAIN_REV, down: [BASE] });
    await scenario.commitAll('main: add aaaa, new hook options');
    await scenario.git(['checkout', '-q', 'dev']);
    const rebase = await scenario.git(['rebase', 'main'], { env });
    t.deepEqual(alembicLines(rebase), [
      `git-alembic: ${TrustMessages.heldBackHooks(['alembic.ini'], [`${MAIN_REV} (main)`, `${DEV_REV} (dev)`])}`,
    ]);
    t.deepEqual(await recorded(scenario), []);
    t.is(
      (await scenario.git(['log', '-1', '--format=%s'])).stdout,
      'dev: add bbbb\n',
      'nothing committed on top',
    );
    // The other way round: main is rebased onto dev; the hook change is main's own.
    await scenario.git(['reset', '-q', '--hard', 'ORIG_HEAD']);
    await scenario.git(['checkout', '-q', 'main']);
    const own = await scenario.git(['rebase', 'dev'], { env });
    t.regex(alembicLines(own)[0] ?? '', /^git-alembic: created merge revision [0-9a-f]{12} of /);
    t.deepEqual(
      (await recorded(scenario)).map((argv) => argv.slice(1)),
      [['--changed']],
    );
    await assertAlembicWhole(t, scenario);
  },
);

// The stock template with a `<%def>` tag first: only Mako can render it.
async function useDefTemplate(scenario: Scenario, extra = ''): Promise<void> {
  const file = scenario.scriptPath('script.py.mako');
  await scenario.repo.write(
    file,
    `<%def name="unused()"></%def>\\\n${extra}${await scenario.repo.read(file)}`,
  );
}

scenarioTest(
  'trust 5: a template only Python renders is rendered in the hook when the merge did not change it, and held back when it did',
  async (t, python) => {
    const scenario = await createScenario(t, python);
    await useDefTemplate(scenario);
    await scenario.commitAll('a template only Mako renders');
    await forkWith(scenario, {});
    const main = await sha(scenario, 'main');
    const merge = await scenario.git(['merge', '--no-edit', 'dev'], {
      env: { GIT_ALEMBIC_PYTHON: python },
    });
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(alembicLines(merge), [
      `git-alembic: ${TrustMessages.renderedInHook('migrations/script.py.mako', python)}`,
      `git-alembic: created merge revision ${id} of ${HEADS.join(' and ')}, which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    await assertAlembicWhole(t, scenario);

    // dev changes the template: no Python runs in the hook (a recording stand-in shows it).
    await scenario.git(['reset', '-q', '--hard', main]);
    await scenario.git(['checkout', '-q', 'dev']);
    await useDefTemplate(
      scenario,
      `<%! import os; os.makedirs(${JSON.stringify(marker(scenario, 'template'))}) %>\\\n`,
    );
    await scenario.commitAll('dev: a template with a surprise', { env: { HUSKY: '0' } });
    await scenario.git(['checkout', '-q', 'main']);
    const wrapper = scenario.repo.path('../python-wrapper.sh');
    await scenario.repo.write(
      '../python-wrapper.sh',
      `#!/bin/sh\n: > ${JSON.stringify(marker(scenario, 'python'))}\nexec ${JSON.stringify(python)} "$@"\n`,
      0o755,
    );
    const held = await scenario.git(['merge', '--no-edit', 'dev'], {
      env: { GIT_ALEMBIC_PYTHON: wrapper },
    });
    t.deepEqual(alembicLines(held), [
      `git-alembic: ${TrustMessages.heldBackTemplate(['migrations/script.py.mako'], HEADS)}`,
    ]);
    t.is(await mergeRevisionIn(scenario, [MAIN_REV, DEV_REV]), undefined);
    t.false(await exists(marker(scenario, 'python')), 'no Python started');
    t.false(await exists(marker(scenario, 'template')));
  },
);

scenarioTest(
  'trust 6: a Python the incoming branch brings in (.venv/bin/python) is never started; the next one renders',
  async (t, python) => {
    const scenario = await createScenario(t, python);
    await useDefTemplate(scenario);
    await scenario.commitAll('a template only Mako renders');
    await scenario.git(['checkout', '-q', '-b', 'dev']);
    await scenario.repo.write(
      '.venv/bin/python',
      `#!/bin/sh\n: > ${JSON.stringify(marker(scenario, 'venv-python'))}\nexec ${JSON.stringify(python)} "$@"\n`,
      0o755,
    );
    await scenario.revision({ id: DEV_REV, down: [BASE] });
    await scenario.commitAll('dev: add bbbb and a python', { env: { HUSKY: '0' } });
    await scenario.git(['checkout', '-q', 'main']);
    await scenario.revision({ id: MAIN_REV, down: [BASE] });
    await scenario.commitAll('main: add aaaa');
    // python3 on the PATH is the oracle's Python; GIT_ALEMBIC_PYTHON and VIRTUAL_ENV are unset.
    const bin = scenario.repo.path('../bin');
    await scenario.repo.write(
      '../bin/python3',
      `#!/bin/sh\nexec ${JSON.stringify(python)} "$@"\n`,
      0o755,
    );
    const merge = await scenario.git(['merge', '--no-edit', 'dev'], {
      env: {
        GIT_ALEMBIC_PYTHON: undefined,
        VIRTUAL_ENV: undefined,
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      },
    });
    const id = await assertMergedInHead(t, scenario, [MAIN_REV, DEV_REV]);
    t.deepEqual(alembicLines(merge), [
      `git-alembic: ${TrustMessages.renderedInHook('migrations/script.py.mako', `${bin}/python3`)}`,
      `git-alembic: created merge revision ${id} of ${HEADS.join(' and ')}, which this merge left as two heads; added it and migrations/heads.txt to the merge commit`,
    ]);
    t.false(
      await exists(marker(scenario, 'venv-python')),
      'the merged-in .venv/bin/python never ran',
    );
  },
);
