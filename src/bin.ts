#!/usr/bin/env node
// The CLI's executable as an ES module (dist/bin.js); npm links dist/bin.cjs (src/bin-cjs.ts),
// which starts the commands with bundles of their own itself and brings everything else here.
// A hook run goes straight to the hooks' own bundle, heads, check and the merge driver to
// bundles of their own (src/own-bundles.ts): these run on every commit, merge and CI build, and
// loading the CLI's shared chunks cost them more than their work. Everything else goes to the
// CLI, after Node's compile cache is on (src/compile-cache.ts). Each is loaded here, after the
// choice, so that no path loads another's modules.
import { fileURLToPath } from 'node:url';

import type { CommandContext } from './cli/context.js';
import { processContext } from './cli/context.js';
import { enableCompileCache } from './compile-cache.js';
import type { ExitCode } from './exit-codes.js';
import { type Build, hasOwnBundle, ownBundleRun } from './own-bundles.js';

type Run = (args: readonly string[], ctx: CommandContext) => Promise<ExitCode>;

/** Set by the build (scripts/build.mjs), as JSON; undefined when run from src/. */
declare const GIT_ALEMBIC_BUILD: string | undefined;

// Run from src/ (tsx, in development): the bundles' entries, imported as modules.
const FROM_SOURCE: Readonly<Record<string, () => Promise<Run>>> = {
  hook: async () => (await import('./cli/hook-entry.js')).runHookCommand,
  heads: async () => (await import('./cli/entries/heads.js')).run,
  check: async () => (await import('./cli/entries/check.js')).run,
  driver: async () => (await import('./cli/entries/driver.js')).run,
};

async function ownRun(name: string, args: readonly string[]): Promise<Run> {
  const build =
    typeof GIT_ALEMBIC_BUILD === 'undefined' ? undefined : (JSON.parse(GIT_ALEMBIC_BUILD) as Build);
  const bundled =
    build === undefined
      ? undefined
      : ownBundleRun<Run>(name, args, fileURLToPath(new URL('.', import.meta.url)), build);
  return bundled ?? (await (FROM_SOURCE[name] as () => Promise<Run>)());
}

const [name = '', ...args] = process.argv.slice(2);
const own = hasOwnBundle(name, args);
// dist/bin.js (or src/bin.ts): the package root is one directory up. Not for uninstall, which
// removes the caches: Node would write its own back at exit.
if (!own && name !== 'uninstall') enableCompileCache(fileURLToPath(new URL('..', import.meta.url)));
// exitCode instead of exit(): lets stdout and stderr flush before the process ends.
process.exitCode = own
  ? await (await ownRun(name, args))(args, processContext())
  : await (await import('./cli/main.js')).main(process.argv.slice(2), processContext());
