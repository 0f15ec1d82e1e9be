// Where the operating system would find a program: a name with a directory part relative to the
// working directory, a bare name on the PATH (with PATHEXT on Windows), as execvp and
// Python's subprocess do. Used to check post-write hook programs before anything is written.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** The absolute path `program` would run as, or undefined when there is no such executable file. */
export function findProgram(
  program: string,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (program === '') return undefined;
  const windows = process.platform === 'win32';
  const extensions = windows
    ? ['', ...(env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)]
    : [''];
  const hasDirectory = program.includes('/') || (windows && program.includes('\\'));
  const directories = hasDirectory ? [cwd] : pathDirectories(env, cwd);
  for (const directory of directories) {
    for (const extension of extensions) {
      const candidate = path.resolve(directory, program + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

// An empty PATH entry means the working directory, as for execvp.
function pathDirectories(env: Readonly<Record<string, string | undefined>>, cwd: string): string[] {
  const value = env['PATH'] ?? env['Path'] ?? '';
  return value.split(path.delimiter).map((entry) => (entry === '' ? cwd : entry));
}

function isExecutableFile(file: string): boolean {
  if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) return false;
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    // Not executable by us: execvp would skip it too.
    return false;
  }
}
