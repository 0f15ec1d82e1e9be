#!/usr/bin/env node
// The executable. A hook run goes straight to the hooks' own bundle (see src/cli/hook-entry.ts);
// everything else to the CLI. Both are imported here, after the choice, so that neither path
// loads the other's modules, and after Node's compile cache is on (src/compile-cache.ts).
import { fileURLToPath } from 'node:url';

import { processContext } from './cli/context.js';
import { enableCompileCache } from './compile-cache.js';

// dist/bin.js (or src/bin.ts): the package root is one directory up.
enableCompileCache(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
// Only `hook …` needs these two words; checking them here keeps the CLI out of a hook's start-up.
const hookRun = argv[0] === 'hook' && !(argv.length === 2 && (argv[1] === '--help' || argv[1] === '-h'));
// exitCode instead of exit(): lets stdout and stderr flush before the process ends.
process.exitCode = hookRun
  ? await (await import('./cli/hook-entry.js')).runHookCommand(argv.slice(1), processContext())
  : await (await import('./cli/main.js')).main(argv, processContext());
