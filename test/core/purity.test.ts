// The core stays pure: no node:* modules, no npm packages, no process. This test is the fence.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'ava';

const ROOT = new URL('../../', import.meta.url).pathname;
const CORE = join(ROOT, 'src', 'core');
const IMPORT = /\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

for (const file of sourceFiles(CORE)) {
  const name = relative(ROOT, file);
  test(`${name} imports only pure modules`, (t) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
    const allowed = /^\.{1,2}\//;
    const impure = specifiers.filter((specifier) => !allowed.test(specifier));
    t.deepEqual(impure, [], 'core modules import only relative modules');
    const escaping = specifiers.filter((specifier) => {
      const target = join(file, '..', specifier);
      return !target.startsWith(CORE) && !/src\/(errors|exit-codes)\.js$|src\/messages\//.test(target);
    });
    t.deepEqual(escaping, [], 'core modules import only core, errors, exit-codes and messages');
    t.notRegex(source, /\bprocess\.|\brequire\(/, 'core modules never touch the process');
  });
}
