// Runtime dependencies are exactly what the code uses: every package in `dependencies` is
// imported (or resolved, as husky is) somewhere in src/, and nothing src/ uses is missing, except
// a development dependency the build bundles into our files (scripts/build.mjs: @noble/hashes),
// which no built file may then import.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
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

// The packages the built files import or require (dist/ is built before the tests run).
function packagesDistLoads(): Set<string> {
  const loads = new Set<string>();
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*)"([^".][^"]*)"/g;
  const files = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(directory, entry.name);
      return entry.isDirectory() ? files(full) : /\.c?js$/.test(entry.name) ? [full] : [];
    });
  for (const file of files(path.join(ROOT, 'dist'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const specifier = match[1] ?? '';
      if (!specifier.startsWith('node:')) loads.add(packageName(specifier));
    }
  }
  return loads;
}

test('dependencies are exactly the packages src/ imports or resolves, less those the build bundles', (t) => {
  const used = usedPackages();
  used.delete(manifest.name);
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const bundled = [...used].filter((name) => !dependencies.includes(name));
  t.deepEqual(bundled, ['@noble/hashes'], 'the one package the build bundles');
  t.true(bundled.every((name) => Object.hasOwn(manifest.devDependencies ?? {}, name)));
  t.deepEqual([...used].filter((name) => !bundled.includes(name)).sort(), dependencies.sort());
  const loads = packagesDistLoads();
  t.deepEqual(
    bundled.filter((name) => loads.has(name)),
    [],
    'no built file loads a bundled package',
  );
  t.true(loads.has('yaml'), 'the scan of dist/ finds the packages it does load');
});
