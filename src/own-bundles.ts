// The commands with bundles of their own (scripts/build.mjs: dist/fast/*.cjs): the hooks, heads,
// check and the merge driver, which run on every commit, merge and CI build. Both executables,
// dist/bin.cjs (which npm links) and dist/bin.js, start them here, through V8's code cache
// (src/code-cache.ts), kept where Node's own compile cache is (src/compile-cache.ts says where).
import path from 'node:path';

import { loadBundle } from './code-cache.js';
import { compileCacheDirectory } from './compile-cache.js';

/** What the build knows of itself (scripts/build.mjs defines it as JSON): the version and each bundle's hash. */
export interface Build {
  readonly version: string;
  readonly bundles: Readonly<Record<string, string>>;
}

// Each command's bundle and the function it runs; help for them (`help heads`) is the CLI's.
const OWN_BUNDLES: Readonly<Record<string, string>> = {
  hook: 'runHookCommand',
  heads: 'run',
  check: 'run',
  driver: 'run',
};
// The hooks' bundle keeps a code cache per hook: each runs a part of it (src/code-cache.ts).
const HOOK_VARIANT = /^(?:pre|post)-[a-z-]{1,30}$/;

/** Whether `git-alembic <name> <args>` runs a bundle of its own; `hook --help` asks for the CLI's help. */
export function hasOwnBundle(name: string, args: readonly string[]): boolean {
  return (
    Object.hasOwn(OWN_BUNDLES, name) &&
    !(name === 'hook' && args.length === 1 && (args[0] === '--help' || args[0] === '-h'))
  );
}

/**
 * The function that runs command `name` (with `args`), from its bundle in `distDirectory`, or
 * undefined when this build has no bundle for it. NODE_DISABLE_COMPILE_CACHE=1 (Node's own
 * switch) turns the code cache off.
 */
export function ownBundleRun<Run>(
  name: string,
  args: readonly string[],
  distDirectory: string,
  build: Build,
): Run | undefined {
  const hash = build.bundles[name];
  const run = OWN_BUNDLES[name];
  if (hash === undefined || run === undefined) return undefined;
  const cache =
    process.env['NODE_DISABLE_COMPILE_CACHE'] === '1'
      ? undefined
      : compileCacheDirectory(path.dirname(distDirectory), build.version);
  const variant = name === 'hook' && HOOK_VARIANT.test(args[0] ?? '') ? args[0] : undefined;
  return loadBundle<Record<string, Run>>(
    { name, file: path.join(distDirectory, 'fast', `${name}.cjs`), hash, variant },
    cache,
  )[run];
}
