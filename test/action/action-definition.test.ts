// action.yml and the workflow templates, parsed as GitHub parses them (YAML): the inputs and
// their defaults, a composite action whose scripts get inputs only through the environment (the
// variables action/runner.mjs reads, no more, no less), the outputs the scripts write, and
// templates that use this repository's action in the mode, on the events and with the
// permissions each needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { parse } from 'yaml';

import { PACKAGE_ROOT } from '../helpers/temp-repo.js';

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}

interface ActionDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputs: Record<string, { description: string; required: boolean; default: string }>;
  readonly outputs: Record<string, { description: string; value: string }>;
  readonly runs: { using: string; steps: Step[] };
}

const read = (file: string): string => readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
const action = parse(read('action.yml')) as ActionDefinition;
const scripts = [
  'main',
  'runner',
  'check',
  'update-branch',
  'repair',
  'alembic-steps',
  'git-steps',
  'messages',
]
  .map((name) => read(`action/${name}.mjs`))
  .join('\n');

test('action.yml: a composite action with the inputs and defaults the README documents', (t) => {
  t.is(action.name, 'git-alembic');
  t.is(action.runs.using, 'composite');
  const defaults = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, input.default]),
  );
  t.deepEqual(defaults, {
    mode: 'check',
    'node-version': '20',
    token: '${{ github.token }}',
    push: 'false',
    'working-directory': '.',
    version: '',
  });
  for (const [name, input] of Object.entries(action.inputs)) {
    t.false(input.required, `${name} is optional`);
    t.true(input.description.length > 20, `${name} is described`);
  }
});

test('action.yml: every script step names its shell and gets inputs from env, never from ${{ }} in the script', (t) => {
  const scriptSteps = action.runs.steps.filter((step) => step.run !== undefined);
  t.true(scriptSteps.length >= 2);
  for (const step of scriptSteps) {
    t.is(step.shell, 'bash', step.name);
    t.false(
      (step.run ?? '').includes('${{'),
      `${step.name ?? ''}: no expression inside the script`,
    );
  }
});

test('action.yml: the run step passes exactly the INPUT_ variables action/runner.mjs reads, and runs action/main.mjs', (t) => {
  const run = action.runs.steps.find((step) => step.id === 'run');
  t.is(run?.run, 'node "$GITHUB_ACTION_PATH/action/main.mjs"');
  t.is(run?.['working-directory'], '${{ inputs.working-directory }}');
  const read = [...new Set(scripts.match(/INPUT_[A-Z_]+/g) ?? [])].sort();
  t.deepEqual(Object.keys(run?.env ?? {}).sort(), read);
  for (const [variable, value] of Object.entries(run?.env ?? {})) {
    t.is(
      value,
      `\${{ inputs.${variable.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-')} }}`,
      variable,
    );
  }
});

test('action.yml: node from setup-node unless node-version is empty; a build of the checkout only without a version', (t) => {
  const [setup, build] = action.runs.steps;
  t.is(setup?.uses, 'actions/setup-node@v4');
  t.is(setup?.if, "inputs.node-version != ''");
  t.is(setup?.with?.['node-version'], '${{ inputs.node-version }}');
  t.is(build?.if, "inputs.version == ''");
  t.is(build?.['working-directory'], '${{ github.action_path }}');
  t.regex(build?.run ?? '', /^npm ci .*&& npm run build$/);
});

test('action.yml: its outputs are the ones the scripts write', (t) => {
  for (const [name, output] of Object.entries(action.outputs)) {
    t.is(output.value, `\${{ steps.run.outputs.${name} }}`);
    t.true(
      name === 'result' ? scripts.includes("finish('") : scripts.includes(`output('${name}'`),
      `${name} is written`,
    );
  }
});

const manifest = JSON.parse(read('package.json')) as { repository: { url: string } };
const OWN_REPOSITORY = /github\.com\/([^/]+\/[^/.]+)/.exec(manifest.repository.url)?.[1] ?? '';

const TEMPLATES = {
  check: { events: ['merge_group', 'pull_request', 'push'], permissions: { contents: 'read' } },
  'update-branch': {
    events: ['pull_request', 'workflow_dispatch'],
    permissions: { contents: 'write' },
  },
  repair: { events: ['push'], permissions: { contents: 'write', 'pull-requests': 'write' } },
} as const;

for (const [mode, expected] of Object.entries(TEMPLATES)) {
  test(`templates/github-${mode}.yml: this repository's action in mode ${mode}, on ${expected.events.join(', ')}`, (t) => {
    const workflow = parse(read(`templates/github-${mode}.yml`)) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Step[] }>;
    };
    t.deepEqual(Object.keys(workflow.on).sort(), [...expected.events]);
    t.deepEqual(workflow.permissions, expected.permissions);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    t.is(steps[0]?.uses, 'actions/checkout@v4');
    const ours = steps.find((step) => step.uses?.startsWith(`${OWN_REPOSITORY}@`));
    t.is(ours?.uses, `${OWN_REPOSITORY}@v1`);
    t.is(ours?.with?.['mode'], mode);
    for (const input of Object.keys(ours?.with ?? {}))
      t.true(input in action.inputs, `${input} is an input of the action`);
  });
}
