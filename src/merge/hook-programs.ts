// Post-write hooks resolved to the programs they start, before anything is written. A hook whose
// executable, console script or module is missing fails the merge here (Alembic fails after
// writing the file), so no machine writes the unformatted file while another writes the
// formatted one. Each hook also lists the files in the work tree it would run, for the git
// hooks' trust check: its program, an interpreter, scripts named in its arguments, a module.
import { statSync } from 'node:fs';
import path from 'node:path';

import type { HookCommand } from '../core/merge/hook-commands.js';
import { UserError } from '../errors.js';
import { findProgram } from '../fs/find-program.js';
import { TrustMessages } from '../messages/trust.js';
import { findModule } from '../python/find-module.js';
import { pythonCandidates } from '../python/find-python.js';

/** Where hooks run. */
export interface HookPlace {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory when a hook has no `cwd` option. */
  readonly cwd: string;
  /** A relative `cwd` option resolves against this directory (the config file's). */
  readonly configDirectory: string;
  readonly repoRoot: string;
  /** Interpreters a git operation changed: never started, not even to look for a module. */
  readonly untrusted: ReadonlySet<string>;
}

/** What one hook starts. */
export interface HookLaunch {
  /** The program (absolute) and the arguments before the hook's own: `[python, -m, module]`, `[ruff]`. */
  readonly argv: readonly string[];
  readonly cwd: string;
  /** Files the hook runs (absolute), for the trust check. */
  readonly code: readonly string[];
}

/** The launch of every hook, by hook name; throws UserError naming the first hook that cannot run. */
export function resolveHookLaunches(
  commands: readonly HookCommand[],
  place: HookPlace,
): Map<string, HookLaunch> {
  return new Map(commands.map((command) => [command.name, resolveLaunch(command, place)]));
}

/** The working directory of a hook. */
export function hookCwd(
  command: HookCommand,
  place: Pick<HookPlace, 'cwd' | 'configDirectory'>,
): string {
  return command.cwd === undefined ? place.cwd : path.resolve(place.configDirectory, command.cwd);
}

function resolveLaunch(command: HookCommand, place: HookPlace): HookLaunch {
  const cwd = hookCwd(command, place);
  const scripts = command.args
    .map((argument) => path.resolve(cwd, argument))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
  const { program } = command;
  const missing = (what: string): never => {
    throw new UserError(TrustMessages.hookProgramMissing(command.name, what), {
      hint: TrustMessages.HOOK_PROGRAM_MISSING_HINT,
    });
  };
  switch (program.kind) {
    case 'exec': {
      const found =
        findProgram(program.executable, cwd, place.env) ??
        missing(TrustMessages.executableMissing(program.executable));
      return { argv: [found], cwd, code: [found, ...scripts] };
    }
    case 'console_scripts': {
      // Alembic imports the entry point in its own interpreter; its console script is the same code.
      const found =
        findProgram(program.entrypoint, cwd, place.env) ??
        missing(TrustMessages.consoleScriptMissing(program.entrypoint));
      return { argv: [found], cwd, code: [found, ...scripts] };
    }
    case 'module': {
      const python =
        modulePython(place) ?? missing(TrustMessages.noPythonForModule(program.module));
      // The trust check after resolution holds this hook back; nothing may start it before.
      if (place.untrusted.has(python))
        return { argv: [python, '-m', program.module], cwd, code: [python] };
      const module =
        findModule(python, program.module, cwd, place.env) ??
        missing(TrustMessages.moduleMissing(program.module, python));
      return { argv: [python, '-m', program.module], cwd, code: [python, ...module, ...scripts] };
    }
  }
}

/** The Python Alembic's `python -m` would be: the first of the usual candidates that exists. */
export function modulePython(place: Pick<HookPlace, 'env' | 'repoRoot'>): string | undefined {
  return pythonCandidates(place.env, place.repoRoot).candidates.find((candidate) =>
    path.isAbsolute(candidate),
  );
}
