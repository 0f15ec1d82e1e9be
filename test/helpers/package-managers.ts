// pnpm and yarn (classic) for the lock-file tests, installed from the npm registry with npm
// once per machine into the temp directory (a few seconds), and shared by later runs. When they
// cannot be installed (no registry), the reason instead: those tests are then skipped, saying why.
// Synchronous, because AVA wants every test declared synchronously, skipped ones included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { withoutNpmSettings } from './npm-environment.js';

/** The versions installed: pnpm 9 and yarn 1, the ones most projects pin. */
const TOOLS = { pnpm: 'pnpm@9', yarn: 'yarn@1' } as const;

/** Absolute paths of the installed binaries, or why they could not be installed. */
export type PackageManagerTools =
  | { readonly bin: Readonly<Record<keyof typeof TOOLS, string>> }
  | { readonly reason: string };

/** pnpm and yarn, installed when this machine has not got them cached yet. */
export function packageManagerTools(): PackageManagerTools {
  const base = realpathSync(os.tmpdir());
  const directory = path.join(base, 'git-alembic-package-managers-v1');
  const bins = path.join(directory, 'node_modules', '.bin');
  const bin = { pnpm: path.join(bins, 'pnpm'), yarn: path.join(bins, 'yarn') };
  if (installed(bins)) return { bin };
  // Built aside and renamed into place: a concurrent run never sees half an install.
  const building = mkdtempSync(path.join(base, 'git-alembic-package-managers-'));
  try {
    writeFileSync(path.join(building, 'package.json'), '{"private": true}\n');
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', ...Object.values(TOOLS)],
      { cwd: building, env: withoutNpmSettings(process.env), stdio: 'pipe' },
    );
    if (!installed(bins)) renameSync(building, directory);
    return { bin };
  } catch (error) {
    return {
      reason: `pnpm and yarn could not be installed from the npm registry (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

function installed(bins: string): boolean {
  try {
    return readdirSync(bins).includes('yarn') && readdirSync(bins).includes('pnpm');
  } catch {
    // Not installed yet.
    return false;
  }
}
