// The dependency check `npm test` runs (.dependency-cruiser.cjs) must be able to fail: run on a
// small tree that breaks each rule once, beside imports every rule allows, it names exactly
// the forbidden ones. The check on our own src/ is the `depcruise` step of `npm test`.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';

import { tempProject } from '../helpers/temp-project.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', depcruiseBin());

function depcruiseBin(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', 'dependency-cruiser', 'package.json'), 'utf8'),
  ) as { bin: Record<string, string> };
  return manifest.bin['depcruise'] as string;
}

// Each forbidden import once, and allowed ones beside them (type-only and dynamic imports too).
const TREE: Readonly<Record<string, string>> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' },
  }),
  // Allowed: downward, lateral, dynamic, the entry into the CLI, the git adapter starting git.
  'src/bin.ts': "export const main = async () => (await import('./cli/printer.js')).show;\n",
  'src/cli/printer.ts':
    "import { run } from '../merge/run.js';\nexport interface Printer { line(text: string): void }\nexport const show = run;\n",
  'src/merge/run.ts':
    "import { pure } from '../core/pure.js';\nexport async function run() { return pure + (await import('../hooks/lazy.js')).lazy; }\n",
  'src/hooks/lazy.ts':
    "import { GitError } from '../errors.js';\nexport const lazy = String(GitError);\n",
  'src/git/start-git.ts':
    "import { spawnSync } from 'node:child_process';\nexport const git = () => spawnSync('git', ['--version']);\n",
  'src/core/pure.ts':
    "import { MESSAGE } from '../messages/text.js';\nexport const pure = MESSAGE;\n",
  'src/messages/text.ts': "export const MESSAGE = 'text';\n",
  // Forbidden, one rule each.
  'src/core/impure.ts':
    "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'src/merge/report.ts':
    "import type { Printer } from '../cli/printer.js';\nexport type Report = Printer;\n",
  'src/git/upward.ts': "export const upward = () => import('../hooks/lazy.js');\n",
  'src/errors.ts':
    "import { pure } from './core/pure.js';\nexport class GitError extends Error { readonly detail = pure; }\n",
  'src/core/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = (): unknown => b;\n",
  'src/core/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = (): unknown => a;\n",
  'src/widgets/thing.ts': "import { pure } from '../core/pure.js';\nexport const thing = pure;\n",
  'src/setup/widget.ts':
    "import { thing } from '../widgets/thing.js';\nexport const widget = thing;\n",
  'src/setup/gone.ts': "import { gone } from './nowhere.js';\nexport const here = gone;\n",
  'src/merge/start-git.ts':
    "import { spawn } from 'node:child_process';\nexport const git = () => spawn('git', ['merge']);\n",
};

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

test('the dependency check names every forbidden import, and only those', async (t) => {
  const root = await tempProject(t, TREE);
  // Exit status 1 on violations: the output is what is asserted, whatever the status.
  const run = await promisify(execFile)(
    process.execPath,
    [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string; code?: number }) => ({
    stdout: error.stdout ?? '',
    code: error.code,
  }));
  const found = (
    JSON.parse(run.stdout) as { summary: { violations: Violation[] } }
  ).summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);
  t.deepEqual(found.sort(), [
    'in-a-layer: src/widgets/thing.ts → src/core/pure.ts',
    'into-a-layer: src/setup/widget.ts → src/widgets/thing.ts',
    // A cycle is named once, at the first import of it.
    'no-circular: src/core/cycle-a.ts → src/core/cycle-b.ts',
    'no-upward-import-from-adapters: src/git/upward.ts → src/hooks/lazy.ts',
    'no-upward-import-from-application: src/merge/report.ts → src/cli/printer.ts',
    'no-upward-import-from-shared: src/errors.ts → src/core/pure.ts',
    'only-cli-imports-cli: src/merge/report.ts → src/cli/printer.ts',
    // node: builtins are named without their prefix.
    'pure-core: src/core/impure.ts → fs',
    'resolvable: src/setup/gone.ts → ./nowhere.js',
    'who-starts-programs: src/merge/start-git.ts → child_process',
  ]);
});
