// Turns a planned merge into the bytes of its file: the project's script.py.mako rendered with
// the variables `alembic merge` passes, encoded with `output_encoding`, then read back with our
// own revision reader. A file we could not read back (a `"""` in the message, a template that
// does not write the ids, a non-UTF-8 file Python cannot import) is refused before it is written.
import { InputError, UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';
import { formatCreateDate } from '../naming/create-date.js';
import { readRevisionFile } from '../revision-file/read-revision-file.js';
import type { ConstantValue, Revision } from '../revision.js';
import { renderMakoTemplate, reprString, type TemplateVariables } from '../template/index.js';
import type { PlannedMerge } from './merge-plan.js';
import type { OutputCodec } from './output-encoding.js';

/** The project's template. */
export interface MergeTemplate {
  readonly source: string;
  /** How errors name it (path relative to the repository). */
  readonly name: string;
}

/** What rendering needs besides the plan. */
export interface RenderContext {
  readonly template: MergeTemplate;
  /** The main section's options, for `config.get_main_option`. */
  readonly mainOptions: ReadonlyMap<string, string>;
  readonly codec: OutputCodec;
  /** The project's constants, so the read-back sees the file as `heads` will. */
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /** How the read-back names the new file in errors. */
  readonly displayPath: string;
}

/** The rendered revision: its text and the bytes to write. */
export interface RenderedMerge {
  readonly text: string;
  readonly bytes: Uint8Array;
}

/** The variables `alembic merge` passes to script.py.mako for this merge. */
export function mergeTemplateVariables(
  plan: PlannedMerge,
  mainOptions: ReadonlyMap<string, string>,
): TemplateVariables {
  return {
    upRevision: plan.id,
    // Alembic's tuple_rev_as_scalar: a merge always has two or more parents, hence a tuple.
    downRevision: plan.parents.length === 1 ? (plan.parents[0] as string) : plan.parents,
    branchLabels: null,
    dependsOn: null,
    createDate: formatCreateDate(plan.date.createDate),
    timezone: plan.date.timezone,
    message: plan.message,
    mainOptions,
  };
}

/** Renders, encodes and verifies the merge revision; throws UserError naming what is wrong. */
export function renderMerge(plan: PlannedMerge, context: RenderContext): RenderedMerge {
  return encodeAndVerify(plan, renderMergeText(plan, context), context);
}

/** The template rendered by the native renderer; throws InputError where it refuses the template. */
export function renderMergeText(plan: PlannedMerge, context: RenderContext): string {
  return renderMakoTemplate(
    context.template.source,
    context.template.name,
    mergeTemplateVariables(plan, context.mainOptions),
  );
}

/** Encodes rendered text (ours or Mako's) and reads it back; throws UserError when it is not the merge planned. */
export function encodeAndVerify(
  plan: PlannedMerge,
  text: string,
  context: RenderContext,
): RenderedMerge {
  refuseQuotedTuple(plan, text, context.template.name);
  const bytes = context.codec.encode(text);
  verifyReadBack(plan, bytes, context);
  return { text, bytes };
}

// `down_revision = "${down_revision}"` writes the tuple's str() inside quotes: Alembic writes
// that file and reads back one bogus parent, so the history splits again. Say so plainly.
function refuseQuotedTuple(plan: PlannedMerge, text: string, templateName: string): void {
  const tuple = `(${plan.parents.map(reprString).join(', ')})`;
  const quoted = text
    .split('\n')
    .some(
      (line) =>
        line.startsWith('down_revision') &&
        (line.includes(`"${tuple}"`) || line.includes(`'${tuple}'`)),
    );
  if (quoted)
    throw new UserError(MergeMessages.quotedDownRevision(templateName, tuple), {
      hint: MergeMessages.QUOTED_DOWN_REVISION_HINT,
    });
}

function verifyReadBack(plan: PlannedMerge, bytes: Uint8Array, context: RenderContext): void {
  const fileName = plan.fileName.slice(plan.fileName.lastIndexOf('/') + 1);
  let revision: Revision;
  try {
    revision = readRevisionFile(
      { fileName, displayPath: context.displayPath, bytes },
      { constants: context.constants },
    );
  } catch (error) {
    // The reader's InputError says what is wrong with the text; say that it is the new file.
    if (!(error instanceof InputError)) throw error;
    throw new UserError(MergeMessages.unreadableResult(error.message), {
      hint: MergeMessages.unreadableResultHint(context.template.name),
      cause: error,
    });
  }
  const problem = mismatch(plan, revision);
  if (problem !== undefined)
    throw new UserError(MergeMessages.templateMismatch(context.template.name, problem), {
      hint: MergeMessages.TEMPLATE_MISMATCH_HINT,
    });
}

function mismatch(plan: PlannedMerge, revision: Revision): string | undefined {
  if (revision.id !== plan.id)
    return `revision = ${JSON.stringify(revision.id)} instead of ${JSON.stringify(plan.id)}`;
  if (revision.downRevisions.join('\n') !== plan.parents.join('\n'))
    return `down_revision names ${revision.downRevisions.join(', ') || 'nothing'} instead of ${plan.parents.join(', ')}`;
  if (revision.branchLabels.length > 0)
    return `branch_labels = ${revision.branchLabels.join(', ')}`;
  if (revision.dependencies.length > 0) return `depends_on = ${revision.dependencies.join(', ')}`;
  return undefined;
}
