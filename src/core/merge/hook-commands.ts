// Post-write hooks as Alembic runs them after writing a revision (script/write_hooks.py): which
// program each hook starts and with which arguments. Configuration mistakes are found before
// anything is written (Alembic finds them after), so a broken hook never leaves a half-done merge.
import { UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';
import type { HookConfig } from '../config/alembic-settings/hooks.js';
import { shlexSplit } from './shlex-split.js';

/** The token Alembic replaces with the revision's absolute path. */
export const REVISION_SCRIPT_TOKEN = 'REVISION_SCRIPT_FILENAME';

/** What a hook starts. */
export type HookProgram =
  /** `exec`: `executable`, a name looked up on PATH or a path. */
  | { readonly kind: 'exec'; readonly executable: string }
  /** `console_scripts`: the console script named by `entrypoint` (we run it from PATH). */
  | { readonly kind: 'console_scripts'; readonly entrypoint: string }
  /** `module`: `python -m <module>`. */
  | { readonly kind: 'module'; readonly module: string };

/** One hook, ready to run on a revision file. */
export interface HookCommand {
  readonly name: string;
  readonly program: HookProgram;
  /** The arguments after the program, with the token replaced by the revision's path. */
  readonly args: readonly string[];
  /** The `cwd` option as written, when set. */
  readonly cwd: string | undefined;
}

const REQUIRED_OPTION = {
  exec: 'executable',
  console_scripts: 'entrypoint',
  module: 'module',
} as const;
type KnownType = keyof typeof REQUIRED_OPTION;

/**
 * The command of every hook for the revision at `path`. Throws UserError for a hook without a
 * type, of a type we cannot run (custom types live in env.py), without its required option, or
 * with `options` shlex cannot split.
 */
export function hookCommands(
  hooks: readonly HookConfig[],
  path: string,
  revisionEnvironment: boolean,
): HookCommand[] {
  return hooks.map((hook) => hookCommand(hook, path, revisionEnvironment));
}

function hookCommand(hook: HookConfig, path: string, revisionEnvironment: boolean): HookCommand {
  const type = hook.type;
  if (type === undefined) throw new UserError(MergeMessages.hookTypeMissing(hook.name));
  if (!Object.hasOwn(REQUIRED_OPTION, type)) {
    throw new UserError(MergeMessages.hookTypeUnknown(hook.name, type), {
      hint: MergeMessages.hookTypeUnknownHint(revisionEnvironment),
    });
  }
  const option = REQUIRED_OPTION[type as KnownType];
  const value = hook.options[option];
  if (value === undefined) throw new UserError(MergeMessages.hookOptionMissing(hook.name, option));
  return {
    name: hook.name,
    program: program(type as KnownType, value),
    args: hookArguments(hook.options['options'] ?? '', path),
    cwd: hook.options['cwd'],
  };
}

function program(type: KnownType, value: string): HookProgram {
  switch (type) {
    case 'exec':
      return { kind: 'exec', executable: value };
    case 'console_scripts':
      return { kind: 'console_scripts', entrypoint: value };
    case 'module':
      return { kind: 'module', module: value };
  }
}

/**
 * Alembic's `_parse_cmdline_options`: the token is prepended when absent, the text is split
 * with shlex, and the token is replaced inside every argument (a substring replacement).
 */
export function hookArguments(options: string, path: string): string[] {
  const text = options.includes(REVISION_SCRIPT_TOKEN)
    ? options
    : `${REVISION_SCRIPT_TOKEN} ${options}`;
  return shlexSplit(text).map((argument) => argument.replaceAll(REVISION_SCRIPT_TOKEN, path));
}
