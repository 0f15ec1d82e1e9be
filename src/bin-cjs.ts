// The executable npm links (package.json `bin`: dist/bin.cjs), built as CommonJS: an ES module
// entry makes node start its ES module loader first, about 5 ms of every hook (measured: a hook
// that ends at once, 43 -> 36 ms). The commands that run on every commit, merge and CI build
// start their bundles of their own from here (src/own-bundles.ts, scripts themselves);
// everything else is the CLI's, whose ES module entry (dist/bin.js) this imports.
import type { CommandContext } from './cli/context.js';
import { processContext } from './cli/context.js';
import type { ExitCode } from './exit-codes.js';
import { type Build, hasOwnBundle, ownBundleRun } from './own-bundles.js';

type Run = (args: readonly string[], ctx: CommandContext) => Promise<ExitCode>;

/** Set by the build (scripts/build.mjs), as JSON. */
declare const GIT_ALEMBIC_BUILD: string;

const [name = '', ...args] = process.argv.slice(2);
const run = hasOwnBundle(name, args)
  ? ownBundleRun<Run>(name, args, __dirname, JSON.parse(GIT_ALEMBIC_BUILD) as Build)
  : undefined;
// exitCode instead of exit(): lets stdout and stderr flush before the process ends.
if (run === undefined) void import('./bin.js');
else void run(args, processContext()).then((code) => (process.exitCode = code));
