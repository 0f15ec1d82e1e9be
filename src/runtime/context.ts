// What application code (merge, hooks, setup, doctor, driver, demo) is handed instead of reading
// `process`: where it runs, its environment and its standard input. It holds no stream on
// purpose: output goes through Output (./output.ts), which only cli/ implements, so only cli/
// writes to stdout and stderr.
import type { Output } from './output.js';

/** The process a run happens in, as application code may know it. */
export interface RunContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read lazily (post-rewrite receives `old new` lines there). */
  readonly readStdin: () => Promise<string>;
  /** This process's script (as started: a bin link stays a link) and node; the pre-commit framework's merge driver runs them. */
  readonly running?: { readonly script: string; readonly node: string };
}

/** Everything an application entry receives besides its options: the process and where output goes. */
export interface Runtime {
  readonly ctx: RunContext;
  readonly out: Output;
}
