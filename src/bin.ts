#!/usr/bin/env node
// The executable. A hook run goes straight to the hooks' own bundle (src/cli/hook-entry.ts),
// heads, check and the merge driver to bundles of their own (src/cli/entries/): these run on
// every commit, merge and CI build, and loading the CLI's shared chunks cost them more than their
// work. Everything else goes to the CLI. Each is imported here, after the choice, so that no path
// loads another's modules, and after Node's compile cache is on (src/compile-cache.ts).
import { fileURLToPath } from 'node:url';

import type { CommandContext } from './cli/context.js';
import { processContext } from './cli/context.js';
import { enableCompileCache } from './compile-cache.js';
import type { ExitCode } from './exit-codes.js';

type Run = (args: readonly string[], ctx: CommandContext) => Promise<ExitCode>;

// The commands with a bundle of their own; help for them (`help heads`) is the CLI's.
const STANDALONE: Readonly<Record<string, () => Promise<Run>>> = {
  hook: async () => (await import('./cli/hook-entry.js')).runHookCommand,
  heads: async () => (await import('./cli/entries/heads.js')).run,
  check: async () => (await import('./cli/entries/check.js')).run,
  driver: async () => (await import('./cli/entries/driver.js')).run,
};

// dist/bin.js (or src/bin.ts): the package root is one directory up.
enableCompileCache(fileURLToPath(new URL('..', import.meta.url)));
const [name = '', ...args] = process.argv.slice(2);
// `hook --help` asks for the hook command's help, which is the CLI's.
const standalone = Object.hasOwn(STANDALONE, name) && !(name === 'hook' && args.length === 1 && (args[0] === '--help' || args[0] === '-h'));
// exitCode instead of exit(): lets stdout and stderr flush before the process ends.
process.exitCode = standalone
  ? await (await (STANDALONE[name] as () => Promise<Run>)())(args, processContext())
  : await (await import('./cli/main.js')).main(process.argv.slice(2), processContext());
