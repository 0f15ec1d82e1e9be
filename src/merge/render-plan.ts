// Renders a planned merge: with git-alembic's own renderer, or, where it refuses the template,
// with Mako in a Python (the fallback), unless the config or GIT_ALEMBIC_PYTHON=0 turns that off
// or a git hook finds that the operation changed the template (a template is code). Either text
// then goes through the same read-back check, so a template that writes the wrong ids is refused.
import { displayPath } from '../alembic/config-files.js';
import type { PlannedMerge } from '../core/merge/merge-plan.js';
import {
  encodeAndVerify,
  mergeTemplateVariables,
  type RenderContext,
  renderMergeText,
} from '../core/merge/render-merge.js';
import { formatLocation, InputError } from '../errors.js';
import { TrustMessages } from '../messages/trust.js';
import type { PythonTemplateRequest } from '../python/mako-fallback.js';
import {
  changedPrograms,
  changedTemplate,
  type HeldBack,
  type OperationTrust,
} from './operation-trust.js';
import type { MergeEnvironment } from './merge-environment.js';
import type { RenderedPlan } from './write-merge.js';
import type { WriteTarget } from '../fs/write-target.js';

/** Whether and how the Mako fallback may run. */
export interface FallbackPolicy {
  /** The config's `pythonFallback`, and GIT_ALEMBIC_PYTHON is not `0`. */
  readonly enabled: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly repoRoot: string;
  /** In a git hook: what the operation changed. Undefined for `git-alembic merge`. */
  readonly trust: OperationTrust | undefined;
  /** Told when a Python rendered the template (before its output is checked), with the native refusal. */
  readonly announce: (python: string, refusal: string) => void;
}

/** A rendered merge, or why a hook wrote nothing. */
export type RenderOutcome =
  | { readonly kind: 'rendered'; readonly merge: RenderedPlan }
  | { readonly kind: 'held-back'; readonly heldBack: HeldBack };

/** Renders, encodes and verifies one merge; throws UserError naming what is wrong. */
export async function renderPlan(
  plan: PlannedMerge,
  prepared: MergeEnvironment,
  destination: WriteTarget,
  policy: FallbackPolicy,
): Promise<RenderOutcome> {
  const { environment, template, codec } = prepared;
  const target = destination.file;
  const context: RenderContext = {
    template,
    mainOptions: environment.mainOptions,
    codec,
    constants: environment.constants,
    displayPath: displayPath(target, policy.repoRoot),
  };
  let text: string;
  try {
    text = renderMergeText(plan, context);
  } catch (error) {
    if (!(error instanceof InputError) || !policy.enabled) throw error;
    const fallback = await renderWithPython(plan, prepared, policy, error);
    if (fallback.kind === 'held-back') return fallback;
    text = fallback.text;
  }
  return {
    kind: 'rendered',
    merge: { plan, rendered: encodeAndVerify(plan, text, context), destination },
  };
}

type Fallback =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'held-back'; readonly heldBack: HeldBack };

async function renderWithPython(
  plan: PlannedMerge,
  prepared: MergeEnvironment,
  policy: FallbackPolicy,
  refusal: InputError,
): Promise<Fallback> {
  if (policy.trust !== undefined) {
    const changed = await changedTemplate(prepared.environment, policy.trust);
    if (changed !== undefined)
      return { kind: 'held-back', heldBack: { reason: 'template', files: changed } };
  }
  // Loaded only here: most templates never need Python.
  const [{ pythonCandidates }, { renderWithMako }] = await Promise.all([
    import('../python/find-python.js'),
    import('../python/mako-fallback.js'),
  ]);
  const found = pythonCandidates(policy.env, policy.repoRoot);
  const untrusted =
    policy.trust === undefined
      ? new Set<string>()
      : await changedPrograms(policy.trust, found.candidates);
  const candidates = {
    ...found,
    candidates: found.candidates.filter((python) => !untrusted.has(python)),
  };
  const rendering = renderWithMako(
    pythonRequest(plan, prepared, policy.repoRoot),
    prepared.template.name,
    candidates,
    policy.env,
  );
  if (rendering === undefined) throw withHint(refusal, TrustMessages.NO_PYTHON_HINT);
  policy.announce(rendering.python, refusal.message);
  return { kind: 'text', text: rendering.text };
}

/** The variables `alembic merge` passes, with the same id, date and message as the native path. */
function pythonRequest(
  plan: PlannedMerge,
  prepared: MergeEnvironment,
  repoRoot: string,
): PythonTemplateRequest {
  const { environment, template, timezone } = prepared;
  const variables = mergeTemplateVariables(plan, environment.mainOptions);
  const { wall, offsetSeconds } = plan.date.createDate;
  const options: Array<[string, string]> = [];
  const broken: Array<[string, string]> = [];
  for (const name of environment.mainOptions.keys()) {
    try {
      options.push([name, environment.mainOptions.get(name) as string]);
    } catch (error) {
      // A value that cannot be interpolated fails only when the template reads it.
      broken.push([name, error instanceof Error ? error.message : String(error)]);
    }
  }
  return {
    template: template.source,
    variables: {
      up_revision: variables.upRevision,
      down_revision: variables.downRevision,
      branch_labels: variables.branchLabels,
      depends_on: variables.dependsOn,
      message: variables.message,
      create_date: {
        ...wall,
        offset: offsetSeconds ?? null,
        zone: offsetSeconds !== undefined && timezone?.kind === 'iana' ? timezone.name : null,
      },
      config: {
        file: displayPath(environment.configFile, repoRoot),
        section: environment.section,
        options,
        broken,
      },
    },
  };
}

// The same refusal, with a hint saying why Python did not take over.
function withHint(error: InputError, hint: string): InputError {
  return new InputError(
    error.location,
    error.message.slice(formatLocation(error.location).length + 2),
    { hint, cause: error },
  );
}
