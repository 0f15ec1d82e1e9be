// User-facing text about what git-alembic runs of a project's own code: the Mako fallback (a
// Python renders a template the native renderer refuses), post-write hook programs that are
// missing, and what the git hooks hold back when an operation changed code they would run.

const list = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

/** Every message about trust and Python. */
export const TrustMessages = {
  // ---- the Mako fallback ---------------------------------------------------------------
  /** One line: Python rendered the template, and why the native renderer did not. */
  renderedWithPython: (template: string, python: string, refusal: string): string =>
    `rendered ${template} with Mako in ${python}, because git-alembic's own renderer refused it (${refusal})`,
  /** The same, in a git hook's own words. */
  renderedInHook: (template: string, python: string): string =>
    `rendered ${template} with Mako in ${python} (git-alembic's own renderer does not support it)`,
  /** Hint on the native refusal when no Python could take over. */
  NO_PYTHON_HINT:
    'no Python that can import mako was found for the fallback (GIT_ALEMBIC_PYTHON, the active virtualenv, .venv or venv, python3); ' +
    'install Mako there, simplify the template, or run `alembic merge heads` yourself',
  /** Mako failed too: the template is broken for Alembic as well. */
  makoFailed: (detail: string): string => `Mako cannot render the template either: ${detail}`,
  MAKO_FAILED_HINT:
    'Alembic would fail on this template too (Template rendering failed); fix the template',
  namedPythonFailed: (python: string, detail: string): string =>
    `GIT_ALEMBIC_PYTHON=${python} cannot render the template: ${detail}`,
  NO_MAKO: 'it cannot import mako',
  NOT_FOUND: 'no such program',
  exitStatus: (code: number | null, signal: string | null): string =>
    signal === null ? `it exited with status ${code ?? '?'}` : `it was killed by ${signal}`,
  pythonTimedOut: (python: string, seconds: number): string =>
    `${python} did not finish rendering the template within ${seconds} s`,

  // ---- post-write hook programs --------------------------------------------------------
  /** A hook's program is missing: nothing is written, so no machine writes an unformatted file. */
  hookProgramMissing: (hook: string, what: string): string =>
    `post write hook '${hook}' cannot run: ${what}; nothing was written`,
  HOOK_PROGRAM_MISSING_HINT:
    'install it (every machine that merges needs it, or they would write different files), or remove the hook from [post_write_hooks]',
  executableMissing: (program: string): string => `the executable ${program} was not found`,
  consoleScriptMissing: (entrypoint: string): string =>
    `Could not find entrypoint console_scripts.${entrypoint} (no such program on the PATH)`,
  moduleMissing: (module: string, python: string): string =>
    `Could not find module ${module} (in ${python})`,
  noPythonForModule: (module: string): string =>
    `no Python was found to run the module ${module} (set GIT_ALEMBIC_PYTHON)`,

  // ---- what the git hooks hold back ----------------------------------------------------
  /** The operation changed the post-write hooks (or a program they run): nothing written, one line. */
  heldBackHooks: (files: readonly string[], heads: readonly string[]): string =>
    `the incoming branch changed the post-write hooks (${list(files)}), so this hook runs none of them and wrote no merge revision of ${list(heads)}; ` +
    'look at them, then run `git-alembic merge`, which creates the merge revision and runs the hooks',
  /** The operation changed a template only Python can render: nothing written, one line. */
  heldBackTemplate: (files: readonly string[], heads: readonly string[]): string =>
    `the incoming branch changed ${list(files)}, which only Python can render, so this hook ran no Python and wrote no merge revision of ${list(heads)}; ` +
    'look at it, then run `git-alembic merge`, which creates the merge revision',
} as const;
