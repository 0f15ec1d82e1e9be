// Whether `python -m <module>` would find the module, asked the way Alembic's `module` hook type
// asks (importlib.util.find_spec), but without importing any package on the way: a git hook must
// be able to check where the code is before any of it runs.
import { spawnPython } from './spawn-python.js';

// Walks the dotted name with the path finders: a package's __init__ is located, never executed.
const FIND_MODULE_SCRIPT = String.raw`
import importlib.machinery, importlib.util, json, sys
parts = sys.argv[1].split(".")
spec = importlib.util.find_spec(parts[0])
files = []
for index in range(len(parts)):
    if index > 0:
        search = list(spec.submodule_search_locations or [])
        spec = importlib.machinery.PathFinder.find_spec(".".join(parts[: index + 1]), search) if search else None
    if spec is None:
        break
    if spec.origin and spec.has_location:
        files.append(spec.origin)
    files.extend(spec.submodule_search_locations or [])
sys.stdout.write(json.dumps(files if spec is not None else None))
`;

/**
 * The files and package directories of `module` as `python -m` in `cwd` would find it (its own
 * file last), or undefined when it cannot be found or Python cannot answer.
 */
export function findModule(
  python: string,
  module: string,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): string[] | undefined {
  const run = spawnPython(python, ['-c', FIND_MODULE_SCRIPT, module], { cwd, env });
  if (run.status !== 0) return undefined;
  try {
    const files = JSON.parse(run.stdout) as unknown;
    return Array.isArray(files)
      ? files.filter((file): file is string => typeof file === 'string')
      : undefined;
  } catch {
    // Something else printed on stdout: treat as not found, as Alembic could not run it either.
    return undefined;
  }
}
