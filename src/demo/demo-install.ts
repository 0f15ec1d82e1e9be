// Installs git-alembic into the demo repository without the network: node_modules as npm would
// leave it, made of links to this very package (the build that runs the demo) and to the husky
// it depends on, and the `.bin/git-alembic` shim the driver and the hooks run.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { shellQuote } from '../core/setup/shell-quote.js';
import { UserError } from '../errors.js';
import { ownHuskyDirectory } from '../husky/husky.js';
import { DemoMessages } from '../messages/demo.js';
import { packageRoot } from '../fs/package-root.js';

/** This package: its root directory and its built CLI. */
export interface OwnPackage {
  readonly root: string;
  readonly bin: string;
}

/**
 * The package running the demo, found from this module's own location (`dist/demo/` in the
 * build). @throws UserError when the CLI has not been built (`npm run build`).
 */
export function ownPackage(): OwnPackage {
  const root = packageRoot();
  const bin = path.join(root, 'dist', 'bin.cjs');
  if (!existsSync(bin))
    throw new UserError(DemoMessages.notBuilt(bin), { hint: DemoMessages.NOT_BUILT_HINT });
  return { root, bin };
}

/** Writes `<directory>/node_modules`: git-alembic and husky linked, and the binary shim. */
export function installOwnPackage(directory: string, own: OwnPackage): void {
  const modules = path.join(directory, 'node_modules');
  mkdirSync(path.join(modules, '.bin'), { recursive: true });
  // 'junction': a directory link that Windows allows without extra privileges; ignored elsewhere.
  symlinkSync(own.root, path.join(modules, 'git-alembic'), 'junction');
  symlinkSync(ownHuskyDirectory(), path.join(modules, 'husky'), 'junction');
  writeFileSync(path.join(modules, '.bin', 'git-alembic'), binShim(own.bin), { mode: 0o755 });
}

// What npm's bin link does, as a POSIX sh script (the driver and hooks run it under sh): run the
// CLI with the node running the demo, so a GUI-short PATH cannot pick another one.
function binShim(bin: string): string {
  const forward = (file: string): string => file.split(path.sep).join('/');
  return `#!/bin/sh\nexec ${shellQuote(forward(process.execPath))} ${shellQuote(forward(bin))} "$@"\n`;
}
