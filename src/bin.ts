#!/usr/bin/env node
import { processContext } from './cli/context.js';
import { main } from './cli/main.js';

// exitCode instead of exit(): lets stdout and stderr flush before the process ends.
process.exitCode = await main(process.argv.slice(2), processContext());
