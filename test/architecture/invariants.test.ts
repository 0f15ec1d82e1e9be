// What the dependency check (.dependency-cruiser.cjs) cannot see in an import: the core never
// touches the process, and only the CLI and the entry points reach the real stdout and stderr
// (application code prints through the Output it is handed, src/runtime/output.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

// `file:line` of every line outside comments that matches `pattern`.
function offenders(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        !/^\s*(\/\/|\*|\/\*)/.test(line) && pattern.test(line)
          ? [`${path.relative(SRC, file)}:${index + 1}`]
          : [],
      ),
  );
}

const ALL = sourceFiles(SRC).map((file) => path.relative(SRC, file).split(path.sep).join('/'));

test('the core never touches the process, nor loads a module by require', (t) => {
  const core = ALL.filter((file) => file.startsWith('core/')).map((file) => path.join(SRC, file));
  t.true(core.length > 100);
  t.deepEqual(offenders(core, /\bprocess\.|\brequire\(/), []);
});

test('only cli/ and the entry points reach stdout, stderr or the console', (t) => {
  const entries = new Set(['bin.ts', 'prepare.ts']);
  const others = ALL.filter((file) => !file.startsWith('cli/') && !entries.has(file)).map((file) =>
    path.join(SRC, file),
  );
  // Python source in a string (`sys.stdout.write`) is not ours to print with.
  t.deepEqual(
    offenders(
      others,
      /\bprocess\.(stdout|stderr)\b|\bconsole\.|(?<!\bsys)\.(stdout|stderr)\.write\(/,
    ),
    [],
  );
});
