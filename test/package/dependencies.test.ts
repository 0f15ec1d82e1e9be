// Runtime dependencies are exactly what the code uses: every package in `dependencies` is
// imported (or resolved, as husky is) somewhere in src/, and nothing src/ uses is missing.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  dependencies?: Record<string, string>;
};

// `from 'x'`, `import('x')`, `import.meta.resolve('x')`, in code (comments are removed first).
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\.meta\.resolve\(\s*)'([^'.][^']*)'/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function usedPackages(): Set<string> {
  const builtins = new Set(builtinModules);
  const used = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    for (const match of withoutComments(readFileSync(file, 'utf8')).matchAll(SPECIFIER)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
      used.add(packageName(specifier));
    }
  }
  return used;
}

test('dependencies are exactly the packages src/ imports or resolves', (t) => {
  const used = usedPackages();
  used.delete(manifest.name);
  t.deepEqual([...used].sort(), Object.keys(manifest.dependencies ?? {}).sort());
});
