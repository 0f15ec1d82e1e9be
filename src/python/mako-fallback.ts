// The Mako fallback: when the native renderer refuses a template, a Python that can import Mako
// renders it with the same variables `alembic merge` passes. Data goes to Python as JSON on
// stdin, the program as an argv string (`-I`: no PYTHON* variables, no user site, the working
// directory not on sys.path), never through a shell.
import type { WallClock } from '../core/naming/create-date.js';
import { InputError, UserError } from '../errors.js';
import { TrustMessages } from '../messages/trust.js';
import { NO_MAKO_STATUS, RENDER_MAKO_SCRIPT } from './render-mako-script.js';
import type { PythonCandidates } from './find-python.js';
import { PYTHON_TIMEOUT_MS, spawnPython } from './spawn-python.js';

/** The variables of one merge as the script takes them (arrays stand for tuples). */
export interface PythonTemplateRequest {
  readonly template: string;
  readonly variables: {
    readonly up_revision: string;
    readonly down_revision: string | readonly string[] | null;
    readonly branch_labels: readonly string[] | null;
    readonly depends_on: string | readonly string[] | null;
    readonly message: string;
    readonly create_date: PythonDate;
    /** The main section's options; `broken` ones fail when read, as their interpolation does. */
    readonly config: {
      readonly file: string;
      readonly section: string;
      readonly options: ReadonlyArray<readonly [string, string]>;
      readonly broken: ReadonlyArray<readonly [string, string]>;
    };
  };
}

/** A datetime's fields; `offset` (seconds) and `zone` only when a timezone is configured. */
export interface PythonDate extends WallClock {
  readonly offset: number | null;
  readonly zone: string | null;
}

/** The text Mako rendered and the Python that ran it; undefined when no candidate has Mako. */
export type MakoRendering = { readonly text: string; readonly python: string } | undefined;

/** Renders with the first candidate that can import Mako. Throws InputError (at `templateName`) when Mako cannot render it either. */
export function renderWithMako(
  request: PythonTemplateRequest,
  templateName: string,
  pythons: PythonCandidates,
  env: Readonly<Record<string, string | undefined>>,
): MakoRendering {
  const input = JSON.stringify(request);
  for (const python of pythons.candidates) {
    const run = spawnPython(python, ['-I', '-B', '-c', RENDER_MAKO_SCRIPT], { input, env });
    const answer = run.status === 0 ? parseAnswer(run.stdout) : undefined;
    if (answer !== undefined) return finish(answer, python, templateName);
    if (run.error !== undefined && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
      throw new UserError(TrustMessages.pythonTimedOut(python, PYTHON_TIMEOUT_MS / 1000));
    // GIT_ALEMBIC_PYTHON names one Python on purpose: say what went wrong with it.
    if (pythons.explicit)
      throw new UserError(
        TrustMessages.namedPythonFailed(
          python,
          run.status === NO_MAKO_STATUS ? TrustMessages.NO_MAKO : failure(run),
        ),
      );
  }
  return undefined;
}

type Answer = { readonly text: string } | { readonly error: string; readonly line: number | null };

function parseAnswer(stdout: string): Answer | undefined {
  try {
    const value = JSON.parse(stdout) as unknown;
    if (typeof value === 'object' && value !== null && ('text' in value || 'error' in value))
      return value as Answer;
  } catch {
    // Not our script's answer (a wrapper printed something else): this Python is not usable.
  }
  return undefined;
}

function finish(answer: Answer, python: string, templateName: string): MakoRendering {
  if ('text' in answer) return { text: answer.text, python };
  const detail = answer.error.split('\n')[0] ?? answer.error;
  throw new InputError(
    { file: templateName, line: answer.line ?? undefined },
    TrustMessages.makoFailed(detail),
    { hint: TrustMessages.MAKO_FAILED_HINT },
  );
}

function failure(run: ReturnType<typeof spawnPython>): string {
  if (run.error !== undefined)
    return (run.error as NodeJS.ErrnoException).code === 'ENOENT'
      ? TrustMessages.NOT_FOUND
      : run.error.message;
  const stderr =
    String(run.stderr ?? '')
      .trim()
      .split('\n')
      .at(-1) ?? '';
  return stderr === '' ? TrustMessages.exitStatus(run.status, run.signal) : stderr;
}
